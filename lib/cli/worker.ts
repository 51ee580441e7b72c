/**
 * npm run worker – the job workers (email, password SMS, reconciliation) in a process of their
 * own, for installations that set RUN_WORKERS_IN_APP=false. Any number may run at once.
 */
import './load-env';
import { prepareDatabase } from '@/db/runtime';
import { getEnv } from '@/lib/env';
import { startWorkers } from '@/lib/jobs/worker';

const database = await prepareDatabase(getEnv());
const boss = await startWorkers();
console.log('Workers are running.');
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void boss
      .stop({ graceful: true, wait: true })
      .then(() => database.stop())
      .finally(() => process.exit(0));
  });
}
