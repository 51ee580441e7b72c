import { getOrderForActor } from '@/db/queries/orders';
import { orderResource } from '@/lib/api/resources';
import { ApiProblem, apiRoute } from '@/lib/api/route';
import { uuidParam } from '@/lib/api/params';
import { operations } from '@/lib/api/operations';

/** GET /api/v1/orders/{orderId}: one order of the organisation, with its timeline. */
export const GET = apiRoute<{ orderId: string }>(operations.getOrder, async (_req, { actor, params }) => {
  const detail = await getOrderForActor(actor, uuidParam(params.orderId));
  if (!detail) throw new ApiProblem('NOT_FOUND');
  return Response.json(orderResource(detail));
});
