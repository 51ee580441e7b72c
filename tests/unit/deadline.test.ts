import { describe, expect, it } from 'vitest';
import {
  baseDueAt,
  computeDeadline,
  defaultDeadlineSetting,
  listRowDeadline,
  type ClockEvent,
  type DeadlineSetting,
} from '@/lib/orders/deadline';
import { type OrderEventKind, type OrderState } from '@/lib/orders/model';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const sevenDays: DeadlineSetting = { mode: 'calendar_days', days: 7 };
const twoDays: DeadlineSetting = { mode: 'calendar_days', days: 2 };

// Early March: Helsinki is on UTC+2 and no DST change falls within the following weeks, so
// calendar days and 24-hour days agree.
const submittedAt = new Date('2026-03-02T10:00:00Z');
const at = (ms: number) => new Date(submittedAt.getTime() + ms);
const event = (kind: OrderEventKind, offsetMs: number): ClockEvent => ({ kind, at: at(offsetMs) });

const deadline = (input: { events?: ClockEvent[]; state?: OrderState; setting?: DeadlineSetting; now: Date }) =>
  computeDeadline({
    submittedAt,
    events: input.events ?? [event('submitted', 0)],
    state: input.state ?? 'submitted',
    setting: input.setting ?? sevenDays,
    now: input.now,
  });

describe('due date', () => {
  it.each([
    ['a week in winter', '2026-03-02T10:00:00Z', sevenDays, '2026-03-09T10:00:00Z'],
    // DST ends 2026-10-25: 10:00 EEST (07:00Z) to 10:00 EET (08:00Z), 169 hours later.
    ['a week across the end of DST', '2026-10-22T07:00:00Z', sevenDays, '2026-10-29T08:00:00Z'],
    // DST starts 2026-03-29: 10:00 EET (08:00Z) to 10:00 EEST (07:00Z), 167 hours later.
    ['a week across the start of DST', '2026-03-26T08:00:00Z', sevenDays, '2026-04-02T07:00:00Z'],
    ['a changed setting of ten days', '2026-03-02T10:00:00Z', { mode: 'calendar_days', days: 10 } as const, '2026-03-12T10:00:00Z'],
    ['the default setting', '2026-03-02T10:00:00Z', defaultDeadlineSetting, '2026-03-09T10:00:00Z'],
  ])('falls at the same Helsinki wall-clock time after %s', (_case, submitted, setting, due) => {
    expect(baseDueAt(new Date(submitted), setting).toISOString()).toBe(new Date(due).toISOString());
    const result = computeDeadline({
      submittedAt: new Date(submitted),
      events: [{ kind: 'submitted', at: new Date(submitted) }],
      state: 'submitted',
      setting,
      now: new Date(submitted),
    });
    expect(result.dueAt.toISOString()).toBe(new Date(due).toISOString());
    expect(result.pausedMs).toBe(0);
  });

  it('promises seven calendar days by default', () => {
    expect(defaultDeadlineSetting).toEqual({ mode: 'calendar_days', days: 7 });
  });
});

