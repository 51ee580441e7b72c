/**
 * Webhook fan-out: N order events written through the timeline's one write path
 * (appendOrderEvents: order_events, webhook_events and a webhook-delivery job per event in one
 * transaction per batch) for a partner with one endpoint at a local receiver, then
 * `npm run worker`'s entry point (lib/cli/worker.ts, the real pg-boss workers and job handler)
 * POSTs them. Counted at the receiver by webhook-id: events per second, duplicates (an id
 * received twice), losses (an event never received) and signatures that do not verify.
 */
import { spawn } from 'node:child_process';
import { openSync } from 'node:fs';
import { createServer } from 'node:http';
import type pg from 'pg';
import { Webhook } from 'standardwebhooks';
import { appendOrderEvents } from '@/db/queries/order-events';
import { getActorByUserId } from '@/db/queries/users';
import { createWebhookEndpoint } from '@/db/queries/webhooks';
import { inTransaction } from '@/db/transaction';
import { peakPerSecond } from '@/tests/support/arrivals';
import { ROOT, WEBHOOK_RECEIVER_PORT, WORKER_LOG } from './env';
import { benchPartner } from './bench-partner';

export interface WebhookResult {
  count: number;
  processes: number;
  /** How long the receiver holds each answer back. */
  latencyMs: number;
  /** Seconds to write the events and their jobs through appendOrderEvents. */
  queueSeconds: number;
  /** Events per second from the first arrival at the receiver to the last. */
  eventsPerSecond: number;
  /** The same, counted from the worker's start (includes its start-up). */
  eventsPerSecondFromStart: number;
  peakPerSecond: number;
  received: number;
  duplicates: number;
  losses: number;
  badSignatures: number;
  timedOut: boolean;
}

/** The receiver: records each request's webhook-id and arrival, checks its signature, answers 204. */
async function startReceiver(secret: string, latencyMs: number) {
  const webhook = new Webhook(secret);
  const ids: string[] = [];
  const arrivals: number[] = [];
  let badSignatures = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const headers = Object.fromEntries(Object.entries(req.headers).map(([key, value]) => [key, String(value)]));
      try {
        webhook.verify(Buffer.concat(chunks).toString('utf8'), headers);
      } catch {
        badSignatures++;
      }
      ids.push(headers['webhook-id'] ?? '');
      arrivals.push(Date.now());
      setTimeout(() => res.writeHead(204).end(), latencyMs);
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(WEBHOOK_RECEIVER_PORT, '127.0.0.1', resolve));
  return {
    ids,
    arrivals,
    badSignatures: () => badSignatures,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())).finally(() => server.closeAllConnections()),
  };
}

/** The webhook partner (created once, with its admin) and N submitted orders, in SQL, without timeline rows yet. */
async function createOrders(client: pg.Client, count: number) {
  const partner = await benchPartner(client, { label: 'Webhook', slug: 'hooks' });
  // Endpoints of earlier runs point at a receiver that is gone.
  await client.query(`DELETE FROM webhook_endpoints WHERE organisation_id = $1`, [partner.organisationId]);
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO orders (organisation_id, created_by_user_id, type, state, recipient_name, recipient_email, recipient_phone, submitted_at, due_at, idempotency_key)
     SELECT $1, $2, 'channel', 'cancelled', 'Webhook Recipient', 'hooks@bench.example', '+358501234567', now(), now() + interval '7 days', gen_random_uuid()
     FROM generate_series(1, $3::int)
     RETURNING id`,
    [partner.organisationId, partner.userId, count],
  );
  return { ...partner, orderIds: rows.map((row) => row.id) };
}

export async function runWebhookFanOut(options: {
  client: pg.Client;
  count: number;
  latencyMs: number;
  processes: number;
  log: (line: string) => void;
}): Promise<WebhookResult> {
  const { client, count, log } = options;
  const partner = await createOrders(client, count);
  const actor = await getActorByUserId(partner.userId);
  if (!actor) throw new Error('the bench webhook partner has no membership');
  const { secret } = await createWebhookEndpoint(actor, {
    organisationId: partner.organisationId,
    url: `http://127.0.0.1:${WEBHOOK_RECEIVER_PORT}/hooks`,
    description: 'bench receiver',
    eventTypes: ['order.cancelled'],
  });
  const receiver = await startReceiver(secret, options.latencyMs);

  log(`  ${count.toLocaleString('en')} order.cancelled events through appendOrderEvents…`);
  const queueStarted = Date.now();
  const BATCH = 500;
  for (let start = 0; start < partner.orderIds.length; start += BATCH) {
    const batch = partner.orderIds.slice(start, start + BATCH);
    await inTransaction((tx) => appendOrderEvents(tx, batch.map((orderId) => ({ orderId, organisationId: partner.organisationId, kind: 'cancelled' as const }))));
  }
  const queueSeconds = (Date.now() - queueStarted) / 1000;
  const { rows: [written] } = await client.query<{ events: string[] }>(
    `SELECT coalesce(array_agg(id::text), '{}') AS events FROM webhook_events WHERE organisation_id = $1 AND created_at >= $2`,
    [partner.organisationId, new Date(queueStarted)],
  );
  const expected = new Set(written!.events);

  const logFile = openSync(WORKER_LOG, 'a');
  const startedAt = Date.now();
  const workers = Array.from({ length: options.processes }, () =>
    spawn(process.execPath, ['--import', 'tsx', '--conditions=react-server', 'lib/cli/worker.ts'], { cwd: ROOT, stdio: ['ignore', logFile, logFile] }),
  );
  const exited = Promise.all(workers.map((worker) => new Promise((resolve) => worker.once('exit', resolve))));
  const deadline = startedAt + Math.max(120, (count / 100) * 3) * 1000;
  let timedOut = false;
  const unique = () => new Set(receiver.ids.filter((id) => expected.has(id))).size;
  while (unique() < expected.size) {
    if (Date.now() > deadline) {
      timedOut = true;
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  // Stragglers (a job run twice) would arrive now.
  await new Promise((resolve) => setTimeout(resolve, 3000));
  for (const worker of workers) worker.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 30_000))]);
  for (const worker of workers) if (worker.exitCode === null) worker.kill('SIGKILL');
  await receiver.close();

  const ours = receiver.ids.filter((id) => expected.has(id));
  const received = new Set(ours).size;
  const arrivals = receiver.arrivals;
  const span = arrivals.length > 1 ? (arrivals.at(-1)! - arrivals[0]!) / 1000 : NaN;
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    count,
    processes: options.processes,
    latencyMs: options.latencyMs,
    queueSeconds: round(queueSeconds),
    eventsPerSecond: round((arrivals.length - 1) / span),
    eventsPerSecondFromStart: round(arrivals.length / (((arrivals.at(-1) ?? startedAt) - startedAt) / 1000)),
    peakPerSecond: peakPerSecond(arrivals),
    received,
    duplicates: ours.length - received,
    losses: expected.size - received + (count - expected.size),
    badSignatures: receiver.badSignatures(),
    timedOut,
  };
}
