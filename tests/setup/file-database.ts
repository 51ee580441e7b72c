import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { embeddedDatabaseUrl } from '@/db/url';
import { TEST_CREDENTIALS_KEYS, TEST_SECRET, VITEST_PG } from '@/tests/support/test-env';

/**
 * Per test file: a database of its own, copied from the migrated template, so files run in
 * parallel without seeing each other's rows. Runs before the file imports any app module.
 */
const name = `test_${randomUUID().replaceAll('-', '')}`;
const admin = new pg.Client({ connectionString: embeddedDatabaseUrl(VITEST_PG.port, 'postgres') });
await admin.connect();
await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${inject('templateDatabase')}"`);
await admin.end();

Object.assign(process.env, {
  DATABASE_URL: embeddedDatabaseUrl(VITEST_PG.port, name),
  NEXTAUTH_URL: 'http://localhost:3000',
  NEXTAUTH_SECRET: TEST_SECRET,
  CREDENTIALS_ENCRYPTION_KEYS: TEST_CREDENTIALS_KEYS,
  APP_ENV: 'local',
});
// Email and SMS go to the outbox table; the page stays off unless a test turns it on.
for (const key of Object.keys(process.env)) {
  if (/^(RESEND_|TWILIO_|DEV_OUTBOX$)/.test(key)) delete process.env[key];
}

afterAll(async () => {
  const { pool } = await import('@/db');
  await pool.end();
  const client = new pg.Client({ connectionString: embeddedDatabaseUrl(VITEST_PG.port, 'postgres') });
  await client.connect();
  // Closing connections may still be on their way out: wait for them rather than kill them,
  // which would surface as errors in whatever test file is still running.
  for (let attempt = 0; ; attempt++) {
    try {
      await client.query(`DROP DATABASE IF EXISTS "${name}"${attempt >= 30 ? ' WITH (FORCE)' : ''}`);
      break;
    } catch (error) {
      if ((error as { code?: string }).code !== '55006' || attempt >= 30) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await client.end();
});
