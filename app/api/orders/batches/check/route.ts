import { withRoute } from '@/lib/authz';
import { previewOf } from '@/lib/batches/preview';
import { batchCheckSchema } from '@/lib/validations/batches';
import { checkUploadedBatch, readBatchForm } from '../upload';

/**
 * POST /api/orders/batches/check – a bulk-order file (multipart: type, file, edits) read and
 * every row checked as the order form checks it, with the preview's edits applied. Writes
 * nothing. A route handler rather than a server action: a file may be 2 MB, an action 1 MB.
 */
export const POST = withRoute('orders:own', async (req, { actor }) => {
  const input = await readBatchForm(req, batchCheckSchema);
  const { file, verdicts } = await checkUploadedBatch(actor, input);
  return Response.json(previewOf(file, verdicts), { headers: { 'Cache-Control': 'no-store' } });
});
