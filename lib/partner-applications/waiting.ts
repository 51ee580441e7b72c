import { baseDueAt } from '@/lib/orders/deadline';
import { APPLICATION_DIGEST_BUSINESS_DAYS } from './model';

/**
 * Whether an application has waited more than two business days for support's decision, on the
 * deadline's Finnish business-day calendar (weekends, public holidays, Midsummer and Christmas
 * Eve do not count): the moment two business days after its arrival has passed.
 */
export function waitingTooLong(submittedAt: Date, now: Date) {
  return baseDueAt(submittedAt, { mode: 'business_days', days: APPLICATION_DIGEST_BUSINESS_DAYS }).getTime() < now.getTime();
}
