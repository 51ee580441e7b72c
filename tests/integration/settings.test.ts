import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { getDeadlineSetting, setDeadlineSetting } from '@/db/queries/settings';
import { settings } from '@/db/schema';
import { defaultDeadlineSetting } from '@/lib/orders/deadline';

const KEY = 'fulfilment_deadline';
const storedRows = () => db.select().from(settings).where(eq(settings.key, KEY));

describe('the fulfilment deadline setting', () => {
  beforeEach(async () => {
    await db.delete(settings).where(eq(settings.key, KEY));
  });

  it('is seven calendar days while nothing is stored', async () => {
    expect(await getDeadlineSetting()).toEqual({ mode: 'calendar_days', days: 7 });
    expect(await getDeadlineSetting()).toEqual(defaultDeadlineSetting);
  });

  it('returns what was set, and replaces it on a second change', async () => {
    await setDeadlineSetting(null, { mode: 'business_days', days: 5 });
    expect(await getDeadlineSetting()).toEqual({ mode: 'business_days', days: 5 });

    await setDeadlineSetting(null, { mode: 'calendar_days', days: 10 });
    expect(await getDeadlineSetting()).toEqual({ mode: 'calendar_days', days: 10 });
    expect(await storedRows()).toHaveLength(1);
  });

  it.each([
    ['an unknown mode', { mode: 'working_hours', days: 5 }],
    ['no days', { mode: 'business_days' }],
    ['zero days', { mode: 'business_days', days: 0 }],
    ['more than 60 days', { mode: 'calendar_days', days: 61 }],
    ['fractional days', { mode: 'business_days', days: 2.5 }],
    ['days as text', { mode: 'calendar_days', days: '7' }],
    ['a bare number', 7],
    ['an empty object', {}],
    ['a string', 'one week'],
  ])('falls back to the default when the stored value has %s', async (_case, value) => {
    await db.insert(settings).values({ key: KEY, value });
    expect(await getDeadlineSetting()).toEqual(defaultDeadlineSetting);
  });

  it('refuses to store a value it would not read back', async () => {
    await expect(setDeadlineSetting(null, { mode: 'business_days', days: 61 })).rejects.toThrow();
    await expect(setDeadlineSetting(null, { mode: 'calendar_days', days: 0 })).rejects.toThrow();
    expect(await storedRows()).toHaveLength(0);
  });
});
