import { cancelOrderForActor, getOrderForActor } from '@/db/queries/orders';
import { uuidParam } from '@/lib/api/params';
import { orderResource } from '@/lib/api/resources';
import { ApiProblem, apiRoute } from '@/lib/api/route';
import { operations } from '@/lib/api/operations';

/** POST /api/v1/orders/{orderId}/cancel: cancels an order support has not finished (409 otherwise). */
export const POST = apiRoute<{ orderId: string }>(operations.cancelOrder, async (_req, { actor, params }) => {
  const orderId = uuidParam(params.orderId);
  await cancelOrderForActor(actor, orderId);
  const detail = await getOrderForActor(actor, orderId);
  if (!detail) throw new ApiProblem('NOT_FOUND');
  return Response.json(orderResource(detail));
});
