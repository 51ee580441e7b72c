import 'server-only';
import { deleteOutboxMessagesBefore } from '@/db/queries/outbox';
import { deleteRateLimitBucketsBefore } from '@/db/queries/rate-limits';
import { deleteWebhookEventsBefore } from '@/db/queries/webhooks';
import { LONGEST_RATE_LIMIT_WINDOW_SECONDS } from '@/lib/rate-limit';

/** Outbox copies of email and SMS are for looking back at recent sends, not an archive. */
export const OUTBOX_RETENTION_DAYS = 7;
/**
 * Webhook events and their delivery logs: long past their last retry (about a day and a half),
 * kept a month so partners can look back and send again.
 */
export const WEBHOOK_EVENT_RETENTION_DAYS = 30;

/**
 * Deletes what no one needs any more: rate-limit buckets whose window ended (no rule counts
 * further back than the longest window), outbox messages older than OUTBOX_RETENTION_DAYS, and
 * webhook events (with their delivery logs) older than WEBHOOK_EVENT_RETENTION_DAYS.
 * Run by the hourly `prune-housekeeping` job; running it twice deletes nothing more.
 */
export async function pruneExpiredRows(now = new Date()) {
  const buckets = await deleteRateLimitBucketsBefore(new Date(now.getTime() - LONGEST_RATE_LIMIT_WINDOW_SECONDS * 1000));
  const outboxMessages = await deleteOutboxMessagesBefore(new Date(now.getTime() - OUTBOX_RETENTION_DAYS * 24 * 3600 * 1000));
  const webhookEvents = await deleteWebhookEventsBefore(new Date(now.getTime() - WEBHOOK_EVENT_RETENTION_DAYS * 24 * 3600 * 1000));
  return { buckets, outboxMessages, webhookEvents };
}
