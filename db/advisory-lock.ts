import pg from 'pg';

/** Arbitrary constants, one per piece of start-up work that several processes may begin at once. */
export const LOCKS = { migrations: 72_014_001, jobQueues: 72_014_002 } as const;

/**
 * Runs `work` while holding a PostgreSQL advisory lock on a connection of its own, so that app
 * instances and workers starting together on one database do it one at a time.
 */
export async function withAdvisoryLock<T>(url: string, lockId: number, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [lockId]);
    return await work(client);
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [lockId]).catch(() => undefined);
    await client.end();
  }
}