describe('deadline status of an open order', () => {
  const due = 7 * DAY;

  // For seven days the at-risk window is 25% of 168 h = 42 h.
  it.each([
    ['on track right after submission', 0, 'on_track', due],
    ['on track a minute before the at-risk window', due - 42 * HOUR - MINUTE, 'on_track', 42 * HOUR + MINUTE],
    ['at risk with exactly 42 h left', due - 42 * HOUR, 'at_risk', 42 * HOUR],
    ['at risk with a minute left', due - MINUTE, 'at_risk', MINUTE],
    ['at risk at the due moment itself', due, 'at_risk', 0],
    ['overdue a millisecond after the due moment', due + 1, 'overdue', -1],
    ['overdue a day later', due + DAY, 'overdue', -DAY],
  ])('is %s (7 days)', (_case, nowOffset, status, msLeft) => {
    expect(deadline({ now: at(nowOffset) })).toEqual({
      dueAt: at(due),
      msLeft,
      pausedMs: 0,
      status,
    });
  });

  // For two days 25% would be 12 h, but the last 24 h are always at risk.
  it.each([
    ['on track with 25 h left', 25 * HOUR, 'on_track'],
    ['at risk with exactly 24 h left', 24 * HOUR, 'at_risk'],
    ['at risk with 23 h left', 23 * HOUR, 'at_risk'],
    ['at risk with 13 h left', 13 * HOUR, 'at_risk'],
  ])('is %s (2 days)', (_case, left, status) => {
    const result = deadline({ setting: twoDays, now: at(2 * DAY - left) });
    expect(result.status).toBe(status);
    expect(result.msLeft).toBe(left);
  });

  it('takes at-risk from the same window when the setting changes', () => {
    // 42 h left is at risk for a 7-day promise; for a 10-day promise (window 60 h) 61 h is not.
    const tenDays: DeadlineSetting = { mode: 'calendar_days', days: 10 };
    expect(deadline({ setting: tenDays, now: at(10 * DAY - 60 * HOUR) }).status).toBe('at_risk');
    expect(deadline({ setting: tenDays, now: at(10 * DAY - 61 * HOUR) }).status).toBe('on_track');
  });
});

describe('pauses while waiting on the partner', () => {
  const base = 7 * DAY;
  const severalQuestions = [
    event('submitted', 0),
    event('question_asked', 1 * DAY),
    event('answered', 3 * DAY),
    event('question_asked', 4 * DAY),
    event('edited', 4.5 * DAY),
  ];

  it('adds every answered question to the due date', () => {
    const result = deadline({ events: severalQuestions, state: 'in_progress', now: at(5 * DAY) });
    expect(result.pausedMs).toBe(2.5 * DAY);
    expect(result.dueAt).toEqual(at(base + 2.5 * DAY));
    expect(result.msLeft).toBe(base + 2.5 * DAY - 5 * DAY);
    expect(result.status).toBe('on_track');
  });

  it('judges at risk from the span submission to due, pauses included, as the queue does', () => {
    // 9.5 days from submission to due: the window is 57 h, not the 42 h of the bare promise.
    const at50hLeft = deadline({ events: severalQuestions, state: 'in_progress', now: at(base + 2.5 * DAY - 50 * HOUR) });
    expect(at50hLeft.status).toBe('at_risk');
    expect(listRowDeadline({ state: 'in_progress', submittedAt, dueAt: at50hLeft.dueAt }, at(base + 2.5 * DAY - 50 * HOUR)).status).toBe('at_risk');
    expect(deadline({ events: severalQuestions, state: 'in_progress', now: at(base + 2.5 * DAY - 58 * HOUR) }).status).toBe('on_track');
  });

  it('gives the same result for events out of order', () => {
    const shuffled = [severalQuestions[3]!, severalQuestions[2]!, severalQuestions[4]!, severalQuestions[0]!, severalQuestions[1]!];
    expect(deadline({ events: shuffled, state: 'in_progress', now: at(5 * DAY) })).toEqual(
      deadline({ events: severalQuestions, state: 'in_progress', now: at(5 * DAY) }),
    );
  });

  it.each([
    ['a day after the question', 2 * DAY, 1 * DAY],
    ['three days after the question', 4 * DAY, 3 * DAY],
    // Even past the original due date an open question keeps the clock paused.
    ['ten days after the question', 11 * DAY, 10 * DAY],
  ])('shows an open question as paused, counting up to now, %s', (_case, now, paused) => {
    const result = deadline({
      events: [event('submitted', 0), event('question_asked', DAY)],
      state: 'needs_info',
      now: at(now),
    });
    expect(result.status).toBe('paused');
    expect(result.pausedMs).toBe(paused);
    expect(result.dueAt).toEqual(at(base + paused));
  });

  it('counts two questions in a row without an answer once, from the first', () => {
    const result = deadline({
      events: [event('submitted', 0), event('question_asked', 1 * DAY), event('question_asked', 2 * DAY), event('answered', 3 * DAY)],
      state: 'in_progress',
      now: at(4 * DAY),
    });
    expect(result.pausedMs).toBe(2 * DAY);
    expect(result.dueAt).toEqual(at(base + 2 * DAY));
  });

  it('ignores an answer or edit that follows no question', () => {
    const result = deadline({
      events: [event('submitted', 0), event('edited', 1 * DAY), event('answered', 2 * DAY)],
      state: 'in_progress',
      now: at(3 * DAY),
    });
    expect(result.pausedMs).toBe(0);
    expect(result.dueAt).toEqual(at(base));
  });
});

