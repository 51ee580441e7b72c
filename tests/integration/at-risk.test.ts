import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { getOverview } from '@/db/queries/overview';
import { listOrdersNeedingAttention, listQueue } from '@/db/queries/support';
import { getActorByUserId, type Actor } from '@/db/queries/users';
import { orders } from '@/db/schema';
import { atRiskSql, isAtRisk, isOverdue, overdueSql, type RiskOrder } from '@/lib/orders/at-risk';
import { computeDeadline, listRowDeadline, type ClockEvent, type DeadlineSetting } from '@/lib/orders/deadline';
import { orderStates, type OrderState } from '@/lib/orders/model';
import { factories } from '@/tests/support/factories';

const { createPerson, createOrder } = factories(db);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// Wednesday 2 December 2026, 12:34:56.789 in Helsinki.
const now = new Date('2026-12-02T10:34:56.789Z');

/**
 * Allowed times as the deadline clock computes them: calendar and business days, short and
 * long, with and without a pause (which lengthens the stored span from submission to due).
 */
function allowedTime(submitted: string, setting: DeadlineSetting, pause?: [number, number]) {
  const submittedAt = new Date(submitted);
  const events: ClockEvent[] = [{ kind: 'submitted', at: submittedAt }];
  if (pause) {
    events.push({ kind: 'question_asked', at: new Date(submittedAt.getTime() + pause[0]) });
    events.push({ kind: 'answered', at: new Date(submittedAt.getTime() + pause[1]) });
  }
  const { dueAt } = computeDeadline({ submittedAt, events, state: 'in_progress', setting, now: submittedAt });
  return dueAt.getTime() - submittedAt.getTime();
}

const allowedTimes = [
  allowedTime('2026-03-02T08:00:00Z', { mode: 'calendar_days', days: 7 }), // 168 h: window 42 h
  allowedTime('2026-03-02T08:00:00Z', { mode: 'calendar_days', days: 2 }), // 48 h: window 24 h
  allowedTime('2026-03-26T08:00:00Z', { mode: 'calendar_days', days: 7 }), // 167 h, across DST
  allowedTime('2026-03-02T08:00:00Z', { mode: 'calendar_days', days: 7 }, [DAY, 3.5 * DAY]), // 228 h
  allowedTime('2026-03-06T08:00:00Z', { mode: 'business_days', days: 1 }), // Friday to Monday, 72 h
  allowedTime('2026-12-21T08:00:00Z', { mode: 'business_days', days: 5 }), // over Christmas, 216 h
  allowedTime('2027-06-23T07:00:00Z', { mode: 'business_days', days: 3 }, [DAY, 5 * DAY]), // over Midsummer
  allowedTime('2026-10-23T07:00:00Z', { mode: 'business_days', days: 1 }, [HOUR, 3 * DAY]), // across the end of DST
];

const windowOf = (allowed: number) => Math.max(allowed / 4, DAY);
/** Time left at due: from just submitted, around the window's edge, to long overdue. */
const timesLeft = (allowed: number) => [
  allowed,
  allowed / 2,
  windowOf(allowed) + 1,
  windowOf(allowed),
  windowOf(allowed) - 1,
  DAY + 1,
  DAY,
  HOUR,
  1,
  0,
  -1,
  -DAY,
];

const runningStates: OrderState[] = ['submitted', 'in_progress', 'account_created', 'credentials_sent'];
const pausedOrFinal: OrderState[] = orderStates.filter((state) => !runningStates.includes(state));

