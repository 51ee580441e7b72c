/**
 * Password SMS dispatch: N deliveries queued the way support queues them (recordCredentials:
 * credentials sealed, an sms_deliveries row and a credentials-sms job in one transaction),
 * then `npm run worker`'s entry point (lib/cli/worker.ts, the real pg-boss workers and job
 * handler) sends them through the real twilio SDK to the local Twilio double, which answers
 * every call after a set latency. Counted at the double: messages per second, duplicates
 * (a phone texted twice) and losses (a delivery never texted).
 */
import { spawn } from 'node:child_process';
import { openSync } from 'node:fs';
import type pg from 'pg';
import { recordCredentials } from '@/db/queries/support';
import { getActorByUserId } from '@/db/queries/users';
import { generatePassword } from '@/lib/credentials/password';
import type { startTwilioDouble } from '@/tests/doubles/twilio-double';
import { peakPerSecond } from '@/tests/support/arrivals';
import { ROOT, WORKER_LOG } from './env';
import { benchPartner } from './bench-partner';

type TwilioDouble = Awaited<ReturnType<typeof startTwilioDouble>>;

export interface SmsResult {
  label: string;
  count: number;
  /** Worker processes. */
  processes: number;
  /** SMS_RATE_PER_SECOND the worker ran with (0 = no limit). */
  ratePerSecond: number;
  latencyMs: number;
  /** Seconds to queue the deliveries through recordCredentials. */
  queueSeconds: number;
  /** Messages per second from the first message at the double to the last. */
  messagesPerSecond: number;
  /** The same, counted from the worker's start (includes its start-up). */
  messagesPerSecondFromStart: number;
  /** Most messages that arrived within any one second. */
  peakPerSecond: number;
  received: number;
  duplicates: number;
  losses: number;
  /** Deliveries the portal recorded as accepted by Twilio. */
  recorded: number;
  flagged: number;
  timedOut: boolean;
}

let phoneBase = Date.now() % 1_000_000;

/** The SMS partner (created once) and its open orders, claimed by a support agent, in SQL. */
async function createClaimedOrders(client: pg.Client, count: number, agentUserId: string) {
  const partner = await benchPartner(client, { label: 'SMS', slug: 'sms' });
  const first = phoneBase;
  phoneBase = (phoneBase + count) % 9_000_000;
  const { rows } = await client.query<{ id: string; phone: string }>(
    `WITH created AS (
       INSERT INTO orders (organisation_id, created_by_user_id, assignee_user_id, type, state, recipient_name, recipient_email,
         recipient_phone, submitted_at, due_at, idempotency_key)
       SELECT $1, $2, $3, 'channel', 'in_progress', format('SMS Recipient %s', g), format('sms%s@bench.example', g),
         '+35850' || lpad(((1000000 + $4::int + g) % 10000000)::text, 7, '0'), now() - interval '1 day', now() + interval '6 days', gen_random_uuid()
       FROM generate_series(1, $5::int) g
       RETURNING id, organisation_id, recipient_phone, submitted_at
     ), events AS (
       INSERT INTO order_events (order_id, organisation_id, at, actor_user_id, kind)
       SELECT id, organisation_id, submitted_at, $2, 'submitted'::order_event_kind FROM created
       UNION ALL SELECT id, organisation_id, submitted_at + interval '1 hour', $3, 'claimed'::order_event_kind FROM created
     )
     SELECT id, recipient_phone AS phone FROM created`,
    [partner.organisationId, partner.userId, agentUserId, first, count],
  );
  return rows;
}

/** Runs `task` over `items`, `concurrency` at a time. */
async function forEachConcurrently<T>(items: T[], concurrency: number, task: (item: T, index: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const index = next++;
        await task(items[index]!, index);
      }
    }),
  );
}

