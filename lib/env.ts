import { z } from 'zod';
import { looksLikeApiKey } from '@/lib/api-keys';
import { parseKeyring } from '@/lib/credentials/encryption';

/**
 * The one place that reads `process.env`. Everything else calls {@link getEnv}.
 *
 * Note: `APP_ENV=production` turns every "falls back to a local stand-in" into a hard
 * requirement: a real database, Resend and Twilio. Locally (the default) the app starts an
 * embedded PostgreSQL and keeps email and SMS in the development outbox table; the page that
 * shows them needs no sign-in, so it is served only with an explicit `DEV_OUTBOX=true`.
 */

const postgresUrl = z
  .string()
  .url('must be a URL such as postgres://user:password@host:5432/database')
  .refine((value) => /^postgres(ql)?:\/\//.test(value), 'must start with postgres:// or postgresql://');

const httpUrl = z
  .string()
  .url('must be a URL such as https://portal.example.com')
  .refine((value) => /^https?:\/\//.test(value), 'must start with http:// or https://');

const schema = z
  .object({
    APP_ENV: z.enum(['local', 'production']).default('local'),
    DATABASE_URL: postgresUrl.optional(),
    EMBEDDED_PG_DIR: z.string().default('.data/postgres'),
    EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
    DATABASE_POOL_SIZE: z.coerce
      .number()
      .int('must be a whole number of connections')
      .min(2, 'must be at least 2 connections')
      .max(100, 'must be at most 100 connections (PostgreSQL allows 100 by default, for every process together)')
      .default(20),
    NEXTAUTH_URL: httpUrl,
    NEXTAUTH_SECRET: z
      .string({ error: 'is required (generate one with `openssl rand -base64 32`)' })
      .min(32, 'must be at least 32 characters (generate one with `openssl rand -base64 32`)'),
    EMAIL_FROM: z.string().min(3).default('CloudPOS Account Orders <orders@localhost>'),
    RESEND_API_KEY: z.string().optional(),
    RESEND_BASE_URL: httpUrl.optional(),
    TWILIO_ACCOUNT_SID: z.string().regex(/^AC[0-9a-fA-F]{32}$/, 'must look like AC followed by 32 hex digits').optional(),
    TWILIO_AUTH_TOKEN: z.string().min(16).optional(),
    TWILIO_FROM_NUMBER: z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number such as +358401234567').optional(),
    TWILIO_MESSAGING_SERVICE_SID: z.string().regex(/^MG[0-9a-fA-F]{32}$/, 'must look like MG followed by 32 hex digits').optional(),
    TWILIO_API_URL: httpUrl.optional(),
    TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
    CREDENTIALS_ENCRYPTION_KEYS: z
      .string({ error: 'is required: "keyid:base64key" (generate a key with `openssl rand -base64 32`)' })
      .transform((value, ctx) => {
        try {
          return parseKeyring(value);
        } catch (error) {
          ctx.addIssue({ code: 'custom', message: `is malformed: ${(error as Error).message}` });
          return z.NEVER;
        }
      }),
    SMS_VALIDITY_SECONDS: z.coerce.number().int().min(60).max(14_400).default(900),
    SMS_RATE_PER_SECOND: z.coerce.number().min(0).max(1000).default(10),
    PASSWORD_RETENTION_HOURS: z.coerce.number().int().min(1).max(168).default(72),
    /** Written into .env and seeded by `npm run demo` only: the demo partner's local API key. */
    DEMO_API_KEY: z.string().refine(looksLikeApiKey, 'must be an API key: cpos_live_ and 43 letters and digits').optional(),
    API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
    RUN_WORKERS_IN_APP: z.enum(['true', 'false']).default('true').transform((value) => value === 'true'),
    DEV_OUTBOX: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
  })
  .superRefine((env, ctx) => {
    const require = (key: keyof typeof env, why: string) => {
      if (env[key] === undefined) ctx.addIssue({ code: 'custom', path: [key], message: `is required ${why}` });
    };
    const twilioConfigured = env.TWILIO_ACCOUNT_SID !== undefined || env.TWILIO_AUTH_TOKEN !== undefined;
    if (twilioConfigured) {
      require('TWILIO_ACCOUNT_SID', 'with TWILIO_AUTH_TOKEN');
      require('TWILIO_AUTH_TOKEN', 'with TWILIO_ACCOUNT_SID');
      if (!env.TWILIO_FROM_NUMBER && !env.TWILIO_MESSAGING_SERVICE_SID) {
        ctx.addIssue({
          code: 'custom',
          path: ['TWILIO_FROM_NUMBER'],
          message: 'or TWILIO_MESSAGING_SERVICE_SID is required to send SMS through Twilio',
        });
      }
    }
    if (env.APP_ENV === 'production') {
      const why = 'when APP_ENV=production';
      require('DATABASE_URL', why);
      require('RESEND_API_KEY', why);
      require('TWILIO_ACCOUNT_SID', why);
      require('TWILIO_AUTH_TOKEN', why);
      if (!env.NEXTAUTH_URL.startsWith('https://')) {
        ctx.addIssue({ code: 'custom', path: ['NEXTAUTH_URL'], message: `must be https:// ${why}` });
      }
      if (env.DEV_OUTBOX) ctx.addIssue({ code: 'custom', path: ['DEV_OUTBOX'], message: `must not be true ${why}` });
    }
  });

export type Env = z.infer<typeof schema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Validates a set of variables; throws a {@link ConfigError} naming every bad one. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings count as unset, so `FOO=` in a .env file behaves like no FOO at all.
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const result = schema.safeParse(present);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => {
      const name = issue.path.join('.') || 'configuration';
      const missing = issue.code === 'invalid_type' && present[name] === undefined;
      const message = missing && issue.message.startsWith('Invalid input') ? 'is required' : issue.message;
      return `${name} ${message}`;
    }),
  );
}

let cached: Env | undefined;

/** The validated configuration, read once per process. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/**
 * True when email and SMS go to the development outbox table instead of Resend and Twilio.
 * Whether anyone can read that table through the web is {@link servesOutbox}.
 */
export function usesOutbox(env: Env = getEnv()) {
  return { email: !env.RESEND_API_KEY, sms: !env.TWILIO_ACCOUNT_SID };
}

/**
 * True when the development outbox page (`/dev/outbox`) is served.
 *
 * Note: the page needs no sign-in and shows sign-in links, so a missing provider alone never
 * opens it: it takes an explicit `DEV_OUTBOX=true`, and never with `APP_ENV=production` (which
 * {@link parseEnv} refuses anyway; checked again here so that no env object opens it there).
 */
export function servesOutbox(env: Env = getEnv()) {
  return env.DEV_OUTBOX && env.APP_ENV !== 'production';
}
