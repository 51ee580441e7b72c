import { eq, sql } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import twilioSdk from 'twilio';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as DbModule from '@/db';
import type * as DeliveriesModule from '@/db/queries/deliveries';
import type * as SupportModule from '@/db/queries/support';
import type * as UsersModule from '@/db/queries/users';
import type * as SchemaModule from '@/db/schema';
import type * as SmsModule from '@/lib/sms/credentials-sms';
import type * as RedactionModule from '@/lib/sms/redaction';
import type * as CallbackRouteModule from '@/app/api/webhooks/twilio/status/[deliveryId]/route';
import { startTwilioDouble } from '@/tests/doubles/twilio-double';
import type { factories as Factories } from '@/tests/support/factories';

const TWILIO = { sid: `AC${'5'.repeat(32)}`, token: 'integration-auth-token-0123456789', from: '+358451230000' };
const PASSWORD = 'Tq7#Kx2p-Rm9vWn4';

let twilio: Awaited<ReturnType<typeof startTwilioDouble>>;
// Imported after the environment points Twilio at the double: configuration is read once.
let db: typeof DbModule.db;
let schema: typeof SchemaModule;
let support: typeof SupportModule;
let deliveries: typeof DeliveriesModule;
let sms: typeof SmsModule;
let redaction: typeof RedactionModule;
let callbackRoute: typeof CallbackRouteModule;
let users: typeof UsersModule;
let data: ReturnType<typeof Factories>;

beforeAll(async () => {
  twilio = await startTwilioDouble();
  vi.stubEnv('TWILIO_ACCOUNT_SID', TWILIO.sid);
  vi.stubEnv('TWILIO_AUTH_TOKEN', TWILIO.token);
  vi.stubEnv('TWILIO_FROM_NUMBER', TWILIO.from);
  vi.stubEnv('TWILIO_API_URL', twilio.url);
  vi.stubEnv('SMS_RATE_PER_SECOND', '0');
  ({ db } = await import('@/db'));
  schema = await import('@/db/schema');
  support = await import('@/db/queries/support');
  deliveries = await import('@/db/queries/deliveries');
  sms = await import('@/lib/sms/credentials-sms');
  redaction = await import('@/lib/sms/redaction');
  callbackRoute = await import('@/app/api/webhooks/twilio/status/[deliveryId]/route');
  users = await import('@/db/queries/users');
  data = (await import('@/tests/support/factories')).factories(db);
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await twilio.close();
});

let phoneCounter = 0;
/** An order claimed by an agent, with credentials recorded: one pending delivery. */
async function orderWithCredentials(password = PASSWORD) {
  const partner = await data.createPerson('partner_admin', 'ecr_integrator');
  const phone = `+35840${String(1_000_000 + ++phoneCounter + Math.floor(Math.random() * 8_000_000))}`;
  const order = await data.createOrder({ organisationId: partner.organisation.id, createdByUserId: partner.user.id, recipientPhone: phone });
  const agent = await data.createPerson('support_agent');
  const actor = (await users.getActorByUserId(agent.user.id))!;
  await support.claimOrder(actor, order.id);
  await support.recordCredentials(actor, order.id, { username: 'cp-user', password });
  const [delivery] = await db.select().from(schema.smsDeliveries).where(eq(schema.smsDeliveries.orderId, order.id));
  return { order, phone, delivery: delivery!, actor };
}

const sentTo = (phone: string) => twilio.messages.filter((message) => message.to === phone);
const orderState = async (orderId: string) => (await db.select().from(schema.orders).where(eq(schema.orders.id, orderId)))[0]!.state;
const deliveryRow = async (id: string) => (await db.select().from(schema.smsDeliveries).where(eq(schema.smsDeliveries.id, id)))[0]!;
const timelineKinds = async (orderId: string) =>
  (await db.select().from(schema.orderEvents).where(eq(schema.orderEvents.orderId, orderId)).orderBy(schema.orderEvents.at)).map((event) => event.kind);
/** The redact-sms jobs queued for a delivery, as pg-boss holds them. */
const redactionJobs = async (deliveryId: string) =>
  (
    await db.execute<{ retry_limit: number; retry_backoff: boolean }>(
      sql`SELECT retry_limit, retry_backoff FROM pgboss.job WHERE name = 'redact-sms' AND data->>'deliveryId' = ${deliveryId}`,
    )
  ).rows;
