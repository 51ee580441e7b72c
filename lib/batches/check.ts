import type { BatchField } from '@/lib/batches/columns';
import type { BatchColumn, BatchRow, ParsedBatchFile } from '@/lib/batches/parse';
import { typeRequirements, type AccountType } from '@/lib/orders/model';
import { orderFormSchema, type OrderFormInput, type OrderInput } from '@/lib/validations/order';

/**
 * Checks each row of a batch with the order form's own schema, so a row gets exactly the
 * messages the form would give, then what only a batch can have: the same order twice in the
 * file, or an order the organisation already has open. Pure: the caller brings the catalogue
 * and the open orders (db/queries/batches.ts).
 */

/** A problem in one cell. `message` is a key of the `validation` catalogue, filled by `values`. */
export interface RowProblem {
  field: BatchField;
  /** The header as written in the file (the field's name if the file lacks the column). */
  column: string;
  message: string;
  values?: Record<string, string | number>;
  /** A warning leaves the row ok: the form accepts it too (an ECR not in the catalogue is a new one). */
  severity: 'error' | 'warning';
}

export type BatchOrder = Omit<OrderInput, 'idempotencyKey'>;

export interface RowVerdict {
  rowNumber: number;
  verdict: 'ok' | 'invalid';
  problems: RowProblem[];
  /** The order the row places, as the form would place it; null when invalid. */
  order: BatchOrder | null;
}

export interface BatchCheckContext {
  type: AccountType;
  /** The active ECR catalogue (listEcrCatalogue). */
  catalogue: readonly { supplierName: string; ecrName: string }[];
  /** The organisation's open orders of `type` for the file's business IDs (findOpenOrdersByBusinessId). */
  openOrders: readonly { merchantBusinessId: string; number: number }[];
}

/** The schema wants an idempotency key; the batch gives each row its own when it submits. */
const CHECK_ONLY_KEY = '00000000-0000-4000-8000-000000000000';

export function rowToFormInput(row: BatchRow, type: AccountType): OrderFormInput {
  const cell = (field: BatchField) => row.cells[field] ?? '';
  const locale = cell('recipientLocale').trim().toLowerCase();
  return {
    type,
    recipientName: cell('recipientName'),
    recipientEmail: cell('recipientEmail'),
    recipientPhone: cell('recipientPhone'),
    recipientLocale: (locale || undefined) as OrderFormInput['recipientLocale'],
    ecrSupplierName: cell('ecrSupplierName'),
    ecrName: cell('ecrName'),
    merchantName: cell('merchantName'),
    merchantBusinessId: cell('merchantBusinessId'),
    // An empty country cell means Finland, as on the form.
    merchantCountry: cell('merchantCountry').trim() || undefined,
    terminalIds: cell('terminalIds'),
    additionalInfo: cell('additionalInfo'),
    idempotencyKey: CHECK_ONLY_KEY,
  };
}

/** What makes two rows the same order: the merchant for merchant types, else the recipient. */
function sameOrderKey(order: BatchOrder) {
  return typeRequirements[order.type].merchant
    ? `${order.type}|${order.merchantCountry}|${order.merchantBusinessId?.toUpperCase()}`
    : `${order.type}|${order.recipientEmail}`;
}

const lower = (value: string | null) => (value ?? '').trim().toLowerCase();

/** Rows checked between two turns of the event loop: a 1,000-row check takes about 200 ms of CPU. */
const ROWS_PER_TURN = 50;

/**
 * Checks every row. Async only to share the server: it yields to the event loop every
 * ROWS_PER_TURN rows, so other requests wait milliseconds, not the whole check.
 */
export async function checkBatchRows(file: ParsedBatchFile, context: BatchCheckContext): Promise<RowVerdict[]> {
  const check = rowChecker(file, context);
  const verdicts: RowVerdict[] = [];
  for (let start = 0; start < file.rows.length; start += ROWS_PER_TURN) {
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    verdicts.push(...file.rows.slice(start, start + ROWS_PER_TURN).map(check));
  }
  return verdicts;
}

/** The check of one row after another: it remembers the rows before, to flag the same order twice. */
function rowChecker(file: ParsedBatchFile, context: BatchCheckContext): (row: BatchRow) => RowVerdict {
  const headers = new Map(file.columns.map((column: BatchColumn) => [column.field, column.header]));
  const columnOf = (field: BatchField) => headers.get(field) ?? field;
  const catalogued = new Set(context.catalogue.map((entry) => `${lower(entry.supplierName)}|${lower(entry.ecrName)}`));
  const openByBusinessId = new Map(context.openOrders.map((open) => [open.merchantBusinessId.toUpperCase(), open.number]));
  const firstRowByKey = new Map<string, number>();
  const needs = typeRequirements[context.type];

  return (row) => {
    const problems: RowProblem[] = [];
    const problem = (field: BatchField, message: string, values?: RowProblem['values'], severity: RowProblem['severity'] = 'error') =>
      problems.push({ field, column: columnOf(field), message, severity, ...(values && { values }) });

    const parsed = orderFormSchema.safeParse(rowToFormInput(row, context.type));
    if (!parsed.success) {
      const reported = new Set<string>();
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as BatchField;
        // One message per cell, the first, as the form shows one per field.
        if (reported.has(field)) continue;
        reported.add(field);
        // The form picks a language from a list; a file cell must spell its code.
        problem(field, field === 'recipientLocale' ? 'batch.localeInvalid' : issue.message);
      }
      return { rowNumber: row.rowNumber, verdict: 'invalid', problems, order: null };
    }

    const { idempotencyKey: _unused, ...order } = parsed.data;
    const key = sameOrderKey(order);
    const sameField: BatchField = needs.merchant ? 'merchantBusinessId' : 'recipientEmail';
    const firstRow = firstRowByKey.get(key);
    if (firstRow !== undefined) problem(sameField, 'batch.duplicateInFile', { row: firstRow });
    else firstRowByKey.set(key, row.rowNumber);

    const openNumber = order.merchantBusinessId ? openByBusinessId.get(order.merchantBusinessId.toUpperCase()) : undefined;
    if (needs.merchant && openNumber !== undefined) problem('merchantBusinessId', 'batch.openOrder', { number: openNumber });

    if (needs.ecr && !catalogued.has(`${lower(order.ecrSupplierName)}|${lower(order.ecrName)}`)) {
      problem('ecrName', 'batch.ecrNotInCatalogue', undefined, 'warning');
    }

    const invalid = problems.some((found) => found.severity === 'error');
    return { rowNumber: row.rowNumber, verdict: invalid ? 'invalid' : 'ok', problems, order: invalid ? null : order };
  };
}
