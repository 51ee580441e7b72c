import Papa from 'papaparse';
import writeXlsxFile from 'write-excel-file/universal';
import { columnNames } from '@/lib/batches/column-names';
import { columnsFor, type BatchField } from '@/lib/batches/columns';
import type { Locale } from '@/lib/i18n/config';
import type { AccountType } from '@/lib/orders/model';

/**
 * The downloadable template per account type: the type's columns named in the user's language
 * and one example row that passes the check, so a partner sees the expected formats.
 */

const example: Record<BatchField, string> = {
  recipientName: 'Maija Meikäläinen',
  recipientEmail: 'maija@kahvila-aurinko.example',
  recipientPhone: '+358 40 123 4567',
  recipientLocale: 'fi',
  ecrSupplierName: 'Retail Systems Nordic Oy',
  ecrName: 'RSN Kassa',
  merchantName: 'Kahvila Aurinko Oy',
  merchantBusinessId: '2605261-8',
  merchantCountry: 'FI',
  terminalIds: 'PT-1001 PT-1002',
  additionalInfo: '',
};

/** What each type's example says in Additional information (required for merchant rights). */
const exampleInfo: Record<AccountType, string> = {
  channel: '',
  merchant: '',
  sub_channel: '',
  merchant_rights: 'RSN Kassa Cloud',
};

export function templateRows(type: AccountType, locale: Locale): string[][] {
  const fields = columnsFor(type).map((column) => column.field);
  const values: Record<BatchField, string> = { ...example, additionalInfo: exampleInfo[type] };
  return [fields.map((field) => columnNames[locale][field]), fields.map((field) => values[field])];
}

/**
 * CSV as Finnish Excel opens it with a double click: UTF-8 with a BOM (else ä shows as Ã¤), and
 * semicolons for fi and sv, whose Excel uses the comma as the decimal mark.
 */
export function templateCsv(type: AccountType, locale: Locale): string {
  return '\uFEFF' + Papa.unparse(templateRows(type, locale), { delimiter: locale === 'en' ? ',' : ';', newline: '\r\n' });
}

/** The same as an XLSX workbook, every cell text (a phone number as a number would lose its +). */
export async function templateXlsx(type: AccountType, locale: Locale): Promise<Uint8Array> {
  const [header, row] = templateRows(type, locale);
  const blob = await writeXlsxFile(
    [header!.map((value) => ({ value, fontWeight: 'bold' as const })), row!.map((value) => ({ value, type: String }))],
    { columns: header!.map((name) => ({ width: Math.max(14, name.length + 2) })) },
  ).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}

export const templateFileName = (type: AccountType, extension: 'csv' | 'xlsx') => `cloudpos-${type.replace('_', '-')}-orders.${extension}`;
