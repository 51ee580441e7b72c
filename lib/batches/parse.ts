import { columnsFor, headerLookup, type BatchField, type ColumnNames } from '@/lib/batches/columns';
import { BatchFileError } from '@/lib/batches/file-error';
import { MAX_BATCH_BYTES, MAX_BATCH_ROWS } from '@/lib/batches/limits';
import { readCells } from '@/lib/batches/read-cells';
import type { AccountType } from '@/lib/orders/model';

/** A column of the file: the field it fills and its header exactly as written in the file. */
export interface BatchColumn {
  field: BatchField;
  header: string;
}

/** One data row: its row number in the spreadsheet (the header is row 1) and its cells by field. */
export interface BatchRow {
  rowNumber: number;
  cells: Partial<Record<BatchField, string>>;
}

export interface ParsedBatchFile {
  columns: BatchColumn[];
  rows: BatchRow[];
}

const isBlank = (cells: string[]) => cells.every((cell) => cell.trim() === '');

/**
 * Reads an uploaded file for a batch of `type` orders. Refuses the whole file (BatchFileError)
 * when it cannot be a batch: too large, unreadable, no header, a header the template does not
 * have, a required column missing, or more than MAX_BATCH_ROWS rows. Blank rows are skipped.
 */
export async function parseBatchFile(bytes: Uint8Array, { type, columnNames }: { type: AccountType; columnNames: ColumnNames }): Promise<ParsedBatchFile> {
  if (bytes.byteLength > MAX_BATCH_BYTES) throw new BatchFileError('tooLarge', { maxMegabytes: MAX_BATCH_BYTES / 1024 / 1024 });
  const cells = await readCells(bytes);

  const headerIndex = cells.findIndex((row) => !isBlank(row));
  if (headerIndex === -1) throw new BatchFileError('noHeader');
  const columns = readHeader(cells[headerIndex]!, type, headerLookup(columnNames));

  const rows: BatchRow[] = [];
  for (let index = headerIndex + 1; index < cells.length; index++) {
    const row = cells[index]!;
    if (isBlank(row)) continue;
    if (rows.length === MAX_BATCH_ROWS) throw new BatchFileError('tooManyRows', { max: MAX_BATCH_ROWS });
    const byField: BatchRow['cells'] = {};
    columns.forEach((column, position) => {
      if (column) byField[column.field] = row[position] ?? '';
    });
    rows.push({ rowNumber: index + 1, cells: byField });
  }
  if (rows.length === 0) throw new BatchFileError('noRows');
  return { columns: columns.filter((column) => column !== null), rows };
}

/** The header row's columns by position; a blank header over an empty column is no column. */
function readHeader(header: string[], type: AccountType, fieldForHeader: ReturnType<typeof headerLookup>): (BatchColumn | null)[] {
  const seen = new Set<BatchField>();
  const columns = header.map((text): BatchColumn | null => {
    if (text.trim() === '') return null;
    const field = fieldForHeader(text);
    if (!field) throw new BatchFileError('unknownColumn', { column: text.trim() });
    if (seen.has(field)) throw new BatchFileError('duplicateColumn', { column: text.trim() });
    seen.add(field);
    return { field, header: text.trim() };
  });
  const missing = columnsFor(type).find((spec) => spec.required && !seen.has(spec.field));
  // Named by its field: the UI shows the column name in the user's language.
  if (missing) throw new BatchFileError('missingColumn', { column: missing.field });
  return columns;
}
