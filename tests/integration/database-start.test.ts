import { describe, expect, it } from 'vitest';
import { prepareDatabase } from '@/db/runtime';
import { ConfigError, parseEnv } from '@/lib/env';

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
