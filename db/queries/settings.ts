import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { db, type DbOrTx } from '@/db';
import { recordAudit } from '@/db/queries/audit';
import { settings } from '@/db/schema';
import { inTransaction } from '@/db/transaction';
import { enqueueJob } from '@/lib/jobs/boss';
import { defaultDeadlineSetting, type DeadlineSetting } from '@/lib/orders/deadline';

const DEADLINE_KEY = 'fulfilment_deadline';
const deadlineDays = z.number().int().min(1).max(60);
const deadlineSettingSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('calendar_days'), days: deadlineDays }),
  z.object({ mode: z.literal('business_days'), days: deadlineDays }),
]) satisfies z.ZodType<DeadlineSetting>;

/** The fulfilment deadline in force; the seed's one week until a support admin changes it. */
export async function getDeadlineSetting(tx: DbOrTx = db): Promise<DeadlineSetting> {
  const [row] = await tx.select({ value: settings.value }).from(settings).where(eq(settings.key, DEADLINE_KEY));
  return readDeadlineSetting(row?.value);
}

/**
 * The stored setting as a subquery, for a statement that reads it along with its rows (then
 * {@link parseDeadlineSetting}): one statement fewer where a page would read it on its own.
 */
export const deadlineSettingValue = () => sql<unknown>`(select ${settings.value} from ${settings} where ${settings.key} = ${DEADLINE_KEY})`;

export function parseDeadlineSetting(value: unknown): DeadlineSetting {
  const parsed = deadlineSettingSchema.safeParse(value);
  return parsed.success ? parsed.data : defaultDeadlineSetting;
}

/**
 * The setting as this process last read it: order placement dates new orders by it and reads
 * the stored one in the same statement ({@link deadlineSettingValue}), correcting the dates when
 * another instance (or an admin here) changed it meanwhile. A guess, never the authority.
 */
let lastRead: DeadlineSetting = defaultDeadlineSetting;
export const lastReadDeadlineSetting = () => lastRead;

/** Parses a stored value read along with other rows and keeps it as {@link lastReadDeadlineSetting}. */
export function readDeadlineSetting(value: unknown): DeadlineSetting {
  lastRead = parseDeadlineSetting(value);
  return lastRead;
}

export const sameDeadlineSetting = (a: DeadlineSetting, b: DeadlineSetting) => a.mode === b.mode && a.days === b.days;

/**
 * Replaces the deadline setting. Parsed here as well as in the caller's form so that nothing can
 * store a value {@link getDeadlineSetting} would silently ignore.
 */
export async function setDeadlineSetting(actorUserId: string | null, setting: DeadlineSetting): Promise<DeadlineSetting> {
  const value = deadlineSettingSchema.parse(setting);
  // The new rule applies to open orders too: their due dates are computed again by a job.
  await inTransaction(async (tx, jobSql) => {
    await tx
      .insert(settings)
      .values({ key: DEADLINE_KEY, value })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date() } });
    await recordAudit(tx, actorUserId, { action: 'settings.deadline_changed', data: value });
    await enqueueJob('recomputeDeadlines', {}, jobSql);
  });
  return value;
}
