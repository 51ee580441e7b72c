import pg from 'pg';
import { ConfigError, type Env } from '@/lib/env';
import { startEmbeddedPostgres, type RunningDatabase } from './embedded';
import { migrateDatabase } from './migrate';
import { describeDatabaseUrl } from './url';

/**
 * Makes the database ready for this process: with `DATABASE_URL`, checks that it answers;
 * without it, starts the embedded cluster. Then applies the migrations.
 */
export async function prepareDatabase(env: Env): Promise<RunningDatabase> {
  let running: RunningDatabase;
  if (env.DATABASE_URL) {
    const url = env.DATABASE_URL;
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
    try {
      await client.connect();
    } catch (error) {
      throw new ConfigError([
        `DATABASE_URL: could not connect to ${describeDatabaseUrl(url)} (${(error as Error).message || String(error)})`,
      ]);
    } finally {
      await client.end().catch(() => undefined);
    }
    running = { url, stop: async () => undefined };
  } else {
    running = await startEmbeddedPostgres({ dir: env.EMBEDDED_PG_DIR, port: env.EMBEDDED_PG_PORT });
  }
  await migrateDatabase(running.url);
  return running;
}
