import { describe, expect, it } from 'vitest';
import { columnNames } from '@/lib/batches/column-names';
import { checkBatchRows } from '@/lib/batches/check';
import { parseBatchFile } from '@/lib/batches/parse';
import { CATALOGUE, generateBatch, OPEN_ORDER_BUSINESS_ID } from '@/tests/support/batch-file';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('checking a batch of 1,000 rows', () => {
  it('gives exactly the 40 bad rows, each with its row, column and the form’s message key', async () => {
    const { csv, expected, warnings, header, fields } = generateBatch();
    const file = await parseBatchFile(bytes(csv), { type: 'merchant_rights', columnNames });
    const verdicts = await checkBatchRows(file, {
      type: 'merchant_rights',
      catalogue: CATALOGUE,
      openOrders: [{ merchantBusinessId: OPEN_ORDER_BUSINESS_ID, number: 1042 }],
    });

    expect(verdicts).toHaveLength(1000);
    const invalid = verdicts.filter((verdict) => verdict.verdict === 'invalid');
    expect(invalid.map((verdict) => verdict.rowNumber)).toEqual(expected.map((problem) => problem.rowNumber));
    for (const want of expected) {
      const verdict = verdicts.find((found) => found.rowNumber === want.rowNumber)!;
      expect(verdict.problems, want.kind).toEqual([
        {
          field: want.field,
          column: header[fields.indexOf(want.field)],
          message: want.message,
          severity: 'error',
          ...(want.message === 'batch.openOrder' ? { values: { number: 1042 } } : want.values && { values: want.values }),
        },
      ]);
      expect(verdict.order).toBeNull();
    }
    expect(verdicts.filter((verdict) => verdict.verdict === 'ok')).toHaveLength(960);

    // An ECR not in the catalogue is a new one, as on the form: a warning on an ok row.
    const warned = verdicts.filter((verdict) => verdict.problems.some((problem) => problem.severity === 'warning'));
    expect(warned.map((verdict) => verdict.rowNumber)).toEqual(warnings);
    expect(warned.every((verdict) => verdict.verdict === 'ok' && verdict.order !== null)).toBe(true);
    expect(warned[0]!.problems).toEqual([{ field: 'ecrName', column: 'Kassajärjestelmä', message: 'batch.ecrNotInCatalogue', severity: 'warning' }]);
  });

  it('places each good row as the form would: E.164 phone, normalised business ID, terminal IDs split', async () => {
    const { csv } = generateBatch({ rows: 3, badRows: 0 });
    const file = await parseBatchFile(bytes(csv), { type: 'merchant_rights', columnNames });
    const [first, second] = await checkBatchRows(file, { type: 'merchant_rights', catalogue: CATALOGUE, openOrders: [] });
    expect(first!.order).toMatchObject({ type: 'merchant_rights', recipientPhone: '+358401000000', recipientLocale: 'fi', merchantCountry: 'FI', terminalIds: [] });
    expect(second!.order).toMatchObject({ recipientName: 'Äijälä Öhman 1', merchantName: 'Kahvila Åland 1', recipientLocale: 'sv', terminalIds: ['PT-1', 'PT-1-B'] });
  });

  it('flags a second order for the same recipient and type when the type has no merchant', async () => {
    const csv = 'Recipient name,Recipient email,Recipient mobile number\nA,a@x.example,+358401234567\nB,A@X.example,+358401234568\n';
    const verdicts = await checkBatchRows(await parseBatchFile(bytes(csv), { type: 'channel', columnNames }), { type: 'channel', catalogue: [], openOrders: [] });
    expect(verdicts.map((verdict) => verdict.verdict)).toEqual(['ok', 'invalid']);
    expect(verdicts[1]!.problems).toEqual([
      { field: 'recipientEmail', column: 'Recipient email', message: 'batch.duplicateInFile', values: { row: 2 }, severity: 'error' },
    ]);
  });
});
