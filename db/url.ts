import type { Env } from '@/lib/env';

/** The embedded cluster listens on loopback only, so its fixed local password guards nothing. */
const EMBEDDED_USER = 'postgres';
const EMBEDDED_PASSWORD = 'postgres';
export const EMBEDDED_DATABASE = 'cloudpos';

export function embeddedDatabaseUrl(port: number, database = EMBEDDED_DATABASE) {
  return `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${database}`;
}

/** The database this process talks to: `DATABASE_URL`, or the embedded cluster when it is unset. */
export function databaseUrl(env: Pick<Env, 'DATABASE_URL' | 'EMBEDDED_PG_PORT'>) {
  return env.DATABASE_URL ?? embeddedDatabaseUrl(env.EMBEDDED_PG_PORT);
}

/** host:port/database of a URL, for messages: never the password. */
export function describeDatabaseUrl(url: string) {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
}
