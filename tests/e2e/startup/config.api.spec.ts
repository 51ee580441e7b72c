import { spawn } from 'node:child_process';
import { expect, test } from '../fixtures';
import { e2eServerEnv } from '@/tests/support/test-env';

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
  const { code, output } = await startServer({ DATABASE_URL: 'not a url' }, 3191);
  expect(code).not.toBe(0);
  expect(output).toContain('DATABASE_URL must be a URL');
});

test('[STARTUP] a DATABASE_URL where no database answers stops start-up, naming it without the password', async () => {
  const { code, output } = await startServer({ DATABASE_URL: 'postgres://app:hunter2@127.0.0.1:1/cloudpos' }, 3192);
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
    3193,
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
    3194,
  );
  expect(code).not.toBe(0);
  expect(output).toContain('RESEND_API_KEY is required when APP_ENV=production');
  expect(output).toContain('TWILIO_ACCOUNT_SID is required when APP_ENV=production');
  expect(output).toContain('DEV_OUTBOX must not be true when APP_ENV=production');
});
