import { TZDate } from '@date-fns/tz';
import { addDays, startOfDay } from 'date-fns';
import Holidays from 'date-holidays';
import { timeZone } from '@/lib/i18n/config';
import { isAtRisk, isOverdue } from './at-risk';
import { isFinal, type OrderEventKind, type OrderState } from './model';

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
  /** Time spent waiting on the partner, on the setting's calendar: business time in business-day mode. */
  pausedMs: number;
  status: DeadlineStatus;
}

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

/** The Helsinki midnight that starts the day after `day`. */
const nextMidnight = (day: TZDate): TZDate => startOfDay(addDays<TZDate>(day, 1));

/**
 * Business time between two moments: the part of [from, to) that falls on Helsinki business
 * days, whole days of 24 hours. Measured in absolute milliseconds, so a DST change (always on a
 * Sunday, never a business day) cannot shift it.
 */
function businessMsBetween(from: Date, to: Date) {
  let total = 0;
  for (let day = new TZDate(from, timeZone); day.getTime() < to.getTime(); day = nextMidnight(day)) {
    if (isFinnishBusinessDay(day)) total += Math.min(nextMidnight(day).getTime(), to.getTime()) - day.getTime();
  }
  return total;
}

/**
 * `ms` of business time after `from` (a moment on a business day). A sum that fills a business
 * day exactly carries to the start of the next business day, the same moment in business time,
 * so the result never falls on a weekend or a holiday.
 */
function addBusinessMs(from: Date, ms: number) {
  let day = new TZDate(from, timeZone);
  for (let left = ms; left > 0; ) {
    if (isFinnishBusinessDay(day)) {
      const rest = nextMidnight(day).getTime() - day.getTime();
      if (left < rest) return new Date(day.getTime() + left);
      left -= rest;
    }
    day = nextMidnight(day);
  }
  while (!isFinnishBusinessDay(day)) day = nextMidnight(day);
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
  // Business-day promises count a pause in business time, so that adding it back on the same
  // calendar cannot move the due date onto a weekend or a holiday.
  const pauseLength =
    input.setting.mode === 'business_days' ? businessMsBetween : (from: Date, to: Date) => Math.max(0, to.getTime() - from.getTime());
  let pausedMs = 0;
  let pausedSince: Date | undefined;
  let endedAt: Date | undefined;
  for (const event of events) {
    if (event.kind === 'question_asked' && !pausedSince) pausedSince = event.at;
    else if ((event.kind === 'answered' || event.kind === 'edited') && pausedSince) {
      pausedMs += pauseLength(pausedSince, event.at);
      pausedSince = undefined;
    } else if (event.kind === 'completed' || event.kind === 'rejected' || event.kind === 'cancelled') endedAt = event.at;
  }
  if (pausedSince) pausedMs += pauseLength(pausedSince, endedAt ?? input.now);

  const base = baseDueAt(input.submittedAt, input.setting);
  const dueAt = input.setting.mode === 'business_days' ? addBusinessMs(base, pausedMs) : new Date(base.getTime() + pausedMs);

  if (input.state === 'completed') {
    return { dueAt, msLeft: dueAt.getTime() - input.now.getTime(), pausedMs, status: (endedAt ?? input.now) <= dueAt ? 'met' : 'missed' };
  }
  return { ...listRowDeadline({ state: input.state, submittedAt: input.submittedAt, dueAt }, input.now), dueAt, pausedMs };
}

/**
 * Where an order stands from its due date alone (stored, for a list row): the at-risk and
 * overdue rules of ./at-risk.ts, which the queue's SQL applies too.
 */
export function listRowDeadline(row: { state: OrderState; submittedAt: Date; dueAt: Date }, now: Date): { msLeft: number; status: DeadlineStatus } {
  const msLeft = row.dueAt.getTime() - now.getTime();
  const status: DeadlineStatus = isFinal(row.state)
    ? 'stopped'
    : row.state === 'needs_info'
      ? 'paused'
      : isOverdue(row, now)
        ? 'overdue'
        : isAtRisk(row, now)
          ? 'at_risk'
          : 'on_track';
  return { msLeft, status };
}
