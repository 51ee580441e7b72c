import { isOverdue, type RiskOrder } from '@/lib/orders/at-risk';
import type { AccountType } from '@/lib/orders/model';
import type { Locale } from '@/lib/i18n/config';
import { getEmailFormatter, getTranslator } from '@/lib/i18n/translator';
import { renderEmail } from './layout';

export interface DigestOrder extends RiskOrder {
  number: number;
  type: AccountType;
  organisationName: string;
}

/** The morning email to support: what is overdue and what is at risk, soonest due first. */
export function supportDigestEmail(orders: DigestOrder[], now: Date, portalUrl: string, locale: Locale) {
  const t = getTranslator(locale);
  const format = getEmailFormatter(locale);
  const overdue = orders.filter((order) => isOverdue(order, now));
  const line = (order: DigestOrder) =>
    t('email.digest.line', {
      number: order.number,
      organisation: order.organisationName,
      type: t(`accountTypes.${order.type}.name`),
      due: format.dateTime(order.dueAt, { dateStyle: 'medium', timeStyle: 'short' }),
    });
  return renderEmail({
    subject: t('email.digest.subject', { overdue: overdue.length, atRisk: orders.length - overdue.length }),
    heading: t('email.digest.heading'),
    paragraphs: [
      ...(overdue.length ? [t('email.digest.overdue'), ...overdue.map(line)] : []),
      ...(orders.length > overdue.length ? [t('email.digest.atRisk'), ...orders.filter((order) => !isOverdue(order, now)).map(line)] : []),
    ],
    action: { label: t('email.digest.action'), url: `${portalUrl}/support?risk=${overdue.length ? 'overdue' : 'at_risk'}` },
    footer: t('email.footer'),
  });
}
