import type { ColumnNames } from '@/lib/batches/columns';
import en from '@/lib/i18n/messages/en.json';
import fi from '@/lib/i18n/messages/fi.json';
import sv from '@/lib/i18n/messages/sv.json';

/**
 * The column names from the catalogues. Importing this pulls all three catalogues (about 140 KB)
 * in; a client component gets `columnNames` as a prop from its page instead.
 */
export const columnNames: ColumnNames = { en: en.batches.columns, fi: fi.batches.columns, sv: sv.batches.columns };