/** Twilio's signed status callback, through the route handler. */
async function statusCallback(deliveryId: string, params: Record<string, string>) {
  const url = sms.statusCallbackUrl(deliveryId);
  const headers = { 'x-twilio-signature': twilioSdk.getExpectedTwilioSignature(TWILIO.token, url, params), 'content-type': 'application/x-www-form-urlencoded' };
  return callbackRoute.POST(new NextRequest(url, { method: 'POST', body: new URLSearchParams(params).toString(), headers }), { params: Promise.resolve({ deliveryId }) });
}
/** Runs a delivery's queued redaction jobs, as the worker would. */
async function runRedactionJobs(deliveryId: string) {
  for (const _ of await redactionJobs(deliveryId)) await redaction.redactDelivery(deliveryId);
}
const sealedPassword = async (orderId: string) => (await db.select().from(schema.credentials).where(eq(schema.credentials.orderId, orderId)))[0]!.passwordCiphertext;

describe('the credentials SMS job', () => {
  it('sends one message with the password to the E.164 number, and a second run sends nothing', async () => {
    const { order, phone, delivery } = await orderWithCredentials();
    await sms.sendCredentialsSms(delivery.id);
    await sms.sendCredentialsSms(delivery.id);
    const messages = sentTo(phone);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.body).toContain(PASSWORD);
    expect(messages[0]!.body).toContain(`Ref ${delivery.reference}`);
    expect(messages[0]!.from).toBe(TWILIO.from);
    expect(messages[0]!.statusCallback).toBe(`http://localhost:3000/api/webhooks/twilio/status/${delivery.id}`);
    expect(await orderState(order.id)).toBe('credentials_sent');
    expect((await deliveryRow(delivery.id)).twilioSid).toBe(messages[0]!.sid);
  });

  it('returns the order to the partner on a permanent error (invalid number), without retrying, and erases the password', async () => {
    const { order, phone, delivery } = await orderWithCredentials();
    twilio.behaviours.push({ to: phone, kind: 'error', status: 400, code: 21211 });
    await expect(sms.sendCredentialsSms(delivery.id)).resolves.toBeUndefined();
    expect(sentTo(phone)).toHaveLength(0);
    expect(await deliveryRow(delivery.id)).toMatchObject({ status: 'failed', errorCode: '21211' });
    expect(await orderState(order.id)).toBe('needs_info');
    const [question] = await db
      .select()
      .from(schema.orderEvents)
      .where(sql`${schema.orderEvents.orderId} = ${order.id} AND ${schema.orderEvents.kind} = 'question_asked'`);
    expect(question!.data.question).toContain('the number is not valid');
    expect(await sealedPassword(order.id)).toBeNull();
  });

  it('retries after a 429 and then sends exactly one message', async () => {
    const { phone, delivery } = await orderWithCredentials();
    twilio.behaviours.push({ to: phone, kind: 'error', status: 429, code: 20429 });
    await expect(sms.sendCredentialsSms(delivery.id)).rejects.toThrow(/transient/);
    expect((await deliveryRow(delivery.id)).status).toBe('pending');
    await sms.sendCredentialsSms(delivery.id);
    expect(sentTo(phone)).toHaveLength(1);
  });

  it('after an ambiguous failure (Twilio took it, the answer was a 500) finds its own message instead of sending a second, and flags it', async () => {
    const { order, phone, delivery } = await orderWithCredentials();
    twilio.behaviours.push({ to: phone, kind: 'accept-then-500' });
    await expect(sms.sendCredentialsSms(delivery.id)).rejects.toThrow(/ambiguous/);
    expect((await deliveryRow(delivery.id)).status).toBe('submitting');
    expect(sentTo(phone)).toHaveLength(1);

    await sms.sendCredentialsSms(delivery.id);
    expect(sentTo(phone)).toHaveLength(1);
    const row = await deliveryRow(delivery.id);
    expect(row.twilioSid).toBe(sentTo(phone)[0]!.sid);
    expect(row.flag).toMatch(/^recovered/);
    expect(await orderState(order.id)).toBe('credentials_sent');
  });

  it('sends again after an ambiguous failure when Twilio has no such message', async () => {
    const { phone, delivery } = await orderWithCredentials();
    twilio.behaviours.push({ to: phone, kind: 'error', status: 503, code: 20503 });
    await expect(sms.sendCredentialsSms(delivery.id)).rejects.toThrow(/ambiguous/);
    await sms.sendCredentialsSms(delivery.id);
    expect(sentTo(phone)).toHaveLength(1);
    expect((await deliveryRow(delivery.id)).flag).toBeNull();
  });
});

