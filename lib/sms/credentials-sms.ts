import 'server-only';
import {
  reserveSendSlots,
  unsafeApplyDeliveryStatus,
  unsafeClaimForSending,
  unsafeEraseExpiredPasswords,
  unsafeGetDeliveries,
  unsafeListGivenUpSubmissions,
  unsafeListStuckDeliveries,
  unsafeMarkPendingAgain,
  unsafeRecordAccepted,
  unsafeRecordNeverSent,
  unsafeRecordPermanentFailure,
  type AcceptedMessage,
} from '@/db/queries/deliveries';
import { open, type Sealed } from '@/lib/credentials/encryption';
import { getEnv, usesOutbox } from '@/lib/env';
import { logError } from '@/lib/log';
import { credentialsSmsText, outboxSid, outboxSmsKey } from './credentials-text';
import {
  CALLBACK_OVERDUE_SECONDS,
  SUBMITTING_GIVEN_UP_AFTER_SECONDS,
  classifyApiFailure,
  isFinalSmsStatus,
  smsStatuses,
  type DeliveryFlag,
  type SmsStatus,
} from './delivery-rules';
import { sendSms } from './send';
import { getTwilioClient } from './twilio-client';

const asStatus = (value: string): SmsStatus => ((smsStatuses as readonly string[]).includes(value) ? (value as SmsStatus) : 'queued');

export const statusCallbackUrl = (deliveryId: string) => `${getEnv().NEXTAUTH_URL}/api/webhooks/twilio/status/${deliveryId}`;

/** Flags are codes, shown in the reader's language (support.deliveryFlags). */
const RECOVERED: DeliveryFlag = 'recovered';

type Delivery = Awaited<ReturnType<typeof unsafeGetDeliveries>>[number];

/** The credentials-sms job for one delivery: see {@link sendCredentialsSmsBatch}. */
export async function sendCredentialsSms(deliveryId: string) {
  const [outcome] = await sendCredentialsSmsBatch([deliveryId]);
  if (outcome?.status === 'rejected') throw outcome.reason;
}

/**
 * The credentials-sms job for a batch of deliveries: texts each order's initial password,
 * exactly once. Returns each delivery's outcome, in the order given; a rejected one fails (and
 * retries) its own job only.
 *
 * Note: creating a message at Twilio is not idempotent. The deliveries are marked `submitting`
 * (committed) before the calls; a run that finds one still `submitting` first asks Twilio for a
 * message carrying its reference, and records that one instead of sending again. The database
 * work is done for the whole batch at once (one read, one claim, one transaction recording what
 * Twilio took): a few statements per batch instead of a dozen per message.
 */
export async function sendCredentialsSmsBatch(deliveryIds: string[]): Promise<PromiseSettledResult<void>[]> {
  const failures = new Map<string, unknown>();
  const accepted: AcceptedMessage[] = [];
  const deliveries = await unsafeGetDeliveries(deliveryIds);

  const needsSending = await forEachDelivery(deliveries, failures, (row) => prepare(row, accepted));
  const toSend = deliveries.filter((_, index) => needsSending[index]);
  const claimed = await unsafeClaimForSending(toSend.map(({ delivery }) => delivery));
  for (const { delivery } of toSend) {
    // Another run of the job has it in hand; a retry finds out how that went.
    if (!claimed.has(delivery.id)) failures.set(delivery.id, new Error(`delivery ${delivery.id} was claimed by another run`));
  }
  const sending = toSend.filter(({ delivery }) => claimed.has(delivery.id));
  const slots = await sendSlots(sending.length);
  const created = await forEachDelivery(sending, failures, async (row, index) => {
    await sleepUntil(slots[index]);
    return createMessage(row);
  });
  for (const message of created) if (message) accepted.push(message);

  try {
    await unsafeRecordAccepted(accepted);
  } catch (error) {
    // Their jobs run again, find the messages at Twilio and record them then.
    for (const message of accepted) failures.set(message.deliveryId, error);
  }
  return deliveryIds.map((id) => (failures.has(id) ? { status: 'rejected', reason: failures.get(id) } : { status: 'fulfilled', value: undefined }));
}

/**
 * Runs `step` for each delivery side by side. Returns each one's result, in order; a failure is
 * noted against its delivery (and its result left undefined).
 */
async function forEachDelivery<T>(deliveries: Delivery[], failures: Map<string, unknown>, step: (row: Delivery, index: number) => Promise<T>) {
  const outcomes = await Promise.allSettled(deliveries.map(step));
  return outcomes.map((outcome, index) => {
    if (outcome.status === 'fulfilled') return outcome.value;
    failures.set(deliveries[index]!.delivery.id, outcome.reason);
    return undefined;
  });
}

/**
 * Everything short of sending: true when the delivery still needs its message. Adds what a
 * crashed or ambiguous run had Twilio take already to `accepted`.
 */
async function prepare(row: Delivery, accepted: AcceptedMessage[]) {
  const { delivery } = row;
  if (delivery.twilioSid || isFinalSmsStatus(delivery.status)) return false;
  if (!sealedPassword(row)) {
    // Erased (retention passed, or the order went back to the partner): nothing left to send.
    await unsafeApplyDeliveryStatus(delivery.id, 'cancelled', null);
    return false;
  }
  if (usesOutbox().sms) {
    // Delivered at once: that erases the password and redacts this copy (see erasePassword).
    await sendSms({ to: delivery.toPhone, body: smsText(row), idempotencyKey: outboxSmsKey(delivery.id) });
    await unsafeRecordAccepted([{ deliveryId: delivery.id, sid: outboxSid(delivery.id), status: 'sent' }]);
    await unsafeApplyDeliveryStatus(delivery.id, 'delivered', null);
    return false;
  }
  if (delivery.status === 'submitting') {
    const ours = await findOwnMessage(delivery);
    if (ours) {
      accepted.push(ours);
      return false;
    }
  }
  return true;
}