describe('the at-risk and overdue rules in TypeScript and in SQL', () => {
  const rows: (RiskOrder & { id: string })[] = [];
  let agent: Actor;

  beforeAll(async () => {
    const { organisation, user } = await createPerson('partner_admin', 'ecr_integrator');
    let i = 0;
    for (const allowed of allowedTimes) {
      for (const left of timesLeft(allowed)) {
        const dueAt = new Date(now.getTime() + left);
        const submittedAt = new Date(dueAt.getTime() - allowed);
        // Every point in a running state, and in a paused or final state too.
        for (const state of [runningStates[i % runningStates.length]!, pausedOrFinal[i % pausedOrFinal.length]!]) {
          const order = await createOrder({ organisationId: organisation.id, createdByUserId: user.id, submittedAt, dueAt, state });
          rows.push({ id: order.id, state, submittedAt, dueAt });
        }
        i++;
      }
    }
    const support = await createPerson('support_agent');
    agent = (await getActorByUserId(support.user.id))!;
  });

  const ids = (list: { id: string }[]) => list.map((row) => row.id).sort();
  const sqlIds = async (where: ReturnType<typeof atRiskSql>) => ids(await db.select({ id: orders.id }).from(orders).where(where));

  it('select exactly the orders the TypeScript rules pick', async () => {
    const atRisk = ids(rows.filter((row) => isAtRisk(row, now)));
    const overdue = ids(rows.filter((row) => isOverdue(row, now)));
    // Enough of each, so that agreement means something.
    expect(atRisk.length).toBeGreaterThan(20);
    expect(overdue.length).toBeGreaterThan(10);
    expect(await sqlIds(atRiskSql(orders, now))).toEqual(atRisk);
    expect(await sqlIds(overdueSql(orders, now))).toEqual(overdue);
  });

  it('pick what the rule says at its edges', () => {
    const row = (state: OrderState, allowed: number, left: number) => ({
      state,
      submittedAt: new Date(now.getTime() + left - allowed),
      dueAt: new Date(now.getTime() + left),
    });
    // Seven days: 25 % is 42 h, more than a day.
    expect(isAtRisk(row('in_progress', 7 * DAY, 42 * HOUR), now)).toBe(true);
    expect(isAtRisk(row('in_progress', 7 * DAY, 42 * HOUR + 1), now)).toBe(false);
    // Two days: 25 % is 12 h, so the last 24 h decide.
    expect(isAtRisk(row('submitted', 2 * DAY, DAY), now)).toBe(true);
    expect(isAtRisk(row('submitted', 2 * DAY, DAY + 1), now)).toBe(false);
    // The due moment is still at risk; a millisecond later the order is overdue instead.
    expect(isAtRisk(row('credentials_sent', 2 * DAY, 0), now)).toBe(true);
    expect(isAtRisk(row('credentials_sent', 2 * DAY, -1), now)).toBe(false);
    expect(isOverdue(row('credentials_sent', 2 * DAY, -1), now)).toBe(true);
    // Waiting on the partner, or finished: neither.
    for (const state of pausedOrFinal) {
      expect(isAtRisk(row(state, 2 * DAY, HOUR), now)).toBe(false);
      expect(isOverdue(row(state, 2 * DAY, -DAY), now)).toBe(false);
    }
  });

  it('give the queue filter, the queue badges, the overview and the digest the same orders', async () => {
    const atRisk = ids(rows.filter((row) => isAtRisk(row, now)));
    const overdue = ids(rows.filter((row) => isOverdue(row, now)));
    const { rows: queueAtRisk } = await listQueue(agent, { risk: 'at_risk' }, 1000, now);
    expect(ids(queueAtRisk)).toEqual(atRisk);
    expect(queueAtRisk.every((row) => listRowDeadline(row, now).status === 'at_risk')).toBe(true);
    const { rows: queueOverdue } = await listQueue(agent, { risk: 'overdue' }, 1000, now);
    expect(ids(queueOverdue)).toEqual(overdue);
    expect(queueOverdue.every((row) => listRowDeadline(row, now).status === 'overdue')).toBe(true);

    const overview = await getOverview({ now });
    expect(overview.atRiskNow).toBe(atRisk.length);
    expect(overview.overdueNow).toBe(overdue.length);
    expect(ids(await listOrdersNeedingAttention(now))).toEqual([...atRisk, ...overdue].sort());
  });
});
