import 'server-only';
import type { NextRequest } from 'next/server';
import type { z } from 'zod';
import { authenticateApiKey } from '@/db/queries/api-keys';
import type { ApiKeyActor } from '@/db/queries/users';
import { problemResponse, type ProblemCode, type ProblemField } from '@/lib/api/problem';
import { hitApiRateLimit, rateLimitHeaders } from '@/lib/api/rate-limit';
import { asAppError } from '@/lib/authz';
import { getEnv } from '@/lib/env';
import { bodyLimitFor, readBoundedBody } from '@/lib/http/body-limit';
import { logError } from '@/lib/log';
import { fieldErrorsOf } from '@/lib/validations/field-errors';
import { roleCan, type Permission } from '@/lib/permissions';
import { scopesAllow, type ApiKeyScope } from '@/lib/api-keys';

/** An expected refusal inside a handler: becomes its problem response. */
export class ApiProblem extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly options: { detail?: string; fieldErrors?: Record<string, string[]>; errors?: ProblemField[] } = {},
  ) {
    super(code);
  }
}

/**
 * Parses `value` with `schema` as the API reads every input. A form sends every field, empty or
 * not; a client may leave one out. An absent required text field is checked as an empty one, so
 * it gets the form's message ("Enter the recipient's name.") instead of zod's "Invalid input:
 * expected string, received undefined".
 */
export function safeParseInput<S extends z.ZodType>(schema: S, value: unknown) {
  const parsed = schema.safeParse(value);
  if (parsed.success || !value || typeof value !== 'object' || Array.isArray(value)) return parsed;
  const fields = value as Record<string, unknown>;
  const absent = parsed.error.issues.flatMap((issue) =>
    issue.code === 'invalid_type' && issue.expected === 'string' && issue.path.length === 1 && fields[issue.path[0] as string] === undefined ? [issue.path[0] as string] : [],
  );
  if (!absent.length) return parsed;
  // Only its messages: an absent field is never accepted as an empty one.
  const asEmpty = schema.safeParse({ ...fields, ...Object.fromEntries(absent.map((field) => [field, ''])) });
  return asEmpty.success ? parsed : asEmpty;
}

/** Parses `value` with `schema` (safeParseInput), or refuses the request with each field's problem (422). */
export function parseOrRefuse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = safeParseInput(schema, value);
  if (!parsed.success) throw new ApiProblem('INVALID_INPUT', { fieldErrors: fieldErrorsOf(parsed.error) });
  return parsed.data;
}

/** The request's JSON object body, read up to its path's size limit (the one lib/http/incoming.ts checks first). */
export async function readJsonBody(req: Request): Promise<Record<string, unknown>> {
  const type = req.headers.get('content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type)) throw new ApiProblem('UNSUPPORTED_MEDIA_TYPE');
  const raw = await readBoundedBody(req, bodyLimitFor(new URL(req.url).pathname));
  let value: unknown;
  try {
    value = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new ApiProblem('MALFORMED_JSON');
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new ApiProblem('MALFORMED_JSON');
  return value as Record<string, unknown>;
}

type RouteContext<P> = { params: Promise<P> };
export interface ApiContext<P> {
  actor: ApiKeyActor;
  params: P;
}

/**
 * Wraps a handler of the partner API (/api/v1): the API key from `Authorization: Bearer`
 * (401 without a valid one), its rate limit (429 with Retry-After), the permission of the UI's
 * permission table that the operation needs and the key's scope (403), and every failure as a
 * problem response. Rate limit headers go on every answer to an authenticated key.
 */
export function apiRoute<P = Record<string, never>>(
  access: { permission: Permission; scope: ApiKeyScope },
  handler: (req: NextRequest, context: ApiContext<P>) => Promise<Response>,
) {
  return async (req: NextRequest, context: RouteContext<P>): Promise<Response> => {
    let limitHeaders: Headers | undefined;
    const withLimits = (response: Response) => {
      limitHeaders?.forEach((value, name) => response.headers.set(name, value));
      return response;
    };
    try {
      const presented = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.get('authorization') ?? '')?.[1];
      const actor = presented ? await authenticateApiKey(presented) : null;
      if (!actor) return problemResponse('UNAUTHENTICATED', { headers: { 'WWW-Authenticate': 'Bearer realm="CloudPOS Account Orders API"' } });

      const limit = await hitApiRateLimit(actor.apiKeyId, getEnv().API_RATE_LIMIT_PER_MINUTE);
      limitHeaders = rateLimitHeaders(limit);
      if (!limit.allowed) return withLimits(problemResponse('RATE_LIMITED', { headers: { 'Retry-After': String(limit.resetSeconds) } }));

      if (!roleCan(actor.role, access.permission) || !scopesAllow(actor.scopes, access.scope)) {
        return withLimits(problemResponse('FORBIDDEN', { detail: `This operation needs an API key with the "${access.scope}" access.` }));
      }
      return withLimits(await handler(req, { actor, params: await context.params }));
    } catch (error) {
      if (error instanceof ApiProblem) return withLimits(problemResponse(error.code, error.options));
      const appError = asAppError(error);
      if (!appError) logError('API request failed', error);
      const code: ProblemCode = appError?.message === 'IDEMPOTENCY_KEY_REUSED' ? 'IDEMPOTENCY_KEY_REUSED' : (appError?.code ?? 'INTERNAL');
      return withLimits(
        problemResponse(code, {
          fieldErrors: appError?.fieldErrors,
          headers: code === 'UNAVAILABLE' ? { 'Retry-After': '30' } : undefined,
        }),
      );
    }
  };
}
