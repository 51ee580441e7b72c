import { z } from 'zod';
import { batchFields } from '@/lib/batches/columns';
import { MAX_BATCH_ROWS } from '@/lib/batches/limits';
import { accountTypes } from '@/lib/orders/model';

/**
 * What the bulk-order page sends with a file (app/api/orders/batches/*): the account type, the
 * cells corrected in the preview and, to submit, the preview's key. The file's rows themselves
 * are checked by checkBatchRows with the order form's schema, as the file's own cells are.
 */

/** Longer than any field the form takes (2,000), so an over-long value is the check's `tooLong`, not a refusal here. */
const MAX_EDIT_LENGTH = 10_000;

/**
 * A cell corrected in the preview, kept as typed: the check reports what is wrong with it as it
 * would for the file's own cell.
 */
export const cellEditSchema = z.object({
  rowNumber: z.number().int().min(2),
  field: z.enum(batchFields),
  value: z.string().max(MAX_EDIT_LENGTH, 'tooLong'),
});
export type CellEdit = z.infer<typeof cellEditSchema>;

/** The edits travel as one JSON form field beside the file. */
const editList = z
  .string()
  .default('[]')
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'batch.editsInvalid' });
      return z.NEVER;
    }
  })
  .pipe(z.array(cellEditSchema, { error: 'batch.editsInvalid' }).max(MAX_BATCH_ROWS * batchFields.length, 'batch.editsInvalid'));

/** Nothing chosen: the browser still sends the field, as an empty file without a name. */
const uploadedFile = z.file({ error: 'batch.fileRequired' }).refine((file) => file.size > 0 || file.name !== '', 'batch.fileRequired');

export const batchCheckSchema = z.object({
  type: z.enum(accountTypes, { error: 'typeRequired' }),
  file: uploadedFile,
  edits: editList,
});

export const batchSubmitSchema = batchCheckSchema.extend({
  /** Made once per preview by the page: a double click or a retried submit finds the same batch. */
  clientKey: z.uuid(),
  /** How many rows the person saw ready and agreed to submit; another count on the server asks them to look again. */
  readyRows: z.coerce.number().int().min(1).max(MAX_BATCH_ROWS),
});

export const batchTemplateSchema = z.object({
  type: z.enum(accountTypes),
  format: z.enum(['csv', 'xlsx']),
});

/**
 * An uploaded file's name as a batch keeps it: without control characters (PostgreSQL refuses a
 * NUL), at most 200 characters, and null when nothing is left.
 */
export const batchFileName = (name: string) => name.replace(/\p{Cc}/gu, '').trim().slice(0, 200) || null;
