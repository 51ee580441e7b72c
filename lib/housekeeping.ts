import 'server-only';
import { deleteOutboxMessagesBefore } from '@/db/queries/outbox';
import { deleteRateLimitBucketsBefore } from '@/db/queries/rate-limits';
import { LONGEST_RATE_LIMIT_WINDOW_SECONDS } from '@/lib/rate-limit';

/** Outbox copies of email and SMS are for looking back at recent sends, not an archive. */
export const OUTBOX_RETENTION_DAYS = 7;

/**
 * Deletes what no one needs any more: rate-limit buckets whose window ended (no rule counts
 * further back than the longest window) and outbox messages older than OUTBOX_RETENTION_DAYS.
 * Run by the hourly `prune-housekeeping` job; running it twice deletes nothing more.
 */
export async function pruneExpiredRows(now = new Date()) {
  const buckets = await deleteRateLimitBucketsBefore(new Date(now.getTime() - LONGEST_RATE_LIMIT_WINDOW_SECONDS * 1000));
  const outboxMessages = await deleteOutboxMessagesBefore(new Date(now.getTime() - OUTBOX_RETENTION_DAYS * 24 * 3600 * 1000));
  return { buckets, outboxMessages };
}
