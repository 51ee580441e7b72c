import { prepareDatabase } from '@/db/runtime';
import { ConfigError, getEnv } from '@/lib/env';
import { appendPeerAddressToForwardedFor } from '@/lib/peer-address';

/**
 * Start-up of an app process: configuration, database, then the job workers, which run inside
 * the app unless RUN_WORKERS_IN_APP=false (then `npm run worker` runs them). Exits the process
 * on a configuration problem. Before any of it, requests start carrying their socket's address
 * (lib/peer-address.ts), which the rate limits count.
 */
export async function startServerRuntime() {
  appendPeerAddressToForwardedFor();
  try {
    const env = getEnv();
    await prepareDatabase(env);
    if (env.RUN_WORKERS_IN_APP) {
      const { startWorkers } = await import('@/lib/jobs/worker');
      await startWorkers();
    }
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`\n${error.message}\n\nSee .env.example and README.md for every variable.\n`);
      process.exit(1);
    }
    throw error;
  }
}
