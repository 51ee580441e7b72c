import { MAX_BATCH_BYTES } from '@/lib/batches/limits';
import { AppError } from '@/lib/errors';

/** The route handlers a bulk-order file is sent to: checked, checked again after an edit, submitted. */
export const BATCH_UPLOAD_PATHS = ['/api/orders/batches/check', '/api/orders/batches/submit'];

/**
 * The largest body each kind of request may send, checked before it is read (lib/http/incoming.ts)
 * and while it is read (route handlers, server actions in proxy.ts). Server actions keep Next.js's own limit; nothing else the
 * portal accepts comes near these.
 */
export const bodyLimits = {
  /** Twilio's status callbacks are a few hundred bytes of form fields. */
  twilioCallback: 16 * 1024,
  /** A sign-in request: an address and a CSRF token. */
  auth: 16 * 1024,
  /**
   * POST /api/v1/order-batches: up to 1,000 orders (MAX_BATCH_ROWS), about 0.5 kB each as JSON,
   * with room for long additional information; as much as an uploaded batch file may be.
   */
  orderBatch: 2 * 1024 * 1024,
  /** Server actions: Next.js's `serverActions.bodySizeLimit` default, 1 MB. */
  action: 1024 * 1024,
  /**
   * A bulk-order file with the cells edited in the preview and the form's few fields. The file
   * alone may be 2 MB (lib/batches/limits.ts), more than a server action takes, so it goes to
   * route handlers of its own (BATCH_UPLOAD_PATHS). A file just over 2 MB still arrives and is
   * refused with the parser's own message; a larger body stops here.
   */
  batchUpload: MAX_BATCH_BYTES + 256 * 1024,
  /** Anything else. */
  other: 64 * 1024,
} as const;

export function bodyLimitFor(pathname: string) {
  if (pathname.startsWith('/api/webhooks/twilio/')) return bodyLimits.twilioCallback;
  if (pathname.startsWith('/api/auth/')) return bodyLimits.auth;
  // Only the one path: the batch's rows are the one large body the API takes.
  if (pathname === '/api/v1/order-batches') return bodyLimits.orderBatch;
  if (BATCH_UPLOAD_PATHS.includes(pathname)) return bodyLimits.batchUpload;
  if (pathname.startsWith('/api/')) return bodyLimits.other;
  return bodyLimits.action;
}

/** True when a request's Content-Length says, before the body is sent, that it is larger than `limit`. */
export function declaresTooLarge(contentLength: string | null | undefined, limit: number) {
  const length = Number(contentLength || 0);
  return Number.isFinite(length) && length > limit;
}

/**
 * The body as bytes, read only up to `limit`: a body without a Content-Length (chunked) is cut
 * off and refused as soon as it passes the limit, never held whole.
 */
export async function readBoundedBody(request: Request, limit: number): Promise<Buffer> {
  if (declaresTooLarge(request.headers.get('content-length'), limit)) throw new AppError('PAYLOAD_TOO_LARGE');
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // Not awaited: a cloned body's cancel waits for the other branch, which nobody reads now.
      reader.cancel().catch(() => undefined);
      throw new AppError('PAYLOAD_TOO_LARGE');
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

export async function readBoundedText(request: Request, limit: number) {
  return new TextDecoder().decode(await readBoundedBody(request, limit));
}

/** A body already read (readBoundedBody) as the form its content type says it is; rejects one that does not parse. */
export const formFromBody = (body: Buffer, contentType: string) => new Response(Uint8Array.from(body), { headers: { 'content-type': contentType } }).formData();
