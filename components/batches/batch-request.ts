import type { FieldErrors } from '@/lib/authz';
import type { BatchPreview } from '@/lib/batches/preview';
import type { ErrorCode } from '@/lib/errors';
import type { AccountType } from '@/lib/orders/model';
import type { CellEdit } from '@/lib/validations/batches';

/** The file as chosen, held in memory: a file changed on disk since can still be sent again. */
export interface BatchUpload {
  type: AccountType;
  file: File;
}

export type BatchAnswer<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      /** `NETWORK` when no answer came. */
      code: ErrorCode | 'NETWORK';
      fieldErrors?: FieldErrors;
      /** The rows as the server checked them again, when that is why it said no (a submit). */
      preview?: BatchPreview;
    };

const codeOfStatus = (status: number): ErrorCode =>
  status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 401 ? 'UNAUTHENTICATED' : status === 403 ? 'FORBIDDEN' : status === 503 ? 'UNAVAILABLE' : 'INTERNAL';

/**
 * Sends the file, the preview's edits and any further fields to a batch route handler
 * (app/api/orders/batches/check or submit). The server reads and checks the file again each time.
 */
export async function postBatch<T>(route: 'check' | 'submit', upload: BatchUpload, edits: readonly CellEdit[], fields: Record<string, string> = {}): Promise<BatchAnswer<T>> {
  const body = new FormData();
  body.set('type', upload.type);
  body.set('file', upload.file);
  body.set('edits', JSON.stringify(edits));
  for (const [name, value] of Object.entries(fields)) body.set(name, value);
  let response: Response;
  try {
    response = await fetch(`/api/orders/batches/${route}`, { method: 'POST', body });
  } catch {
    return { ok: false, code: 'NETWORK' };
  }
  // A body refused before the app saw it (413) is plain text.
  const json = (await response.json().catch(() => null)) as ({ error?: { code?: ErrorCode; fieldErrors?: FieldErrors }; preview?: BatchPreview } & T) | null;
  if (response.ok && json) return { ok: true, data: json };
  return {
    ok: false,
    code: json?.error?.code ?? codeOfStatus(response.status),
    ...(json?.error?.fieldErrors && { fieldErrors: json.error.fieldErrors }),
    ...(json?.preview && { preview: json.preview }),
  };
}