describe('deadline of a finished order', () => {
  const base = 7 * DAY;
  const later = at(30 * DAY);

  it.each([
    ['met when completed well within the deadline', 2 * DAY, 'met'],
    ['met when completed exactly at the due moment', base, 'met'],
    ['missed when completed a millisecond late', base + 1, 'missed'],
    ['missed when completed a day late', base + DAY, 'missed'],
  ])('is %s', (_case, completedAt, status) => {
    const result = deadline({
      events: [event('submitted', 0), event('completed', completedAt)],
      state: 'completed',
      now: later,
    });
    expect(result.status).toBe(status);
  });

  it('counts pauses when judging whether a completion met the deadline', () => {
    // Due at 7 days plus 2 days paused; completion on day 8 is in time.
    const result = deadline({
      events: [event('submitted', 0), event('question_asked', DAY), event('answered', 3 * DAY), event('completed', 8 * DAY)],
      state: 'completed',
      now: later,
    });
    expect(result.status).toBe('met');
    expect(result.dueAt).toEqual(at(base + 2 * DAY));
  });

  it.each<[OrderState, OrderEventKind]>([
    ['rejected', 'rejected'],
    ['cancelled', 'cancelled'],
  ])('is stopped once %s', (state, kind) => {
    const result = deadline({ events: [event('submitted', 0), event(kind, base + DAY)], state, now: later });
    expect(result.status).toBe('stopped');
  });

  it.each<[OrderState, OrderEventKind]>([
    ['completed', 'completed'],
    ['rejected', 'rejected'],
    ['cancelled', 'cancelled'],
  ])('stops counting an open pause when %s', (state, kind) => {
    const result = deadline({
      events: [event('submitted', 0), event('question_asked', DAY), event(kind, 2 * DAY)],
      state,
      now: later,
    });
    expect(result.pausedMs).toBe(DAY);
    expect(result.dueAt).toEqual(at(base + DAY));
  });
});

describe('deadline on a list row', () => {
  const dueAt = at(7 * DAY);
  const row = (state: OrderState) => ({ state, submittedAt, dueAt });

  it.each<[string, OrderState, Date, string, number]>([
    ['on track early on', 'in_progress', at(DAY), 'on_track', 6 * DAY],
    ['at risk an hour before the due moment', 'in_progress', at(7 * DAY - HOUR), 'at_risk', HOUR],
    ['overdue a millisecond past the due moment', 'submitted', at(7 * DAY + 1), 'overdue', -1],
    ['paused while waiting for information, even past due', 'needs_info', at(8 * DAY), 'paused', -DAY],
    ['stopped once completed', 'completed', at(8 * DAY), 'stopped', -DAY],
    ['stopped once rejected', 'rejected', at(DAY), 'stopped', 6 * DAY],
    ['stopped once cancelled', 'cancelled', at(DAY), 'stopped', 6 * DAY],
  ])('is %s', (_case, state, now, status, msLeft) => {
    expect(listRowDeadline(row(state), now)).toEqual({ msLeft, status });
  });

  it('measures the at-risk window against the stored due date, pauses included', () => {
    // A 7-day order pushed back 2 days by a pause: 9 days in all, window 54 h.
    const pushed = { state: 'in_progress' as const, submittedAt, dueAt: at(9 * DAY) };
    expect(listRowDeadline(pushed, at(9 * DAY - 54 * HOUR)).status).toBe('at_risk');
    expect(listRowDeadline(pushed, at(9 * DAY - 55 * HOUR)).status).toBe('on_track');
  });
});

