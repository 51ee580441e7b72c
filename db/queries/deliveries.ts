import { and, eq, inArray, isNotNull, isNull, lt, sql, type SQLWrapper } from 'drizzle-orm';
import { db, type DbOrTx } from '@/db';
import { appendOrderEvents } from '@/db/queries/order-events';
import { refreshDueAt, transition, transitionOrders, unsafeGetOrderForJob } from '@/db/queries/orders';
import { rewriteOutboxBodies } from '@/db/queries/outbox';
import { credentials, orders, smsDeliveries } from '@/db/schema';
import { inTransaction, type SqlExecutor } from '@/db/transaction';
import { enqueueJob } from '@/lib/jobs/boss';
import { deliveryTransitions, supportTransitions } from '@/lib/orders/transitions';
import {
  MAX_SMS_ATTEMPTS,
  classifyDeliveryFailure,
  failureReason,
  isFinalSmsStatus,
  movesForward,
  retryDelaySeconds,
  type DeliveryFlag,
  type SmsStatus,
} from '@/lib/sms/delivery-rules';
import { getTranslator } from '@/lib/i18n/translator';
import { REDACTED_PASSWORD, credentialsSmsText, isOutboxSid, outboxSmsKey } from '@/lib/sms/credentials-text';

/*
 * Note: everything here acts for the system (the SMS worker, Twilio's callbacks), by delivery
 * id alone. The ids are ones the portal created; the callback route verifies Twilio's signature
 * before it calls any of this.
 */

/** At most this many deliveries per reconciliation pass; the next pass takes the rest. */
const RECONCILE_BATCH = 500;

/** `column` is more than `seconds` in the past, by the database's clock. */
const olderThan = (column: SQLWrapper, seconds: number) => lt(column, sql`now() - make_interval(secs => ${seconds})`);

export async function unsafeGetDeliveries(deliveryIds: string[]) {
  return db
    .select({ delivery: smsDeliveries, orderState: orders.state, organisationId: orders.organisationId, recipientLocale: orders.recipientLocale, sealed: credentials })
    .from(smsDeliveries)
    .innerJoin(orders, eq(orders.id, smsDeliveries.orderId))
    .leftJoin(credentials, eq(credentials.orderId, smsDeliveries.orderId))
    .where(inArray(smsDeliveries.id, deliveryIds));
}

export async function unsafeGetDelivery(deliveryId: string) {
  const [row] = await unsafeGetDeliveries([deliveryId]);
  return row ?? null;
}

/**
 * Marks deliveries `submitting`, committed before their Twilio calls: if the process dies after
 * this, the next run knows to look at Twilio first. Each is claimed only if no other run has
 * claimed it since this run read it (`submittedAt` unchanged), so two runs of one job never
 * both send. Returns the ids claimed.
 */
export async function unsafeClaimForSending(read: { id: string; submittedAt: Date | null }[]) {
  if (!read.length) return new Set<string>();
  // A JS Date (milliseconds), not now() (microseconds): what the next run reads compares equal.
  const submittedAt = new Date();
  const claimed = await db
    .update(smsDeliveries)
    .set({ status: 'submitting', submittedAt })
    .where(
      and(
        eq(smsDeliveries.id, sql`read.id`),
        isNull(smsDeliveries.twilioSid),
        inArray(smsDeliveries.status, ['pending', 'submitting']),
        sql`${smsDeliveries.submittedAt} IS NOT DISTINCT FROM read."submittedAt"`,
      ),
    )
    .from(sql`jsonb_to_recordset(${JSON.stringify(read.map(({ id, submittedAt }) => ({ id, submittedAt })))}::jsonb) AS read(id uuid, "submittedAt" timestamptz)`)
    .returning({ id: smsDeliveries.id });
  return new Set(claimed.map((row) => row.id));
}

