import 'server-only';
import { getTranslations } from 'next-intl/server';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import type { NextRequest } from 'next/server';
import { cache } from 'react';
import type { z } from 'zod';
import { isDatabaseUnavailable } from '@/db/query-errors';
import { getActorByUserId, type Actor } from '@/db/queries/users';
import { getSessionUserId } from '@/lib/auth';
import { formToObject } from '@/lib/form-data';
import { AppError, errorStatus, isAppError, type ErrorCode } from '@/lib/errors';
import { REQUEST_PATH_HEADER } from '@/lib/http/request-path';
import { logError } from '@/lib/log';
import { roleCan, type Permission } from '@/lib/permissions';
import { fieldErrorsOf } from '@/lib/validations/field-errors';

export type { Actor };

/**
 * The caller, resolved on the server from the session cookie, once per request. Null when
 * signed out, without a membership, or in a deactivated organisation.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const userId = await getSessionUserId();
  return userId ? getActorByUserId(userId) : null;
});

/** An expected failure as it is, a database outage as UNAVAILABLE, anything else as null. */
export function asAppError(error: unknown): AppError | null {
  if (isAppError(error)) return error;
  return isDatabaseUnavailable(error) ? new AppError('UNAVAILABLE') : null;
}

/**
 * For pages: the caller, or null when signed out. During a database outage the visitor goes to
 * the "unavailable, try again" page (a 503, app/unavailable) and back, with the session kept.
 */
export async function getPageActor(): Promise<Actor | null> {
  try {
    return await getActor();
  } catch (error) {
    if (asAppError(error)?.code !== 'UNAVAILABLE') throw error;
    const from = (await headers()).get(REQUEST_PATH_HEADER) ?? '/';
    redirect(`/unavailable?from=${encodeURIComponent(from)}`);
  }
}

/**
 * For pages: the caller, or a redirect to sign-in. A page outside the caller's role is a 404,
 * so that it does not reveal what exists.
 */
export async function requirePageActor(permission?: Permission): Promise<Actor> {
  const actor = await getPageActor();
  if (!actor) redirect('/sign-in');
  if (permission && !roleCan(actor.role, permission)) notFound();
  return actor;
}

export type FieldErrors = Record<string, string[]>;
export type ActionResult<T = null> =
  | { ok: true; data: T }
  | { ok: false; code: ErrorCode; message: string; fieldErrors?: FieldErrors };

/**
 * Wraps a server action: authenticate, parse, authorize, act. Returns a typed result that a
 * form maps onto its fields; never throws for expected failures.
 * Field messages in schemas are keys of the `validation` catalogue.
 */
export function withAction<S extends z.ZodType, T>(
  options: { schema: S; permission: Permission },
  handler: (input: z.infer<S>, actor: Actor) => Promise<T>,
) {
  return async (_previous: unknown, input: FormData | Record<string, unknown>): Promise<ActionResult<T>> => {
    const t = await getTranslations('errors');
    const fail = (code: ErrorCode, fieldErrors?: FieldErrors): ActionResult<T> => ({
      ok: false,
      code,
      message: t(code),
      ...(fieldErrors ? { fieldErrors } : {}),
    });

    try {
      const actor = await getActor();
      if (!actor) return fail('UNAUTHENTICATED');
      if (!roleCan(actor.role, options.permission)) return fail('FORBIDDEN');

      const parsed = options.schema.safeParse(formToObject(input));
      if (!parsed.success) return fail('INVALID_INPUT', await translateFieldErrors(parsed.error));

      return { ok: true, data: await handler(parsed.data, actor) };
    } catch (error) {
      const appError = asAppError(error);
      if (appError?.code === 'UNAVAILABLE') logError('server action: database unavailable', error);
      if (appError) return fail(appError.code, appError.fieldErrors && (await translateMessages(appError.fieldErrors)));
      logError('server action failed', error);
      return fail('INTERNAL');
    }
  };
}

export async function translateFieldErrors(error: z.ZodError): Promise<FieldErrors> {
  return translateMessages(fieldErrorsOf(error));
}

/**
 * Field messages are keys of the `validation` catalogue, from a schema or from an AppError;
 * "key|detail" passes the detail (such as the Terminal IDs already taken) as {detail}.
 */
async function translateMessages(fieldErrors: FieldErrors): Promise<FieldErrors> {
  const t = await getTranslations('validation');
  const translate = (message: string) => {
    const [key, detail] = message.split('|', 2) as [string, string | undefined];
    return t.has(key as never) ? t(key as never, { detail: detail ?? '' } as never) : message;
  };
  return Object.fromEntries(Object.entries(fieldErrors).map(([field, messages]) => [field, messages.map(translate)]));
}

type RouteContext<P> = { params: Promise<P> };

/**
 * Wraps a route handler: 401 without a session, 403 without the permission, typed errors
 * mapped to their HTTP status, a database outage a 503, anything else a 500 without details.
 */
export function withRoute<P = Record<string, never>>(
  permission: Permission,
  handler: (req: NextRequest, context: { actor: Actor; params: P }) => Promise<Response>,
) {
  return async (req: NextRequest, context: RouteContext<P>): Promise<Response> => {
    try {
      const actor = await getActor();
      if (!actor) throw new AppError('UNAUTHENTICATED');
      if (!roleCan(actor.role, permission)) throw new AppError('FORBIDDEN');
      return await handler(req, { actor, params: await context.params });
    } catch (error) {
      const appError = asAppError(error) ?? new AppError('INTERNAL');
      if (!isAppError(error)) logError('route handler failed', error);
      return Response.json(
        { error: { code: appError.code, ...(appError.fieldErrors ? { fieldErrors: appError.fieldErrors } : {}) } },
        { status: errorStatus[appError.code], headers: appError.code === 'UNAVAILABLE' ? { 'Retry-After': '30' } : undefined },
      );
    }
  };
}
