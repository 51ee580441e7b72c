import 'server-only';
import {
  reserveSendSlot,
  unsafeApplyDeliveryStatus,
  unsafeEraseExpiredPasswords,
  unsafeGetDelivery,
  unsafeListStuckDeliveries,
  unsafeMarkPendingAgain,
  unsafeMarkSubmitting,
  unsafeRecordAccepted,
  unsafeRecordPermanentFailure,
} from '@/db/queries/deliveries';
import { insertOutboxMessage } from '@/db/queries/outbox';
import { smsStatuses, type SmsStatus } from '@/db/schema';
import { open } from '@/lib/credentials/encryption';
import { getEnv, usesOutbox } from '@/lib/env';
import { getTranslator } from '@/lib/i18n/translator';
import { classifyApiFailure, isFinalSmsStatus } from './delivery-rules';
import { getTwilioClient } from './twilio-client';

const asStatus = (value: string): SmsStatus => ((smsStatuses as readonly string[]).includes(value) ? (value as SmsStatus) : 'queued');

export const statusCallbackUrl = (deliveryId: string) => `${getEnv().NEXTAUTH_URL}/api/webhooks/twilio/status/${deliveryId}`;

/**
 * The credentials-sms job: texts one order's initial password, exactly once.
 *
 * Note: creating a message at Twilio is not idempotent. The delivery is marked `submitting`
 * (committed) before the call; a run that finds it still `submitting` first asks Twilio for
 * a message carrying this delivery's reference, and records that one instead of sending again.
 */
export async function sendCredentialsSms(deliveryId: string) {
  const row = await unsafeGetDelivery(deliveryId);
  if (!row || row.delivery.twilioSid || isFinalSmsStatus(row.delivery.status)) return;
  const { delivery, sealed } = row;
  const env = getEnv();

  if (!sealed?.passwordCiphertext || !sealed.passwordIv || !sealed.passwordTag || !sealed.passwordKeyId) {
    // Erased (retention passed, or the order went back to the partner): nothing left to send.
    await unsafeApplyDeliveryStatus(deliveryId, 'cancelled', null);
    return;
  }

  if (usesOutbox(env).sms) {
    const password = open({ keyId: sealed.passwordKeyId, iv: sealed.passwordIv, ciphertext: sealed.passwordCiphertext, tag: sealed.passwordTag }, env.CREDENTIALS_ENCRYPTION_KEYS, delivery.orderId);
    await insertOutboxMessage({ channel: 'sms', recipient: delivery.toPhone, bodyText: smsText(password, delivery.reference), idempotencyKey: `sms/${deliveryId}` });
    await unsafeRecordAccepted(deliveryId, { sid: `outbox-${deliveryId}`, status: 'sent' });
    await unsafeApplyDeliveryStatus(deliveryId, 'delivered', null);
    return;
  }

  const client = getTwilioClient();
  if (delivery.status === 'submitting' && delivery.submittedAt) {
    const since = new Date(delivery.submittedAt.getTime() - 60_000);
    const sent = await client.messages.list({ to: delivery.toPhone, dateSentAfter: since, limit: 50 });
    const ours = sent.find((message) => message.body?.includes(`Ref ${delivery.reference}`));
    if (ours) {
      await unsafeRecordAccepted(deliveryId, { sid: ours.sid, status: asStatus(ours.status) }, 'recovered: Twilio had accepted this message before the portal recorded it');
      return;
    }
  }

  if (env.SMS_RATE_PER_SECOND > 0) {
    const slot = await reserveSendSlot(env.SMS_RATE_PER_SECOND);
    const wait = slot.getTime() - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }

  await unsafeMarkSubmitting(deliveryId);
  const password = open({ keyId: sealed.passwordKeyId, iv: sealed.passwordIv, ciphertext: sealed.passwordCiphertext, tag: sealed.passwordTag }, env.CREDENTIALS_ENCRYPTION_KEYS, delivery.orderId);
  let created;
  try {
    created = await client.messages.create({
      to: delivery.toPhone,
      body: smsText(password, delivery.reference),
      ...(env.TWILIO_MESSAGING_SERVICE_SID ? { messagingServiceSid: env.TWILIO_MESSAGING_SERVICE_SID } : { from: env.TWILIO_FROM_NUMBER }),
      statusCallback: statusCallbackUrl(deliveryId),
      validityPeriod: env.SMS_VALIDITY_SECONDS,
    });
  } catch (error) {
    const failure = error as { status?: number; code?: number };
    const kind = classifyApiFailure(failure);
    if (kind === 'permanent') {
      await unsafeRecordPermanentFailure(deliveryId, failure.code ? String(failure.code) : null);
      return;
    }
    // 429: Twilio certainly took nothing. Ambiguous (5xx, timeout): stay `submitting` so the retry looks first.
    if (kind === 'transient') await unsafeMarkPendingAgain(deliveryId);
    // Note: never the error object itself in the log; some SDK errors echo request data.
    throw new Error(`Twilio ${kind} failure for delivery ${deliveryId}: HTTP ${failure.status ?? 'none'} code ${failure.code ?? 'none'}`);
  }
  await unsafeRecordAccepted(deliveryId, { sid: created.sid, status: asStatus(created.status) });
}

function smsText(password: string, reference: string) {
  return getTranslator()('sms.credentials', { password, reference });
}

/** After delivery, the message text (with the password) is removed from Twilio's logs too. */
export async function redactAtTwilio(sid: string) {
  if (usesOutbox().sms || sid.startsWith('outbox-')) return;
  await getTwilioClient().messages(sid).update({ body: '' });
}

/** The reconcile-sms job: statuses of messages whose callbacks were lost, and expired passwords. */
export async function reconcileDeliveries() {
  const env = getEnv();
  await unsafeEraseExpiredPasswords(env.PASSWORD_RETENTION_HOURS);
  if (usesOutbox(env).sms) return;
  const client = getTwilioClient();
  for (const stuck of await unsafeListStuckDeliveries(120)) {
    const message = await client.messages(stuck.twilioSid!).fetch();
    const outcome = await unsafeApplyDeliveryStatus(stuck.id, asStatus(message.status), message.errorCode ? String(message.errorCode) : null);
    if (outcome.changed && outcome.redactSid) await redactAtTwilio(outcome.redactSid);
  }
}
