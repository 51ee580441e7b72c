import 'server-only';
import { unsafeGetRedactionTarget, unsafeListUnredactedDeliveries, unsafeMarkRedacted } from '@/db/queries/deliveries';
import { inTransaction } from '@/db/transaction';
import { enqueueJob } from '@/lib/jobs/boss';
import { isOutboxSid } from './credentials-text';
import { getTwilioClient } from './twilio-client';

/** The sweep looks at deliveries this long after delivery: past the redaction job's own retries. */
export const REDACTION_SWEEP_AFTER_SECONDS = 60 * 60;
/** At most this many redactions queued per sweep; the next sweep takes the rest. */
export const REDACTION_SWEEP_BATCH = 500;

/**
 * The redact-sms job: clears a delivered message's body (the password) at Twilio and records
 * `redacted_at`. Idempotent: a redacted delivery, or one not delivered, is left alone; one
 * without a sid has nothing to redact yet (the sweep finds it once a sid is recorded). A refusal
 * throws, so pg-boss retries with backoff.
 */
export async function redactDelivery(deliveryId: string) {
  const target = await unsafeGetRedactionTarget(deliveryId);
  if (!target || target.redactedAt || target.status !== 'delivered' || !target.twilioSid) return;
  // An outbox copy was rewritten with the delivery; nothing is at Twilio.
  if (!isOutboxSid(target.twilioSid)) await redactAtTwilio(deliveryId, target.twilioSid);
  await unsafeMarkRedacted(deliveryId);
}

/** After delivery, the message text (with the password) is removed from Twilio's logs too. */
async function redactAtTwilio(deliveryId: string, sid: string) {
  try {
    await getTwilioClient().messages(sid).update({ body: '' });
  } catch (error) {
    const failure = error as { status?: number; code?: number };
    // Deleted at Twilio: its body is gone already.
    if (failure.status === 404) return;
    // Note: never the error object itself in the log or the job's output; some SDK errors echo request data.
    throw new Error(`Twilio refused to redact delivery ${deliveryId}: HTTP ${failure.status ?? 'none'} code ${failure.code ?? 'none'}`);
  }
}

/** The sweep-redactions job: queues redaction for delivered messages still unredacted (a job lost, or out of retries). */
export async function sweepRedactions() {
  const unredacted = await unsafeListUnredactedDeliveries(REDACTION_SWEEP_AFTER_SECONDS, REDACTION_SWEEP_BATCH);
  await inTransaction(async (_tx, jobSql) => {
    for (const { id } of unredacted) await enqueueJob('redactSms', { deliveryId: id }, jobSql);
  });
  return unredacted.length;
}
