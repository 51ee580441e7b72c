import type { RowProblem, RowVerdict } from '@/lib/batches/check';
import type { BatchColumn, BatchRow, ParsedBatchFile } from '@/lib/batches/parse';

/**
 * What the bulk-order page shows of a checked file: its columns, its rows as checked (edits
 * applied) and each row's verdict with its problems, but not the orders the rows would place:
 * the browser needs only what it shows, and the server makes the orders again when it submits.
 */
export interface BatchPreview {
  columns: BatchColumn[];
  rows: BatchRow[];
  verdicts: { rowNumber: number; verdict: RowVerdict['verdict']; problems: RowProblem[] }[];
}

export function previewOf(file: ParsedBatchFile, verdicts: readonly RowVerdict[]): BatchPreview {
  return {
    columns: file.columns,
    rows: file.rows,
    verdicts: verdicts.map(({ rowNumber, verdict, problems }) => ({ rowNumber, verdict, problems })),
  };
}

/** The counts the page shows and the submit button names. A row with only warnings is ready. */
export function previewCounts(verdicts: BatchPreview['verdicts']) {
  const ready = verdicts.filter((row) => row.verdict === 'ok').length;
  return {
    total: verdicts.length,
    ready,
    invalid: verdicts.length - ready,
    warned: verdicts.filter((row) => row.verdict === 'ok' && row.problems.length > 0).length,
  };
}
