import type { PartnerApplication } from '@/db/schema';
import { formattingLocales, type Locale } from '@/lib/i18n/config';
import { countryName } from '@/lib/i18n/display';
import { getTranslator } from '@/lib/i18n/translator';
import { formatPhone } from '@/lib/phone';
import { quoted, renderEmail } from './layout';

type SentApplication = Pick<
  PartnerApplication,
  'interest' | 'companyName' | 'businessId' | 'country' | 'contactName' | 'email' | 'phone' | 'message' | 'locale'
>;

/** To the applicant, in the language they applied in: we have it, and what they sent. */
export function applicationReceivedEmail(application: SentApplication) {
  const t = getTranslator(application.locale);
  const field = (label: string, value: string) => t('email.application.field', { label, value });
  return renderEmail({
    subject: t('email.application.received.subject'),
    heading: t('email.application.received.heading', { company: application.companyName }),
    paragraphs: [
      t('email.application.received.body'),
      t('email.application.received.youSent'),
      field(t('apply.interest'), t(`apply.interests.${application.interest}`)),
      field(t('apply.companyName'), application.companyName),
      field(application.country === 'FI' ? t('apply.businessIdFinland') : t('apply.vatNumber'), application.businessId),
      field(t('apply.country'), countryName(application.country, formattingLocales[application.locale])),
      field(t('apply.contactName'), application.contactName),
      field(t('apply.email'), application.email),
      field(t('apply.phone'), formatPhone(application.phone)),
      ...(application.message ? [t('apply.message'), quoted(application.message)] : []),
      t('email.application.received.notYou'),
    ],
    footer: t('email.application.footer'),
  });
}

/** To the applicant, in their language: politely no, with support's reason when one was given. */
export function applicationDeclinedEmail(application: Pick<PartnerApplication, 'companyName' | 'declineReason'> & { locale: Locale }) {
  const t = getTranslator(application.locale);
  return renderEmail({
    subject: t('email.application.declined.subject'),
    heading: t('email.application.declined.heading', { company: application.companyName }),
    paragraphs: [
      t('email.application.declined.body'),
      ...(application.declineReason ? [t('email.application.declined.reason'), quoted(application.declineReason)] : []),
      t('email.application.declined.closing'),
    ],
    footer: t('email.application.footer'),
  });
}
