import { describe, expect, it } from 'vitest';
import { ConfigError, parseEnv, servesOutbox, type Env } from '@/lib/env';

const base = {
  NEXTAUTH_URL: 'http://localhost:3000',
  NEXTAUTH_SECRET: 'x'.repeat(32),
  CREDENTIALS_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
};
const production = {
  ...base,
  APP_ENV: 'production',
  NEXTAUTH_URL: 'https://orders.example.com',
  DATABASE_URL: 'postgres://app:secret@db.internal:5432/cloudpos',
  RESEND_API_KEY: 're_test',
  TWILIO_ACCOUNT_SID: `AC${'a'.repeat(32)}`,
  TWILIO_AUTH_TOKEN: 't'.repeat(32),
  TWILIO_FROM_NUMBER: '+358401234567',
};

function problems(source: Record<string, string | undefined>) {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration', () => {
  it('runs locally with only the two next-auth variables, on the embedded database and the outbox', () => {
    const env = parseEnv(base);
    expect(env.APP_ENV).toBe('local');
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.EMBEDDED_PG_PORT).toBe(54329);
    expect(env.DATABASE_POOL_SIZE).toBe(20);
  });

  it('takes the database pool size an operator sets', () => {
    expect(parseEnv({ ...base, DATABASE_POOL_SIZE: '8' }).DATABASE_POOL_SIZE).toBe(8);
  });

  it.each([
    ['a missing secret', { NEXTAUTH_URL: base.NEXTAUTH_URL }, 'NEXTAUTH_SECRET is required'],
    ['a short secret', { ...base, NEXTAUTH_SECRET: 'short' }, 'NEXTAUTH_SECRET must be at least 32 characters'],
    ['a malformed DATABASE_URL', { ...base, DATABASE_URL: 'not a url' }, 'DATABASE_URL must be a URL'],
    ['a DATABASE_URL of another scheme', { ...base, DATABASE_URL: 'mysql://db/x' }, 'DATABASE_URL must start with postgres://'],
    ['a missing NEXTAUTH_URL', { NEXTAUTH_SECRET: base.NEXTAUTH_SECRET }, 'NEXTAUTH_URL is required'],
    ['a missing encryption keyring', { ...base, CREDENTIALS_ENCRYPTION_KEYS: undefined }, 'CREDENTIALS_ENCRYPTION_KEYS is required'],
    ['a short encryption key', { ...base, CREDENTIALS_ENCRYPTION_KEYS: 'k1:c2hvcnQ=' }, 'CREDENTIALS_ENCRYPTION_KEYS is malformed'],
    ['half of the Twilio credentials', { ...base, TWILIO_ACCOUNT_SID: production.TWILIO_ACCOUNT_SID }, 'TWILIO_AUTH_TOKEN is required'],
    ['a non-E.164 sender', { ...base, TWILIO_FROM_NUMBER: '0401234567' }, 'TWILIO_FROM_NUMBER must be an E.164 number'],
    ['a pool of one connection', { ...base, DATABASE_POOL_SIZE: '1' }, 'DATABASE_POOL_SIZE must be at least 2'],
    ['a pool past PostgreSQL\'s default limit', { ...base, DATABASE_POOL_SIZE: '500' }, 'DATABASE_POOL_SIZE must be at most 100'],
    ['a pool size that is not a number', { ...base, DATABASE_POOL_SIZE: 'many' }, 'DATABASE_POOL_SIZE'],
    ['a demo API key that is not a key', { ...base, DEMO_API_KEY: 'cpos_live_short' }, 'DEMO_API_KEY must be an API key'],
  ])('names the variable at fault for %s', (_case, source, message) => {
    expect(problems(source).join('\n')).toContain(message);
  });

  it('treats an empty value as unset', () => {
    expect(parseEnv({ ...base, DATABASE_URL: '', RESEND_API_KEY: '' }).DATABASE_URL).toBeUndefined();
    expect(problems({ ...base, NEXTAUTH_SECRET: '' }).join('\n')).toContain('NEXTAUTH_SECRET is required');
  });

  it('accepts a complete production configuration', () => {
    expect(parseEnv(production).APP_ENV).toBe('production');
  });

  it.each(['DATABASE_URL', 'RESEND_API_KEY', 'TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'NEXTAUTH_SECRET'])(
    'refuses production without %s',
    (name) => {
      expect(problems({ ...production, [name]: undefined }).join('\n')).toMatch(new RegExp(`^${name} `, 'm'));
    },
  );

  it('refuses production on plain http', () => {
    expect(problems({ ...production, NEXTAUTH_URL: 'http://orders.example.com' })).toContain(
      'NEXTAUTH_URL must be https:// when APP_ENV=production',
    );
  });

  it('refuses production with the development outbox page on', () => {
    expect(problems({ ...production, DEV_OUTBOX: 'true' })).toContain('DEV_OUTBOX must not be true when APP_ENV=production');
    expect(parseEnv({ ...production, DEV_OUTBOX: 'false' }).DEV_OUTBOX).toBe(false);
  });

  it('takes DEV_OUTBOX as true or false only', () => {
    expect(parseEnv({ ...base, DEV_OUTBOX: 'true' }).DEV_OUTBOX).toBe(true);
    expect(problems({ ...base, DEV_OUTBOX: 'yes' }).join('\n')).toMatch(/^DEV_OUTBOX /m);
  });

  it('never echoes a secret value in its messages', () => {
    const message = problems({ ...base, DATABASE_URL: 'postgres://user:hunter2@', NEXTAUTH_SECRET: 'hunter2' }).join('\n');
    expect(message).not.toContain('hunter2');
  });
});

describe('the development outbox page', () => {
  const twilio = { TWILIO_ACCOUNT_SID: production.TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN: production.TWILIO_AUTH_TOKEN, TWILIO_FROM_NUMBER: production.TWILIO_FROM_NUMBER };

  it('is not served merely because Resend or Twilio is not configured', () => {
    expect(servesOutbox(parseEnv(base))).toBe(false);
    // The reported case: Twilio set, Resend not, APP_ENV left at local.
    expect(servesOutbox(parseEnv({ ...base, ...twilio }))).toBe(false);
    expect(servesOutbox(parseEnv({ ...base, DEV_OUTBOX: 'false' }))).toBe(false);
  });

  it('is served with DEV_OUTBOX=true, and never in production', () => {
    expect(servesOutbox(parseEnv({ ...base, DEV_OUTBOX: 'true' }))).toBe(true);
    expect(servesOutbox(parseEnv({ ...base, ...twilio, DEV_OUTBOX: 'true' }))).toBe(true);
    // Even an environment that skipped validation.
    expect(servesOutbox({ ...parseEnv(production), DEV_OUTBOX: true } satisfies Env)).toBe(false);
  });
});
