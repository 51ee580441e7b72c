import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { startEmbeddedPostgres, type RunningDatabase } from '@/db/embedded';
import * as schema from '@/db/schema';
import { startTwilioDouble } from '@/tests/doubles/twilio-double';
import { peakPerSecond } from '@/tests/support/arrivals';
import { factories } from '@/tests/support/factories';
import { inOneWindow, SIGN_IN_WINDOW_SECONDS } from '@/tests/support/rate-limit-window';
import { E2E_PG, E2E_PORT, TWILIO_DOUBLE_PORT, e2eServerEnv } from '@/tests/support/test-env';
import { expect, linkIn, test } from '../fixtures';

/**
 * Two app instances and two `npm run worker` processes on one PostgreSQL, as README's "Several
 * instances" describes: password SMS are sent once each, at the configured rate across all
 * workers; a session made on one instance works on the other; sign-in limits count across both.
 * Runs last (the `instances` project), on a cluster and a Twilio double of its own.
 */
const CLUSTER = { dir: `${E2E_PG.dir}-instances`, port: E2E_PG.port + 20 };
const PORTS = [E2E_PORT + 20, E2E_PORT + 21];
const SMS_COUNT = 200;
const SMS_RATE = 40;

const processes: ChildProcess[] = [];
let database: RunningDatabase | undefined;
let double: Awaited<ReturnType<typeof startTwilioDouble>> | undefined;
let pool: pg.Pool | undefined;

test.afterAll(async ({}, testInfo) => {
  // Four Node processes shutting down on two busy cores can take longer than a hook's default 30 s.
  testInfo.setTimeout(120_000);
  for (const child of processes) child.kill('SIGTERM');
  await Promise.all(processes.map((child) => (child.exitCode === null ? new Promise((resolve) => child.once('exit', resolve)) : undefined)));
  await pool?.end();
  await double?.close();
  await database?.stop();
});

function start(command: string, args: string[], env: Record<string, string>) {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  processes.push(child);
  return child;
}

const finished = (child: ChildProcess) => new Promise((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', resolve)));

test('[INSTANCES] two app instances and two workers on one database lose nothing, send nothing twice, and share limits and sessions', async ({ request }) => {
  test.setTimeout(240_000);
  rmSync(CLUSTER.dir, { recursive: true, force: true });
  database = await startEmbeddedPostgres(CLUSTER);
  double = await startTwilioDouble({ port: TWILIO_DOUBLE_PORT + 20 });
  const env = {
    ...e2eServerEnv,
    DATABASE_URL: database.url,
    TWILIO_API_URL: double.url,
    // A load balancer's public address: sign-in links and Twilio callbacks point there.
    NEXTAUTH_URL: `http://localhost:${PORTS[0]}`,
    RUN_WORKERS_IN_APP: 'false',
    SMS_RATE_PER_SECOND: String(SMS_RATE),
  };

  const urls = PORTS.map((port) => `http://localhost:${port}`);
  for (const port of PORTS) start('node_modules/.bin/next', ['start', '-p', String(port)], env);
  for (const url of urls) await expect.poll(async () => (await fetch(`${url}/api/health`).catch(() => null))?.status, { timeout: 90_000 }).toBe(200);

  // People and orders, claimed by an agent, written straight to the shared database.
  pool = new pg.Pool({ connectionString: database.url, max: 2 });
  // An idle client the cluster's shutdown disconnects is no failure of the test.
  pool.on('error', () => undefined);
  const shared = drizzle(pool, { schema, casing: 'snake_case' });
  const data = factories(shared);
  const partner = await data.createPerson('partner_admin', 'ecr_integrator');
  const agent = await data.createPerson('support_agent');
  const orders = [];
  for (let index = 0; index < SMS_COUNT; index++) {
    orders.push(
      await data.createOrder({
        organisationId: partner.organisation.id,
        createdByUserId: partner.user.id,
        assigneeUserId: agent.user.id,
        state: 'in_progress',
        recipientPhone: `+35850${String(2_000_000 + index).padStart(7, '0')}`,
      }),
    );
  }
  const queued = start('node', ['--import', 'tsx', '--conditions=react-server', 'tests/support/queue-password-sms.ts', agent.user.id, ...orders.map((order) => order.id)], env);
  expect(await finished(queued)).toBe(0);

  const arrivals: number[] = [];
  const push = double.messages.push.bind(double.messages);
  double.messages.push = (...items) => {
    for (const _item of items) arrivals.push(Date.now());
    return push(...items);
  };
  for (let worker = 0; worker < 2; worker++) start('node', ['--import', 'tsx', '--conditions=react-server', 'lib/cli/worker.ts'], env);

  const phones = new Set(orders.map((order) => order.recipientPhone));
  await expect.poll(() => double!.messages.filter((message) => phones.has(message.to)).length, { timeout: 120_000, intervals: [500] }).toBeGreaterThanOrEqual(SMS_COUNT);
  // A job run twice would send its second copy now.
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const sent = double.messages.filter((message) => phones.has(message.to)).map((message) => message.to);
  expect(new Set(sent).size, 'every recipient texted').toBe(SMS_COUNT);
  expect(sent.length, 'nobody texted twice').toBe(SMS_COUNT);
  // One limit across both workers: two limits of their own would send at twice the rate. The
  // limit books whole seconds, so a run may start at the end of one and finish early in another.
  const seconds = (arrivals.at(-1)! - arrivals[0]!) / 1000;
  expect(SMS_COUNT).toBeLessThanOrEqual(SMS_RATE * (seconds + 1));
  expect(peakPerSecond(arrivals)).toBeLessThanOrEqual(SMS_RATE * 1.5);

  // A session made by signing in on one instance works on the other.
  // The request context keeps cookies by host, and both instances are localhost: the CSRF cookie goes along.
  const askForLink = async (url: string, email: string) => {
    const { csrfToken } = (await (await request.get(`${url}/api/auth/csrf`)).json()) as { csrfToken: string };
    return request.post(`${url}/api/auth/signin/email`, { form: { email, csrfToken, callbackUrl: '/', json: 'true' }, maxRedirects: 0 });
  };
  expect((await askForLink(urls[0]!, agent.user.email)).status()).toBe(200);
  const [email] = await shared.select().from(schema.outboxMessages).where(eq(schema.outboxMessages.recipient, agent.user.email));
  const signedIn = await request.get(linkIn(email!.bodyText, '/api/auth/callback/email')!, { maxRedirects: 0 });
  const session = signedIn.headers()['set-cookie']?.match(/next-auth\.session-token=[^;]+/)?.[0];
  expect(session).toBeTruthy();
  const onOther = await request.get(`${urls[1]}/support`, { headers: { cookie: session! }, maxRedirects: 0 });
  expect(onOther.status()).toBe(200);

  // Sign-in requests for one address count on both instances together: five, then refused.
  const statuses = [];
  await inOneWindow(SIGN_IN_WINDOW_SECONDS);
  for (let attempt = 0; attempt < 6; attempt++) statuses.push((await askForLink(urls[attempt % 2]!, partner.user.email)).status());
  expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
});
