import 'server-only';
import type { z } from 'zod';
import { countBatchOrdersByState, getBatchForActor, listBatchOrders } from '@/db/queries/batches';
import type { OrganisationActor } from '@/db/queries/users';
import { problemField, type ProblemField } from '@/lib/api/problem';
import { orderBatchResource } from '@/lib/api/resources';
import { ApiProblem, safeParseInput } from '@/lib/api/route';
import { orderBatchRow } from '@/lib/api/schemas';
import type { RowVerdict } from '@/lib/batches/check';
import { batchFields } from '@/lib/batches/columns';
import { MAX_BATCH_ROWS } from '@/lib/batches/limits';
import type { ParsedBatchFile } from '@/lib/batches/parse';
import { fieldErrorsOf } from '@/lib/validations/field-errors';

/*
 * POST /order-batches reads its rows as the portal reads an uploaded file's: each row becomes the
 * cells of a file row (row number = index + 1) and goes through the same check
 * (checkBatchForActor), so a row gets the order form's messages, and duplicates within the
 * request and rows matching an open order are flagged as on the batch preview.
 */

type BatchRowBody = z.output<typeof orderBatchRow>;

/** A problem of one row, with the row's index to sort by. */
interface RowProblemField {
  index: number;
  problem: ProblemField;
}

/**
 * Each row read with the row schema on its own: the ones that pass, and each refused row's
 * problems under `/rows/{index}`. A row refused here (a wrong JSON type, an unknown or malformed
 * field) is left out of the check, as the preview leaves an invalid row out of its duplicates.
 */
export function readBatchRows(rows: unknown[]) {
  const read: { index: number; row: BatchRowBody }[] = [];
  const problems: RowProblemField[] = [];
  rows.forEach((value, index) => {
    const parsed = safeParseInput(orderBatchRow, value);
    if (parsed.success) read.push({ index, row: parsed.data });
    else
      for (const [field, messages] of Object.entries(fieldErrorsOf(parsed.error))) {
        for (const message of messages) problems.push({ index, problem: problemField(['rows', index, ...(field === 'form' ? [] : field.split('.'))], message) });
      }
  });
  return { read, problems };
}

/** Rows of the request as the rows of a file, numbered from 1 by their index; Terminal IDs one per line, as in a cell. */
export function batchFileOf(read: ReturnType<typeof readBatchRows>['read']): ParsedBatchFile {
  return {
    columns: batchFields.map((field) => ({ field, header: field })),
    rows: read.map(({ index, row }) => ({
      rowNumber: index + 1,
      cells: Object.fromEntries(
        batchFields.flatMap((field) => {
          const value = row[field];
          if (value === undefined) return [];
          return [[field, Array.isArray(value) ? value.join('\n') : value]];
        }),
      ),
    })),
  };
}

/**
 * The check's problems as the API words them: errors refuse the batch, warnings come with its
 * acceptance. A file's duplicate names the first row by its number in the file; a request names
 * it by its index, as the pointers do.
 */
export function verdictProblems(verdicts: RowVerdict[]) {
  const errors: RowProblemField[] = [];
  const warnings: ProblemField[] = [];
  for (const verdict of verdicts) {
    const index = verdict.rowNumber - 1;
    for (const found of verdict.problems) {
      const problem =
        found.message === 'batch.duplicateInFile'
          ? problemField(['rows', index, found.field], 'batch.duplicateInRequest', { index: Number(found.values?.row) - 1 })
          : problemField(['rows', index, found.field], found.message, found.values);
      if (found.severity === 'error') errors.push({ index, problem });
      else warnings.push(problem);
    }
  }
  return { errors, warnings };
}

/** Refuses the batch (422) with every row's problems, in row order. */
export function refuseRows(...problems: RowProblemField[][]): never {
  const errors = problems
    .flat()
    .sort((a, b) => a.index - b.index)
    .map(({ problem }) => problem);
  throw new ApiProblem('INVALID_INPUT', { errors });
}

/** A batch as the API answers it, read back through the same visibility rule as every read (404 otherwise); `warnings` for the answers to POST. */
export async function orderBatchResponse(actor: OrganisationActor, batchId: string, init?: ResponseInit, warnings?: ProblemField[]) {
  const batch = await getBatchForActor(actor, batchId);
  if (!batch) throw new ApiProblem('NOT_FOUND');
  const [counts, orders] = await Promise.all([countBatchOrdersByState(batch.id), listBatchOrders(batch.id, { limit: MAX_BATCH_ROWS })]);
  const resource = orderBatchResource(batch, counts, orders);
  return Response.json(warnings ? { ...resource, warnings } : resource, init);
}