describe('the credentials SMS job, a batch at a time', () => {
  it('sends each delivery its own password once, moves each order on once with its events, and a second run sends nothing', async () => {
    const batch = await Promise.all(['Batch-Pass-1-xyz', 'Batch-Pass-2-xyz', 'Batch-Pass-3-xyz', 'Batch-Pass-4-xyz'].map((password) => orderWithCredentials(password)));
    const ids = batch.map(({ delivery }) => delivery.id);
    expect(await sms.sendCredentialsSmsBatch(ids)).toEqual(ids.map(() => ({ status: 'fulfilled', value: undefined })));
    await sms.sendCredentialsSmsBatch(ids);

    for (const [index, { order, phone, delivery }] of batch.entries()) {
      const messages = sentTo(phone);
      expect(messages).toHaveLength(1);
      expect(messages[0]!.body).toContain(`Batch-Pass-${index + 1}-xyz`);
      expect(messages[0]!.body).toContain(`Ref ${delivery.reference}`);
      expect(await deliveryRow(delivery.id)).toMatchObject({ twilioSid: messages[0]!.sid, status: 'queued', flag: null });
      expect(await orderState(order.id)).toBe('credentials_sent');
      expect(await timelineKinds(order.id)).toEqual(['submitted', 'claimed', 'account_created', 'sms_attempt', 'credentials_sent']);
    }
  });

  it('sends once for a delivery that two jobs of the batch name', async () => {
    const { phone, delivery } = await orderWithCredentials();
    const outcomes = await sms.sendCredentialsSmsBatch([delivery.id, delivery.id]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(sentTo(phone)).toHaveLength(1);
  });

  it('claims a delivery for sending only as it was read: a second run that read it before cannot claim it too', async () => {
    const { delivery } = await orderWithCredentials();
    const [read] = await deliveries.unsafeGetDeliveries([delivery.id]);
    expect(await deliveries.unsafeClaimForSending([read!.delivery])).toEqual(new Set([delivery.id]));
    expect(await deliveries.unsafeClaimForSending([read!.delivery])).toEqual(new Set());
    // A later run (after a crash) reads it `submitting` and may claim it again, once.
    const [again] = await deliveries.unsafeGetDeliveries([delivery.id]);
    expect(again!.delivery.status).toBe('submitting');
    expect(await deliveries.unsafeClaimForSending([again!.delivery])).toEqual(new Set([delivery.id]));
    expect(await deliveries.unsafeClaimForSending([again!.delivery])).toEqual(new Set());
  });

  it('gives each delivery of a batch its own outcome: sent, permanent, 429 and ambiguous failures, and the retry sends no message twice', async () => {
    const [sent, invalid, throttled, ambiguous] = await Promise.all(Array.from({ length: 4 }, () => orderWithCredentials()));
    twilio.behaviours.push({ to: invalid!.phone, kind: 'error', status: 400, code: 21211 });
    twilio.behaviours.push({ to: throttled!.phone, kind: 'error', status: 429, code: 20429 });
    twilio.behaviours.push({ to: ambiguous!.phone, kind: 'accept-then-500' });
    const ids = [sent!, invalid!, throttled!, ambiguous!].map(({ delivery }) => delivery.id);

    const outcomes = await sms.sendCredentialsSmsBatch(ids);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'rejected']);
    expect(String((outcomes[2] as PromiseRejectedResult).reason)).toMatch(/transient/);
    expect(String((outcomes[3] as PromiseRejectedResult).reason)).toMatch(/ambiguous/);
    expect((await deliveryRow(sent!.delivery.id)).twilioSid).toBe(sentTo(sent!.phone)[0]!.sid);
    expect(await deliveryRow(invalid!.delivery.id)).toMatchObject({ status: 'failed', errorCode: '21211' });
    expect(await orderState(invalid!.order.id)).toBe('needs_info');
    expect((await deliveryRow(throttled!.delivery.id)).status).toBe('pending');
    expect(await deliveryRow(ambiguous!.delivery.id)).toMatchObject({ status: 'submitting', twilioSid: null });

    // pg-boss runs the failed jobs again, maybe in one batch with the rest.
    expect((await sms.sendCredentialsSmsBatch(ids)).map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
    expect([sent!, invalid!, throttled!, ambiguous!].map(({ phone }) => sentTo(phone).length)).toEqual([1, 0, 1, 1]);
    expect(await deliveryRow(ambiguous!.delivery.id)).toMatchObject({ twilioSid: sentTo(ambiguous!.phone)[0]!.sid, flag: expect.stringMatching(/^recovered/) });
    expect((await deliveryRow(throttled!.delivery.id)).flag).toBeNull();
    for (const { order } of [sent!, throttled!, ambiguous!]) {
      expect(await orderState(order.id)).toBe('credentials_sent');
      expect((await timelineKinds(order.id)).filter((kind) => kind === 'sms_attempt' || kind === 'credentials_sent')).toEqual(['sms_attempt', 'credentials_sent']);
    }
  });

  it('records what Twilio took once, however often it is recorded', async () => {
    const { order, delivery } = await orderWithCredentials();
    const accepted = { deliveryId: delivery.id, sid: `SM${'a'.repeat(32)}`, status: 'queued' as const };
    await Promise.all([deliveries.unsafeRecordAccepted([accepted]), deliveries.unsafeRecordAccepted([accepted])]);
    await deliveries.unsafeRecordAccepted([{ ...accepted, sid: `SM${'b'.repeat(32)}` }]);
    expect((await deliveryRow(delivery.id)).twilioSid).toBe(accepted.sid);
    expect(await timelineKinds(order.id)).toEqual(['submitted', 'claimed', 'account_created', 'sms_attempt', 'credentials_sent']);
  });
});