export async function unsafeMarkPendingAgain(deliveryId: string) {
  await db.update(smsDeliveries).set({ status: 'pending' }).where(and(eq(smsDeliveries.id, deliveryId), eq(smsDeliveries.status, 'submitting')));
}

type EventOrder = { orderId: string; organisationId: string };

async function addEvent(tx: DbOrTx, order: EventOrder, kind: 'sms_attempt' | 'sms_status' | 'password_erased', data: Record<string, unknown>) {
  await appendOrderEvents(tx, [{ orderId: order.orderId, organisationId: order.organisationId, kind, data }]);
}

/**
 * Deliveries, locked for this transaction (in id order, so two batches never wait on each
 * other crosswise), each with its order's organisation (for timeline events).
 */
async function lockDeliveries(tx: DbOrTx, deliveryIds: string[]) {
  const rows = await tx
    .select({ delivery: smsDeliveries, organisationId: orders.organisationId })
    .from(smsDeliveries)
    .innerJoin(orders, eq(orders.id, smsDeliveries.orderId))
    .where(inArray(smsDeliveries.id, deliveryIds))
    .orderBy(smsDeliveries.id)
    .for('update', { of: smsDeliveries });
  return rows.map(({ delivery, organisationId }) => ({ ...delivery, organisationId }));
}

const lockDelivery = async (tx: DbOrTx, deliveryId: string) => (await lockDeliveries(tx, [deliveryId]))[0];

/** Twilio took a message: its sid, and the status Twilio answered with; `flag` when recovered. */
export interface AcceptedMessage {
  deliveryId: string;
  sid: string;
  status: SmsStatus;
  flag?: string;
}

/**
 * Twilio took these messages (a whole batch, in one transaction): record their sids; the orders'
 * credentials are on their way. Idempotent: a delivery that has its sid already is left alone,
 * so each order gets one `sms_attempt` per delivery and moves on (with its event) once.
 */
export async function unsafeRecordAccepted(messages: AcceptedMessage[]) {
  if (!messages.length) return;
  const byDelivery = new Map(messages.map((message) => [message.deliveryId, message]));
  await inTransaction(async (tx) => {
    const unrecorded = (await lockDeliveries(tx, [...byDelivery.keys()])).filter((delivery) => !delivery.twilioSid);
    if (!unrecorded.length) return;
    const recorded = unrecorded.map((delivery) => {
      const message = byDelivery.get(delivery.id)!;
      // A status callback may have come first: the status only moves forward.
      const status = movesForward(delivery.status, message.status) ? message.status : delivery.status;
      return { delivery, organisationId: delivery.organisationId, sid: message.sid, status, flag: message.flag ?? null };
    });
    await tx
      .update(smsDeliveries)
      .set({ twilioSid: sql`recorded.sid`, status: sql`recorded.status`, flag: sql`recorded.flag` })
      .where(eq(smsDeliveries.id, sql`recorded.id`))
      .from(
        sql`jsonb_to_recordset(${JSON.stringify(recorded.map(({ delivery, sid, status, flag }) => ({ id: delivery.id, sid, status, flag })))}::jsonb)
          AS recorded(id uuid, sid text, status sms_status, flag text)`,
      );
    await appendOrderEvents(
      tx,
      recorded.map(({ delivery, organisationId, flag }) => ({
        orderId: delivery.orderId,
        organisationId,
        kind: 'sms_attempt' as const,
        data: { attempt: delivery.attempt, ...(flag ? { flag } : {}) },
      })),
    );
    await transitionOrders(
      tx,
      null,
      recorded.map(({ delivery }) => delivery.orderId),
      { from: deliveryTransitions.accepted.from, to: () => deliveryTransitions.accepted.to, kind: 'credentials_sent' },
    );
  });
}

