import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { appendOrderEvents } from '@/db/queries/order-events';
import { cancelOrderForActor, createOrder } from '@/db/queries/orders';
import { listOutboxMessages } from '@/db/queries/outbox';
import { getActorByUserId, type Actor } from '@/db/queries/users';
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  getWebhookEndpointWithLog,
  listWebhookEndpoints,
  resendWebhookDelivery,
  rotateWebhookSecret,
  sendWebhookTestEvent,
  setWebhookEndpointEnabled,
} from '@/db/queries/webhooks';
import { auditEvents, orderEvents, users, webhookDeliveries, webhookEndpoints, webhookEvents } from '@/db/schema';
import { inTransaction } from '@/db/transaction';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { jobHandlers } from '@/lib/jobs/handlers';
import { orderFormSchema } from '@/lib/validations/order';
import { deliverWebhook } from '@/lib/webhooks/deliver';
import { webhookEventTypes, type WebhookEventType } from '@/lib/webhooks/events';
import { startWebhookReceiver } from '@/tests/doubles/webhook-receiver';
import { factories } from '@/tests/support/factories';
import { queuedWebhookJobs, runQueuedWebhookDeliveries } from '@/tests/support/webhooks';

const { createPerson, createMember, createOrder: insertOrder } = factories(db);
const DAY = 24 * 3600_000;

let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await receiver.close();
});

async function partnerAdmin(): Promise<Actor> {
  const { user } = await createPerson('partner_admin', 'reseller');
  return (await getActorByUserId(user.id))!;
}

/** A partner admin's organisation with one endpoint at the receiver (local mode allows loopback). */
async function withEndpoint(eventTypes: readonly WebhookEventType[] = webhookEventTypes, actor?: Actor) {
  const admin = actor ?? (await partnerAdmin());
  const path = `/hooks/${randomUUID()}`;
  const url = receiver.url.replace('/hooks/cloudpos', path);
  const { secret, endpoint } = await createWebhookEndpoint(admin, { organisationId: admin.organisationId, url, description: 'ERP', eventTypes });
  return { admin, secret, endpoint, path, received: () => receiver.received.filter((request) => request.path === path) };
}

const placeOrder = (actor: Actor) =>
  createOrder(
    actor,
    orderFormSchema.parse({
      type: 'channel',
      recipientName: 'Laura Koskinen',
      recipientEmail: 'laura@maksupiste.example',
      recipientPhone: '+358 40 123 4567',
      terminalIds: '',
      idempotencyKey: randomUUID(),
    }),
  );

const eventsOf = (organisationId: string) => db.select().from(webhookEvents).where(eq(webhookEvents.organisationId, organisationId)).orderBy(webhookEvents.createdAt);

