import { bodyLimits, formFromBody, readBoundedBody } from './body-limit';
import { isAppError } from '@/lib/errors';

/**
 * Server action requests that Next.js would fail on with a 500 (or a 200 carrying an error),
 * answered here with the 4xx they deserve before Next.js reads them: another site's origin,
 * a body over the limit, a content type actions never use, a body that does not parse, or JSON
 * nested deep enough to exhaust the stack.
 */

/** Next.js treats a POST as a server action when it names one in a header or sends a form. */
export function isActionRequest(request: Request) {
  return (
    request.method === 'POST' &&
    (request.headers.has('next-action') || (request.headers.get('content-type') ?? '').startsWith('multipart/form-data'))
  );
}

/** Deeper than any argument our forms send; far below what exhausts the stack. */
const MAX_JSON_DEPTH = 32;

/** The deepest nesting of brackets outside strings; no recursion, so any input is safe. */
export function jsonDepth(text: string) {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '[' || char === '{') deepest = Math.max(deepest, ++depth);
    else if (char === ']' || char === '}') depth--;
  }
  return deepest;
}

const isShallowJson = (text: string) => {
  if (jsonDepth(text) > MAX_JSON_DEPTH) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/**
 * Same-site only, compared the way Next.js compares: the Origin's host against the forwarded host or Host.
 * Also for the route handlers a page posts to with its session cookie (the bulk-order upload).
 */
export function isCrossOrigin(request: Request) {
  const origin = request.headers.get('origin');
  if (!origin) return false;
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

const refuse = (status: number, message: string) => new Response(message, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });

/** A response refusing a malformed action request, or null to let Next.js handle it. */
export async function refuseMalformedAction(request: Request): Promise<Response | null> {
  if (!isActionRequest(request)) return null;
  if (isCrossOrigin(request)) return refuse(403, 'Cross-site requests are not accepted.');
  const contentType = request.headers.get('content-type') ?? '';
  const multipart = contentType.startsWith('multipart/form-data');
  if (!multipart && !contentType.startsWith('text/plain')) return refuse(400, 'Unsupported content type.');

  let body: Buffer;
  try {
    body = await readBoundedBody(request.clone(), bodyLimits.action);
  } catch (error) {
    if (isAppError(error)) return refuse(413, 'The request is too large.');
    throw error;
  }
  if (!multipart) return isShallowJson(new TextDecoder().decode(body)) ? null : refuse(400, 'Malformed request.');

  let form: FormData;
  try {
    form = await formFromBody(body, contentType);
  } catch {
    return refuse(400, 'Malformed request.');
  }
  // React's reply encoding puts JSON in numbered fields; a form posted without JavaScript names its action.
  const keys = [...form.keys()];
  const names = keys.some((key) => key.startsWith('$ACTION_')) || request.headers.has('next-action');
  const repliesParse = keys.every((key) => !/^\d+$/.test(key) || (typeof form.get(key) === 'string' && isShallowJson(form.get(key) as string)));
  return names && repliesParse ? null : refuse(400, 'Malformed request.');
}