/** Erases an order's sealed password, and its copies in the development outbox; the username stays. */
async function erasePassword(tx: DbOrTx, order: EventOrder, why: 'delivered' | 'expired' | 'failed') {
  const erased = await tx
    .update(credentials)
    .set({ passwordKeyId: null, passwordIv: null, passwordCiphertext: null, passwordTag: null, erasedAt: new Date() })
    .where(and(eq(credentials.orderId, order.orderId), isNull(credentials.erasedAt)))
    .returning({ orderId: credentials.orderId });
  if (erased.length) await addEvent(tx, order, 'password_erased', { why });
  // Even when the password was erased before: a job that had opened it may have written its copy since.
  await redactOutboxCopies(tx, order.orderId);
}

/**
 * The outbox copies of an order's password SMS, with the password replaced by a marker: the
 * outbox keeps it no longer than Twilio does (see lib/sms/redaction.ts). Without outbox copies (Twilio
 * in use) this changes nothing.
 */
async function redactOutboxCopies(tx: DbOrTx, orderId: string) {
  const sent = await tx
    .select({ id: smsDeliveries.id, reference: smsDeliveries.reference, locale: orders.recipientLocale })
    .from(smsDeliveries)
    .innerJoin(orders, eq(orders.id, smsDeliveries.orderId))
    .where(eq(smsDeliveries.orderId, orderId));
  await rewriteOutboxBodies(
    tx,
    sent.map((delivery) => ({ idempotencyKey: outboxSmsKey(delivery.id), bodyText: credentialsSmsText(REDACTED_PASSWORD, delivery.reference, delivery.locale) })),
  );
}

/**
 * A delivered message's body (the password) is cleared at Twilio by its own job, queued with the
 * delivery's record so it cannot be lost; the sweep (unsafeListUnredactedDeliveries) is the
 * backstop. Outbox copies were rewritten in this transaction (erasePassword): marked at once.
 * Without a sid there is nothing to redact yet; the sweep finds it once one is recorded.
 */
async function queueRedaction(tx: DbOrTx, jobSql: SqlExecutor, delivery: { id: string; twilioSid: string | null }) {
  if (!delivery.twilioSid) return;
  if (isOutboxSid(delivery.twilioSid)) await unsafeMarkRedacted(delivery.id, tx);
  else await enqueueJob('redactSms', { deliveryId: delivery.id }, jobSql);
}

/** The message body is gone at Twilio. Idempotent: the first time counts. */
export async function unsafeMarkRedacted(deliveryId: string, tx: DbOrTx = db) {
  await tx
    .update(smsDeliveries)
    .set({ redactedAt: new Date() })
    .where(and(eq(smsDeliveries.id, deliveryId), isNull(smsDeliveries.redactedAt)));
}

/** What the redaction job needs of a delivery; null when there is no such delivery. */
export async function unsafeGetRedactionTarget(deliveryId: string) {
  const [row] = await db
    .select({ status: smsDeliveries.status, twilioSid: smsDeliveries.twilioSid, redactedAt: smsDeliveries.redactedAt })
    .from(smsDeliveries)
    .where(eq(smsDeliveries.id, deliveryId));
  return row ?? null;
}

/** Delivered messages with a sid, still unredacted this long after delivery: their redaction job was lost or gave up. */
export async function unsafeListUnredactedDeliveries(olderThanSeconds: number, limit: number) {
  return db
    .select({ id: smsDeliveries.id })
    .from(smsDeliveries)
    .where(
      and(
        eq(smsDeliveries.status, 'delivered'),
        isNull(smsDeliveries.redactedAt),
        isNotNull(smsDeliveries.twilioSid),
        olderThan(smsDeliveries.updatedAt, olderThanSeconds),
      ),
    )
    .orderBy(smsDeliveries.updatedAt)
    .limit(limit);
}

async function ordererLocale(tx: DbOrTx, orderId: string) {
  return (await unsafeGetOrderForJob(orderId, tx))?.ordererLocale ?? undefined;
}

