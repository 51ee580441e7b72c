import { DatabaseStartError } from '@/db/embedded';
import { prepareDatabase } from '@/db/runtime';
import { ConfigError, getEnv } from '@/lib/env';
import { guardIncomingRequests } from '@/lib/http/incoming';
import { logError } from '@/lib/log';

/**
 * Start-up of an app process: configuration, database, then the job queues and their workers,
 * which run inside the app unless RUN_WORKERS_IN_APP=false (then `npm run worker` runs them and
 * the app only installs the queues it sends jobs to). Before the first request, every request
 * starts to meet the guards of lib/http/incoming.ts (peer address, security headers, body size).
 *
 * Note: any failure here exits the process. Next.js would otherwise report it, say "Ready" and
 * answer every request with the same failed start-up.
 */
export async function startServerRuntime() {
  try {
    const env = getEnv();
    guardIncomingRequests({ https: env.NEXTAUTH_URL.startsWith('https://') });
    await prepareDatabase(env);
    if (env.RUN_WORKERS_IN_APP) {
      const { startWorkers } = await import('@/lib/jobs/worker');
      await startWorkers();
    } else {
      // The queues must exist before the first order enqueues a job, even if no worker has run yet.
      const { startJobQueues } = await import('@/lib/jobs/boss');
      await startJobQueues();
    }
  } catch (error) {
    if (error instanceof ConfigError) console.error(`\n${error.message}\n\nSee .env.example and README.md for every variable.\n`);
    else if (error instanceof DatabaseStartError) console.error(`\n${error.message}\n`);
    else logError('Start-up failed', error);
    process.exit(1);
  }
}