/** Runs `work` with APP_ENV=production ("local mode" off), restoring it after. */
async function inProduction<T>(work: () => Promise<T>) {
  const env = getEnv();
  env.APP_ENV = 'production';
  try {
    return await work();
  } finally {
    env.APP_ENV = 'local';
  }
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('the outbox: webhook events in the transaction of the change', () => {
  it('writes an event and a delivery job per subscribed endpoint when the order commits, and nothing when it rolls back', async () => {
    const { admin, endpoint } = await withEndpoint(['order.submitted', 'order.cancelled']);
    const order = await insertOrder({ organisationId: admin.organisationId, createdByUserId: admin.userId });

    await expect(
      inTransaction(async (tx) => {
        await appendOrderEvents(tx, [{ orderId: order.id, organisationId: admin.organisationId, kind: 'cancelled' }]);
        throw new Error('the change fails after its event');
      }),
    ).rejects.toThrow('the change fails');
    expect(await eventsOf(admin.organisationId)).toHaveLength(0);
    expect(await queuedWebhookJobs(db, endpoint.id)).toHaveLength(0);

    await inTransaction((tx) => appendOrderEvents(tx, [{ orderId: order.id, organisationId: admin.organisationId, kind: 'cancelled' }]));
    const events = await eventsOf(admin.organisationId);
    expect(events.map((event) => event.type)).toEqual(['order.cancelled']);
    expect((await queuedWebhookJobs(db, endpoint.id)).map((job) => job.data)).toEqual([{ eventId: events[0]!.id, endpointId: endpoint.id }]);
  });

  it('reports what the timeline shows: placing and cancelling an order give order.submitted and order.cancelled from the same rows', async () => {
    const { admin } = await withEndpoint();
    const placed = await placeOrder(admin);
    await cancelOrderForActor(admin, placed.id);
    const timeline = await db.select().from(orderEvents).where(eq(orderEvents.orderId, placed.id)).orderBy(orderEvents.at);
    const events = await eventsOf(admin.organisationId);
    expect(events.map((event) => event.type)).toEqual(['order.submitted', 'order.cancelled']);
    expect(events.map((event) => event.orderEventId)).toEqual(timeline.map((row) => row.id));
    expect(events[1]!.payload).toMatchObject({ type: 'order.cancelled', data: { orderId: placed.id, orderNumber: placed.number, state: 'cancelled', accountType: 'channel' } });
  });

  it('queues only for active endpoints subscribed to the type, and never another organisation\'s', async () => {
    const { admin, endpoint: subscribed } = await withEndpoint(['order.submitted']);
    const { endpoint: other } = await withEndpoint(['order.cancelled'], admin);
    const { endpoint: off } = await withEndpoint(['order.submitted'], admin);
    await setWebhookEndpointEnabled(admin, { organisationId: admin.organisationId, endpointId: off.id, enabled: false });
    const stranger = await withEndpoint();

    await placeOrder(admin);
    expect(await queuedWebhookJobs(db, subscribed.id)).toHaveLength(1);
    expect(await queuedWebhookJobs(db, other.id)).toHaveLength(0);
    expect(await queuedWebhookJobs(db, off.id)).toHaveLength(0);
    expect(await queuedWebhookJobs(db, stranger.endpoint.id)).toHaveLength(0);
    expect(await eventsOf(stranger.admin.organisationId)).toHaveLength(0);
  });

  it('never puts a password, a username, the recipient or the phone number in a payload', async () => {
    const { admin } = await withEndpoint();
    const order = await insertOrder({ organisationId: admin.organisationId, createdByUserId: admin.userId, recipientPhone: '+358401234567', recipientName: 'Riikka Vastaanottaja' });
    const secretish = { password: 'Xy7-kP9q-Secret', username: 'cpos-user-42', to: '+358401234567', phone: '+358401234567', recipientEmail: 'r@x.example', recipientName: 'Riikka Vastaanottaja' };
    await inTransaction((tx) =>
      appendOrderEvents(tx, [
        { orderId: order.id, organisationId: admin.organisationId, kind: 'account_created', data: { ...secretish } },
        { orderId: order.id, organisationId: admin.organisationId, kind: 'question_asked', data: { question: 'Which ECR?', ...secretish } },
        { orderId: order.id, organisationId: admin.organisationId, kind: 'sms_status', data: { attempt: 1, status: 'delivered', ...secretish } },
        { orderId: order.id, organisationId: admin.organisationId, kind: 'sms_status', data: { attempt: 2, status: 'undelivered', errorCode: '30003', reason: 'unreachable', ...secretish } },
        { orderId: order.id, organisationId: admin.organisationId, kind: 'rejected', data: { reason: 'Duplicate', ...secretish } },
        { orderId: order.id, organisationId: admin.organisationId, kind: 'completed', data: { ...secretish } },
        // Not reported: an SMS still on its way.
        { orderId: order.id, organisationId: admin.organisationId, kind: 'sms_status', data: { attempt: 1, status: 'sent' } },
      ]),
    );
    const events = await eventsOf(admin.organisationId);
    expect(events.map((event) => event.type).sort()).toEqual(['order.account_created', 'order.completed', 'order.needs_info', 'order.rejected', 'sms.delivered', 'sms.failed']);
    for (const event of events) {
      const text = JSON.stringify(event.payload);
      for (const forbidden of ['Xy7-kP9q-Secret', 'cpos-user-42', '401234567', 'r@x.example', 'Riikka', 'password', 'username']) expect(text).not.toContain(forbidden);
    }
    expect(events.find((event) => event.type === 'order.needs_info')!.payload).toMatchObject({ data: { question: 'Which ECR?' } });
    expect(events.find((event) => event.type === 'sms.failed')!.payload).toMatchObject({ data: { attempt: 2, errorCode: '30003', reason: 'unreachable' } });
  });
});

describe('delivery', () => {
  it('POSTs the event signed per Standard Webhooks, verifiable with the endpoint secret', async () => {
    const { admin, secret, received } = await withEndpoint(['order.submitted']);
    const placed = await placeOrder(admin);
    expect(await runQueuedWebhookDeliveries(db)).toMatchObject({ failed: 0 });
    const [request] = received();
    expect(request).toBeDefined();
    const verified = new Webhook(secret).verify(request!.body, request!.headers) as { type: string; data: { orderId: string } };
    expect(verified).toMatchObject({ type: 'order.submitted', data: { orderId: placed.id, state: 'submitted' } });
    const [event] = await eventsOf(admin.organisationId);
    expect(request!.headers['webhook-id']).toBe(event!.id);
    expect(request!.headers['content-type']).toBe('application/json');
    expect(() => new Webhook(`whsec_${Buffer.alloc(32, 1).toString('base64')}`).verify(request!.body, request!.headers)).toThrow();
  });

  it('retries a receiver answering 500 twice: the third attempt arrives, with the same webhook-id, and the log has all three', async () => {
    const { admin, endpoint, secret, received } = await withEndpoint(['order.submitted']);
    await placeOrder(admin);
    const [job] = await queuedWebhookJobs(db, endpoint.id);
    receiver.respondWith(500, 500);
    await expect(deliverWebhook(job!.data.eventId, endpoint.id)).rejects.toThrow('HTTP 500');
    await expect(deliverWebhook(job!.data.eventId, endpoint.id)).rejects.toThrow('HTTP 500');
    const [failing] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    expect(failing!.failingSince).not.toBeNull();
    await deliverWebhook(job!.data.eventId, endpoint.id);

    const requests = received();
    expect(requests).toHaveLength(3);
    expect(new Set(requests.map((request) => request.headers['webhook-id']))).toEqual(new Set([job!.data.eventId]));
    for (const request of requests) expect(() => new Webhook(secret).verify(request.body, request.headers)).not.toThrow();
    const log = await getWebhookEndpointWithLog(admin, { organisationId: admin.organisationId, endpointId: endpoint.id });
    expect(log!.deliveries.map(({ attempt, status, responseCode }) => ({ attempt, status, responseCode }))).toEqual([
      { attempt: 3, status: 'succeeded', responseCode: 200 },
      { attempt: 2, status: 'failed', responseCode: 500 },
      { attempt: 1, status: 'failed', responseCode: 500 },
    ]);
    expect(log!.deliveries.every((delivery) => typeof delivery.latencyMs === 'number')).toBe(true);
    expect(log!.endpoint.failingSince).toBeNull();
  });

  it('delivers a worker\'s batch side by side, one outcome per job, each attempt numbered in the log', async () => {
    const good = await withEndpoint(['order.submitted']);
    const bad = await withEndpoint(['order.submitted']);
    await db.update(webhookEndpoints).set({ url: 'http://127.0.0.1:9/closed' }).where(eq(webhookEndpoints.id, bad.endpoint.id));
    await placeOrder(good.admin);
    await placeOrder(bad.admin);
    const jobs = [...(await queuedWebhookJobs(db, good.endpoint.id)), ...(await queuedWebhookJobs(db, bad.endpoint.id))].map((job) => job.data);
    const { deliverWebhooks } = await import('@/lib/webhooks/deliver');
    // The same job twice in a batch (a "send again" next to its original) is two attempts.
    const outcomes = await deliverWebhooks([jobs[0]!, jobs[0]!, jobs[1]!, { eventId: randomUUID(), endpointId: good.endpoint.id }]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    const goodLog = await getWebhookEndpointWithLog(good.admin, { organisationId: good.admin.organisationId, endpointId: good.endpoint.id });
    expect(goodLog!.deliveries.map((delivery) => delivery.attempt).sort()).toEqual([1, 2]);
    const badLog = await getWebhookEndpointWithLog(bad.admin, { organisationId: bad.admin.organisationId, endpointId: bad.endpoint.id });
    expect(badLog!.deliveries).toMatchObject([{ attempt: 1, status: 'failed', responseCode: null }]);
    expect(badLog!.deliveries[0]!.error).toMatch(/^connection error/);
    expect(badLog!.endpoint.failingSince).not.toBeNull();
  });

  it("sends one order's events to an endpoint in the order they happened, whatever the batch's order", async () => {
    const hooked = await withEndpoint(['order.submitted', 'order.cancelled']);
    const placed = await placeOrder(hooked.admin);
    await cancelOrderForActor(hooked.admin, placed.id);
    const jobs = (await queuedWebhookJobs(db, hooked.endpoint.id)).map((job) => job.data);
    expect(jobs).toHaveLength(2);
    const { deliverWebhooks } = await import('@/lib/webhooks/deliver');
    await deliverWebhooks([...jobs].reverse());
    const types = hooked.received().map((request) => (JSON.parse(request.body) as { type: string }).type);
    expect(types).toEqual(['order.submitted', 'order.cancelled']);
  });

  it('queues the job with pg-boss retries and exponential backoff', async () => {
    const { admin, endpoint } = await withEndpoint(['order.submitted']);
    await placeOrder(admin);
    const rows = await db.execute<{ retry_limit: number; retry_delay: number; retry_backoff: boolean }>(
      sql`SELECT retry_limit, retry_delay, retry_backoff FROM pgboss.job WHERE name = 'webhook-delivery' AND data->>'endpointId' = ${endpoint.id}`,
    );
    expect(rows.rows[0]).toEqual({ retry_limit: 12, retry_delay: 15, retry_backoff: true });
  });

  it('times out a receiver that does not answer within the limit', async () => {
    const slow = await startWebhookReceiver({ delayMs: 500 });
    try {
      const { postWebhook } = await import('@/lib/webhooks/deliver');
      const outcome = await postWebhook({ ok: true, url: new URL(slow.url), address: '127.0.0.1', family: 4 }, {}, '{}', 100);
      expect(outcome).toMatchObject({ status: 'failed', error: 'timeout' });
    } finally {
      await slow.close();
    }
  });

  it('send again and the test event reach the endpoint with the same id and a webhook.test event', async () => {
    const { admin, endpoint, secret, received } = await withEndpoint(['order.submitted']);
    await placeOrder(admin);
    await runQueuedWebhookDeliveries(db, endpoint.id);
    const log = await getWebhookEndpointWithLog(admin, { organisationId: admin.organisationId, endpointId: endpoint.id });
    await resendWebhookDelivery(admin, { organisationId: admin.organisationId, endpointId: endpoint.id, deliveryId: log!.deliveries[0]!.id });
    await sendWebhookTestEvent(admin, { organisationId: admin.organisationId, endpointId: endpoint.id });
    await runQueuedWebhookDeliveries(db, endpoint.id);
    const requests = received();
    expect(requests).toHaveLength(3);
    expect(requests[1]!.headers['webhook-id']).toBe(requests[0]!.headers['webhook-id']);
    expect(new Webhook(secret).verify(requests[2]!.body, requests[2]!.headers)).toMatchObject({ type: 'webhook.test', data: { endpointId: endpoint.id } });
    const after = await getWebhookEndpointWithLog(admin, { organisationId: admin.organisationId, endpointId: endpoint.id });
    expect(after!.deliveries.map((delivery) => [delivery.type, delivery.attempt])).toEqual([
      ['webhook.test', 1],
      ['order.submitted', 2],
      ['order.submitted', 1],
    ]);
  });
});

describe('manual sends', () => {
  it('limits test events and sends again to 20 a minute per endpoint', async () => {
    const { admin, endpoint } = await withEndpoint(['order.submitted']);
    const ids = { organisationId: admin.organisationId, endpointId: endpoint.id };
    for (let sent = 0; sent < 20; sent++) await sendWebhookTestEvent(admin, ids);
    expect((await refusal(sendWebhookTestEvent(admin, ids))).code).toBe('RATE_LIMITED');
    expect(await queuedWebhookJobs(db, endpoint.id)).toHaveLength(20);
  });
});

describe('secret rotation', () => {
  it('signs with both secrets for 24 hours, then with the new one only', async () => {
    const { admin, endpoint, secret: oldSecret, received } = await withEndpoint(['order.submitted']);
    const { secret: newSecret, previousSecretUntil } = await rotateWebhookSecret(admin, { organisationId: admin.organisationId, endpointId: endpoint.id });
    expect(newSecret).toMatch(/^whsec_/);
    expect(newSecret).not.toBe(oldSecret);
    expect(previousSecretUntil.getTime() - Date.now()).toBeGreaterThan(DAY - 60_000);

    await sendWebhookTestEvent(admin, { organisationId: admin.organisationId, endpointId: endpoint.id });
    await runQueuedWebhookDeliveries(db, endpoint.id);
    const during = received().at(-1)!;
    expect(during.headers['webhook-signature']!.split(' ')).toHaveLength(2);
    expect(() => new Webhook(oldSecret).verify(during.body, during.headers)).not.toThrow();
    expect(() => new Webhook(newSecret).verify(during.body, during.headers)).not.toThrow();

    // A day on: the previous secret's time is over.
    await db.update(webhookEndpoints).set({ previousSecretUntil: new Date(Date.now() - 1000) }).where(eq(webhookEndpoints.id, endpoint.id));
    await sendWebhookTestEvent(admin, { organisationId: admin.organisationId, endpointId: endpoint.id });
    await runQueuedWebhookDeliveries(db, endpoint.id);
    const after = received().at(-1)!;
    expect(after.headers['webhook-signature']!.split(' ')).toHaveLength(1);
    expect(() => new Webhook(newSecret).verify(after.body, after.headers)).not.toThrow();
    expect(() => new Webhook(oldSecret).verify(after.body, after.headers)).toThrow();

    const audit = await db.select().from(auditEvents).where(and(eq(auditEvents.subjectId, endpoint.id), eq(auditEvents.action, 'webhook.secret_rotated')));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.data)).not.toContain('whsec_');
  });

  it('keeps the secret only sealed in the database', async () => {
    const { endpoint, secret } = await withEndpoint(['order.submitted']);
    const [row] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    expect(row!.secretSealed).not.toContain(secret.slice(6, 20));
  });
});