describe('delivery statuses', () => {
  it('queues a new attempt, later, after a transient failure (unreachable handset)', async () => {
    const { order, delivery } = await orderWithCredentials();
    await sms.sendCredentialsSms(delivery.id);
    await deliveries.unsafeApplyDeliveryStatus(delivery.id, 'undelivered', '30003');
    const attempts = await db.select().from(schema.smsDeliveries).where(eq(schema.smsDeliveries.orderId, order.id));
    expect(attempts.map((attempt) => [attempt.attempt, attempt.status])).toEqual([
      [1, 'undelivered'],
      [2, 'pending'],
    ]);
    const jobs = await db.execute<{ start_after: Date }>(
      sql`SELECT start_after FROM pgboss.job WHERE name = 'credentials-sms' AND data->>'deliveryId' = ${attempts[1]!.id}`,
    );
    expect(jobs.rows).toHaveLength(1);
    expect(new Date(jobs.rows[0]!.start_after).getTime()).toBeGreaterThan(Date.now() + 30_000);
    expect(await sealedPassword(order.id)).not.toBeNull();
  });

  it('returns the order to the partner after a permanent delivery failure (landline)', async () => {
    const { order, delivery } = await orderWithCredentials();
    await sms.sendCredentialsSms(delivery.id);
    await deliveries.unsafeApplyDeliveryStatus(delivery.id, 'undelivered', '30006');
    expect(await orderState(order.id)).toBe('needs_info');
    expect(await sealedPassword(order.id)).toBeNull();
  });

  it('reconciliation completes an order whose delivered callback was lost, and redacts the body at Twilio', async () => {
    const { order, phone, delivery } = await orderWithCredentials();
    await sms.sendCredentialsSms(delivery.id);
    const message = sentTo(phone)[0]!;
    message.status = 'delivered';
    await db.execute(sql`UPDATE sms_deliveries SET updated_at = now() - interval '10 minutes' WHERE id = ${delivery.id}`);
    await sms.reconcileDeliveries();
    expect(await orderState(order.id)).toBe('completed');
    // Written in one transaction, the timeline still reads in the order things happened.
    const timeline = await db.select().from(schema.orderEvents).where(eq(schema.orderEvents.orderId, order.id)).orderBy(schema.orderEvents.at);
    expect(timeline.map((event) => event.kind)).toEqual([
      'submitted',
      'claimed',
      'account_created',
      'sms_attempt',
      'credentials_sent',
      'sms_status',
      'password_erased',
      'completed',
    ]);
    await runRedactionJobs(delivery.id);
    expect(message.redacted).toBe(true);
    expect(await sealedPassword(order.id)).toBeNull();
  });

  it('erases a password kept past the retention limit', async () => {
    const { order } = await orderWithCredentials();
    await db.execute(sql`UPDATE credentials SET created_at = now() - interval '100 hours' WHERE order_id = ${order.id}`);
    await deliveries.unsafeEraseExpiredPasswords(72);
    expect(await sealedPassword(order.id)).toBeNull();
  });
});

