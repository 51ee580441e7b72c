import 'server-only';
import { startJobQueues } from './boss';
import { jobDefinitions, type JobName } from './definitions';
import { jobHandlers } from './handlers';

/** Starts pg-boss and a worker for every queue in this process. */
export async function startWorkers() {
  const boss = await startJobQueues();
  for (const name of Object.keys(jobDefinitions) as JobName[]) {
    const definition = jobDefinitions[name];
    const handler = jobHandlers[name] as (payload: unknown) => Promise<void>;
    await boss.work(definition.name, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => {
      if (job) await handler(definition.payload.parse(job.data));
    });
  }
  // Callbacks get lost: every two minutes, ask Twilio about messages stuck short of final.
  await boss.schedule(jobDefinitions.reconcileSms.name, '*/2 * * * *', {}, { tz: 'Europe/Helsinki' });
  await boss.schedule(jobDefinitions.supportDigest.name, '0 7 * * *', {}, { tz: 'Europe/Helsinki' });
  return boss;
}
