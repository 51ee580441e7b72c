import type { Locale } from '@/lib/i18n/config';
import { getTranslator } from '@/lib/i18n/translator';
import { renderEmail } from './layout';

export function signInLinkEmail(input: { url: string; expiresInMinutes: number; locale: Locale }) {
  const t = getTranslator(input.locale);
  return renderEmail({
    subject: t('email.signIn.subject'),
    heading: t('email.signIn.heading'),
    paragraphs: [t('email.signIn.body', { minutes: input.expiresInMinutes }), t('email.signIn.ignore')],
    action: { label: t('email.signIn.action'), url: input.url },
    footer: t('email.footer'),
  });
}
