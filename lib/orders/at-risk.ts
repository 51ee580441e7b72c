import { and, inArray, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { millisecondsInHour } from 'date-fns/constants';
import { runningStates, type OrderState } from './model';

/**
 * The at-risk and overdue rules, once in TypeScript and once as SQL, side by side so that a
 * change to one is a change to both (tests/integration/at-risk.test.ts runs them over the same
 * orders). Every page, query and email takes them from here.
 *
 * An open order not waiting on the partner is overdue after its due time, and at risk from
 * max(25 % of its allowed time, 24 h) before it, the due moment itself included. The allowed
 * time is the stored span from submission to due date, pauses included: the only span SQL can
 * read off the row, so the order page and the queue cannot disagree.
 */

const AT_RISK_SHARE = 4;
const AT_RISK_FLOOR_MS = 24 * millisecondsInHour;

export interface RiskOrder {
  state: OrderState;
  submittedAt: Date;
  dueAt: Date;
}

/** The columns (or expressions) the SQL rules read. */
export interface RiskColumns {
  state: SQLWrapper;
  submittedAt: SQLWrapper;
  dueAt: SQLWrapper;
}

/** Open and not waiting on the partner: the clock runs, so the order can be at risk or overdue. */
const isRunning = (state: OrderState) => (runningStates as readonly OrderState[]).includes(state);

export function isOverdue(order: RiskOrder, now: Date) {
  return isRunning(order.state) && order.dueAt.getTime() < now.getTime();
}

export function isAtRisk(order: RiskOrder, now: Date) {
  const left = order.dueAt.getTime() - now.getTime();
  const allowed = order.dueAt.getTime() - order.submittedAt.getTime();
  return isRunning(order.state) && left >= 0 && left <= Math.max(allowed / AT_RISK_SHARE, AT_RISK_FLOOR_MS);
}

const at = (now: Date) => sql`${now.toISOString()}::timestamptz`;
const running = (columns: RiskColumns) => inArray(columns.state, runningStates);

/** {@link isOverdue} in SQL. */
export function overdueSql(columns: RiskColumns, now: Date): SQL {
  return and(running(columns), sql`${columns.dueAt} < ${at(now)}`)!;
}

/**
 * {@link isAtRisk} in SQL. Note: the comparison is between intervals (timestamp minus
 * timestamp), never timestamp minus interval: PostgreSQL subtracts a '1 day' interval from a
 * timestamptz as a calendar day in the session's time zone, 23 or 25 hours across DST.
 */
export function atRiskSql(columns: RiskColumns, now: Date): SQL {
  const left = sql`(${columns.dueAt} - ${at(now)})`;
  const window = sql`greatest((${columns.dueAt} - ${columns.submittedAt}) / ${sql.raw(String(AT_RISK_SHARE))}, interval '${sql.raw(String(AT_RISK_FLOOR_MS / millisecondsInHour))} hours')`;
  return and(running(columns), sql`${columns.dueAt} >= ${at(now)}`, sql`${left} <= ${window}`)!;
}
