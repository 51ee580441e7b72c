import { isOverdue, type RiskOrder } from '@/lib/orders/at-risk';
import { clockParts } from '@/lib/orders/clock';
import type { AccountType } from '@/lib/orders/model';
import type { Locale } from '@/lib/i18n/config';
import { getLocaleFormatter, getTranslator } from '@/lib/i18n/translator';
import type { PartnerOrganisationKind } from '@/lib/organisation-kinds';
import { renderEmail } from './layout';

export interface DigestOrder extends RiskOrder {
  number: number;
  type: AccountType;
  organisationName: string;
}

/** A partner application waiting more than two business days (lib/partner-applications/waiting.ts). */
export interface DigestApplication {
  companyName: string;
  interest: PartnerOrganisationKind;
  submittedAt: Date;
}

/**
 * The morning email to support: what is overdue and what is at risk, soonest due first; then,
 * for support admins, the partner applications waiting longest, with how long as the deadline
 * clock says it.
 */
export function supportDigestEmail(orders: DigestOrder[], now: Date, portalUrl: string, locale: Locale, applications: DigestApplication[] = []) {
  const t = getTranslator(locale);
  const format = getLocaleFormatter(locale);
  const overdue = orders.filter((order) => isOverdue(order, now));
  const line = (order: DigestOrder) =>
    t('email.digest.line', {
      number: order.number,
      organisation: order.organisationName,
      type: t(`accountTypes.${order.type}.name`),
      due: format.dateTime(order.dueAt, { dateStyle: 'medium', timeStyle: 'short' }),
    });
  const applicationLine = (application: DigestApplication) =>
    t('email.digest.applicationLine', {
      company: application.companyName,
      interest: t(`apply.interests.${application.interest}`),
      waited: t('deadline.timeLeft', clockParts(now.getTime() - application.submittedAt.getTime())),
    });
  const counts = { overdue: overdue.length, atRisk: orders.length - overdue.length };
  return renderEmail({
    subject: applications.length
      ? t('email.digest.subjectWithApplications', { ...counts, applications: applications.length })
      : t('email.digest.subject', counts),
    heading: t('email.digest.heading'),
    paragraphs: [
      ...(overdue.length ? [t('email.digest.overdue'), ...overdue.map(line)] : []),
      ...(orders.length > overdue.length ? [t('email.digest.atRisk'), ...orders.filter((order) => !isOverdue(order, now)).map(line)] : []),
      ...(applications.length ? [t('email.digest.applications'), ...applications.map(applicationLine)] : []),
    ],
    action: orders.length
      ? { label: t('email.digest.action'), url: `${portalUrl}/support?risk=${overdue.length ? 'overdue' : 'at_risk'}` }
      : { label: t('email.digest.applicationsAction'), url: `${portalUrl}/admin/applications` },
    footer: t('email.footer'),
  });
}