describe('SSRF', () => {
  const refused = [
    'https://127.0.0.1/hook',
    'https://10.1.2.3/hook',
    'https://169.254.169.254/latest/meta-data',
    'https://[::1]/hook',
    'https://[fc00::1]/hook',
    'https://[::ffff:127.0.0.1]/hook',
    'https://100.64.0.1/hook',
    'https://localhost/hook',
    'http://93.184.215.14/hook',
  ];

  it.each(refused)('refuses %s at registration outside local mode, as a field error of the URL', async (url) => {
    const admin = await partnerAdmin();
    const error = await inProduction(() => refusal(createWebhookEndpoint(admin, { organisationId: admin.organisationId, url, description: '', eventTypes: ['order.submitted'] })));
    expect(error.code).toBe('INVALID_INPUT');
    expect(Object.keys(error.fieldErrors ?? {})).toEqual(['url']);
  });

  it('allows loopback and private addresses, and http, in local mode', async () => {
    const admin = await partnerAdmin();
    for (const url of ['http://127.0.0.1:9/hook', 'https://10.1.2.3/hook', 'https://[::1]/hook', 'https://localhost/hook']) {
      await expect(createWebhookEndpoint(admin, { organisationId: admin.organisationId, url, description: '', eventTypes: ['order.submitted'] })).resolves.toMatchObject({ endpoint: { url } });
    }
  });

  it('refuses again at send time: an endpoint registered in local mode gets nothing in production mode', async () => {
    const { admin, endpoint, received } = await withEndpoint(['order.submitted']);
    await placeOrder(admin);
    const [job] = await queuedWebhookJobs(db, endpoint.id);
    await inProduction(() => expect(deliverWebhook(job!.data.eventId, endpoint.id)).rejects.toThrow('refused'));
    expect(received()).toHaveLength(0);
    const [attempt] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint.id));
    expect(attempt).toMatchObject({ status: 'failed', error: 'refused: scheme' });
  });
});

