import { describe, expect, it } from 'vitest';
import { applyCellEdits } from '@/lib/batches/edits';
import type { ParsedBatchFile } from '@/lib/batches/parse';
import { previewCounts, previewOf } from '@/lib/batches/preview';
import type { RowVerdict } from '@/lib/batches/check';

const file: ParsedBatchFile = {
  columns: [
    { field: 'recipientName', header: 'Vastaanottajan nimi' },
    { field: 'merchantBusinessId', header: 'Y-tunnus' },
  ],
  rows: [
    { rowNumber: 2, cells: { recipientName: 'Äijälä', merchantBusinessId: '2605261-8' } },
    { rowNumber: 4, cells: { recipientName: 'Öhman', merchantBusinessId: '2605261-7' } },
  ],
};

describe('cells fixed in the preview', () => {
  it('replace their cell only, the last fix of a cell winning', () => {
    const edited = applyCellEdits(file, [
      { rowNumber: 4, field: 'merchantBusinessId', value: '2605261' },
      { rowNumber: 4, field: 'merchantBusinessId', value: '2605261-8' },
    ]);
    expect(edited.rows).toEqual([file.rows[0], { rowNumber: 4, cells: { recipientName: 'Öhman', merchantBusinessId: '2605261-8' } }]);
    expect(file.rows[1]!.cells.merchantBusinessId).toBe('2605261-7');
  });

  it('add no row and no column the file lacks', () => {
    const edited = applyCellEdits(file, [
      { rowNumber: 3, field: 'recipientName', value: 'A blank row of the file' },
      { rowNumber: 2, field: 'merchantName', value: 'Not a column of this file' },
    ]);
    expect(edited).toEqual(file);
  });
});

describe('the preview of a checked file', () => {
  const verdicts: RowVerdict[] = [
    { rowNumber: 2, verdict: 'ok', problems: [], order: null },
    { rowNumber: 3, verdict: 'ok', problems: [{ field: 'ecrName', column: 'ECR', message: 'batch.ecrNotInCatalogue', severity: 'warning' }], order: null },
    { rowNumber: 4, verdict: 'invalid', problems: [{ field: 'merchantBusinessId', column: 'Y-tunnus', message: 'businessIdCheckDigit', severity: 'error' }], order: null },
  ];

  it('counts a row with only warnings as ready, and leaves the orders out', () => {
    expect(previewCounts(verdicts)).toEqual({ total: 3, ready: 2, invalid: 1, warned: 1 });
    expect(previewOf(file, verdicts).verdicts.every((verdict) => !('order' in verdict))).toBe(true);
  });
});
