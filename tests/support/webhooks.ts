import { sql } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';

type AnyDb = NodePgDatabase<Record<string, unknown>>;

/** The webhook-delivery jobs queued and not yet run, oldest first (optionally one endpoint's). */
export async function queuedWebhookJobs(db: AnyDb, endpointId?: string) {
  const rows = await db.execute<{ id: string; data: { eventId: string; endpointId: string } }>(
    sql`SELECT id, data FROM pgboss.job WHERE name = 'webhook-delivery' AND state IN ('created', 'retry')
        ${endpointId ? sql`AND data->>'endpointId' = ${endpointId}` : sql``} ORDER BY created_on, id`,
  );
  return rows.rows;
}

/**
 * Runs the queued webhook deliveries now, through the job's own handler, without a worker and
 * without waiting for backoff: each job once, marked completed (or failed) as the worker would.
 * Returns how many succeeded and failed.
 */
export async function runQueuedWebhookDeliveries(db: AnyDb, endpointId?: string) {
  const { jobHandlers } = await import('@/lib/jobs/handlers');
  let succeeded = 0;
  let failed = 0;
  for (const job of await queuedWebhookJobs(db, endpointId)) {
    let ok = true;
    try {
      await jobHandlers.webhookDelivery(job.data);
      succeeded++;
    } catch {
      ok = false;
      failed++;
    }
    await db.execute(sql`UPDATE pgboss.job SET state = ${ok ? 'completed' : 'failed'}::pgboss.job_state WHERE name = 'webhook-delivery' AND id = ${job.id}`);
  }
  return { succeeded, failed };
}
