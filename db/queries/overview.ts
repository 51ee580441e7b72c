import { inArray, sql, type SQL } from 'drizzle-orm';
import { db } from '@/db';
import { orders } from '@/db/schema';
import { timeZone } from '@/lib/i18n/config';
import { atRiskSql, overdueSql } from '@/lib/orders/at-risk';
import { openStates } from '@/lib/orders/model';

export interface OverviewWeek {
  /** Monday 00:00 in Helsinki. */
  weekStart: Date;
  submitted: number;
  completed: number;
  completedInTime: number;
}

export interface Overview {
  completed: number;
  completedInTime: number;
  /** 0..1; null before the first completed order. */
  shareInTime: number | null;
  medianHoursToFulfil: number | null;
  openNow: number;
  atRiskNow: number;
  overdueNow: number;
  /** Oldest week first; weeks without orders are zeros. */
  perWeek: OverviewWeek[];
}

const MAX_WEEKS = 104;

// completed_at is set in the same transition as the state, but a row that somehow lacks it
// cannot be placed in time, so it counts as neither.
const isCompleted = sql`(${orders.state} = 'completed' and ${orders.completedAt} is not null)`;

/**
 * How the one-week promise is kept, across every organisation. Takes no actor: the caller must
 * hold 'support:queue' (the page checks it with requirePageActor).
 */
export async function getOverview({ weeks = 12, now = new Date() }: { weeks?: number; now?: Date } = {}): Promise<Overview> {
  const weekCount = Math.min(MAX_WEEKS, Math.max(1, Math.trunc(weeks)));
  const at = sql`${now.toISOString()}::timestamptz`;
  const [summary, perWeek] = await Promise.all([summarise(now), countPerWeek(at, weekCount)]);
  return {
    ...summary,
    shareInTime: summary.completed > 0 ? summary.completedInTime / summary.completed : null,
    perWeek,
  };
}

// The queue's rules (lib/orders/at-risk.ts), against `now` so that a caller can ask about any moment.
async function summarise(now: Date) {
  const [row] = await db
    .select({
      completed: sql<number>`count(*) filter (where ${isCompleted})`.mapWith(Number),
      completedInTime: sql<number>`count(*) filter (where ${isCompleted} and ${orders.completedAt} <= ${orders.dueAt})`.mapWith(Number),
      medianHoursToFulfil: sql<number | null>`percentile_cont(0.5) within group (order by extract(epoch from ${orders.completedAt} - ${orders.submittedAt})::float8 / 3600) filter (where ${isCompleted})`,
      openNow: sql<number>`count(*) filter (where ${inArray(orders.state, openStates)})`.mapWith(Number),
      atRiskNow: sql<number>`count(*) filter (where ${atRiskSql(orders, now)})`.mapWith(Number),
      overdueNow: sql<number>`count(*) filter (where ${overdueSql(orders, now)})`.mapWith(Number),
    })
    .from(orders);
  return {
    completed: row?.completed ?? 0,
    completedInTime: row?.completedInTime ?? 0,
    medianHoursToFulfil: row?.medianHoursToFulfil == null ? null : Number(row.medianHoursToFulfil),
    openNow: row?.openNow ?? 0,
    atRiskNow: row?.atRiskNow ?? 0,
    overdueNow: row?.overdueNow ?? 0,
  };
}

/**
 * Weeks are counted on Helsinki's wall clock (timestamp without time zone): stepping a local
 * Monday by seven days stays on Monday 00:00 across DST, which UTC steps would not.
 */
async function countPerWeek(at: SQL, weekCount: number): Promise<OverviewWeek[]> {
  const localWeek = (column: typeof orders.submittedAt | typeof orders.completedAt) => sql`date_trunc('week', ${column} at time zone ${timeZone})`;
  const result = await db.execute<{ week_start_ms: number; submitted: number; completed: number; completed_in_time: number }>(sql`
    with weeks as (
      select generate_series(
        date_trunc('week', ${at} at time zone ${timeZone}) - ${weekCount - 1}::int * interval '1 week',
        date_trunc('week', ${at} at time zone ${timeZone}),
        interval '1 week'
      ) as local_start
    ),
    span as (
      select min(local_start) at time zone ${timeZone} as first_start,
             (max(local_start) + interval '1 week') at time zone ${timeZone} as end_before
      from weeks
    ),
    submitted as (
      select ${localWeek(orders.submittedAt)} as local_start, count(*)::int as n
      from ${orders}, span
      where ${orders.submittedAt} >= span.first_start and ${orders.submittedAt} < span.end_before
      group by 1
    ),
    completed as (
      select ${localWeek(orders.completedAt)} as local_start,
             count(*)::int as n,
             (count(*) filter (where ${orders.completedAt} <= ${orders.dueAt}))::int as in_time
      from ${orders}, span
      where ${isCompleted} and ${orders.completedAt} >= span.first_start and ${orders.completedAt} < span.end_before
      group by 1
    )
    select (extract(epoch from weeks.local_start at time zone ${timeZone}) * 1000)::float8 as week_start_ms,
           coalesce(submitted.n, 0) as submitted,
           coalesce(completed.n, 0) as completed,
           coalesce(completed.in_time, 0) as completed_in_time
    from weeks
    left join submitted using (local_start)
    left join completed using (local_start)
    order by weeks.local_start
  `);
  return result.rows.map((row) => ({
    weekStart: new Date(Number(row.week_start_ms)),
    submitted: Number(row.submitted),
    completed: Number(row.completed),
    completedInTime: Number(row.completed_in_time),
  }));
}