/** The partner is asked for a corrected number; the password is erased (support sets a new one). */
async function returnToPartner(tx: DbOrTx, jobSql: SqlExecutor, delivery: { orderId: string; toPhone: string }, errorCode: string | null) {
  // Written to the partner, in the orderer's language.
  const t = getTranslator(await ordererLocale(tx, delivery.orderId));
  const reason = t(`sms.failure.${failureReason(errorCode)}`);
  const question = t('sms.failure.question', { phone: delivery.toPhone, reason });
  const order = await transition(tx, null, delivery.orderId, { from: supportTransitions.ask.from, to: () => supportTransitions.ask.to, kind: 'question_asked', data: { question } });
  await erasePassword(tx, { orderId: order.id, organisationId: order.organisationId }, 'failed');
  await refreshDueAt(tx, order);
  await enqueueJob('orderEmail', { orderId: delivery.orderId, kind: 'question' }, jobSql);
}

/** Creating the message failed for good (an invalid or landline number): back to the partner. */
export async function unsafeRecordPermanentFailure(deliveryId: string, errorCode: string | null) {
  await inTransaction(async (tx, jobSql) => {
    const delivery = await lockDelivery(tx, deliveryId);
    if (!delivery || isFinalSmsStatus(delivery.status)) return;
    await tx.update(smsDeliveries).set({ status: 'failed', errorCode }).where(eq(smsDeliveries.id, deliveryId));
    await addEvent(tx, delivery, 'sms_status', { attempt: delivery.attempt, status: 'failed', errorCode });
    await returnToPartner(tx, jobSql, delivery, errorCode);
  });
}

export type StatusOutcome = { changed: false } | { changed: true; status: SmsStatus };

/**
 * Applies a status from Twilio (callback or reconciliation). Only forward moves count.
 * delivered: erase the password, complete the order, email the recipient the username, queue
 * the redaction at Twilio.
 * A permanent failure returns the order to the partner; a transient one queues a new attempt.
 * `messageSid` (a callback's) is recorded when the job has not recorded it yet: a callback can
 * come first, and without the sid the message could not be redacted.
 */
export async function unsafeApplyDeliveryStatus(deliveryId: string, status: SmsStatus, errorCode: string | null, messageSid?: string): Promise<StatusOutcome> {
  return inTransaction(async (tx, jobSql) => {
    const locked = await lockDelivery(tx, deliveryId);
    if (!locked || !movesForward(locked.status, status)) return { changed: false };
    const delivery = { ...locked, twilioSid: locked.twilioSid ?? messageSid ?? null };
    await tx.update(smsDeliveries).set({ status, errorCode, twilioSid: delivery.twilioSid }).where(eq(smsDeliveries.id, deliveryId));
    await addEvent(tx, delivery, 'sms_status', { attempt: delivery.attempt, status, ...(errorCode ? { errorCode } : {}) });

    if (status === 'delivered') {
      await erasePassword(tx, delivery, 'delivered');
      const completed = await transitionOrders(tx, null, [delivery.orderId], {
        from: deliveryTransitions.delivered.from,
        to: () => deliveryTransitions.delivered.to,
        kind: 'completed',
        fields: { completedAt: new Date() },
      });
      if (completed.length) {
        await enqueueJob('orderEmail', { orderId: delivery.orderId, kind: 'credentials' }, jobSql);
        await enqueueJob('orderEmail', { orderId: delivery.orderId, kind: 'completed' }, jobSql);
      }
      await queueRedaction(tx, jobSql, delivery);
      return { changed: true, status };
    }

    if (status === 'undelivered' || status === 'failed') {
      if (classifyDeliveryFailure(errorCode) === 'permanent' || delivery.attempt >= MAX_SMS_ATTEMPTS) {
        await returnToPartner(tx, jobSql, delivery, errorCode);
      } else {
        const [next] = await tx
          .insert(smsDeliveries)
          .values({ orderId: delivery.orderId, attempt: delivery.attempt + 1, toPhone: delivery.toPhone, reference: delivery.reference })
          .returning({ id: smsDeliveries.id });
        await enqueueJob('credentialsSms', { deliveryId: next!.id }, jobSql, { startAfterSeconds: retryDelaySeconds(delivery.attempt) });
      }
    }
    return { changed: true, status };
  });
}

