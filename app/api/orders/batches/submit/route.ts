import { findBatchByIdempotencyKey, submitBatch } from '@/db/queries/batches';
import { withRoute } from '@/lib/authz';
import { previewOf } from '@/lib/batches/preview';
import { batchFileName, batchSubmitSchema } from '@/lib/validations/batches';
import { checkUploadedBatch, readBatchForm } from '../upload';

/**
 * POST /api/orders/batches/submit – the previewed file (multipart: type, file, edits, clientKey,
 * readyRows) checked once more, row by row, and its ready rows submitted as one batch; answers
 * the batch's id and number. The organisation is the caller's: nothing in the request names one.
 *
 * Note: the server decides which rows go. When its check finds another number of ready rows than
 * the person confirmed (an order placed meanwhile, a catalogue change), nothing is submitted and
 * the answer is 409 with the rows as checked now, so they look again before anything is ordered.
 */
export const POST = withRoute('orders:own', async (req, { actor }) => {
  const input = await readBatchForm(req, batchSubmitSchema);
  const made = await findBatchByIdempotencyKey(actor, input.clientKey);
  if (made) return Response.json({ batch: { id: made.id, number: made.number } });

  const { file, verdicts } = await checkUploadedBatch(actor, input);
  const ready = verdicts.flatMap((verdict) => (verdict.order ? [{ rowNumber: verdict.rowNumber, order: verdict.order }] : []));
  if (ready.length !== input.readyRows) {
    // A submit with the same key that won the race: its orders are what changed the count.
    const madeMeanwhile = await findBatchByIdempotencyKey(actor, input.clientKey);
    if (madeMeanwhile) return Response.json({ batch: { id: madeMeanwhile.id, number: madeMeanwhile.number } });
    return Response.json({ error: { code: 'CONFLICT' }, preview: previewOf(file, verdicts) }, { status: 409 });
  }

  const batch = await submitBatch(actor, { idempotencyKey: input.clientKey, type: input.type, fileName: batchFileName(input.file.name), rows: ready });
  return Response.json({ batch: { id: batch.id, number: batch.number } }, { status: batch.created ? 201 : 200 });
});