describe('redaction at Twilio', () => {
  /** An order whose SMS Twilio took and then delivered (the callback came). */
  async function deliveredOrder() {
    const created = await orderWithCredentials();
    await sms.sendCredentialsSms(created.delivery.id);
    await deliveries.unsafeApplyDeliveryStatus(created.delivery.id, 'delivered', null);
    return { ...created, message: sentTo(created.phone)[0]! };
  }

  it('is its own job, queued with the delivered status, with retries and backoff; it records when, and a second run changes nothing', async () => {
    const { delivery, message } = await deliveredOrder();
    expect(message.redacted).toBe(false);
    const jobs = await redactionJobs(delivery.id);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.retry_limit).toBeGreaterThan(0);
    expect(jobs[0]!.retry_backoff).toBe(true);

    await runRedactionJobs(delivery.id);
    expect(message.redacted).toBe(true);
    const redactedAt = (await deliveryRow(delivery.id)).redactedAt;
    expect(redactedAt).toBeInstanceOf(Date);
    message.body = 'changed at Twilio after redaction';
    await redaction.redactDelivery(delivery.id);
    expect(message.body).toBe('changed at Twilio after redaction');
    expect((await deliveryRow(delivery.id)).redactedAt).toEqual(redactedAt);
  });

  it('happens when the delivered callback arrives before the message sid is recorded', async () => {
    const { order, phone, delivery } = await orderWithCredentials();
    twilio.behaviours.push({ to: phone, kind: 'accept-then-500' });
    await expect(sms.sendCredentialsSms(delivery.id)).rejects.toThrow(/ambiguous/);
    const message = sentTo(phone)[0]!;
    expect((await deliveryRow(delivery.id)).twilioSid).toBeNull();

    // Twilio delivers and calls back before the job's retry has recorded the sid.
    const response = await statusCallback(delivery.id, { MessageSid: message.sid, MessageStatus: 'delivered' });
    expect(response.status).toBe(204);
    expect(await orderState(order.id)).toBe('completed');
    expect(await deliveryRow(delivery.id)).toMatchObject({ twilioSid: message.sid, status: 'delivered' });
    // The retry finds the delivery final and sends nothing.
    await sms.sendCredentialsSms(delivery.id);
    expect(sentTo(phone)).toHaveLength(1);
    await runRedactionJobs(delivery.id);
    expect(message.redacted).toBe(true);
    expect((await deliveryRow(delivery.id)).redactedAt).toBeInstanceOf(Date);
  });

  it('fails its job when Twilio refuses, leaving the delivery unredacted, and succeeds on the retry', async () => {
    const { phone, delivery, message } = await orderWithCredentials().then(async (created) => {
      twilio.behaviours.push({ to: created.phone, kind: 'refuse-redaction', status: 500, code: 20500 });
      await sms.sendCredentialsSms(created.delivery.id);
      await deliveries.unsafeApplyDeliveryStatus(created.delivery.id, 'delivered', null);
      return { ...created, message: sentTo(created.phone)[0]! };
    });
    await expect(redaction.redactDelivery(delivery.id)).rejects.toThrow(/refused to redact.*HTTP 500/);
    expect(message.redacted).toBe(false);
    expect(message.body).not.toBe('');
    expect((await deliveryRow(delivery.id)).redactedAt).toBeNull();

    await redaction.redactDelivery(delivery.id);
    expect(message.redacted).toBe(true);
    expect((await deliveryRow(delivery.id)).redactedAt).toBeInstanceOf(Date);
    expect(sentTo(phone)).toHaveLength(1);
  });

  it('is queued again by the sweep for delivered messages left unredacted (job lost or out of retries), not for recent or redacted ones', async () => {
    const lost = await deliveredOrder();
    const recent = await deliveredOrder();
    const done = await deliveredOrder();
    await runRedactionJobs(done.delivery.id);
    await db.execute(sql`DELETE FROM pgboss.job WHERE name = 'redact-sms' AND data->>'deliveryId' IN (${lost.delivery.id}, ${recent.delivery.id})`);
    await db.execute(sql`UPDATE sms_deliveries SET updated_at = now() - interval '2 hours' WHERE id IN (${lost.delivery.id}, ${done.delivery.id})`);

    await redaction.sweepRedactions();
    expect(await redactionJobs(lost.delivery.id)).toHaveLength(1);
    expect(await redactionJobs(recent.delivery.id)).toHaveLength(0);
    expect(await redactionJobs(done.delivery.id)).toHaveLength(1); // its first job only

    await runRedactionJobs(lost.delivery.id);
    expect(lost.message.redacted).toBe(true);
    expect((await deliveryRow(lost.delivery.id)).redactedAt).toBeInstanceOf(Date);
    await redaction.sweepRedactions();
    expect(await redactionJobs(lost.delivery.id)).toHaveLength(1);
  });
});

