import { z } from 'zod';
import { WEBHOOK_RETRY } from '@/lib/webhooks/events';

/**
 * Every background job: a queue name, its payload schema and its retry policy. Handlers live
 * in lib/jobs/handlers.ts and are idempotent, because a queue delivers at least once.
 */
export const orderEmailKinds = ['received', 'question', 'rejected', 'completed', 'credentials'] as const;
export type OrderEmailKind = (typeof orderEmailKinds)[number];

export const jobDefinitions = {
  orderEmail: {
    name: 'order-email',
    payload: z.object({ orderId: z.uuid(), kind: z.enum(orderEmailKinds) }),
    options: { retryLimit: 10, retryDelay: 30, retryBackoff: true },
  },
  /** Texts an order's initial password: one sms_deliveries row per attempt. */
  credentialsSms: {
    name: 'credentials-sms',
    payload: z.object({ deliveryId: z.uuid() }),
    // Transient failures (429, 5xx, timeouts) retry with backoff; permanent ones end the job.
    // A job whose worker died is handed out again after 30 s (a send takes a second or two).
    options: { retryLimit: 8, retryDelay: 5, retryBackoff: true, expireInSeconds: 30 },
  },
  /**
   * Clears a delivered password SMS's body at Twilio. Refusals and outages retry with backoff
   * (from 30 s, doubling, 5 times: at most about half an hour in all), inside
   * REDACTION_SWEEP_AFTER_SECONDS, so the sweep does not queue a second job while one retries.
   */
  redactSms: {
    name: 'redact-sms',
    payload: z.object({ deliveryId: z.uuid() }),
    options: { retryLimit: 5, retryDelay: 30, retryBackoff: true },
  },
  /** Every hour: queues redaction for delivered messages that are still not redacted. */
  sweepRedactions: {
    name: 'sweep-redactions',
    payload: z.object({}),
    options: { retryLimit: 0 },
  },
  /** Emails a partner applicant, in their language: the confirmation of what they sent, or the decline. */
  applicationEmail: {
    name: 'application-email',
    payload: z.object({ applicationId: z.uuid(), kind: z.enum(['received', 'declined']) }),
    options: { retryLimit: 10, retryDelay: 30, retryBackoff: true },
  },
  /** Every morning: support's list of at-risk and overdue orders (and, to support admins, partner applications waiting too long), by email. */
  supportDigest: {
    name: 'support-digest',
    payload: z.object({}),
    options: { retryLimit: 3, retryDelay: 300 },
  },
  /** After the deadline setting changes: every open order's due date, computed again from its events. */
  recomputeDeadlines: {
    name: 'recompute-deadlines',
    payload: z.object({}),
    options: { retryLimit: 3, retryDelay: 60 },
  },
  /**
   * Asks Twilio about messages whose status callbacks never came and deliveries left
   * `submitting`, and erases expired passwords.
   */
  reconcileSms: {
    name: 'reconcile-sms',
    payload: z.object({}),
    options: { retryLimit: 0 },
  },
  /**
   * POSTs one webhook event to one endpoint (lib/webhooks/deliver.ts); each attempt is logged.
   * pg-boss's own retries with exponential backoff (WEBHOOK_RETRY: 13 attempts over about a day).
   * An attempt takes at most 10 s, so a job whose worker died is handed out again after 60 s.
   */
  webhookDelivery: {
    name: 'webhook-delivery',
    payload: z.object({ eventId: z.uuid(), endpointId: z.uuid() }),
    options: { ...WEBHOOK_RETRY, expireInSeconds: 60 },
  },
  /** Emails an organisation's partner admins that an endpoint was disabled after failing for 3 days. */
  webhookDisabledEmail: {
    name: 'webhook-disabled-email',
    payload: z.object({ endpointId: z.uuid() }),
    options: { retryLimit: 10, retryDelay: 30, retryBackoff: true },
  },
  /**
   * Places a batch's rows as orders, chunk by chunk (db/queries/batches.ts); a long batch hands
   * its rest to a new job after 10 s, so a job whose worker died is handed out again after 30 s.
   */
  placeBatchOrders: {
    name: 'place-batch-orders',
    payload: z.object({ batchId: z.uuid() }),
    options: { retryLimit: 20, retryDelay: 5, retryBackoff: true, expireInSeconds: 30 },
  },
  /** The one email for a whole batch, to whoever submitted it, once its last row is an order. */
  batchEmail: {
    name: 'batch-email',
    payload: z.object({ batchId: z.uuid() }),
    options: { retryLimit: 10, retryDelay: 30, retryBackoff: true },
  },
  /** Every hour: deletes ended rate-limit buckets and old outbox messages (lib/housekeeping.ts). */
  pruneHousekeeping: { name: 'prune-housekeeping', payload: z.object({}), options: { retryLimit: 0 } },
} as const;

export type JobName = keyof typeof jobDefinitions;
export type JobPayload<N extends JobName> = z.infer<(typeof jobDefinitions)[N]['payload']>;
