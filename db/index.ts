import 'server-only';
import { drizzle } from 'drizzle-orm/node-postgres';
import { Pool } from 'pg';
import { getEnv } from '@/lib/env';
import { logError } from '@/lib/log';
import { installQueryErrorRedaction } from './query-errors';
import * as schema from './schema';
import { databaseUrl } from './url';

installQueryErrorRedaction();

// One pool per process; kept on globalThis so dev-server reloads do not open a new one each time.
const globalForDb = globalThis as unknown as { cloudposPool?: Pool };

export const pool = (globalForDb.cloudposPool ??= new Pool({
  connectionString: databaseUrl(getEnv()),
  // A page runs its statements one after another, each waiting for a free connection under load.
  max: getEnv().DATABASE_POOL_SIZE,
  // An unreachable database fails a request in seconds instead of holding it forever.
  connectionTimeoutMillis: 5000,
}));

// An idle connection the database drops (a restart, an outage) is logged, not fatal; the pool opens a new one when asked.
if (!pool.listenerCount('error')) {
  pool.on('error', (error) => logError('idle database connection closed', error));
}

export const db = drizzle(pool, { schema, casing: 'snake_case' });

export type Db = typeof db;
/** A transaction handle; query functions accept either this or {@link db}. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;
