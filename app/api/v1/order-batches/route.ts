import { checkBatchForActor, findBatchByIdempotencyKey, submitBatch } from '@/db/queries/batches';
import { batchFileOf, orderBatchResponse, readBatchRows, refuseRows, verdictProblems } from '@/lib/api/batches';
import { idempotencyKeyOf, requestHashOf } from '@/lib/api/idempotency';
import { operations } from '@/lib/api/operations';
import { ApiProblem, apiRoute, parseOrRefuse, readJsonBody } from '@/lib/api/route';
import { orderBatchEnvelope } from '@/lib/api/schemas';

/**
 * POST /api/v1/order-batches: places orders of one type as one batch, checked as an uploaded
 * file is. All or nothing: a client cannot fix a row in a preview, so a batch with any row in
 * error is refused whole (422, every row's problems) and nothing is written; an accepted one is
 * 202, its rows placed by the batch job. A retry with the same Idempotency-Key and body answers
 * with the batch (200, `Idempotent-Replayed: true`).
 */
export const POST = apiRoute(operations.placeOrderBatch, async (req, { actor }) => {
  const idempotencyKey = idempotencyKeyOf(req);
  const { type, rows } = parseOrRefuse(orderBatchEnvelope, await readJsonBody(req));
  const { read, problems } = readBatchRows(rows);
  const verdicts = await checkBatchForActor(actor, batchFileOf(read), type);
  const { errors, warnings } = verdictProblems(verdicts);
  if (problems.length) refuseRows(problems, errors);

  const requestHash = requestHashOf({ type, rows: read.map(({ row }) => row) });
  // Note: a retry is answered before the check's refusals. Once its batch is placed, the rows
  // match the organisation's open orders (its own), and a retry must not be refused for them.
  const existing = await findBatchByIdempotencyKey(actor, idempotencyKey);
  if (existing && existing.requestHash !== requestHash) throw new ApiProblem('IDEMPOTENCY_KEY_REUSED');
  if (!existing && errors.length) refuseRows(errors);

  // A concurrent request with the same key may have submitted it meanwhile: submitBatch answers with that batch.
  const batch = existing
    ? { id: existing.id, created: false }
    : await submitBatch(actor, { idempotencyKey, type, fileName: null, rows: verdicts.map((verdict) => ({ rowNumber: verdict.rowNumber, order: verdict.order! })), requestHash });
  return orderBatchResponse(
    actor,
    batch.id,
    { status: batch.created ? 202 : 200, headers: { Location: `/api/v1/order-batches/${batch.id}`, ...(batch.created ? {} : { 'Idempotent-Replayed': 'true' }) } },
    warnings,
  );
});