describe('status from the due date alone', () => {
  const twoDayRow = (state: OrderState) => ({ state, submittedAt, dueAt: at(2 * DAY) });
  it.each<[OrderState, number, string]>([
    ['completed', -DAY, 'stopped'],
    ['rejected', DAY, 'stopped'],
    ['cancelled', -DAY, 'stopped'],
    ['needs_info', -DAY, 'paused'],
    ['account_created', -1, 'overdue'],
    ['credentials_sent', 24 * HOUR, 'at_risk'],
    ['in_progress', 24 * HOUR + 1, 'on_track'],
  ])('is %s with %d ms left of a 2-day promise → %s', (state, msLeft, status) => {
    expect(listRowDeadline(twoDayRow(state), at(2 * DAY - msLeft))).toEqual({ msLeft, status });
  });
});

describe('due date in business days (Finnish holiday calendar)', () => {
  const businessDays = (days: number): DeadlineSetting => ({ mode: 'business_days', days });
  const due = (submitted: string, days: number) => baseDueAt(new Date(submitted), businessDays(days)).toISOString();

  it.each([
    // 2026-03: EET, UTC+2, so 10:00 in Helsinki is 08:00Z.
    ['midweek, across a weekend', '2026-03-04T08:00:00Z', 5, '2026-03-11T08:00:00Z'],
    ['on a Friday, to the next Friday', '2026-03-06T08:00:00Z', 5, '2026-03-13T08:00:00Z'],
    ['on a Friday with one day, to Monday', '2026-03-06T08:00:00Z', 1, '2026-03-09T08:00:00Z'],
    ['on a Thursday with two days, across the weekend', '2026-03-05T08:00:00Z', 2, '2026-03-09T08:00:00Z'],
    ['ten days, across two weekends', '2026-03-02T08:00:00Z', 10, '2026-03-16T08:00:00Z'],
  ])('skips Saturdays and Sundays: submitted %s', (_case, submitted, days, expected) => {
    expect(due(submitted, days)).toBe(new Date(expected).toISOString());
  });

  it.each([
    // Good Friday 26 March and Easter Monday 29 March 2027; DST starts on Easter Sunday, so
    // 10:00 EET (08:00Z) becomes 10:00 EEST (07:00Z).
    ['across Easter 2027', '2027-03-24T08:00:00Z', 5, '2027-04-02T07:00:00Z'],
    ['from the Thursday before Easter 2027 with one day', '2027-03-25T08:00:00Z', 1, '2027-03-30T07:00:00Z'],
    // Christmas Eve, Christmas Day and Boxing Day 2026 are Thursday to Saturday.
    ['across Christmas 2026', '2026-12-21T08:00:00Z', 5, '2026-12-30T08:00:00Z'],
    ['from the day before Christmas Eve 2026 with one day', '2026-12-23T08:00:00Z', 1, '2026-12-28T08:00:00Z'],
    // New Year's Eve is a working day; New Year's Day (Fri) and Epiphany (Wed 6 Jan 2027) are not.
    ['across Christmas, New Year and Epiphany', '2026-12-21T08:00:00Z', 10, '2027-01-08T08:00:00Z'],
    // Independence Day 2026 is a Sunday; Finland moves no holiday to the Monday.
    ['across Independence Day on a Sunday', '2026-12-04T08:00:00Z', 1, '2026-12-07T08:00:00Z'],
    // Midsummer Eve Friday 25 June 2027 (a day off), Midsummer Day Saturday 26 June; EEST, UTC+3.
    ['across Midsummer 2027', '2027-06-23T07:00:00Z', 5, '2027-07-01T07:00:00Z'],
    ['from the day before Midsummer Eve 2027 with one day', '2027-06-24T07:00:00Z', 1, '2027-06-28T07:00:00Z'],
    // Ascension Day: Thursday 6 May 2027.
    ['across Ascension Day 2027', '2027-05-05T07:00:00Z', 1, '2027-05-07T07:00:00Z'],
    // May Day 2026 is a Friday.
    ['across May Day 2026', '2026-04-30T07:00:00Z', 1, '2026-05-04T07:00:00Z'],
  ])('skips Finnish holidays: submitted %s', (_case, submitted, days, expected) => {
    expect(due(submitted, days)).toBe(new Date(expected).toISOString());
  });

  it.each([
    // Counted as if submitted on Monday 9 March at 10:00: five business days on is Monday 16th.
    ['on a Saturday', '2026-03-07T08:00:00Z', 5, '2026-03-16T08:00:00Z'],
    ['on a Sunday', '2026-03-08T08:00:00Z', 5, '2026-03-16T08:00:00Z'],
    // Good Friday 2027 counts as Tuesday 30 March, after Easter Monday.
    ['on Good Friday 2027', '2027-03-26T08:00:00Z', 5, '2027-04-06T07:00:00Z'],
    // Christmas Eve 2026 counts as Monday 28 December.
    ['on Christmas Eve 2026', '2026-12-24T08:00:00Z', 1, '2026-12-29T08:00:00Z'],
    ['on Midsummer Eve 2027', '2027-06-25T07:00:00Z', 1, '2027-06-29T07:00:00Z'],
  ])('counts a submission %s from the next business day, at its wall-clock time', (_case, submitted, days, expected) => {
    expect(due(submitted, days)).toBe(new Date(expected).toISOString());
  });

  it('takes the weekday from the Helsinki date, not the UTC one', () => {
    // Friday 22:30Z is already Saturday 00:30 in Helsinki: counted from Monday, due Tuesday 00:30.
    expect(due('2026-03-06T22:30:00Z', 1)).toBe('2026-03-09T22:30:00.000Z');
    // Sunday 22:30Z is Monday 00:30 in Helsinki, a business day: due Tuesday 00:30.
    expect(due('2026-03-08T22:30:00Z', 1)).toBe('2026-03-09T22:30:00.000Z');
  });

  it('moves the due date of the same submission when the setting changes from 7 calendar days to 5 business days', () => {
    const submitted = new Date('2026-12-21T08:00:00Z');
    const compute = (setting: DeadlineSetting) =>
      computeDeadline({ submittedAt: submitted, events: [{ kind: 'submitted', at: submitted }], state: 'submitted', setting, now: submitted });
    expect(compute(sevenDays).dueAt.toISOString()).toBe('2026-12-28T08:00:00.000Z');
    expect(compute(businessDays(5)).dueAt.toISOString()).toBe('2026-12-30T08:00:00.000Z');
  });
});

