import { execSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DatabaseStartError, startEmbeddedPostgres } from '@/db/embedded';
import { prepareDatabase } from '@/db/runtime';
import { ConfigError, parseEnv } from '@/lib/env';
import { VITEST_PG } from '@/tests/support/test-env';

describe('start-up against DATABASE_URL', () => {
  it('stops with a message naming DATABASE_URL, without its password, when nothing answers there', async () => {
    const env = parseEnv({
      NEXTAUTH_URL: 'http://localhost:3000',
      NEXTAUTH_SECRET: 'x'.repeat(32),
      CREDENTIALS_ENCRYPTION_KEYS: process.env.CREDENTIALS_ENCRYPTION_KEYS,
      DATABASE_URL: 'postgres://app:hunter2@127.0.0.1:1/cloudpos',
    });
    const failure = await prepareDatabase(env).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ConfigError);
    expect((failure as ConfigError).message).toContain('DATABASE_URL: could not connect to 127.0.0.1:1/cloudpos');
    expect((failure as ConfigError).message).not.toContain('hunter2');
  });

  it('applies the migrations to a reachable database, and again without harm', async () => {
    const env = parseEnv({ ...process.env, DATABASE_URL: process.env.DATABASE_URL });
    await prepareDatabase(env);
    await expect(prepareDatabase(env)).resolves.toBeDefined();
  });
});

/** Ports of this file's own, beside the test cluster's (which TEST_PORT_OFFSET already shifts). */
const TAKEN_PORT = VITEST_PG.port + 1000;
const FREE_PORT = VITEST_PG.port + 1001;

/** Folders of this file's own, removed afterwards (one holds a whole cluster). */
const folders: string[] = [];
const tempFolder = (prefix: string) => {
  const folder = mkdtempSync(path.join(tmpdir(), prefix));
  folders.push(folder);
  return folder;
};
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/** Without DATABASE_URL: the embedded cluster in `dir` on `port`. */
const embeddedEnv = (dir: string, port: number) =>
  parseEnv({ ...process.env, DATABASE_URL: '', EMBEDDED_PG_DIR: dir, EMBEDDED_PG_PORT: String(port) });

describe('start-up of the embedded PostgreSQL', () => {
  it('stops with a message naming the port when something that is not PostgreSQL listens there', async () => {
    const squatter = createServer((socket) => socket.on('error', () => undefined));
    await new Promise<void>((resolve) => squatter.listen(TAKEN_PORT, '127.0.0.1', resolve));
    try {
      const failure = await prepareDatabase(embeddedEnv(tempFolder('pg-taken-'), TAKEN_PORT)).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(DatabaseStartError);
      expect((failure as DatabaseStartError).reason).toBe('port-taken');
      expect((failure as Error).message).toContain(`port ${TAKEN_PORT} is taken by something that is not this app's PostgreSQL`);
      expect((failure as Error).message).toContain('EMBEDDED_PG_PORT');
    } finally {
      squatter.close();
    }
  });

  it('stops with a message naming the data folder when it cannot be created (a path under a regular file)', async () => {
    const file = path.join(tempFolder('pg-file-'), 'a-file');
    writeFileSync(file, '');
    const dir = path.join(file, 'postgres');
    const failure = await startEmbeddedPostgres({ dir, port: FREE_PORT }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DatabaseStartError);
    expect((failure as DatabaseStartError).reason).toBe('data-folder');
    expect((failure as Error).message).toContain(`its data folder ${dir} cannot be created or used (EEXIST`);
    expect((failure as Error).message).toContain('EMBEDDED_PG_DIR');
  });

  it("quotes PostgreSQL's own last log lines when the server refuses its data folder", async () => {
    // Not a cluster PostgreSQL can run: a version file of no release, and (under root) owned by root.
    const dir = tempFolder('pg-bogus-');
    writeFileSync(path.join(dir, 'PG_VERSION'), '1\n');
    const failure = await startEmbeddedPostgres({ dir, port: FREE_PORT }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DatabaseStartError);
    expect((failure as Error).message).toContain("PostgreSQL's last log lines:");
    expect((failure as Error).message.split("PostgreSQL's last log lines:")[1]).toMatch(/Permission denied|wrong ownership|incompatible/);
  });

  it('tries a server that exits during start-up again, a bounded number of times, then names the failure with its log', async () => {
    const dir = tempFolder('pg-locked-');
    const cluster = await startEmbeddedPostgres({ dir, port: FREE_PORT, database: 'postgres' });
    await cluster.stop();
    // A live process of the server's own user holds the cluster's lock file: every start exits at once.
    const uid = process.getuid?.() === 0 ? Number(execSync('id -u postgres')) : undefined;
    const holder = spawn('sleep', ['60'], { uid });
    try {
      writeFileSync(path.join(dir, 'postmaster.pid'), `${holder.pid}\n${dir}\n`);
      const failure = await startEmbeddedPostgres({ dir, port: FREE_PORT }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(DatabaseStartError);
      expect((failure as DatabaseStartError).reason).toBe('exited');
      expect((failure as Error).message).toContain('the server stopped during start-up (3 attempts)');
      expect((failure as Error).message).toContain('lock file "postmaster.pid" already exists');
    } finally {
      holder.kill();
    }
  });
});
