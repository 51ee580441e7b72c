import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { outboxMessages, rateLimitBuckets } from '@/db/schema';
import { OUTBOX_RETENTION_DAYS } from '@/lib/housekeeping';
import { jobHandlers } from '@/lib/jobs/handlers';
import { LONGEST_RATE_LIMIT_WINDOW_SECONDS } from '@/lib/rate-limit';

const ago = (seconds: number) => new Date(Date.now() - seconds * 1000);
const DAY = 24 * 3600;

describe('the housekeeping job', () => {
  it('deletes rate-limit buckets whose window ended and outbox messages past their retention, and keeps recent ones', async () => {
    const [ended, current] = [`test:${randomUUID()}`, `test:${randomUUID()}`];
    await db.insert(rateLimitBuckets).values([
      { key: ended, windowStart: ago(LONGEST_RATE_LIMIT_WINDOW_SECONDS + 60), count: 3 },
      { key: current, windowStart: ago(60), count: 1 },
    ]);
    const [old, recent] = await db
      .insert(outboxMessages)
      .values([
        { channel: 'email', recipient: 'old@example.com', bodyText: 'old', createdAt: ago(OUTBOX_RETENTION_DAYS * DAY + 60) },
        { channel: 'email', recipient: 'recent@example.com', bodyText: 'recent', createdAt: ago((OUTBOX_RETENTION_DAYS - 1) * DAY) },
      ])
      .returning({ id: outboxMessages.id });

    await jobHandlers.pruneHousekeeping({});
    await jobHandlers.pruneHousekeeping({}); // a second run finds nothing more to delete

    const buckets = await db.select({ key: rateLimitBuckets.key }).from(rateLimitBuckets).where(inArray(rateLimitBuckets.key, [ended, current]));
    expect(buckets.map((row) => row.key)).toEqual([current]);
    const messages = await db.select({ id: outboxMessages.id }).from(outboxMessages).where(inArray(outboxMessages.id, [old!.id, recent!.id]));
    expect(messages.map((row) => row.id)).toEqual([recent!.id]);
  });
});
