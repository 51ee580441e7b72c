import 'server-only';
import { drizzle } from 'drizzle-orm/node-postgres';
import type { PoolClient } from 'pg';
import { pool, type Db, type DbOrTx } from '@/db';
import * as schema from './schema';

/** pg-boss's interface for running its SQL inside someone else's transaction. */
export interface SqlExecutor {
  executeSql(text: string, values: unknown[]): Promise<{ rows: unknown[] }>;
}

/**
 * Runs `work` in one transaction on one connection. Besides drizzle, it hands out that
 * connection as a pg-boss executor, so a job is enqueued atomically with the rows it is about.
 */
export async function inTransaction<T>(work: (tx: Db, sql: SqlExecutor) => Promise<T>): Promise<T> {
  const client: PoolClient = await pool.connect();
  try {
    await client.query('BEGIN');
    const tx = drizzle(client, { schema, casing: 'snake_case' }) as unknown as Db;
    const result = await work(tx, { executeSql: (text, values) => client.query(text, values) });
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * The pg-boss executor of a drizzle handle: the connection of its transaction (from
 * inTransaction or db.transaction), or the pool for `db` itself (then each statement commits
 * on its own, as the caller's own writes do). Lets a write path that is handed only `tx` enqueue
 * jobs that commit or roll back with it.
 */
export function executorOf(tx: DbOrTx): SqlExecutor {
  const client = (tx as unknown as { session: { client: { query(text: string, values: unknown[]): Promise<{ rows: unknown[] }> } } }).session.client;
  return { executeSql: (text, values) => client.query(text, values) };
}
