import { isValidCursor } from '@/db/queries/keyset-cursor';
import { createOrder, listOrdersForActor } from '@/db/queries/orders';
import { orderResponse } from '@/lib/api/orders';
import { idempotencyKeyOf, requestHashOf } from '@/lib/api/idempotency';
import { orderSummaryResource } from '@/lib/api/resources';
import { ApiProblem, apiRoute, parseOrRefuse, readJsonBody } from '@/lib/api/route';
import { orderCreateBody, orderListQuery } from '@/lib/api/schemas';
import { orderFormSchema } from '@/lib/validations/order';
import { operations } from '@/lib/api/operations';

/** GET /api/v1/orders: the organisation's orders, newest first, a page at a time. */
export const GET = apiRoute(operations.listOrders, async (req, { actor }) => {
  const query = parseOrRefuse(orderListQuery, Object.fromEntries(req.nextUrl.searchParams));
  if (query.cursor !== undefined && !isValidCursor(query.cursor)) throw new ApiProblem('INVALID_INPUT', { fieldErrors: { cursor: ['cursorInvalid'] } });
  const page = await listOrdersForActor(actor, { state: query.state, type: query.type, q: query.q, after: query.cursor }, query.limit);
  return Response.json({ data: page.rows.map(orderSummaryResource), nextCursor: page.nextCursor ?? null });
});

/**
 * POST /api/v1/orders: places an order, as the order form does. A retry with the same
 * Idempotency-Key and body answers with the first order (200, `Idempotent-Replayed: true`).
 */
export const POST = apiRoute(operations.placeOrder, async (req, { actor }) => {
  const idempotencyKey = idempotencyKeyOf(req);
  const body = parseOrRefuse(orderCreateBody, await readJsonBody(req));
  const input = parseOrRefuse(orderFormSchema, { ...body, terminalIds: body.terminalIds.join('\n'), idempotencyKey });
  const placed = await createOrder(actor, input, { requestHash: requestHashOf(body) });
  return orderResponse(actor, placed.id, {
    status: placed.created ? 201 : 200,
    headers: { Location: `/api/v1/orders/${placed.id}`, ...(placed.created ? {} : { 'Idempotent-Replayed': 'true' }) },
  });
});