describe('failing endpoints', () => {
  it('disables an endpoint failing for three days and emails its partner admins in their language', async () => {
    const { admin, endpoint } = await withEndpoint(['order.submitted']);
    const finnish = await createMember({ organisationId: admin.organisationId, role: 'partner_admin' });
    await db.update(users).set({ locale: 'fi' }).where(eq(users.id, finnish.id));
    const member = await createMember({ organisationId: admin.organisationId, role: 'partner_member' });
    await placeOrder(admin);
    const [job] = await queuedWebhookJobs(db, endpoint.id);

    // Failing for a little under three days: still enabled.
    await db.update(webhookEndpoints).set({ failingSince: new Date(Date.now() - 3 * DAY + 60_000) }).where(eq(webhookEndpoints.id, endpoint.id));
    receiver.respondWith(503);
    await expect(deliverWebhook(job!.data.eventId, endpoint.id)).rejects.toThrow();
    expect((await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id)))[0]!.disabledAt).toBeNull();

    await db.update(webhookEndpoints).set({ failingSince: new Date(Date.now() - 3 * DAY - 60_000) }).where(eq(webhookEndpoints.id, endpoint.id));
    receiver.respondWith(503);
    await expect(deliverWebhook(job!.data.eventId, endpoint.id)).rejects.toThrow();
    const [disabled] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    expect(disabled).toMatchObject({ disabledReason: 'failing' });
    expect(disabled!.disabledAt).not.toBeNull();

    // Nothing more is sent to it; the email job tells the admins, once however often it runs.
    const before = receiver.received.length;
    await deliverWebhook(job!.data.eventId, endpoint.id);
    expect(receiver.received.length).toBe(before);
    const emailJobs = await db.execute<{ data: { endpointId: string } }>(sql`SELECT data FROM pgboss.job WHERE name = 'webhook-disabled-email' AND data->>'endpointId' = ${endpoint.id}`);
    expect(emailJobs.rows).toHaveLength(1);
    await jobHandlers.webhookDisabledEmail(emailJobs.rows[0]!.data);
    await jobHandlers.webhookDisabledEmail(emailJobs.rows[0]!.data);
    const toAdmin = await listOutboxMessages({ limit: 10, recipient: admin.email });
    const toFinnish = await listOutboxMessages({ limit: 10, recipient: finnish.email });
    expect(toAdmin.map((message) => message.subject)).toEqual(['A webhook endpoint was disabled']);
    expect(toFinnish.map((message) => message.subject)).toEqual(['Webhook-vastaanottaja poistettiin käytöstä']);
    expect(await listOutboxMessages({ limit: 10, recipient: member.email })).toHaveLength(0);

    // Enabled again, it is healthy from scratch.
    await setWebhookEndpointEnabled(admin, { organisationId: admin.organisationId, endpointId: endpoint.id, enabled: true });
    expect((await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id)))[0]).toMatchObject({ disabledAt: null, failingSince: null });
  });
});

