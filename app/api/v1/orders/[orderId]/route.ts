import { orderResponse } from '@/lib/api/orders';
import { operations } from '@/lib/api/operations';
import { uuidParam } from '@/lib/api/params';
import { apiRoute } from '@/lib/api/route';

/** GET /api/v1/orders/{orderId}: one order of the organisation, with its timeline. */
export const GET = apiRoute<{ orderId: string }>(operations.getOrder, async (_req, { actor, params }) =>
  orderResponse(actor, uuidParam(params.orderId)),
);
