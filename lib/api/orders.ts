import 'server-only';
import { getOrderForActor } from '@/db/queries/orders';
import type { OrganisationActor } from '@/db/queries/users';
import { orderResource } from '@/lib/api/resources';
import { ApiProblem } from '@/lib/api/route';

/** An order as the API answers it, read back through the same visibility rule as every read. */
export async function orderResponse(actor: OrganisationActor, orderId: string, init?: ResponseInit) {
  const detail = await getOrderForActor(actor, orderId);
  if (!detail) throw new ApiProblem('NOT_FOUND');
  return Response.json(orderResource(detail), init);
}
