import 'server-only';
import PgBoss from 'pg-boss';
import { databaseUrl } from '@/db/url';
import type { SqlExecutor } from '@/db/transaction';
import { getEnv } from '@/lib/env';
import { jobDefinitions, type JobName, type JobPayload } from './definitions';

const globalForBoss = globalThis as unknown as { cloudposBoss?: PgBoss };

/** This process's pg-boss client; its tables live in the `pgboss` schema of our database. */
export function getBoss() {
  globalForBoss.cloudposBoss ??= new PgBoss({ connectionString: databaseUrl(getEnv()), schema: 'pgboss', max: 4 });
  return globalForBoss.cloudposBoss;
}

/** Installs pg-boss's schema and our queues; safe to run from several processes. */
export async function startJobQueues() {
  const boss = getBoss();
  boss.on('error', (error) => console.error('job queue error', error));
  await boss.start();
  for (const definition of Object.values(jobDefinitions)) {
    await boss.createQueue(definition.name, { name: definition.name, ...definition.options });
  }
  return boss;
}

/**
 * Enqueues a job. With `sql` (from inTransaction) the job commits or rolls back with the
 * caller's writes.
 */
export async function enqueueJob<N extends JobName>(name: N, payload: JobPayload<N>, sql?: SqlExecutor, options: { startAfterSeconds?: number } = {}) {
  const definition = jobDefinitions[name];
  const data = definition.payload.parse(payload);
  return getBoss().send(definition.name, data, {
    ...definition.options,
    ...(sql ? { db: sql } : {}),
    ...(options.startAfterSeconds ? { startAfter: options.startAfterSeconds } : {}),
  });
}