describe('retention', () => {
  it('the housekeeping job deletes events older than 30 days with their delivery log, and keeps recent ones', async () => {
    const { admin, endpoint } = await withEndpoint(['order.submitted']);
    await placeOrder(admin);
    await placeOrder(admin);
    await runQueuedWebhookDeliveries(db, endpoint.id);
    const [old, recent] = await eventsOf(admin.organisationId);
    await db.update(webhookEvents).set({ createdAt: new Date(Date.now() - 31 * DAY) }).where(eq(webhookEvents.id, old!.id));
    await jobHandlers.pruneHousekeeping({});
    expect((await eventsOf(admin.organisationId)).map((event) => event.id)).toEqual([recent!.id]);
    expect((await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint.id))).map((row) => row.eventId)).toEqual([recent!.id]);
  });
});

describe('who may do what', () => {
  it('hides an organisation\'s endpoints and logs from another organisation, and lets support look and disable but not configure', async () => {
    const { admin, endpoint } = await withEndpoint(['order.submitted']);
    const stranger = await partnerAdmin();
    const ids = { organisationId: admin.organisationId, endpointId: endpoint.id };
    expect((await refusal(listWebhookEndpoints(stranger, admin.organisationId))).code).toBe('NOT_FOUND');
    expect((await refusal(getWebhookEndpointWithLog(stranger, ids))).code).toBe('NOT_FOUND');
    expect((await refusal(deleteWebhookEndpoint(stranger, ids))).code).toBe('NOT_FOUND');
    expect((await refusal(rotateWebhookSecret(stranger, ids))).code).toBe('NOT_FOUND');
    expect((await refusal(sendWebhookTestEvent(stranger, ids))).code).toBe('NOT_FOUND');
    expect((await refusal(createWebhookEndpoint(stranger, { organisationId: admin.organisationId, url: 'https://127.0.0.1/x', description: '', eventTypes: ['order.submitted'] }))).code).toBe('NOT_FOUND');
    // Their own organisation id with our endpoint's id finds nothing either.
    expect((await refusal(deleteWebhookEndpoint(stranger, { organisationId: stranger.organisationId, endpointId: endpoint.id }))).code).toBe('NOT_FOUND');

    const member = await createMember({ organisationId: admin.organisationId, role: 'partner_member' });
    const memberActor = (await getActorByUserId(member.id))!;
    expect((await refusal(listWebhookEndpoints(memberActor, admin.organisationId))).code).toBe('NOT_FOUND');

    const { user } = await createPerson('support_admin');
    const support = (await getActorByUserId(user.id))!;
    expect(await listWebhookEndpoints(support, admin.organisationId)).toHaveLength(1);
    await setWebhookEndpointEnabled(support, { ...ids, enabled: false });
    expect((await refusal(rotateWebhookSecret(support, ids))).code).toBe('NOT_FOUND');
    expect(await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id))).toHaveLength(1);
  });

  it('writes created, updated, rotated and deleted to the audit trail, never the secret', async () => {
    const { admin, endpoint } = await withEndpoint(['order.submitted']);
    const ids = { organisationId: admin.organisationId, endpointId: endpoint.id };
    await setWebhookEndpointEnabled(admin, { ...ids, enabled: false });
    await rotateWebhookSecret(admin, ids);
    await deleteWebhookEndpoint(admin, ids);
    const trail = await db.select().from(auditEvents).where(eq(auditEvents.subjectId, endpoint.id)).orderBy(auditEvents.at);
    expect(trail.map((entry) => entry.action)).toEqual(['webhook.created', 'webhook.updated', 'webhook.secret_rotated', 'webhook.deleted']);
    expect(JSON.stringify(trail)).not.toContain('whsec_');
  });
});
