import { orderBatchResponse } from '@/lib/api/batches';
import { operations } from '@/lib/api/operations';
import { uuidParam } from '@/lib/api/params';
import { apiRoute } from '@/lib/api/route';

/** GET /api/v1/order-batches/{batchId}: a batch of the organisation, with its orders so far; another organisation's is a 404 like an unknown id. */
export const GET = apiRoute<{ batchId: string }>(operations.getOrderBatch, async (_req, { actor, params }) =>
  orderBatchResponse(actor, uuidParam(params.batchId)),
);
