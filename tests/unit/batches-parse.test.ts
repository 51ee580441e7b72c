import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/universal';
import { columnNames } from '@/lib/batches/column-names';
import { columnsFor } from '@/lib/batches/columns';
import { checkBatchRows } from '@/lib/batches/check';
import { BatchFileError } from '@/lib/batches/file-error';
import { MAX_BATCH_BYTES } from '@/lib/batches/limits';
import { parseBatchFile } from '@/lib/batches/parse';
import { templateCsv, templateRows, templateXlsx } from '@/lib/batches/template';
import { locales } from '@/lib/i18n/config';
import { accountTypes } from '@/lib/orders/model';
import { CATALOGUE, generateBatch } from '@/tests/support/batch-file';

const utf8 = (text: string) => new TextEncoder().encode(text);

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(BatchFileError);
  const { key, values } = error as BatchFileError;
  return { key, values };
}

const header5 = ['Recipient name', 'Recipient email', 'Recipient mobile number', 'Merchant name', 'Business ID'];
const merchantCsv = (delimiter: string, lines: string[][]) => Papa.unparse([header5, ...lines], { delimiter });
const merchantLine = ['Åsa Öberg', 'asa@example.fi', '+358 40 123 4567', 'Kärkkäinen & Co', '2605261-8'];

