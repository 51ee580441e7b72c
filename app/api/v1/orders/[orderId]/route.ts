import { orderResponse } from '@/lib/api/orders';
import { uuidParam } from '@/lib/api/params';
import { apiRoute } from '@/lib/api/route';

/** GET /api/v1/orders/{orderId}: one order of the organisation, with its timeline. */
export const GET = apiRoute<{ orderId: string }>({ permission: 'orders:own', scope: 'read' }, async (_req, { actor, params }) =>
  orderResponse(actor, uuidParam(params.orderId)),
);
