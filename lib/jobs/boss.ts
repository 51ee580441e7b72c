import 'server-only';
import PgBoss from 'pg-boss';
import { LOCKS, withAdvisoryLock } from '@/db/advisory-lock';
import { databaseUrl } from '@/db/url';
import type { SqlExecutor } from '@/db/transaction';
import { getEnv } from '@/lib/env';
import { logError } from '@/lib/log';
import { jobDefinitions, type JobName, type JobPayload } from './definitions';

const globalForBoss = globalThis as unknown as { cloudposBoss?: PgBoss };

/** pg-boss's own connections per process, beside the app's pool. */
const BOSS_CONNECTIONS = 4;
/** Maintenance (which hands out jobs of dead workers again) this often, rather than pg-boss's 2 minutes. */
const MAINTENANCE_INTERVAL_SECONDS = 10;

/** This process's pg-boss client; its tables live in the `pgboss` schema of our database. */
export function getBoss() {
  globalForBoss.cloudposBoss ??= new PgBoss({
    connectionString: databaseUrl(getEnv()),
    schema: 'pgboss',
    max: BOSS_CONNECTIONS,
    maintenanceIntervalSeconds: MAINTENANCE_INTERVAL_SECONDS,
  });
  return globalForBoss.cloudposBoss;
}

/**
 * Installs pg-boss's schema and our queues; safe to run from several processes.
 *
 * Note: app instances and workers starting together on a fresh database deadlocked in pg-boss's
 * schema and queue creation, so they take turns (an advisory lock, as migrations do).
 */
export async function startJobQueues() {
  const boss = getBoss();
  boss.on('error', (error) => logError('job queue error', error));
  await withAdvisoryLock(databaseUrl(getEnv()), LOCKS.jobQueues, async () => {
    await boss.start();
    const existing = new Set((await boss.getQueues()).map((queue) => queue.name));
    for (const definition of Object.values(jobDefinitions)) {
      const queue = { name: definition.name, ...definition.options };
      // Existing queues take the current retry and expiry policy too.
      if (existing.has(definition.name)) await boss.updateQueue(definition.name, queue);
      else await boss.createQueue(definition.name, queue);
    }
  });
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

/**
 * Enqueues many jobs of one queue in one statement (pg-boss's insert), with the queue's retry
 * policy; with `sql` they commit or roll back with the caller's writes.
 */
export async function enqueueJobs<N extends JobName>(name: N, payloads: JobPayload<N>[], sql?: SqlExecutor) {
  if (!payloads.length) return;
  const definition = jobDefinitions[name];
  await getBoss().insert(
    payloads.map((payload) => ({ name: definition.name, data: definition.payload.parse(payload) })),
    sql ? { db: sql } : {},
  );
}
