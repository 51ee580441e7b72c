import { and, eq, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import { db, type DbOrTx } from '@/db';
import { refreshDueAt, transition } from '@/db/queries/orders';
import { credentials, orderEvents, orders, smsDeliveries, type SmsStatus } from '@/db/schema';
import { inTransaction, type SqlExecutor } from '@/db/transaction';
import { enqueueJob } from '@/lib/jobs/boss';
import { deliveryTransitions, supportTransitions } from '@/lib/orders/transitions';
import { MAX_SMS_ATTEMPTS, classifyDeliveryFailure, isFinalSmsStatus, movesForward } from '@/lib/sms/delivery-rules';
import { getTranslator } from '@/lib/i18n/translator';

/*
 * Note: everything here acts for the system (the SMS worker, Twilio's callbacks), by delivery
 * id alone. The ids are ones the portal created; the callback route verifies Twilio's signature
 * before it calls any of this.
 */

export async function unsafeGetDelivery(deliveryId: string) {
  const [row] = await db
    .select({ delivery: smsDeliveries, orderState: orders.state, organisationId: orders.organisationId, sealed: credentials })
    .from(smsDeliveries)
    .innerJoin(orders, eq(orders.id, smsDeliveries.orderId))
    .leftJoin(credentials, eq(credentials.orderId, smsDeliveries.orderId))
    .where(eq(smsDeliveries.id, deliveryId));
  return row ?? null;
}

/** Written before calling Twilio: if the process dies now, the next run knows to look first. */
export async function unsafeMarkSubmitting(deliveryId: string) {
  await db
    .update(smsDeliveries)
    .set({ status: 'submitting', submittedAt: new Date() })
    .where(and(eq(smsDeliveries.id, deliveryId), inArray(smsDeliveries.status, ['pending', 'submitting'])));
}

export async function unsafeMarkPendingAgain(deliveryId: string) {
  await db.update(smsDeliveries).set({ status: 'pending' }).where(and(eq(smsDeliveries.id, deliveryId), eq(smsDeliveries.status, 'submitting')));
}

async function addEvent(tx: DbOrTx, delivery: { orderId: string }, kind: 'sms_attempt' | 'sms_status' | 'password_erased', data: Record<string, unknown>) {
  const [order] = await tx.select({ organisationId: orders.organisationId }).from(orders).where(eq(orders.id, delivery.orderId));
  await tx.insert(orderEvents).values({ orderId: delivery.orderId, organisationId: order!.organisationId, kind, data });
}

/** Twilio took the message: record its sid; the order's credentials are on their way. */
export async function unsafeRecordAccepted(deliveryId: string, twilio: { sid: string; status: SmsStatus }, flag?: string) {
  await inTransaction(async (tx) => {
    const [delivery] = await tx.select().from(smsDeliveries).where(eq(smsDeliveries.id, deliveryId)).for('update');
    if (!delivery || delivery.twilioSid) return;
    const status = movesForward(delivery.status, twilio.status) ? twilio.status : delivery.status;
    await tx.update(smsDeliveries).set({ twilioSid: twilio.sid, status, flag: flag ?? null }).where(eq(smsDeliveries.id, deliveryId));
    await addEvent(tx, delivery, 'sms_attempt', { attempt: delivery.attempt, ...(flag ? { flag } : {}) });
    const [order] = await tx.select({ state: orders.state }).from(orders).where(eq(orders.id, delivery.orderId));
    if (order && (deliveryTransitions.accepted.from as readonly string[]).includes(order.state)) {
      await transition(tx, null, delivery.orderId, { from: deliveryTransitions.accepted.from, to: () => deliveryTransitions.accepted.to, kind: 'credentials_sent' });
    }
  });
}

/** Erases an order's sealed password; the username stays. */
async function erasePassword(tx: DbOrTx, orderId: string, why: 'delivered' | 'expired' | 'failed') {
  const erased = await tx
    .update(credentials)
    .set({ passwordKeyId: null, passwordIv: null, passwordCiphertext: null, passwordTag: null, erasedAt: new Date() })
    .where(and(eq(credentials.orderId, orderId), isNull(credentials.erasedAt)))
    .returning({ orderId: credentials.orderId });
  if (erased.length) await addEvent(tx, { orderId }, 'password_erased', { why });
}

const failureReasons: Record<string, string> = {
  '21211': 'invalid',
  '21614': 'landline',
  '30006': 'landline',
  '21610': 'unsubscribed',
  '30004': 'unsubscribed',
  '30005': 'unknownHandset',
};

/** The partner is asked for a corrected number; the password is erased (support sets a new one). */
async function returnToPartner(tx: DbOrTx, jobSql: SqlExecutor, delivery: { orderId: string; toPhone: string }, errorCode: string | null) {
  const t = getTranslator();
  const reason = t(`sms.failure.${(errorCode && failureReasons[errorCode]) || 'other'}` as 'sms.failure.other');
  const question = t('sms.failure.question', { phone: delivery.toPhone, reason });
  const order = await transition(tx, null, delivery.orderId, { from: supportTransitions.ask.from, to: () => 'needs_info', kind: 'question_asked', data: { question } });
  await erasePassword(tx, delivery.orderId, 'failed');
  await refreshDueAt(tx, order);
  await enqueueJob('orderEmail', { orderId: delivery.orderId, kind: 'question' }, jobSql);
}

/** Creating the message failed for good (an invalid or landline number): back to the partner. */
export async function unsafeRecordPermanentFailure(deliveryId: string, errorCode: string | null) {
  await inTransaction(async (tx, jobSql) => {
    const [delivery] = await tx.select().from(smsDeliveries).where(eq(smsDeliveries.id, deliveryId)).for('update');
    if (!delivery || isFinalSmsStatus(delivery.status)) return;
    await tx.update(smsDeliveries).set({ status: 'failed', errorCode }).where(eq(smsDeliveries.id, deliveryId));
    await addEvent(tx, delivery, 'sms_status', { attempt: delivery.attempt, status: 'failed', errorCode });
    await returnToPartner(tx, jobSql, delivery, errorCode);
  });
}

export type StatusOutcome = { changed: false } | { changed: true; status: SmsStatus; redactSid?: string };

/**
 * Applies a status from Twilio (callback or reconciliation). Only forward moves count.
 * delivered: erase the password, complete the order, email the recipient the username.
 * A permanent failure returns the order to the partner; a transient one queues a new attempt.
 */
export async function unsafeApplyDeliveryStatus(deliveryId: string, status: SmsStatus, errorCode: string | null): Promise<StatusOutcome> {
  return inTransaction(async (tx, jobSql) => {
    const [delivery] = await tx.select().from(smsDeliveries).where(eq(smsDeliveries.id, deliveryId)).for('update');
    if (!delivery || !movesForward(delivery.status, status)) return { changed: false };
    await tx.update(smsDeliveries).set({ status, errorCode }).where(eq(smsDeliveries.id, deliveryId));
    await addEvent(tx, delivery, 'sms_status', { attempt: delivery.attempt, status, ...(errorCode ? { errorCode } : {}) });

    if (status === 'delivered') {
      await erasePassword(tx, delivery.orderId, 'delivered');
      const [order] = await tx.select({ state: orders.state }).from(orders).where(eq(orders.id, delivery.orderId));
      if (order && (deliveryTransitions.delivered.from as readonly string[]).includes(order.state)) {
        await transition(tx, null, delivery.orderId, {
          from: deliveryTransitions.delivered.from,
          to: () => deliveryTransitions.delivered.to,
          kind: 'completed',
          fields: { completedAt: new Date() },
        });
        await enqueueJob('orderEmail', { orderId: delivery.orderId, kind: 'credentials' }, jobSql);
        await enqueueJob('orderEmail', { orderId: delivery.orderId, kind: 'completed' }, jobSql);
      }
      return { changed: true, status, ...(delivery.twilioSid ? { redactSid: delivery.twilioSid } : {}) };
    }

    if (status === 'undelivered' || status === 'failed') {
      if (classifyDeliveryFailure(errorCode) === 'permanent' || delivery.attempt >= MAX_SMS_ATTEMPTS) {
        await returnToPartner(tx, jobSql, delivery, errorCode);
      } else {
        const [next] = await tx
          .insert(smsDeliveries)
          .values({ orderId: delivery.orderId, attempt: delivery.attempt + 1, toPhone: delivery.toPhone, reference: delivery.reference })
          .returning({ id: smsDeliveries.id });
        // Back off: a minute, then two, then four.
        const startAfter = 60 * 2 ** (delivery.attempt - 1);
        await enqueueJob('credentialsSms', { deliveryId: next!.id }, jobSql, { startAfterSeconds: startAfter });
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
        lt(smsDeliveries.updatedAt, sql`now() - make_interval(secs => ${olderThanSeconds})`),
      ),
    )
    .limit(500);
}

/** Passwords kept past the retention limit (an SMS never confirmed) are erased anyway. */
export async function unsafeEraseExpiredPasswords(retentionHours: number) {
  const expired = await db
    .select({ orderId: credentials.orderId })
    .from(credentials)
    .where(and(isNull(credentials.erasedAt), lt(credentials.createdAt, sql`now() - make_interval(hours => ${retentionHours})`)));
  for (const { orderId } of expired) await inTransaction((tx) => erasePassword(tx, orderId, 'expired'));
  return expired.length;
}

/**
 * Reserves the next send slot under the messages-per-second limit. The slot lives in one
 * PostgreSQL row, so the limit holds across every worker process.
 */
export async function reserveSendSlot(ratePerSecond: number): Promise<Date> {
  const interval = sql`make_interval(secs => ${1 / ratePerSecond})`;
  const result = await db.execute<{ slot: Date }>(sql`
    INSERT INTO sms_throttle (id, next_slot_at) VALUES (1, now() + ${interval})
    ON CONFLICT (id) DO UPDATE SET next_slot_at = greatest(sms_throttle.next_slot_at, now()) + ${interval}
    RETURNING next_slot_at - ${interval} AS slot`);
  return new Date(result.rows[0]!.slot);
}