describe('deadline clock in business days', () => {
  const fiveBusinessDays: DeadlineSetting = { mode: 'business_days', days: 5 };
  // Monday 21 December 2026, 10:00 in Helsinki: due Wednesday 30 December, nine calendar days on.
  const christmasWeek = new Date('2026-12-21T08:00:00Z');
  const from = (ms: number) => new Date(christmasWeek.getTime() + ms);
  const clock = (input: { events?: ClockEvent[]; state?: OrderState; now: Date }) =>
    computeDeadline({
      submittedAt: christmasWeek,
      events: input.events ?? [{ kind: 'submitted', at: christmasWeek }],
      state: input.state ?? 'submitted',
      setting: fiveBusinessDays,
      now: input.now,
    });
  const total = 9 * DAY;

  // 25% of 216 h is 54 h.
  it.each([
    ['on track right after submission', 0, 'on_track'],
    ['on track a minute before the at-risk window', total - 54 * HOUR - MINUTE, 'on_track'],
    ['at risk with exactly 54 h left', total - 54 * HOUR, 'at_risk'],
    ['at risk at the due moment itself', total, 'at_risk'],
    ['overdue a millisecond after the due moment', total + 1, 'overdue'],
  ])('is %s', (_case, nowOffset, status) => {
    const result = clock({ now: from(nowOffset) });
    expect(result.dueAt).toEqual(from(total));
    expect(result.msLeft).toBe(total - nowOffset);
    expect(result.status).toBe(status);
  });

  it('keeps the last 24 h at risk for a short promise', () => {
    // One business day from Friday 6 March 2026 10:00 is Monday 10:00: 72 h, 25% is only 18 h.
    const friday = new Date('2026-03-06T08:00:00Z');
    const oneDay = (now: Date) =>
      computeDeadline({ submittedAt: friday, events: [{ kind: 'submitted', at: friday }], state: 'submitted', setting: { mode: 'business_days', days: 1 }, now });
    expect(oneDay(new Date(friday.getTime() + 48 * HOUR)).status).toBe('at_risk');
    expect(oneDay(new Date(friday.getTime() + 48 * HOUR - MINUTE)).status).toBe('on_track');
  });

  it('adds an answered question back in business time', () => {
    // Asked Tuesday 22 December 10:00, answered on Christmas Eve (a day off) 10:00: 14 h of
    // Tuesday and all of Wednesday, 38 h. Added from Wednesday 30th 10:00: its 14 h, then all of
    // New Year's Eve (a working day) fills it exactly, which carries past New Year's Day and the
    // weekend to Monday 4 January 00:00. Wall-clock time (48 h) would have made it 1 January.
    const events: ClockEvent[] = [
      { kind: 'submitted', at: christmasWeek },
      { kind: 'question_asked', at: from(1 * DAY) },
      { kind: 'answered', at: from(3 * DAY) },
    ];
    const result = clock({ events, state: 'in_progress', now: from(4 * DAY) });
    expect(result.pausedMs).toBe(38 * HOUR);
    expect(result.dueAt.toISOString()).toBe('2027-01-03T22:00:00.000Z');
    expect(result.msLeft).toBe(result.dueAt.getTime() - from(4 * DAY).getTime());
    expect(result.status).toBe('on_track');
  });

  it('shows an open question as paused, counting business time up to now', () => {
    // Tuesday 22 December 10:00 to Saturday 2 January 10:00: 14 h, Wednesday 23rd and 28–31
    // December, 134 h. From Wednesday 30th 10:00 that skips New Year's Day and Epiphany and
    // fills Friday 8 January exactly: Monday 11 January 00:00.
    const events: ClockEvent[] = [
      { kind: 'submitted', at: christmasWeek },
      { kind: 'question_asked', at: from(1 * DAY) },
    ];
    const result = clock({ events, state: 'needs_info', now: from(12 * DAY) });
    expect(result.status).toBe('paused');
    expect(result.pausedMs).toBe(134 * HOUR);
    expect(result.dueAt.toISOString()).toBe('2027-01-10T22:00:00.000Z');
  });

  it.each([
    ['met when completed at the due moment', total, 'met'],
    ['missed when completed a millisecond late', total + 1, 'missed'],
  ])('is %s', (_case, completedAt, status) => {
    const events: ClockEvent[] = [
      { kind: 'submitted', at: christmasWeek },
      { kind: 'completed', at: from(completedAt) },
    ];
    expect(clock({ events, state: 'completed', now: from(30 * DAY) }).status).toBe(status);
  });

  it('gives list rows the same at-risk window from the stored due date', () => {
    const row = { state: 'in_progress' as const, submittedAt: christmasWeek, dueAt: baseDueAt(christmasWeek, fiveBusinessDays) };
    expect(listRowDeadline(row, from(total - 54 * HOUR)).status).toBe('at_risk');
    expect(listRowDeadline(row, from(total - 55 * HOUR)).status).toBe('on_track');
  });
});

