import 'server-only';
import type PgBoss from 'pg-boss';
import { getEnv } from '@/lib/env';
import { startJobQueues } from './boss';
import { jobDefinitions, type JobName } from './definitions';
import { jobHandlers } from './handlers';

/** Password SMS: workers per process, and the most jobs one of them fetches at a time. */
const SMS_WORKERS = 6;
const SMS_BATCH = 50;
/** With a rate limit, no more jobs in hand than the limit lets out in this many seconds. */
const SMS_SECONDS_AHEAD = 2;

/**
 * How a queue is worked in this process: `workers` pg-boss workers, each fetching up to
 * `batchSize` jobs and running them side by side.
 *
 * Note: a pg-boss 10 worker waits out its polling interval after every fetch, whether or not
 * it found jobs, so one worker with batchSize 1 runs about one job per interval: the password
 * SMS went out at one a second, under even the default limit of 10/s. The SMS queue gets
 * several workers with batches (up to 600 jobs a second per process); under a rate limit the
 * batches shrink so that the send slots a batch reserves (reserveSendSlot) end within
 * SMS_SECONDS_AHEAD, far inside the job's expiry, instead of being booked minutes ahead.
 */
export function queueConcurrency(name: JobName, ratePerSecond: number) {
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
    const handler = jobHandlers[name] as (payload: unknown) => Promise<void>;
    const { workers, batchSize, pollingIntervalSeconds } = queueConcurrency(name, SMS_RATE_PER_SECOND);
    for (let worker = 0; worker < workers; worker++) {
      await boss.work(definition.name, { batchSize, pollingIntervalSeconds }, async (jobs: PgBoss.Job<unknown>[]) => {
        const outcomes = await Promise.allSettled(jobs.map(async (job) => handler(definition.payload.parse(job.data))));
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
  await boss.schedule(jobDefinitions.supportDigest.name, '0 7 * * *', {}, { tz: 'Europe/Helsinki' });
  return boss;
}

/** pg-boss stores a failure's message and stack as the job's output, as it does for a thrown error. */
const toError = (reason: unknown) => (reason instanceof Error ? reason : new Error(String(reason)));
