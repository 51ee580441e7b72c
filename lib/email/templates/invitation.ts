import { type Role } from '@/lib/permissions';
import type { Locale } from '@/lib/i18n/config';
import { getTranslator } from '@/lib/i18n/translator';
import { renderEmail } from './layout';

export function invitationEmail(input: { url: string; organisationName: string; inviter: string; role: Role; days: number; locale: Locale }) {
  const t = getTranslator(input.locale);
  return renderEmail({
    subject: t('email.invitation.subject'),
    heading: t('email.invitation.heading', { organisation: input.organisationName }),
    paragraphs: [
      t('email.invitation.body', { inviter: input.inviter, role: t(`roles.${input.role}`) }),
      t('email.invitation.expires', { days: input.days }),
    ],
    action: { label: t('email.invitation.action'), url: input.url },
    footer: t('email.footer'),
  });
}
