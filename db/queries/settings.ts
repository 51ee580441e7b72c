import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { db, type DbOrTx } from '@/db';
import { settings } from '@/db/schema';
import { defaultDeadlineSetting, type DeadlineSetting } from '@/lib/orders/deadline';

const DEADLINE_KEY = 'fulfilment_deadline';
const deadlineSettingSchema = z.object({ mode: z.literal('calendar_days'), days: z.number().int().min(1).max(60) });

/** The fulfilment deadline in force; the seed's one week until a support admin changes it. */
export async function getDeadlineSetting(tx: DbOrTx = db): Promise<DeadlineSetting> {
  const [row] = await tx.select({ value: settings.value }).from(settings).where(eq(settings.key, DEADLINE_KEY));
  const parsed = deadlineSettingSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : defaultDeadlineSetting;
}
