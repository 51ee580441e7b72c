/**
 * Where the benchmark runs: a cluster, a build and ports of its own, so it never touches the
 * demo database (.data/postgres), the test clusters, the e2e server's :3100 or the `.next` build.
 */
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');
/** Shifts every bench port, as TEST_PORT_OFFSET does for the tests, so two checkouts can run side by side. */
const PORT_OFFSET = Number(process.env.TEST_PORT_OFFSET ?? 0);
export const BENCH_PG = { dir: path.join(ROOT, '.data/bench-postgres'), port: 54340 + PORT_OFFSET };
/** A copy of the sources, built with the baseline route added (see app-build.ts). */
export const BENCH_APP_DIR = path.join(ROOT, '.data/bench-app');
export const BENCH_PORT = 3200 + PORT_OFFSET;
export const BENCH_URL = `http://127.0.0.1:${BENCH_PORT}`;
export const TWILIO_DOUBLE_PORT = 4020 + PORT_OFFSET;
export const TWILIO_DOUBLE_URL = `http://127.0.0.1:${TWILIO_DOUBLE_PORT}`;
/** The webhook fan-out's receiver (bench/webhooks.ts). */
export const WEBHOOK_RECEIVER_PORT = 4030 + PORT_OFFSET;
export const RESULTS_DIR = path.join(ROOT, 'bench/results');
export const SERVER_LOG = path.join(ROOT, '.data/bench-server.log');
export const WORKER_LOG = path.join(ROOT, '.data/bench-worker.log');

/** Benchmark-only secrets: the bench cluster holds nothing else. */
const BENCH_SECRET = 'bench-only-secret-0123456789abcdef0123456789';
const BENCH_CREDENTIALS_KEYS = `bench1:${Buffer.alloc(32, 11).toString('base64')}`;
export const BENCH_TWILIO = { accountSid: `AC${'be0c'.repeat(8)}`, authToken: 'bench-twilio-auth-token-0123456789', from: '+358451110001' };

/**
 * Every variable lib/env.ts reads, set for this process and inherited by the server and worker
 * it starts. Empty means unset, so nothing from a developer's shell or .env (a real database,
 * Resend, Twilio) leaks in: @next/env never overrides a variable that is present, even empty.
 */
export function benchEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    NEXT_TELEMETRY_DISABLED: '1',
    APP_ENV: 'local',
    NEXTAUTH_URL: BENCH_URL,
    NEXTAUTH_SECRET: BENCH_SECRET,
    TRUST_PROXY_HOPS: '0',
    CREDENTIALS_ENCRYPTION_KEYS: BENCH_CREDENTIALS_KEYS,
    PASSWORD_RETENTION_HOURS: '72',
    DATABASE_URL: '',
    EMBEDDED_PG_DIR: BENCH_PG.dir,
    EMBEDDED_PG_PORT: String(BENCH_PG.port),
    RESEND_API_KEY: '',
    RESEND_BASE_URL: '',
    EMAIL_FROM: 'CloudPOS Account Orders <orders@localhost>',
    // Password SMS go through the real twilio SDK to the local double.
    TWILIO_ACCOUNT_SID: BENCH_TWILIO.accountSid,
    TWILIO_AUTH_TOKEN: BENCH_TWILIO.authToken,
    TWILIO_FROM_NUMBER: BENCH_TWILIO.from,
    TWILIO_MESSAGING_SERVICE_SID: '',
    TWILIO_API_URL: TWILIO_DOUBLE_URL,
    SMS_VALIDITY_SECONDS: '900',
    SMS_RATE_PER_SECOND: '0',
    // The API's submission is measured, not its rate limit.
    API_RATE_LIMIT_PER_MINUTE: '1000000',
    // The HTTP measurements leave jobs queued; the SMS measurement runs `npm run worker`'s entry.
    RUN_WORKERS_IN_APP: 'false',
    ...overrides,
  };
}

/** Must run before anything imports lib/env (which reads the variables once). */
export function applyBenchEnv() {
  Object.assign(process.env, benchEnv());
}
