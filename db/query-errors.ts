import { PgPreparedQuery } from 'drizzle-orm/pg-core';

/**
 * A failed query, safe to log: the SQL with its `$1` placeholders, PostgreSQL's SQLSTATE and
 * constraint. Never the parameters (session tokens, emails, phones) nor the row or value that
 * PostgreSQL quotes back in its detail.
 */
export class QueryError extends Error {
  override name = 'QueryError';
  constructor(
    readonly query: string,
    readonly code: string | undefined,
    readonly constraint: string | undefined,
    reason: string,
  ) {
    super(`Query failed${code ? ` (${code})` : ''}: ${reason}\nquery: ${query}`);
  }
}

type PgFailure = { code?: unknown; constraint?: unknown; message?: unknown };

/**
 * PostgreSQL's message without the input it echoes (`invalid input syntax for type uuid: "…"`);
 * constraint and type names stay, they are schema, not data.
 */
const reasonOf = (failure: PgFailure) =>
  typeof failure.message === 'string' ? failure.message.replace(/: ".*"$/s, ': "…"') : 'unknown error';

/** The same failure as a {@link QueryError}, given the SQL text; anything else unchanged. */
export function redactQueryError(query: string, error: unknown): QueryError {
  const failure = (error ?? {}) as PgFailure;
  const code = typeof failure.code === 'string' ? failure.code : undefined;
  const constraint = typeof failure.constraint === 'string' ? failure.constraint : undefined;
  return new QueryError(query, code, constraint, reasonOf(failure));
}

const installed = Symbol.for('cloudpos.queryErrorRedaction');

/**
 * drizzle wraps every failed query in a DrizzleQueryError whose message lists the parameters,
 * and keeps pg's error (with its detail) as the cause; Next.js, next-auth and Node print both
 * when an error goes unhandled. This replaces that error, at the one method every drizzle
 * query on PostgreSQL goes through, with a {@link QueryError}, so no log anywhere (app, worker,
 * command line) can carry a parameter. Idempotent.
 */
export function installQueryErrorRedaction() {
  const prototype = PgPreparedQuery.prototype as unknown as Record<PropertyKey, unknown> & {
    queryWithCache(queryString: string, params: unknown[], query: () => Promise<unknown>): Promise<unknown>;
  };
  if (prototype[installed]) return;
  prototype[installed] = true;
  const original = prototype.queryWithCache;
  prototype.queryWithCache = async function (queryString, params, query) {
    try {
      return await original.call(this, queryString, params, query);
    } catch (error) {
      const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
      throw redactQueryError(queryString, cause);
    }
  };
}

/** SQLSTATE classes and socket errors that mean "the database cannot be reached", not "bad query". */
const unavailableCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', '57P01', '57P02', '57P03', '53300']);
const unavailableMessages = /Connection terminated|connection timeout|Client has encountered a connection error|terminating connection/i;

/** True when the error says the database is down or unreachable, so trying again later may work. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const { code, message, cause } = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === 'string' && (unavailableCodes.has(code) || code.startsWith('08'))) return true;
    if (typeof message === 'string' && unavailableMessages.test(message)) return true;
    current = cause;
  }
  return false;
}
