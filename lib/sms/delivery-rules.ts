/** A password SMS's delivery, as Twilio reports it; the database's `sms_status` enum is made from this list. */
export const smsStatuses = ['pending', 'submitting', 'accepted', 'queued', 'sending', 'sent', 'delivered', 'undelivered', 'failed', 'cancelled'] as const;
export type SmsStatus = (typeof smsStatuses)[number];

/**
 * Twilio's statuses arrive out of order (a late `sent` after `delivered`); a delivery only
 * moves forward. Final statuses share the top rank, so none replaces another.
 */
const rank: Record<SmsStatus, number> = {
  pending: 0,
  submitting: 1,
  accepted: 2,
  queued: 3,
  sending: 4,
  sent: 5,
  delivered: 6,
  undelivered: 6,
  failed: 6,
  cancelled: 6,
};

export const isFinalSmsStatus = (status: SmsStatus) => rank[status] === 6;
export const movesForward = (current: SmsStatus, next: SmsStatus) => rank[next] > rank[current];

export type FailureKind = 'permanent' | 'transient' | 'ambiguous';

/**
 * Errors from creating a message. Permanent: the number itself (invalid, landline, unsubscribed):
 * retrying cannot help. 429: transient. 5xx and network failures: ambiguous, because Twilio may
 * have created the message before the answer was lost.
 * @see https://www.twilio.com/docs/api/errors
 */
const PERMANENT_API_CODES = new Set([21211, 21214, 21408, 21610, 21612, 21614]);

export function classifyApiFailure(error: { status?: number; code?: number }): FailureKind {
  if (error.code !== undefined && PERMANENT_API_CODES.has(error.code)) return 'permanent';
  if (error.status === 429) return 'transient';
  if (error.status !== undefined && error.status >= 400 && error.status < 500) return 'permanent';
  return 'ambiguous';
}

/**
 * ErrorCode of an undelivered or failed message. Unknown or inactive handset, landline,
 * unsubscribed: permanent. Unreachable handset, carrier errors, anything else: transient.
 */
const PERMANENT_DELIVERY_CODES = new Set(['21610', '30004', '30005', '30006']);

export const classifyDeliveryFailure = (errorCode: string | null | undefined): Exclude<FailureKind, 'ambiguous'> =>
  errorCode && PERMANENT_DELIVERY_CODES.has(errorCode) ? 'permanent' : 'transient';

/** How many times one password is sent before support must look at the number. */
export const MAX_SMS_ATTEMPTS = 4;

/** Seconds before the next attempt after a transient delivery failure: a minute, then two, then four. */
const FIRST_RETRY_SECONDS = 60;
export const retryDelaySeconds = (failedAttempt: number) => FIRST_RETRY_SECONDS * 2 ** (failedAttempt - 1);

/** Why a number cannot take the SMS, by Twilio ErrorCode: keys of the `sms.failure` catalogue. */
const FAILURE_REASONS: Record<string, 'invalid' | 'landline' | 'unsubscribed' | 'unknownHandset'> = {
  '21211': 'invalid',
  '21614': 'landline',
  '30006': 'landline',
  '21610': 'unsubscribed',
  '30004': 'unsubscribed',
  '30005': 'unknownHandset',
};
export const failureReason = (errorCode: string | null) => (errorCode && FAILURE_REASONS[errorCode]) || 'other';

/**
 * A delivery still `submitting` this long after its last claim was given up on by its job: each
 * retry of the credentials-sms job claims it again, at most about 21 minutes after the one before
 * (its longest backoff). Reconciliation then asks Twilio for it and records it, or fails it where
 * support sees why.
 */
export const SUBMITTING_GIVEN_UP_AFTER_SECONDS = 60 * 60;

/** A delivery Twilio took whose final status has not come for this long: its callback may be lost. */
export const CALLBACK_OVERDUE_SECONDS = 120;

/** What a delivery's flag (and a never-sent attempt's timeline reason) records: shown as `support.deliveryFlags`. */
export const deliveryFlags = ['recovered', 'not_sent'] as const;
export type DeliveryFlag = (typeof deliveryFlags)[number];
export const isDeliveryFlag = (value: unknown): value is DeliveryFlag => deliveryFlags.includes(value as DeliveryFlag);