export async function runSmsDispatch(options: {
  client: pg.Client;
  double: TwilioDouble;
  agentUserId: string;
  count: number;
  ratePerSecond: number;
  latencyMs: number;
  label: string;
  log: (line: string) => void;
  /** How many `npm run worker` processes run side by side (README: any number may). */
  processes: number;
  /** Writes a V8 CPU profile of each worker into this folder. */
  profileDir?: string;
}): Promise<SmsResult> {
  const { client, double, count, ratePerSecond, log } = options;
  const actor = await getActorByUserId(options.agentUserId);
  if (!actor) throw new Error('the bench support agent has no membership');

  log(`  ${options.label}: ${count.toLocaleString('en')} orders, queueing their password SMS through recordCredentials…`);
  const orders = await createClaimedOrders(client, count, options.agentUserId);
  const queueStarted = Date.now();
  await forEachConcurrently(orders, 8, async (order, index) => {
    await recordCredentials(actor, order.id, { username: `sms-bench-${index}`, password: generatePassword() });
  });
  const queueSeconds = (Date.now() - queueStarted) / 1000;

  // Arrival time of every message the double accepts.
  double.messages.length = 0;
  const arrivals: number[] = [];
  const push = Array.prototype.push;
  double.messages.push = function (...items) {
    for (let index = 0; index < items.length; index++) arrivals.push(Date.now());
    return push.apply(this, items);
  };

  Object.assign(process.env, { SMS_RATE_PER_SECOND: String(ratePerSecond) });
  const logFile = openSync(WORKER_LOG, 'a');
  const startedAt = Date.now();
  const profile = options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`] : [];
  const workers = Array.from({ length: options.processes }, () =>
    spawn(process.execPath, [...profile, '--import', 'tsx', '--conditions=react-server', 'lib/cli/worker.ts'], {
      cwd: ROOT,
      stdio: ['ignore', logFile, logFile],
    }),
  );
  const exited = Promise.all(workers.map((worker) => new Promise((resolve) => worker.once('exit', resolve))));
  const phones = new Set(orders.map((order) => order.phone));
  const expectedSeconds = ratePerSecond > 0 ? count / ratePerSecond : count / 100;
  const deadline = startedAt + Math.max(120, expectedSeconds * 3 + 60) * 1000;
  let timedOut = false;
  const texted = () => new Set(double.messages.filter((message) => phones.has(message.to)).map((message) => message.to)).size;
  while (double.messages.length < count || texted() < count) {
    if (Date.now() > deadline) {
      timedOut = true;
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  // Stragglers (a retried job sending twice) would arrive now.
  await new Promise((resolve) => setTimeout(resolve, 3000));
  for (const worker of workers) worker.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 30_000))]);
  for (const worker of workers) if (worker.exitCode === null) worker.kill('SIGKILL');
  double.messages.push = push;

  const perPhone = new Map<string, number>();
  for (const message of double.messages) if (phones.has(message.to)) perPhone.set(message.to, (perPhone.get(message.to) ?? 0) + 1);
  const duplicates = [...perPhone.values()].reduce((sum, sent) => sum + sent - 1, 0);
  const ids = orders.map((order) => order.id);
  const { rows: [db] } = await client.query<{ recorded: string; flagged: string }>(
    `SELECT count(*) FILTER (WHERE twilio_sid IS NOT NULL) AS recorded, count(*) FILTER (WHERE flag IS NOT NULL) AS flagged
     FROM sms_deliveries WHERE order_id = ANY($1::uuid[])`,
    [ids],
  );
  // Leave nothing open behind: these orders would otherwise join the queue (and reconciliation).
  await client.query(`UPDATE sms_deliveries SET status = 'delivered' WHERE order_id = ANY($1::uuid[])`, [ids]);
  await client.query(
    `UPDATE credentials SET password_key_id = NULL, password_iv = NULL, password_ciphertext = NULL, password_tag = NULL, erased_at = now()
     WHERE order_id = ANY($1::uuid[])`,
    [ids],
  );
  await client.query(`UPDATE orders SET state = 'completed', completed_at = now() WHERE id = ANY($1::uuid[])`, [ids]);

  const ours = arrivals;
  const span = ours.length > 1 ? (ours.at(-1)! - ours[0]!) / 1000 : NaN;
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    label: options.label,
    count,
    processes: options.processes,
    ratePerSecond,
    latencyMs: options.latencyMs,
    queueSeconds: round(queueSeconds),
    messagesPerSecond: round((ours.length - 1) / span),
    messagesPerSecondFromStart: round(ours.length / (((ours.at(-1) ?? startedAt) - startedAt) / 1000)),
    peakPerSecond: peakPerSecond(ours),
    received: perPhone.size,
    duplicates,
    losses: count - perPhone.size,
    recorded: Number(db!.recorded),
    flagged: Number(db!.flagged),
    timedOut,
  };
}
