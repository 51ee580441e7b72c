import { millisecondsInHour } from 'date-fns/constants';

/**
 * A span as the deadline clock shows it (`deadline.timeLeft`): whole days and hours, rounded up
 * to the hour, at least one hour. Time left, time overdue and how long a partner application has
 * waited all read this way. Apart from ./deadline.ts, so pages that only show a span load no
 * holiday calendar.
 */
export function clockParts(ms: number) {
  const hours = Math.max(1, Math.ceil(Math.abs(ms) / millisecondsInHour));
  return { days: Math.floor(hours / 24), hours: hours % 24 };
}
