import type { Locale } from '@/lib/i18n/config';
import { getLocaleFormatter, getTranslator } from '@/lib/i18n/translator';
import { renderEmail } from './layout';

/** To an organisation's partner admins: an endpoint failed for three days and was switched off. */
export function webhookDisabledEmail(input: { url: string; organisationName: string; failingSince: Date; link: string; locale: Locale }) {
  const t = getTranslator(input.locale);
  const format = getLocaleFormatter(input.locale);
  return renderEmail({
    subject: t('email.webhookDisabled.subject'),
    heading: t('email.webhookDisabled.heading', { organisation: input.organisationName }),
    paragraphs: [
      t('email.webhookDisabled.body', { url: input.url, since: format.dateTime(input.failingSince, { dateStyle: 'medium', timeStyle: 'short' }) }),
      t('email.webhookDisabled.next'),
    ],
    action: { label: t('email.webhookDisabled.action'), url: input.link },
    footer: t('email.footer'),
  });
}
