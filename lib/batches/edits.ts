import type { BatchField } from '@/lib/batches/columns';
import type { ParsedBatchFile } from '@/lib/batches/parse';
import type { CellEdit } from '@/lib/validations/batches';

/**
 * The file as the person corrected it in the preview: each edit replaces one cell, the last
 * edit of a cell wins. An edit can only change a cell of a row and column the file has; it
 * adds no row and no column, so the rows stay those of the file.
 */
export function applyCellEdits(file: ParsedBatchFile, edits: readonly CellEdit[]): ParsedBatchFile {
  if (edits.length === 0) return file;
  const columns = new Set<BatchField>(file.columns.map((column) => column.field));
  const editsByRow = new Map<number, Partial<Record<BatchField, string>>>();
  for (const edit of edits) {
    if (columns.has(edit.field)) editsByRow.set(edit.rowNumber, { ...editsByRow.get(edit.rowNumber), [edit.field]: edit.value });
  }
  return {
    columns: file.columns,
    rows: file.rows.map((row) => {
      const edited = editsByRow.get(row.rowNumber);
      return edited ? { rowNumber: row.rowNumber, cells: { ...row.cells, ...edited } } : row;
    }),
  };
}