describe('reconciling deliveries left submitting', () => {
  /** A delivery whose job claimed it `ago` and then gave up (retries out, or the process died). */
  async function leftSubmitting(ago: string) {
    const created = await orderWithCredentials();
    const [read] = await deliveries.unsafeGetDeliveries([created.delivery.id]);
    await deliveries.unsafeClaimForSending([read!.delivery]);
    await db.execute(sql`UPDATE sms_deliveries SET submitted_at = submitted_at - ${ago}::interval WHERE id = ${created.delivery.id}`);
    return created;
  }
  const smsEvents = async (orderId: string) =>
    (await db.select().from(schema.orderEvents).where(eq(schema.orderEvents.orderId, orderId)).orderBy(schema.orderEvents.at)).filter((event) => event.kind === 'sms_status');

  it('fails one that Twilio never took, after the bound, with its reason on the order; a recent one is left to its job', async () => {
    const stuck = await leftSubmitting('2 hours');
    const recent = await leftSubmitting('5 minutes');
    await sms.reconcileDeliveries();

    const row = await deliveryRow(stuck.delivery.id);
    expect(row).toMatchObject({ status: 'failed', twilioSid: null, flag: 'not_sent' });
    // What support sees: the delivery card's flag and the timeline's reason.
    expect(await support.getLatestDelivery(stuck.actor, stuck.order.id)).toMatchObject({ status: 'failed', flag: row.flag });
    expect((await smsEvents(stuck.order.id)).map((event) => event.data)).toEqual([{ attempt: 1, status: 'failed', reason: row.flag }]);
    expect(sentTo(stuck.phone)).toHaveLength(0);
    // A late run of its job sends nothing.
    await sms.sendCredentialsSms(stuck.delivery.id);
    expect(sentTo(stuck.phone)).toHaveLength(0);

    expect((await deliveryRow(recent.delivery.id)).status).toBe('submitting');
    expect(await smsEvents(recent.order.id)).toEqual([]);
  });

  it('recovers one that Twilio did take, flagged; its delivered status then completes the order and queues redaction', async () => {
    const { order, phone, delivery } = await orderWithCredentials();
    twilio.behaviours.push({ to: phone, kind: 'accept-then-500' });
    await expect(sms.sendCredentialsSms(delivery.id)).rejects.toThrow(/ambiguous/);
    await db.execute(sql`UPDATE sms_deliveries SET submitted_at = submitted_at - interval '2 hours' WHERE id = ${delivery.id}`);
    const message = sentTo(phone)[0]!;
    message.status = 'delivered';

    await sms.reconcileDeliveries();
    expect(await deliveryRow(delivery.id)).toMatchObject({ twilioSid: message.sid, status: 'sent', flag: expect.stringMatching(/^recovered/) });
    expect(await orderState(order.id)).toBe('credentials_sent');

    await db.execute(sql`UPDATE sms_deliveries SET updated_at = now() - interval '10 minutes' WHERE id = ${delivery.id}`);
    await sms.reconcileDeliveries();
    expect(await orderState(order.id)).toBe('completed');
    await runRedactionJobs(delivery.id);
    expect(message.redacted).toBe(true);
    expect(sentTo(phone)).toHaveLength(1);
  });
});

describe('the messages-per-second limit', () => {
  it('hands out send slots exactly 1/rate apart, however many ask at once and for however many', async () => {
    const slots = await Promise.all([1, 3, 1, 4, 1].map((count) => deliveries.reserveSendSlots(5, count)));
    const times = slots.flat().map((slot) => slot.getTime()).sort((a, b) => a - b);
    expect(times).toHaveLength(10);
    const gaps = times.slice(1).map((time, index) => time - times[index]!);
    for (const gap of gaps) expect(gap).toBeCloseTo(200, 0);
  });
});
