/**
 * npm run demo – the whole portal on this machine from a fresh clone: writes a local .env with
 * generated secrets (once), builds, starts the embedded PostgreSQL, migrates, seeds demo data
 * and serves the production build on :3000. Ctrl-C stops everything.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { generateApiKey } from '@/lib/api-keys';

/**
 * How long the demo waits for the server to answer: a minute, asking twice a second. Declared
 * before the top-level code that uses them: a const read before its line has run throws.
 */
const HEALTH_ATTEMPTS = 120;
const HEALTH_INTERVAL_MS = 500;

ensureLocalEnvFile();
await import('./load-env');
const { getEnv, ConfigError } = await import('@/lib/env');
const { logError } = await import('@/lib/log');
const { prepareDatabase } = await import('@/db/runtime');
const { seedDemoData, demoOrganisations, DEMO_API_KEY_OWNER } = await import('@/db/seed');

let env;
try {
  env = getEnv();
} catch (error) {
  if (error instanceof ConfigError) console.error(error.message);
  else logError('demo failed', error);
  process.exit(1);
}

const nextBin = 'node_modules/.bin/next';
console.log('Building the production bundle (a minute or two)…');
const build = spawnSync(nextBin, ['build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const database = await prepareDatabase(env);
const { db, pool } = await import('@/db');
const demoApiKey = env.DEMO_API_KEY;
await seedDemoData(db, { apiKey: demoApiKey });
await pool.end();

const port = new URL(env.NEXTAUTH_URL).port || '3000';
const server = spawn(nextBin, ['start', '-p', port], { stdio: ['ignore', 'inherit', 'inherit'] });
server.on('exit', (code) => {
  void database.stop().finally(() => process.exit(code ?? 0));
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill('SIGTERM'));

await waitForHealth(`http://127.0.0.1:${port}/api/health`);
const people = demoOrganisations.flatMap((organisation) =>
  organisation.people.map((person) => `    ${person.email.padEnd(40)} ${person.role.padEnd(15)} ${organisation.name}`),
);
console.log(
  [
    '',
    `CloudPOS Account Orders is running at ${env.NEXTAUTH_URL}`,
    `Sign in at ${env.NEXTAUTH_URL}/sign-in with one of these addresses; ${
      env.DEV_OUTBOX ? `the sign-in link appears in the outbox at ${env.NEXTAUTH_URL}/dev/outbox` : 'DEV_OUTBOX is off in .env, so the outbox page is not served'
    }`,
    ...people,
    '',
    ...(demoApiKey
      ? [
          `API (reference: ${env.NEXTAUTH_URL}/developers/api): ${DEMO_API_KEY_OWNER.organisation} has a local demo key (DEMO_API_KEY in .env):`,
          `    export CPOS_API_URL=${env.NEXTAUTH_URL}/api/v1 CPOS_API_KEY=${demoApiKey}`,
          '    curl -H "Authorization: Bearer $CPOS_API_KEY" "$CPOS_API_URL/orders?limit=5"',
          '',
        ]
      : []),
  ].join('\n'),
);

/**
 * Creates .env with fresh secrets (sign-in, password encryption, the demo's API key), the local
 * URL and the outbox page (where the demo's sign-in links arrive), unless already set.
 */
function ensureLocalEnvFile() {
  const existing = existsSync('.env') ? readFileSync('.env', 'utf8') : '';
  const lines: string[] = [];
  if (!/^NEXTAUTH_SECRET=./m.test(existing)) lines.push(`NEXTAUTH_SECRET=${randomBytes(32).toString('base64')}`);
  if (!/^NEXTAUTH_URL=./m.test(existing)) lines.push('NEXTAUTH_URL=http://localhost:3000');
  if (!/^CREDENTIALS_ENCRYPTION_KEYS=./m.test(existing)) lines.push(`CREDENTIALS_ENCRYPTION_KEYS=local1:${randomBytes(32).toString('base64')}`);
  if (!/^DEV_OUTBOX=./m.test(existing)) lines.push('DEV_OUTBOX=true');
  // The demo's API key (seeded for the demo's ECR supplier, printed at start); this .env's own.
  if (!/^DEMO_API_KEY=/m.test(existing)) lines.push(`DEMO_API_KEY=${generateApiKey()}`);
  if (lines.length) {
    appendFileSync('.env', `${existing && !existing.endsWith('\n') ? '\n' : ''}# written by npm run demo\n${lines.join('\n')}\n`);
    console.log('Wrote local secrets to .env (git-ignored).');
  }
}

async function waitForHealth(url: string) {
  for (let attempt = 0; attempt < HEALTH_ATTEMPTS; attempt++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, HEALTH_INTERVAL_MS));
  }
  throw new Error(`The server did not answer at ${url}`);
}
