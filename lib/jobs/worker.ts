import 'server-only';
import type PgBoss from 'pg-boss';
import { getEnv } from '@/lib/env';
import { startJobQueues } from './boss';
import { jobDefinitions, type JobName } from './definitions';
import { batchHandlers, jobHandlers } from './handlers';

/** Password SMS: workers per process, and the most jobs one of them fetches at a time. */
const SMS_WORKERS = 6;
const SMS_BATCH = 100;
/** Webhook deliveries: workers per process and jobs per fetch (each job one POST, side by side). */
const WEBHOOK_WORKERS = 4;
const WEBHOOK_BATCH = 100;
/** With a rate limit, no more jobs in hand than the limit lets out in this many seconds. */
const SMS_SECONDS_AHEAD = 2;

/**
 * How a queue is worked in this process: `workers` pg-boss workers, each fetching up to
 * `batchSize` jobs and running them side by side.
 *
 * Note: a pg-boss 10 worker waits out its polling interval after every fetch, whether or not
 * it found jobs, so one worker with batchSize 1 runs about one job per interval: the password
 * SMS went out at one a second, under even the default limit of 10/s. The SMS queue gets
 * several workers with batches (up to 1,200 jobs a second per process, as each batch costs a few
 * statements whatever its size); under a rate limit the batches shrink so that the send slots a
 * batch reserves (reserveSendSlots) end within SMS_SECONDS_AHEAD, far inside the job's expiry,
 * instead of being booked minutes ahead.
 */
export function queueConcurrency(name: JobName, ratePerSecond: number) {
  // Webhooks: up to 4 × 100 POSTs in flight per process, each bounded by its 10 s timeout; a
  // batch costs three statements however big it is (deliverWebhooks).
  if (name === 'webhookDelivery') return { workers: WEBHOOK_WORKERS, batchSize: WEBHOOK_BATCH, pollingIntervalSeconds: 0.5 };
  if (name !== 'credentialsSms') return { workers: 1, batchSize: 1, pollingIntervalSeconds: 1 };
  const batchSize = ratePerSecond > 0 ? Math.min(SMS_BATCH, Math.max(1, Math.ceil((ratePerSecond * SMS_SECONDS_AHEAD) / SMS_WORKERS))) : SMS_BATCH;
  return { workers: SMS_WORKERS, batchSize, pollingIntervalSeconds: 0.5 };
}

/** Starts pg-boss and the workers of every queue in this process. */
export async function startWorkers() {
  const boss = await startJobQueues();
  const { SMS_RATE_PER_SECOND } = getEnv();
  for (const name of Object.keys(jobDefinitions) as JobName[]) {
    const definition = jobDefinitions[name];
    const { workers, batchSize, pollingIntervalSeconds } = queueConcurrency(name, SMS_RATE_PER_SECOND);
    for (let worker = 0; worker < workers; worker++) {
      await boss.work(definition.name, { batchSize, pollingIntervalSeconds }, async (jobs: PgBoss.Job<unknown>[]) => {
        const outcomes = await runBatch(name, jobs);
        // Each job fails (and retries) on its own; pg-boss then completes the rest of the batch
        // (completion only touches jobs still active).
        await Promise.all(
          outcomes.map((outcome, index) => (outcome.status === 'rejected' ? boss.fail(definition.name, jobs[index]!.id, toError(outcome.reason)) : undefined)),
        );
      });
    }
  }
  // Callbacks get lost: every two minutes, ask Twilio about messages stuck short of final.
  await boss.schedule(jobDefinitions.reconcileSms.name, '*/2 * * * *', {}, { tz: 'Europe/Helsinki' });
  // Redaction jobs lost or given up on: every hour, queue them again.
  await boss.schedule(jobDefinitions.sweepRedactions.name, '23 * * * *', {}, { tz: 'Europe/Helsinki' });
  await boss.schedule(jobDefinitions.supportDigest.name, '0 7 * * *', {}, { tz: 'Europe/Helsinki' });
  await boss.schedule(jobDefinitions.pruneHousekeeping.name, '17 * * * *', {}, { tz: 'Europe/Helsinki' });
  return boss;
}

type BatchHandler = (payloads: unknown[]) => Promise<PromiseSettledResult<void>[]>;

/** A queue's handler for a whole batch: its batch handler, or else its job handler for each job, side by side. */
function batchHandlerOf(name: JobName): BatchHandler {
  const batch = batchHandlers[name] as BatchHandler | undefined;
  if (batch) return batch;
  const handler = jobHandlers[name] as (payload: unknown) => Promise<void>;
  return (payloads) => Promise.allSettled(payloads.map(async (payload) => handler(payload)));
}

/** Runs a batch of one queue's jobs: one outcome per job, in order. A job whose payload does not parse fails alone. */
async function runBatch(name: JobName, jobs: PgBoss.Job<unknown>[]): Promise<PromiseSettledResult<void>[]> {
  const parsed = jobs.map((job) => jobDefinitions[name].payload.safeParse(job.data));
  const outcomes = await batchHandlerOf(name)(parsed.flatMap((result) => (result.success ? [result.data] : [])));
  let next = 0;
  return parsed.map((result) => (result.success ? outcomes[next++]! : { status: 'rejected', reason: result.error }));
}

/** pg-boss stores a failure's message and stack as the job's output, as it does for a thrown error. */
const toError = (reason: unknown) => (reason instanceof Error ? reason : new Error(String(reason)));
