import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns';
import Holidays from 'date-holidays';
import { timeZone } from '@/lib/i18n/config';
import type { OrderEventKind, OrderState } from './model';

/**
 * The fulfilment promise: N calendar days from submission (the seed's "within one week"), or N
 * business days on the Finnish holiday calendar.
 */
export type DeadlineSetting = { mode: 'calendar_days'; days: number } | { mode: 'business_days'; days: number };
export const defaultDeadlineSetting: DeadlineSetting = { mode: 'calendar_days', days: 7 };

export interface ClockEvent {
  kind: OrderEventKind;
  at: Date;
}

export type DeadlineStatus = 'on_track' | 'at_risk' | 'overdue' | 'paused' | 'met' | 'missed' | 'stopped';

export interface Deadline {
  /** When the order is due, pushed back by every pause so far (an open pause counts up to now). */
  dueAt: Date;
  /** Milliseconds until dueAt from now (negative when overdue). */
  msLeft: number;
  /** Milliseconds spent waiting on the partner. */
  pausedMs: number;
  status: DeadlineStatus;
}

const HOUR = 3600_000;
/** At risk in the last quarter of the promise, and always in its last day. */
const atRiskWindow = (totalMs: number) => Math.max(totalMs / 4, 24 * HOUR);

const finnishHolidays = new Holidays('FI');
/**
 * date-holidays files Midsummer Eve and Christmas Eve as 'bank' holidays, not 'public' ones, yet
 * in Finland both are de facto days off. New Year's Eve is 'bank' too but a normal working day,
 * so 'bank' as a whole does not count; the two eves are picked by their rule, which, unlike the
 * name, does not depend on the language. 'observance' days (Mother's and Father's Day) are
 * Sundays anyway.
 */
const daysOffBesidesPublic = new Set(['friday after 06-19', '12-24']);
const holidaysByYear = new Map<number, ReadonlySet<string>>();

/** The Helsinki calendar date, as date-holidays writes it ("2027-06-25"). */
const dayKey = (day: TZDate) =>
  `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;

function finnishDaysOff(year: number): ReadonlySet<string> {
  let days = holidaysByYear.get(year);
  if (!days) {
    days = new Set(
      finnishHolidays
        .getHolidays(year)
        .filter((holiday) => holiday.type === 'public' || daysOffBesidesPublic.has(holiday.rule))
        .map((holiday) => holiday.date.slice(0, 10)),
    );
    holidaysByYear.set(year, days);
  }
  return days;
}

/** A Monday to Friday in Helsinki that is not a Finnish public holiday or eve off. */
function isFinnishBusinessDay(day: TZDate) {
  const weekday = day.getDay();
  return weekday !== 0 && weekday !== 6 && !finnishDaysOff(day.getFullYear()).has(dayKey(day));
}

/**
 * Submission plus N days on the Helsinki calendar: the same wall-clock time, across DST.
 *
 * Business days: a submission on a weekend or holiday counts as made on the next business day,
 * so the partner gets N whole business days however the submission falls; the due moment is
 * the Nth business day after that day, at the submission's wall-clock time. Friday 10:00 with
 * five business days is due the next Friday 10:00; Saturday 10:00 is due the Monday after next.
 */
export function baseDueAt(submittedAt: Date, setting: DeadlineSetting) {
  const submitted = new TZDate(submittedAt, timeZone);
  if (setting.mode === 'calendar_days') return new Date(addDays(submitted, setting.days).getTime());

  let day = submitted;
  while (!isFinnishBusinessDay(day)) day = addDays(day, 1);
  for (let counted = 0; counted < setting.days; ) {
    day = addDays(day, 1);
    if (isFinnishBusinessDay(day)) counted++;
  }
  return new Date(day.getTime());
}

/**
 * The deadline clock, computed from the order's events alone so that a changed setting or a
 * late event recomputes it. The clock pauses from a question to the partner until their answer
 * (or edit) and stops at completion, rejection or cancellation.
 */
export function computeDeadline(input: {
  submittedAt: Date;
  events: readonly ClockEvent[];
  state: OrderState;
  setting: DeadlineSetting;
  now: Date;
}): Deadline {
  const events = [...input.events].sort((a, b) => a.at.getTime() - b.at.getTime());
  let pausedMs = 0;
  let pausedSince: Date | undefined;
  let endedAt: Date | undefined;
  for (const event of events) {
    if (event.kind === 'question_asked' && !pausedSince) pausedSince = event.at;
    else if ((event.kind === 'answered' || event.kind === 'edited') && pausedSince) {
      pausedMs += event.at.getTime() - pausedSince.getTime();
      pausedSince = undefined;
    } else if (event.kind === 'completed' || event.kind === 'rejected' || event.kind === 'cancelled') endedAt = event.at;
  }
  const clockStop = endedAt ?? input.now;
  if (pausedSince) pausedMs += Math.max(0, clockStop.getTime() - pausedSince.getTime());

  const base = baseDueAt(input.submittedAt, input.setting);
  const totalMs = base.getTime() - input.submittedAt.getTime();
  const dueAt = new Date(base.getTime() + pausedMs);
  const msLeft = dueAt.getTime() - input.now.getTime();

  const status: DeadlineStatus =
    input.state === 'completed'
      ? (endedAt ?? input.now) <= dueAt
        ? 'met'
        : 'missed'
      : openStatus({ state: input.state, msLeft, totalMs });
  return { dueAt, msLeft, pausedMs, status };
}

/**
 * Where an unfinished order stands, from its stored due date alone: what lists show, without
 * reading every order's timeline.
 */
export function openStatus(input: { state: OrderState; msLeft: number; totalMs: number }): DeadlineStatus {
  if (input.state === 'completed' || input.state === 'rejected' || input.state === 'cancelled') return 'stopped';
  if (input.state === 'needs_info') return 'paused';
  if (input.msLeft < 0) return 'overdue';
  if (input.msLeft <= atRiskWindow(input.totalMs)) return 'at_risk';
  return 'on_track';
}

/** {@link openStatus} for a list row. */
export function listRowDeadline(row: { state: OrderState; submittedAt: Date; dueAt: Date }, now: Date) {
  const msLeft = row.dueAt.getTime() - now.getTime();
  return { msLeft, status: openStatus({ state: row.state, msLeft, totalMs: row.dueAt.getTime() - row.submittedAt.getTime() }) };
}
