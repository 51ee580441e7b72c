import Papa from 'papaparse';
import { columnNames } from '@/lib/batches/column-names';
import { columnsFor, type BatchField } from '@/lib/batches/columns';
import type { Locale } from '@/lib/i18n/config';
import { businessId } from '@/tests/support/business-ids';

export { businessId };

/**
 * A generated bulk-order file of merchant-rights rows: every row valid except the bad ones,
 * each of a known kind with the exact problem the check must report. Shared by the tests and
 * bench/batches.ts.
 */

export const CATALOGUE = [{ supplierName: 'Retail Systems Nordic Oy', ecrName: 'RSN Kassa' }];
/** The business ID of the open order the bench/test places first: the row with it is flagged. */
export const OPEN_ORDER_BUSINESS_ID = businessId(5000);

type Row = Record<BatchField, string>;

export function validRow(n: number): Row {
  return {
    recipientName: `Äijälä Öhman ${n}`,
    recipientEmail: `owner${n}@kauppa.example`,
    recipientPhone: `+358 40 ${String(1_000_000 + n).padStart(7, '0')}`,
    recipientLocale: ['fi', 'sv', 'en', ''][n % 4]!,
    ecrSupplierName: 'Retail Systems Nordic Oy',
    ecrName: 'RSN Kassa',
    merchantName: `Kahvila Åland ${n}`,
    merchantBusinessId: businessId(n),
    merchantCountry: n % 2 ? 'FI' : '',
    terminalIds: n % 3 ? `PT-${n}, PT-${n}-B` : '',
    additionalInfo: 'RSN Kassa Cloud',
  };
}

export interface BadKind {
  name: string;
  field: BatchField;
  message: string;
  /** Spoils row `n` (a valid row); `firstRowNumber` is where duplicates copy from. */
  spoil: (row: Row, firstRowNumber: Row) => Partial<Row>;
  values?: (rowNumberOfFirst: number) => Record<string, string | number>;
}

export const badKinds: BadKind[] = [
  { name: 'national phone', field: 'recipientPhone', message: 'phone.national', spoil: () => ({ recipientPhone: '040 123 4567' }) },
  { name: 'letters in phone', field: 'recipientPhone', message: 'phone.letters', spoil: () => ({ recipientPhone: '+358 40 ABC 4567' }) },
  { name: 'landline', field: 'recipientPhone', message: 'phone.landline', spoil: () => ({ recipientPhone: '+358 9 1234 5678' }) },
  { name: 'short phone', field: 'recipientPhone', message: 'phone.tooShort', spoil: () => ({ recipientPhone: '+358 40' }) },
  { name: 'no phone', field: 'recipientPhone', message: 'phone.required', spoil: () => ({ recipientPhone: '' }) },
  { name: 'check digit', field: 'merchantBusinessId', message: 'businessIdCheckDigit', spoil: (row) => ({ merchantBusinessId: row.merchantBusinessId.slice(0, 8) + ((Number(row.merchantBusinessId.at(-1)) + 1) % 10) }) },
  { name: 'business ID shape', field: 'merchantBusinessId', message: 'businessIdShape', spoil: () => ({ merchantBusinessId: '123-45' }) },
  { name: 'no business ID', field: 'merchantBusinessId', message: 'businessIdRequired', spoil: () => ({ merchantBusinessId: '' }) },
  { name: 'no merchant name', field: 'merchantName', message: 'merchantNameRequired', spoil: () => ({ merchantName: '  ' }) },
  { name: 'bad email', field: 'recipientEmail', message: 'emailInvalid', spoil: () => ({ recipientEmail: 'maija@' }) },
  { name: 'no recipient name', field: 'recipientName', message: 'recipientNameRequired', spoil: () => ({ recipientName: '' }) },
  { name: 'bad terminal ID', field: 'terminalIds', message: 'terminalIdInvalid', spoil: () => ({ terminalIds: 'PT-1; PT_2' }) },
  { name: 'long merchant name', field: 'merchantName', message: 'tooLong', spoil: () => ({ merchantName: 'Ä'.repeat(201) }) },
  { name: 'long additional info', field: 'additionalInfo', message: 'tooLong', spoil: () => ({ additionalInfo: 'x'.repeat(2001) }) },
  { name: 'control character', field: 'recipientName', message: 'controlCharacters', spoil: () => ({ recipientName: 'Maija\u0007 Meikäläinen' }) },
  { name: 'NUL byte', field: 'merchantName', message: 'controlCharacters', spoil: () => ({ merchantName: 'Kahvila\u0000' }) },
  { name: 'line break in a name', field: 'merchantName', message: 'oneLine', spoil: () => ({ merchantName: 'Kahvila\nAurinko' }) },
  { name: 'no ECR supplier', field: 'ecrSupplierName', message: 'ecrSupplierRequired', spoil: () => ({ ecrSupplierName: '' }) },
  { name: 'no ECR', field: 'ecrName', message: 'ecrRequired', spoil: () => ({ ecrName: '' }) },
  { name: 'no additional info', field: 'additionalInfo', message: 'additionalInfoRequired', spoil: () => ({ additionalInfo: '' }) },
  { name: 'bad country', field: 'merchantCountry', message: 'countryInvalid', spoil: () => ({ merchantCountry: 'FIN' }) },
  { name: 'unknown language', field: 'recipientLocale', message: 'batch.localeInvalid', spoil: () => ({ recipientLocale: 'de' }) },
  {
    name: 'duplicate in the file',
    field: 'merchantBusinessId',
    message: 'batch.duplicateInFile',
    // The same merchant as row 2, written another way ("FI" prefix, no hyphen): still the same.
    spoil: (_row, first) => ({ merchantBusinessId: 'FI' + first.merchantBusinessId.replace('-', '') }),
    values: () => ({ row: 2 }),
  },
  { name: 'an open order', field: 'merchantBusinessId', message: 'batch.openOrder', spoil: () => ({ merchantBusinessId: OPEN_ORDER_BUSINESS_ID }) },
];

export interface ExpectedProblem {
  rowNumber: number;
  kind: string;
  field: BatchField;
  message: string;
  values?: Record<string, string | number>;
}

/**
 * `rows` data rows; `badRows` of them spoiled, kinds in turn, spread through the file; every
 * 97th good row names an ECR not in the catalogue (a warning, the row stays ok).
 */
export function generateBatch({ rows = 1000, badRows = 40, locale = 'fi' as Locale, delimiter = ';' } = {}) {
  const fields = columnsFor('merchant_rights').map((column) => column.field);
  const data: Row[] = [];
  const expected: ExpectedProblem[] = [];
  const warnings: number[] = [];
  const step = Math.floor(rows / badRows);
  for (let n = 0; n < rows; n++) {
    const rowNumber = n + 2;
    let row = validRow(n);
    if (n % step === step - 1 && expected.length < badRows) {
      const kind = badKinds[expected.length % badKinds.length]!;
      row = { ...row, ...kind.spoil(row, data[0]!) };
      expected.push({ rowNumber, kind: kind.name, field: kind.field, message: kind.message, ...(kind.values && { values: kind.values(2) }) });
    } else if (n % 97 === 96) {
      row = { ...row, ecrName: 'Kassa 3000' };
      warnings.push(rowNumber);
    }
    data.push(row);
  }
  const header = fields.map((field) => columnNames[locale][field]);
  const csv = Papa.unparse([header, ...data.map((row) => fields.map((field) => row[field]))], { delimiter, newline: '\r\n' });
  return { csv, header, data, fields, expected, warnings };
}
