import { cancelOrderForActor } from '@/db/queries/orders';
import { orderResponse } from '@/lib/api/orders';
import { operations } from '@/lib/api/operations';
import { uuidParam } from '@/lib/api/params';
import { apiRoute } from '@/lib/api/route';

/** POST /api/v1/orders/{orderId}/cancel: cancels an order support has not finished (409 otherwise). */
export const POST = apiRoute<{ orderId: string }>(operations.cancelOrder, async (_req, { actor, params }) => {
  const orderId = uuidParam(params.orderId);
  await cancelOrderForActor(actor, orderId);
  return orderResponse(actor, orderId);
});
