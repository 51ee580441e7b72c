import { lt, sql } from 'drizzle-orm';
import { db } from '@/db';
import { inTransaction } from '@/db/transaction';
import { rateLimitBuckets } from '@/db/schema';

/**
 * Counts one hit against `key` in the current fixed window and returns the count so far.
 * The counter lives in PostgreSQL so that every app instance shares it.
 *
 * Note: committed without waiting for the WAL flush (synchronous_commit off). Every request of
 * an API key updates the same row, so each would otherwise hold the next one up for a disk
 * flush; a crash may forget the last few hits of a window, which a rate limit can afford.
 */
export async function hitRateLimitBucket(key: string, windowSeconds: number) {
  const windowStart = sql`to_timestamp(floor(extract(epoch from now()) / ${windowSeconds}) * ${windowSeconds})`;
  return inTransaction(async (tx) => {
    await tx.execute(sql`set local synchronous_commit = off`);
    const [row] = await tx
      .insert(rateLimitBuckets)
      .values({ key, windowStart, count: 1 })
      .onConflictDoUpdate({
        target: [rateLimitBuckets.key, rateLimitBuckets.windowStart],
        set: { count: sql`${rateLimitBuckets.count} + 1` },
      })
      .returning({ count: rateLimitBuckets.count });
    return row?.count ?? 1;
  });
}

/** Deletes the buckets whose window started before `cutoff`; returns how many went. */
export async function deleteRateLimitBucketsBefore(cutoff: Date) {
  const deleted = await db.delete(rateLimitBuckets).where(lt(rateLimitBuckets.windowStart, cutoff)).returning({ key: rateLimitBuckets.key });
  return deleted.length;
}
