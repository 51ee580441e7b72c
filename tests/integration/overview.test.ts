import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { getOverview } from '@/db/queries/overview';
import type { NewOrder } from '@/db/schema';
import { factories } from '@/tests/support/factories';

const { createPerson, createOrder } = factories(db);
const HOUR = 3600_000;
const DAY = 24 * HOUR;
const utc = (iso: string) => new Date(`${iso}Z`);

// Wednesday 19 November 2025, 12:00 in Helsinki (EET, UTC+2).
const now = utc('2025-11-19T10:00:00');
// Six weeks back reaches over the end of summer time (26 October), so the first two weeks
// start at 21:00 UTC and the rest at 22:00 UTC.
const weeks = 6;

// Runs first, on the file's empty database.
describe('the support overview before any order', () => {
  it('has no share or median, and zeros everywhere else', async () => {
    expect(await getOverview({ weeks: 2, now })).toEqual({
      completed: 0,
      completedInTime: 0,
      shareInTime: null,
      medianHoursToFulfil: null,
      openNow: 0,
      atRiskNow: 0,
      overdueNow: 0,
      perWeek: [
        { weekStart: utc('2025-11-09T22:00:00'), submitted: 0, completed: 0, completedInTime: 0 },
        { weekStart: utc('2025-11-16T22:00:00'), submitted: 0, completed: 0, completedInTime: 0 },
      ],
    });
  });
});

describe('the support overview', () => {
  beforeAll(async () => {
    const { organisation, user } = await createPerson('partner_admin', 'ecr_integrator');
    const order = (input: Omit<Partial<NewOrder>, 'createdByUserId'> & { submittedAt: Date }) =>
      createOrder({ organisationId: organisation.id, createdByUserId: user.id, ...input });
    const completed = (submittedAt: Date, hours: number, dueAt?: Date) =>
      order({ submittedAt, state: 'completed', completedAt: new Date(submittedAt.getTime() + hours * HOUR), ...(dueAt ? { dueAt } : {}) });

    // Completed: 24 h, 48 h, 72 h, 100 h and 323.5 h to fulfil, so the median is exactly 72 h.
    await completed(utc('2025-11-10T08:00:00'), 72); // week of 10 Nov, in time
    await completed(utc('2025-10-14T10:00:00'), 24); // week of 13 Oct, in time
    // Completed at the very moment it fell due: that is in time.
    await completed(utc('2025-10-28T10:00:00'), 48, utc('2025-10-30T10:00:00')); // week of 27 Oct
    // Submitted 3 Nov, completed Sunday 16 Nov 23:30 Helsinki: late, in the week of 10 Nov.
    await completed(utc('2025-11-03T10:00:00'), 323.5);
    await completed(utc('2025-09-01T10:00:00'), 100); // before the charted weeks, in time

    // Open. Sunday 16 Nov 23:30 Helsinki is still the week of 10 Nov; 00:30 is the next one.
    await order({ submittedAt: utc('2025-11-16T21:30:00') }); // on track
    await order({ submittedAt: utc('2025-11-16T22:30:00'), state: 'in_progress' }); // on track
    await order({ submittedAt: utc('2025-11-13T00:00:00'), state: 'in_progress' }); // 14 h left of a 42 h window: at risk
    await order({ submittedAt: utc('2025-11-04T10:00:00') }); // overdue
    // Waiting on the partner: the clock is paused, so neither overdue nor at risk.
    await order({ submittedAt: utc('2025-11-05T10:00:00'), state: 'needs_info' });
    await order({ submittedAt: utc('2025-11-12T12:00:00'), state: 'needs_info', dueAt: utc('2025-11-19T20:00:00') });

    // Finished without an account: neither open nor completed.
    await order({ submittedAt: utc('2025-11-13T02:00:00'), state: 'rejected' }); // would be at risk
    await order({ submittedAt: utc('2025-11-05T12:00:00'), state: 'cancelled' }); // would be overdue
  });

  it('measures the promise over completed orders', async () => {
    const overview = await getOverview({ weeks, now });
    expect(overview.completed).toBe(5);
    expect(overview.completedInTime).toBe(4);
    expect(overview.shareInTime).toBe(0.8);
    expect(overview.medianHoursToFulfil).toBe(72);
  });

  it('counts open, at-risk and overdue orders now, leaving out paused and finished ones', async () => {
    const overview = await getOverview({ weeks, now });
    expect(overview.openNow).toBe(6);
    expect(overview.atRiskNow).toBe(1);
    expect(overview.overdueNow).toBe(1);
  });

  it('answers as of the moment asked: a day later the at-risk order is overdue', async () => {
    const overview = await getOverview({ weeks, now: new Date(now.getTime() + DAY) });
    expect(overview.overdueNow).toBe(2);
    // The two on-track orders are due 23 Nov: more than 42 hours away on 20 Nov, less on 22 Nov.
    expect(overview.atRiskNow).toBe(0);
    const later = await getOverview({ weeks, now: utc('2025-11-22T10:00:00') });
    expect(later.atRiskNow).toBe(2);
  });

  it('buckets per Helsinki week, oldest first, with empty weeks as zeros', async () => {
    const overview = await getOverview({ weeks, now });
    expect(overview.perWeek).toEqual([
      { weekStart: utc('2025-10-12T21:00:00'), submitted: 1, completed: 1, completedInTime: 1 },
      { weekStart: utc('2025-10-19T21:00:00'), submitted: 0, completed: 0, completedInTime: 0 },
      { weekStart: utc('2025-10-26T22:00:00'), submitted: 1, completed: 1, completedInTime: 1 },
      { weekStart: utc('2025-11-02T22:00:00'), submitted: 4, completed: 0, completedInTime: 0 },
      { weekStart: utc('2025-11-09T22:00:00'), submitted: 5, completed: 2, completedInTime: 1 },
      { weekStart: utc('2025-11-16T22:00:00'), submitted: 1, completed: 0, completedInTime: 0 },
    ]);
  });

  it('charts twelve weeks by default, ending with the current one', async () => {
    const { perWeek } = await getOverview({ now });
    expect(perWeek).toHaveLength(12);
    expect(perWeek.at(-1)?.weekStart).toEqual(utc('2025-11-16T22:00:00'));
    expect(perWeek[0]?.weekStart).toEqual(utc('2025-08-31T21:00:00'));
    // 1 Sep is in the first charted week.
    expect(perWeek[0]).toMatchObject({ submitted: 1, completed: 1, completedInTime: 1 });
  });
});