/** How far before its claim a message is looked for at Twilio: the two clocks differ a little. */
const CLOCK_SKEW_MS = 60_000;
/** Messages to one number around one claim: a handful at most. */
const LOOKUP_LIMIT = 50;

/**
 * The message Twilio took for a delivery left `submitting` (a crash, an ambiguous failure), found
 * by the reference in its text; null when Twilio has none.
 */
async function findOwnMessage(delivery: { id: string; toPhone: string; reference: string; submittedAt: Date | null }): Promise<AcceptedMessage | null> {
  if (!delivery.submittedAt) return null;
  const since = new Date(delivery.submittedAt.getTime() - CLOCK_SKEW_MS);
  const sent = await getTwilioClient().messages.list({ to: delivery.toPhone, dateSentAfter: since, limit: LOOKUP_LIMIT });
  const ours = sent.find((message) => message.body?.includes(`Ref ${delivery.reference}`));
  return ours ? { deliveryId: delivery.id, sid: ours.sid, status: shortOfFinal(asStatus(ours.status)), flag: RECOVERED } : null;
}

/**
 * A recovered message's status, short of final: delivered or failed must go through
 * unsafeApplyDeliveryStatus (the callback, or reconciliation's next pass), which completes the
 * order or tries again; recorded as-is it would make that later status no move at all.
 */
const shortOfFinal = (status: SmsStatus): SmsStatus => (isFinalSmsStatus(status) ? 'sent' : status);

/** Send times under the messages-per-second limit, booked together; none without a limit. */
async function sendSlots(count: number): Promise<(Date | undefined)[]> {
  const { SMS_RATE_PER_SECOND } = getEnv();
  return SMS_RATE_PER_SECOND > 0 ? reserveSendSlots(SMS_RATE_PER_SECOND, count) : [];
}

async function sleepUntil(slot: Date | undefined) {
  const wait = slot ? slot.getTime() - Date.now() : 0;
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}

/**
 * One call to Twilio for a delivery already marked `submitting`. Returns what Twilio took, or
 * null after a permanent failure (recorded: the order goes back to the partner); throws to retry.
 */
async function createMessage(row: Delivery): Promise<AcceptedMessage | null> {
  const { delivery } = row;
  try {
    const created = await sendSms({
      to: delivery.toPhone,
      body: smsText(row),
      statusCallback: statusCallbackUrl(delivery.id),
      validityPeriodSeconds: getEnv().SMS_VALIDITY_SECONDS,
    });
    return { deliveryId: delivery.id, sid: created.sid, status: asStatus(created.status) };
  } catch (error) {
    const failure = error as { status?: number; code?: number };
    const kind = classifyApiFailure(failure);
    if (kind === 'permanent') {
      await unsafeRecordPermanentFailure(delivery.id, failure.code ? String(failure.code) : null);
      return null;
    }
    // 429: Twilio certainly took nothing. Ambiguous (5xx, timeout): stay `submitting` so the retry looks first.
    if (kind === 'transient') await unsafeMarkPendingAgain(delivery.id);
    // Note: never the error object itself in the log; some SDK errors echo request data.
    throw new Error(`Twilio ${kind} failure for delivery ${delivery.id}: HTTP ${failure.status ?? 'none'} code ${failure.code ?? 'none'}`);
  }
}

/** The delivery's sealed password; null once erased. */
function sealedPassword({ sealed }: Delivery): Sealed | null {
  if (!sealed?.passwordCiphertext || !sealed.passwordIv || !sealed.passwordTag || !sealed.passwordKeyId) return null;
  return { keyId: sealed.passwordKeyId, iv: sealed.passwordIv, ciphertext: sealed.passwordCiphertext, tag: sealed.passwordTag };
}

/** The message, with the password opened just before it is sent. */
function smsText(row: Delivery) {
  const password = open(sealedPassword(row)!, getEnv().CREDENTIALS_ENCRYPTION_KEYS, row.delivery.orderId);
  return credentialsSmsText(password, row.delivery.reference, row.recipientLocale);
}

/**
 * The reconcile-sms job: statuses of messages whose callbacks were lost, deliveries whose job
 * gave up while sending, and expired passwords. One delivery's failure is logged and the rest
 * still run; the job runs again in two minutes.
 */
export async function reconcileDeliveries() {
  const env = getEnv();
  await unsafeEraseExpiredPasswords(env.PASSWORD_RETENTION_HOURS);
  if (usesOutbox(env).sms) return;
  const client = getTwilioClient();
  await eachLogged(await unsafeListStuckDeliveries(CALLBACK_OVERDUE_SECONDS), async (stuck) => {
    const message = await client.messages(stuck.twilioSid!).fetch();
    // A delivered one queues its own redaction (see redaction.ts).
    await unsafeApplyDeliveryStatus(stuck.id, asStatus(message.status), message.errorCode ? String(message.errorCode) : null);
  });
  await eachLogged(await unsafeListGivenUpSubmissions(SUBMITTING_GIVEN_UP_AFTER_SECONDS), async (stuck) => {
    const ours = await findOwnMessage(stuck);
    // Twilio took it: recorded (and flagged) as the job's retry would have; its status comes next pass.
    if (ours) await unsafeRecordAccepted([ours]);
    // Never sent: a failure support sees on the order, never silence.
    else await unsafeRecordNeverSent(stuck, 'not_sent');
  });
}

async function eachLogged<T extends { id: string }>(deliveries: T[], step: (delivery: T) => Promise<void>) {
  for (const delivery of deliveries) {
    await step(delivery).catch((error: unknown) => logError(`reconciling delivery ${delivery.id} failed`, error));
  }
}
