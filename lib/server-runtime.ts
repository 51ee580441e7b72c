import { prepareDatabase } from '@/db/runtime';
import { ConfigError, getEnv } from '@/lib/env';

/**
 * Start-up of an app process: configuration, database, then the job workers (which run inside
 * the app process). Exits the process on a configuration problem.
 */
export async function startServerRuntime() {
  try {
    const env = getEnv();
    await prepareDatabase(env);
    const { startWorkers } = await import('@/lib/jobs/worker');
    await startWorkers();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`\n${error.message}\n\nSee .env.example and README.md for every variable.\n`);
      process.exit(1);
    }
    throw error;
  }
}
