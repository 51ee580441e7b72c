import type { Locale } from '@/lib/i18n/config';
import { typeRequirements, type AccountType } from '@/lib/orders/model';

/**
 * The columns of a bulk-order file: the order form's fields, one column each. Column names come
 * from the `batches.columns` catalogue (column-names.ts), so a template downloaded in Finnish and a
 * file someone renamed to English headers both read the same.
 */
export const batchFields = [
  'recipientName',
  'recipientEmail',
  'recipientPhone',
  'recipientLocale',
  'ecrSupplierName',
  'ecrName',
  'merchantName',
  'merchantBusinessId',
  'merchantCountry',
  'terminalIds',
  'additionalInfo',
] as const;
export type BatchField = (typeof batchFields)[number];

export interface BatchColumnSpec {
  field: BatchField;
  required: boolean;
}

/** The columns a type's template has, in order; `required` ones must be in the file. */
export function columnsFor(type: AccountType): BatchColumnSpec[] {
  const needs = typeRequirements[type];
  const columns: BatchColumnSpec[] = [
    { field: 'recipientName', required: true },
    { field: 'recipientEmail', required: true },
    { field: 'recipientPhone', required: true },
    { field: 'recipientLocale', required: false },
    { field: 'ecrSupplierName', required: needs.ecr },
    { field: 'ecrName', required: needs.ecr },
  ];
  if (needs.merchant) {
    columns.push({ field: 'merchantName', required: true }, { field: 'merchantBusinessId', required: true }, { field: 'merchantCountry', required: false });
  }
  columns.push({ field: 'terminalIds', required: false }, { field: 'additionalInfo', required: needs.additionalInfo });
  return columns;
}

/** Each language's column names; the server has them (column-names.ts) and hands them to the browser. */
export type ColumnNames = Record<Locale, Record<BatchField, string>>;

/** Case, spacing and Unicode form do not matter in a header: "  y-TUNNUS " is "Y-tunnus". */
export const normaliseHeader = (header: string) => header.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

/** The field each accepted header fills: the column names in every language, and the field names the API uses. */
export function headerLookup(names: ColumnNames): (header: string) => BatchField | undefined {
  const fieldByHeader = new Map<string, BatchField>(
    batchFields.flatMap((field) => [
      [normaliseHeader(field), field] as const,
      ...Object.values(names).map((language) => [normaliseHeader(language[field]), field] as const),
    ]),
  );
  return (header) => fieldByHeader.get(normaliseHeader(header));
}