describe('pauses in business-day mode are business time, added back on the same calendar', () => {
  const pausedClock = (input: { submitted: string; asked: string; answered?: string; now?: string; days?: number }) =>
    computeDeadline({
      submittedAt: new Date(input.submitted),
      events: [
        { kind: 'submitted', at: new Date(input.submitted) },
        { kind: 'question_asked', at: new Date(input.asked) },
        ...(input.answered ? [{ kind: 'answered' as const, at: new Date(input.answered) }] : []),
      ],
      state: input.answered ? 'in_progress' : 'needs_info',
      setting: { mode: 'business_days', days: input.days ?? 5 },
      now: new Date(input.now ?? input.answered ?? input.asked),
    });

  it.each([
    // Submitted Friday 6 March 2026 10:00 (EET, 08:00Z): due Friday 13th 10:00 before any pause.
    // Asked Saturday 10:00, answered Monday 10:00: only Monday's 10 h count, due Friday 20:00
    // (wall-clock time, 48 h, would have made it Sunday).
    ['a question over a weekend', '2026-03-06T08:00:00Z', '2026-03-07T08:00:00Z', '2026-03-09T08:00:00Z', 10, '2026-03-13T18:00:00Z'],
    // Asked Monday 9th 10:00, answered Tuesday 10:00: 24 h, from Friday 13th 10:00 is 14 h of
    // Friday and 10 h of Monday 16th (wall-clock time would have made it Saturday).
    ['a weekday question pushed across a weekend', '2026-03-06T08:00:00Z', '2026-03-09T08:00:00Z', '2026-03-10T08:00:00Z', 24, '2026-03-16T08:00:00Z'],
    // Submitted Wednesday 16 December 2026 10:00: due Wednesday 23rd 10:00. Asked Thursday 17th
    // 10:00, answered Friday 10:00: 24 h, past Christmas Eve, Christmas and Boxing Day and the
    // weekend to Monday 28th 10:00 (wall-clock time would have made it Christmas Eve).
    ['a question before Christmas', '2026-12-16T08:00:00Z', '2026-12-17T08:00:00Z', '2026-12-18T08:00:00Z', 24, '2026-12-28T08:00:00Z'],
    // Submitted Monday 21 December 2026 10:00: due Wednesday 30th 10:00. Asked Wednesday 23rd
    // 10:00, answered Thursday 7 January 10:00: 14 h + 28–31 December + 4–5 January + 10 h
    // (Epiphany on Wednesday 6th does not count) = 168 h; from 30 December 10:00, skipping
    // New Year's Day, the weekends and Epiphany: Tuesday 12 January 10:00.
    ['a question over Christmas and New Year', '2026-12-21T08:00:00Z', '2026-12-23T08:00:00Z', '2027-01-07T08:00:00Z', 168, '2027-01-12T08:00:00Z'],
    // Midsummer 2027: Midsummer Eve Friday 25 June is a day off ('bank' in date-holidays, counted
    // off), Midsummer Day Saturday 26th a public holiday. EEST, 10:00 is 07:00Z. Submitted
    // Thursday 17 June: due Thursday 24th 10:00. Asked Monday 21st, answered Tuesday: 24 h, to
    // Monday 28th 10:00 (wall-clock time would have made it Midsummer Eve).
    ['a question before Midsummer', '2027-06-17T07:00:00Z', '2027-06-21T07:00:00Z', '2027-06-22T07:00:00Z', 24, '2027-06-28T07:00:00Z'],
    // Submitted Wednesday 23 June 2027 10:00: due Thursday 1 July 10:00. Asked Thursday 24th
    // 12:00, answered Monday 28th 12:00: 12 h + 12 h, Midsummer Eve and the weekend not at all.
    ['a question over Midsummer', '2027-06-23T07:00:00Z', '2027-06-24T09:00:00Z', '2027-06-28T09:00:00Z', 24, '2027-07-02T07:00:00Z'],
    // DST starts Sunday 29 March 2026. Submitted Monday 23 March 10:00 EET (08:00Z): due Monday
    // 30th 10:00 EEST (07:00Z). Asked Friday 27th 10:00 EET, answered Monday 30th 10:00 EEST: 71
    // hours by the clock, 24 h of business time, due Tuesday 31st 10:00 EEST.
    ['a question across the start of DST', '2026-03-23T08:00:00Z', '2026-03-27T08:00:00Z', '2026-03-30T07:00:00Z', 24, '2026-03-31T07:00:00Z'],
    // DST ends Sunday 25 October 2026. Submitted Monday 19 October 10:00 EEST (07:00Z): due
    // Monday 26th 10:00 EET (08:00Z). Asked Friday 23rd 10:00 EEST, answered Monday 26th 10:00
    // EET: 73 hours by the clock, 24 h of business time, due Tuesday 27th 10:00 EET.
    ['a question across the end of DST', '2026-10-19T07:00:00Z', '2026-10-23T07:00:00Z', '2026-10-26T08:00:00Z', 24, '2026-10-27T08:00:00Z'],
  ])('%s', (_case, submitted, asked, answered, pausedHours, due) => {
    const result = pausedClock({ submitted, asked, answered });
    expect(result.pausedMs).toBe(pausedHours * HOUR);
    expect(result.dueAt.toISOString()).toBe(new Date(due).toISOString());
  });

  it('counts an open question over a DST weekend in business time up to now', () => {
    // Asked Friday 23 October 2026 22:00 EEST, now Monday 26th 02:00 EET: 2 h + 2 h.
    const result = pausedClock({ submitted: '2026-10-19T07:00:00Z', asked: '2026-10-23T19:00:00Z', now: '2026-10-26T00:00:00Z' });
    expect(result.status).toBe('paused');
    expect(result.pausedMs).toBe(4 * HOUR);
    expect(result.dueAt.toISOString()).toBe('2026-10-26T12:00:00.000Z');
  });

  it('never puts a due date on a weekend or a Finnish holiday', () => {
    // Every 7 h through 2026 and 2027, a question asked 1–4 days on and answered 1–5 days and
    // 0–12 hours later. The weekdays off, by hand: holidays and Midsummer and Christmas Eves.
    const weekdaysOff = new Set([
      ...['2026-01-01', '2026-01-06', '2026-04-03', '2026-04-06', '2026-05-01', '2026-05-14', '2026-06-19', '2026-12-24', '2026-12-25'],
      ...['2027-01-01', '2027-01-06', '2027-03-26', '2027-03-29', '2027-05-06', '2027-06-25', '2027-12-24', '2028-01-06'],
    ]);
    const helsinkiDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki', year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short' });
    const start = Date.parse('2026-01-01T00:00:00Z');
    for (let i = 0; start + i * 7 * HOUR < Date.parse('2028-01-01T00:00:00Z'); i++) {
      const t = start + i * 7 * HOUR;
      const submitted = new Date(t).toISOString();
      const asked = new Date(t + (1 + (i % 4)) * DAY).toISOString();
      const answered = new Date(Date.parse(asked) + (1 + (i % 5)) * DAY + (i % 13) * HOUR).toISOString();
      const { dueAt } = pausedClock({ submitted, asked, answered });
      const parts = Object.fromEntries(helsinkiDay.formatToParts(dueAt).map((part) => [part.type, part.value]));
      const day = `${parts.year}-${parts.month}-${parts.day}`;
      expect(['Sat', 'Sun'], `${submitted} → ${dueAt.toISOString()}`).not.toContain(parts.weekday);
      expect(weekdaysOff.has(day), `${submitted} → ${day}`).toBe(false);
    }
  });
});
