import { errorStatus, type ErrorCode } from '@/lib/errors';
import { getTranslator } from '@/lib/i18n/translator';

/**
 * Errors of the partner API as RFC 9457 problem details (`application/problem+json`). `type`
 * names the kind of problem (a link into the API reference), `title` says it in a sentence for
 * developers, and a refused input lists each field's problem under `errors`, with the JSON
 * Pointer (RFC 6901) of the field and the same message the order form gives for it.
 */
export interface ProblemField {
  pointer: string;
  detail: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: ProblemField[];
}

/** The API's problem kinds: a code of lib/errors.ts, or one of the API's own. */
const titles = {
  UNAUTHENTICATED: 'The request needs a valid API key in an `Authorization: Bearer` header.',
  FORBIDDEN: 'The API key may not do this.',
  NOT_FOUND: 'There is nothing here, or nothing this API key may see.',
  CONFLICT: 'The order is not in a state that allows this.',
  LAST_ADMIN: 'The organisation needs at least one admin.',
  PAYLOAD_TOO_LARGE: 'The request body is too large.',
  INVALID_INPUT: 'Some fields need attention.',
  RATE_LIMITED: 'Too many requests for this API key. Wait for Retry-After seconds.',
  INTERNAL: 'Something went wrong on our side. Try again in a moment.',
  UNAVAILABLE: 'The service is unavailable at the moment; nothing was done. Try again in a minute.',
  MALFORMED_JSON: 'The request body is not a JSON object.',
  UNSUPPORTED_MEDIA_TYPE: 'Send the request body as `application/json`.',
  IDEMPOTENCY_KEY_REQUIRED: 'Placing orders needs an `Idempotency-Key` header (1 to 255 visible characters).',
  IDEMPOTENCY_KEY_REUSED: 'This Idempotency-Key was already used with another request body.',
} as const satisfies Record<ErrorCode | string, string>;
export type ProblemCode = keyof typeof titles;

const statuses: Record<Exclude<ProblemCode, ErrorCode>, number> = {
  MALFORMED_JSON: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  IDEMPOTENCY_KEY_REQUIRED: 400,
  IDEMPOTENCY_KEY_REUSED: 409,
};

export const problemCodes = Object.keys(titles) as ProblemCode[];
/** The sentence a problem of this kind carries as its `title`. */
export const problemTitle = (code: ProblemCode) => titles[code];
export const problemStatus = (code: ProblemCode) => (code in errorStatus ? errorStatus[code as ErrorCode] : statuses[code as keyof typeof statuses]);
/** Where the API reference explains a kind of problem. */
export const problemType = (code: ProblemCode) => `/developers/api#problem-${code.toLowerCase().replaceAll('_', '-')}`;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/**
 * A problem response. `fieldErrors` maps dotted field paths to message keys of the `validation`
 * catalogue; `errors` are fields already described (problemField), for messages with values.
 */
export function problemResponse(
  code: ProblemCode,
  { detail, fieldErrors, errors, headers }: { detail?: string; fieldErrors?: Record<string, string[]>; errors?: ProblemField[]; headers?: HeadersInit } = {},
) {
  const status = problemStatus(code);
  const body: Problem = { type: problemType(code), title: titles[code], status };
  if (detail) body.detail = detail;
  if (fieldErrors || errors) body.errors = [...(fieldErrors ? describeFieldErrors(fieldErrors) : []), ...(errors ?? [])];
  const response = Response.json(body, { status, headers });
  response.headers.set('Content-Type', PROBLEM_CONTENT_TYPE);
  return response;
}

/** A JSON Pointer (RFC 6901) to a field: `['rows', 3, 'recipientPhone']` is `/rows/3/recipientPhone`; no path is the whole input. */
export const jsonPointer = (path: readonly (string | number)[]) => path.map((part) => `/${String(part).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');

/**
 * One field's problem as the API shows it: the field's JSON Pointer and the message in English
 * from the same catalogue the forms use, filled with `values` ("key|detail" passes {detail}); a
 * message that is not a key of the catalogue (zod's own) is shown as it is.
 */
export function problemField(path: readonly (string | number)[], message: string, values: Record<string, string | number> = {}): ProblemField {
  const t = getTranslator('en');
  const [key, detail] = message.split('|', 2) as [string, string | undefined];
  const known = t.has(`validation.${key}` as never);
  return { pointer: jsonPointer(path), detail: known ? t(`validation.${key}` as never, { detail: detail ?? '', ...values } as never) : message };
}

/** Field errors as the API shows them: one entry per message. */
function describeFieldErrors(fieldErrors: Record<string, string[]>): ProblemField[] {
  return Object.entries(fieldErrors).flatMap(([field, messages]) => messages.map((message) => problemField(field === 'form' ? [] : field.split('.'), message)));
}
