import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { expect, test } from '../fixtures';
import { E2E_PG, PORT_OFFSET, e2eServerEnv } from '@/tests/support/test-env';

/** This file's server ports, shifted like every test port so checkouts side by side do not collide. */
const port = (base: number) => base + PORT_OFFSET;

/** Starts the built server with `env` and collects what it prints until it exits (or 60 s pass). */
function startServer(env: Record<string, string>, port: number) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn('node_modules/.bin/next', ['start', '-p', String(port)], {
      env: { ...process.env, ...e2eServerEnv, ...env },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

test.describe.configure({ mode: 'serial' });

test('[STARTUP] a malformed DATABASE_URL stops start-up with a message naming it', async () => {
  const { code, output } = await startServer({ DATABASE_URL: 'not a url' }, port(3191));
  expect(code).not.toBe(0);
  expect(output).toContain('DATABASE_URL must be a URL');
});

test('[STARTUP] a DATABASE_URL where no database answers stops start-up, naming it without the password', async () => {
  const { code, output } = await startServer({ DATABASE_URL: 'postgres://app:hunter2@127.0.0.1:1/cloudpos' }, port(3192));
  expect(code).not.toBe(0);
  expect(output).toContain('DATABASE_URL: could not connect to 127.0.0.1:1/cloudpos');
  expect(output).not.toContain('hunter2');
});

test('[STARTUP] production mode without its secret stops start-up with a message naming it', async () => {
  const { code, output } = await startServer(
    {
      APP_ENV: 'production',
      DEV_OUTBOX: '',
      NEXTAUTH_URL: 'https://orders.example.com',
      NEXTAUTH_SECRET: '',
      DATABASE_URL: 'postgres://app:pw@127.0.0.1:1/cloudpos',
      RESEND_API_KEY: 're_live_key',
      TWILIO_ACCOUNT_SID: `AC${'a'.repeat(32)}`,
      TWILIO_AUTH_TOKEN: 'b'.repeat(32),
      TWILIO_FROM_NUMBER: '+358401234567',
    },
    port(3193),
  );
  expect(code).not.toBe(0);
  expect(output).toContain('NEXTAUTH_SECRET is required');
});

test('[STARTUP] production mode refuses the development outbox: Resend and Twilio must be configured, DEV_OUTBOX off', async () => {
  const { code, output } = await startServer(
    {
      // DEV_OUTBOX=true comes from the e2e server's environment.
      APP_ENV: 'production',
      NEXTAUTH_URL: 'https://orders.example.com',
      DATABASE_URL: 'postgres://app:pw@127.0.0.1:1/cloudpos',
      TWILIO_ACCOUNT_SID: '',
      TWILIO_AUTH_TOKEN: '',
      TWILIO_FROM_NUMBER: '',
    },
    port(3194),
  );
  expect(code).not.toBe(0);
  expect(output).toContain('RESEND_API_KEY is required when APP_ENV=production');
  expect(output).toContain('TWILIO_ACCOUNT_SID is required when APP_ENV=production');
  expect(output).toContain('DEV_OUTBOX must not be true when APP_ENV=production');
});

test('[STARTUP] an embedded PostgreSQL port taken by something else stops start-up, naming the port', async () => {
  const taken = E2E_PG.port + 1010;
  const squatter = createServer((socket) => socket.on('error', () => undefined));
  await new Promise<void>((resolve) => squatter.listen(taken, '127.0.0.1', resolve));
  try {
    const { code, output } = await startServer({ EMBEDDED_PG_PORT: String(taken), EMBEDDED_PG_DIR: '.data/e2e-postgres-port-taken' }, port(3195));
    expect(code).not.toBe(0);
    expect(output).toContain(`The embedded PostgreSQL did not start: port ${taken} is taken by something that is not this app's PostgreSQL`);
  } finally {
    squatter.close();
  }
});

test('[STARTUP] an embedded data folder that cannot be created stops start-up, naming the folder', async () => {
  // A path under a regular file: no user, root included, can create a folder there.
  const { code, output } = await startServer({ EMBEDDED_PG_PORT: String(E2E_PG.port + 1011), EMBEDDED_PG_DIR: 'package.json/postgres' }, port(3196));
  expect(code).not.toBe(0);
  expect(output).toMatch(/The embedded PostgreSQL did not start: its data folder \S*package\.json\/postgres cannot be created or used/);
  expect(output).toContain('EMBEDDED_PG_DIR');
});