/** Deliveries Twilio has but has not reported final for a while: their callbacks may be lost. */
export async function unsafeListStuckDeliveries(olderThanSeconds: number) {
  return db
    .select({ id: smsDeliveries.id, twilioSid: smsDeliveries.twilioSid })
    .from(smsDeliveries)
    .where(
      and(
        isNotNull(smsDeliveries.twilioSid),
        inArray(smsDeliveries.status, ['accepted', 'queued', 'sending', 'sent']),
        olderThan(smsDeliveries.updatedAt, olderThanSeconds),
      ),
    )
    .limit(RECONCILE_BATCH);
}

/** Deliveries left `submitting` (no sid) since a claim this long ago: their job gave up mid-send. */
export async function unsafeListGivenUpSubmissions(olderThanSeconds: number) {
  return db
    .select({ id: smsDeliveries.id, toPhone: smsDeliveries.toPhone, reference: smsDeliveries.reference, submittedAt: smsDeliveries.submittedAt })
    .from(smsDeliveries)
    .where(
      and(
        eq(smsDeliveries.status, 'submitting'),
        isNull(smsDeliveries.twilioSid),
        olderThan(smsDeliveries.submittedAt, olderThanSeconds),
      ),
    )
    .limit(RECONCILE_BATCH);
}

/**
 * A delivery left `submitting` that Twilio never took: failed, with the reason as its flag and
 * on the order's timeline, so support sees it. Only as it was read (`submittedAt` unchanged):
 * a run that claimed it since may be sending. Returns whether it was failed.
 */
export async function unsafeRecordNeverSent(read: { id: string; submittedAt: Date | null }, reason: DeliveryFlag) {
  return inTransaction(async (tx) => {
    const delivery = await lockDelivery(tx, read.id);
    if (!delivery || delivery.status !== 'submitting' || delivery.twilioSid || delivery.submittedAt?.getTime() !== read.submittedAt?.getTime()) return false;
    await tx.update(smsDeliveries).set({ status: 'failed', flag: reason }).where(eq(smsDeliveries.id, read.id));
    await addEvent(tx, delivery, 'sms_status', { attempt: delivery.attempt, status: 'failed', reason });
    return true;
  });
}

/** Passwords kept past the retention limit (an SMS never confirmed) are erased anyway. */
export async function unsafeEraseExpiredPasswords(retentionHours: number) {
  const expired = await db
    .select({ orderId: credentials.orderId, organisationId: orders.organisationId })
    .from(credentials)
    .innerJoin(orders, eq(orders.id, credentials.orderId))
    .where(and(isNull(credentials.erasedAt), olderThan(credentials.createdAt, retentionHours * 3600)));
  for (const order of expired) await inTransaction((tx) => erasePassword(tx, order, 'expired'));
  return expired.length;
}

/**
 * Reserves the next `count` send slots under the messages-per-second limit, 1/rate apart, in one
 * statement. The slots live in one PostgreSQL row, so the limit holds across every worker process.
 */
export async function reserveSendSlots(ratePerSecond: number, count: number): Promise<Date[]> {
  if (count < 1) return [];
  const booked = sql`make_interval(secs => ${count / ratePerSecond})`;
  const result = await db.execute<{ first: Date }>(sql`
    INSERT INTO sms_throttle (id, next_slot_at) VALUES (1, now() + ${booked})
    ON CONFLICT (id) DO UPDATE SET next_slot_at = greatest(sms_throttle.next_slot_at, now()) + ${booked}
    RETURNING next_slot_at - ${booked} AS first`);
  const first = new Date(result.rows[0]!.first).getTime();
  return Array.from({ length: count }, (_, index) => new Date(first + (index * 1000) / ratePerSecond));
}
