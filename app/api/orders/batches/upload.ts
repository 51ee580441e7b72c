import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { NextRequest } from 'next/server';
import type { z } from 'zod';
import { checkBatchForActor } from '@/db/queries/batches';
import type { Actor } from '@/db/queries/users';
import { translateFieldErrors } from '@/lib/authz';
import { columnNames } from '@/lib/batches/column-names';
import { batchFields, type BatchField } from '@/lib/batches/columns';
import { applyCellEdits } from '@/lib/batches/edits';
import { BatchFileError } from '@/lib/batches/file-error';
import { parseBatchFile, type ParsedBatchFile } from '@/lib/batches/parse';
import type { RowVerdict } from '@/lib/batches/check';
import { AppError } from '@/lib/errors';
import { isCrossOrigin } from '@/lib/http/action-request';
import { bodyLimits, formFromBody, readBoundedBody } from '@/lib/http/body-limit';
import type { batchCheckSchema, batchSubmitSchema } from '@/lib/validations/batches';

/**
 * What the check and submit route handlers share: the bulk-order page sends the file itself each
 * time, with the cells corrected in the preview, so the server reads and checks the rows it
 * submits rather than rows a browser describes. Nothing is kept on the server between requests.
 */

/**
 * The request's form, from the portal's own pages only, read only up to the batch limit (a longer body is a 413 before it is held
 * whole) and parsed with `schema`; refused fields come back translated under their names.
 */
export async function readBatchForm<S extends typeof batchCheckSchema | typeof batchSubmitSchema>(req: NextRequest, schema: S): Promise<z.output<S>> {
  // Note: these POSTs act on the session cookie, as server actions do, so they refuse another
  // site's page as Next.js refuses it an action (the cookie's SameSite=Lax is the first guard).
  if (isCrossOrigin(req)) throw new AppError('FORBIDDEN');
  const contentType = req.headers.get('content-type') ?? '';
  if (!contentType.startsWith('multipart/form-data')) throw new AppError('INVALID_INPUT');
  const body = await readBoundedBody(req, bodyLimits.batchUpload);
  let form: FormData;
  try {
    form = await formFromBody(body, contentType);
  } catch {
    throw new AppError('INVALID_INPUT');
  }
  // Fields by name, as formToObject gives them: a File stays a File for the schema.
  const parsed = schema.safeParse(Object.fromEntries(form.entries()));
  if (!parsed.success) throw new AppError('INVALID_INPUT', 'INVALID_INPUT', await translateFieldErrors(parsed.error));
  return parsed.data as z.output<S>;
}

/** Why a whole file was refused, in the reader's language; a missing column by its name in that language too. */
async function fileErrorMessage(error: BatchFileError) {
  const t = await getTranslations('batches');
  const column = error.values.column;
  const values =
    error.key === 'missingColumn' && typeof column === 'string' && (batchFields as readonly string[]).includes(column)
      ? { ...error.values, column: t(`columns.${column as BatchField}`) }
      : error.values;
  return t(`errors.${error.key}`, values);
}

export interface CheckedBatch {
  file: ParsedBatchFile;
  verdicts: RowVerdict[];
}

/** Parses the uploaded file, applies the preview's edits and checks every row for the actor's organisation. */
export async function checkUploadedBatch(actor: Actor, input: z.output<typeof batchCheckSchema>): Promise<CheckedBatch> {
  let parsed: ParsedBatchFile;
  try {
    parsed = await parseBatchFile(new Uint8Array(await input.file.arrayBuffer()), { type: input.type, columnNames });
  } catch (error) {
    if (error instanceof BatchFileError) throw new AppError('INVALID_INPUT', error.message, { file: [await fileErrorMessage(error)] });
    throw error;
  }
  const file = applyCellEdits(parsed, input.edits);
  return { file, verdicts: await checkBatchForActor(actor, file, input.type) };
}