describe('reading a batch file', () => {
  it.each([
    ['semicolons', ';'],
    ['commas', ','],
  ])('reads a file separated by %s, with quoted fields, line breaks in quotes and ä ö å', async (_name, delimiter) => {
    const csv = merchantCsv(delimiter, [merchantLine, ['Ä; Ö, "Å"', 'b@example.fi', '+358401234568', 'Line one\nline two', '1234567-1']]);
    const file = await parseBatchFile(utf8(csv), { type: 'merchant', columnNames });
    expect(file.rows).toEqual([
      { rowNumber: 2, cells: { recipientName: 'Åsa Öberg', recipientEmail: 'asa@example.fi', recipientPhone: '+358 40 123 4567', merchantName: 'Kärkkäinen & Co', merchantBusinessId: '2605261-8' } },
      { rowNumber: 3, cells: { recipientName: 'Ä; Ö, "Å"', recipientEmail: 'b@example.fi', recipientPhone: '+358401234568', merchantName: 'Line one\nline two', merchantBusinessId: '1234567-1' } },
    ]);
  });

  it('drops a UTF-8 BOM, so the first header still matches', async () => {
    const file = await parseBatchFile(utf8('\uFEFF' + merchantCsv(';', [merchantLine])), { type: 'merchant', columnNames });
    expect(file.columns[0]).toEqual({ field: 'recipientName', header: 'Recipient name' });
    expect(file.rows[0]!.cells.recipientName).toBe('Åsa Öberg');
  });

  it('reads Windows-1252, as Excel saves plain "CSV", with ä ö å intact', async () => {
    const csv = merchantCsv(';', [merchantLine]);
    const latin1 = Uint8Array.from([...csv].map((char) => char.charCodeAt(0)));
    const file = await parseBatchFile(latin1, { type: 'merchant', columnNames });
    expect(file.rows[0]!.cells).toMatchObject({ recipientName: 'Åsa Öberg', merchantName: 'Kärkkäinen & Co' });
  });

  it.each(locales)('matches headers in %s, whatever the case and spacing', async (locale) => {
    const fields = columnsFor('merchant_rights').map((column) => column.field);
    const header = fields.map((field, index) => (index % 2 ? `  ${columnNames[locale][field].toUpperCase()} ` : columnNames[locale][field].replace(' ', '   ')));
    const file = await parseBatchFile(utf8(Papa.unparse([header, fields.map(() => 'x')])), { type: 'merchant_rights', columnNames });
    expect(file.columns.map((column) => column.field)).toEqual(fields);
    expect(file.columns[1]!.header).toBe(columnNames[locale][fields[1]!].toUpperCase());
  });

  it('skips blank rows and keeps the spreadsheet’s row numbers', async () => {
    const csv = merchantCsv(',', [merchantLine, ['', '', '', '', ''], [], merchantLine]);
    const file = await parseBatchFile(utf8(`\r\n${csv}\r\n\r\n`), { type: 'merchant', columnNames });
    expect(file.rows.map((row) => row.rowNumber)).toEqual([3, 6]);
  });

  it('keeps the row numbers of an XLSX with blank rows, and reads numbers as text', async () => {
    const sheet = [header5, [], merchantLine, [], [...merchantLine.slice(0, 2), 358401234567, ...merchantLine.slice(3)]];
    const blob = await writeXlsxFile(sheet.map((row) => row.map((value) => ({ value })))).toBlob();
    const file = await parseBatchFile(new Uint8Array(await blob.arrayBuffer()), { type: 'merchant', columnNames });
    expect(file.rows.map((row) => [row.rowNumber, row.cells.recipientPhone])).toEqual([
      [3, '+358 40 123 4567'],
      [5, '358401234567'],
    ]);
  });

  it('takes 1,000 rows and refuses 1,001', async () => {
    expect((await parseBatchFile(utf8(generateBatch({ rows: 1000 }).csv), { type: 'merchant_rights', columnNames })).rows).toHaveLength(1000);
    expect(await refusal(parseBatchFile(utf8(generateBatch({ rows: 1001 }).csv), { type: 'merchant_rights', columnNames }))).toEqual({ key: 'tooManyRows', values: { max: 1000 } });
  });

  it('refuses a file over the size limit before reading it', async () => {
    expect(await refusal(parseBatchFile(new Uint8Array(MAX_BATCH_BYTES + 1), { type: 'merchant', columnNames }))).toEqual({ key: 'tooLarge', values: { maxMegabytes: 2 } });
  });

  it.each([
    ['an empty file', utf8(''), 'noHeader', {}],
    ['only blank lines', utf8(';;\r\n\r\n'), 'noHeader', {}],
    ['a header and no rows', utf8(merchantCsv(';', [])), 'noRows', {}],
    ['a binary file', Uint8Array.from({ length: 500 }, (_, index) => (index % 3 ? 0 : 65)), 'unreadable', {}],
    ['a broken XLSX', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'unreadable', {}],
    ['an unknown column', utf8(merchantCsv(',', [merchantLine]).replace('Business ID', 'VAT number')), 'unknownColumn', { column: 'VAT number' }],
    ['a missing required column', utf8('Recipient name,Recipient email\nA,a@x.fi'), 'missingColumn', { column: 'recipientPhone' }],
    ['a column twice', utf8('Recipient name;Vastaanottajan nimi\nA;B'), 'duplicateColumn', { column: 'Vastaanottajan nimi' }],
  ])('refuses %s', async (_case, bytes, key, values) => {
    expect(await refusal(parseBatchFile(bytes, { type: 'merchant', columnNames }))).toEqual({ key, values });
  });

  it('accepts a file with the whole batch spread over rows of every kind of line ending', async () => {
    const { csv } = generateBatch({ rows: 50, badRows: 0, locale: 'sv', delimiter: ',' });
    const file = await parseBatchFile(utf8(csv.replaceAll('\r\n', '\n')), { type: 'merchant_rights', columnNames });
    expect((await checkBatchRows(file, { type: 'merchant_rights', catalogue: CATALOGUE, openOrders: [] })).every((row) => row.verdict === 'ok')).toBe(true);
  });
});

describe('the templates', () => {
  it.each(accountTypes.flatMap((type) => locales.map((locale) => [type, locale] as const)))('%s in %s: the CSV and the XLSX read back as one good row', async (type, locale) => {
    const [header] = templateRows(type, locale);
    for (const bytes of [utf8(templateCsv(type, locale)), await templateXlsx(type, locale)]) {
      const file = await parseBatchFile(bytes, { type, columnNames });
      expect(file.columns.map((column) => column.header)).toEqual(header);
      const [row] = await checkBatchRows(file, { type, catalogue: CATALOGUE, openOrders: [] });
      expect(row).toMatchObject({ rowNumber: 2, verdict: 'ok', problems: [] });
      expect(row!.order).toMatchObject({ type, recipientName: 'Maija Meikäläinen', recipientPhone: '+358401234567' });
    }
  });

  it('writes the Finnish CSV as Finnish Excel reads it: BOM, semicolons', () => {
    const csv = templateCsv('merchant', 'fi');
    expect(csv.startsWith('\uFEFFVastaanottajan nimi;Vastaanottajan sähköposti;')).toBe(true);
    expect(templateCsv('merchant', 'en')).toContain('Recipient name,Recipient email,');
  });
});
