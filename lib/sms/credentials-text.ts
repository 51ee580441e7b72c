import type { Locale } from '@/lib/i18n/config';
import { getTranslator } from '@/lib/i18n/translator';

/** What the outbox copy of a password SMS shows in place of the password once it is erased. */
export const REDACTED_PASSWORD = '[redacted]';

/**
 * The password SMS, in the language the order chose for its recipient. Its reference lets a
 * retried job find it at Twilio: every catalogue writes it as "Ref {reference}" (findOwnMessage).
 */
export function credentialsSmsText(password: string, reference: string, locale: Locale) {
  return getTranslator(locale)('sms.credentials', { password, reference });
}

/** The outbox row of a delivery's SMS: one per delivery, however often its job runs. */
export const outboxSmsKey = (deliveryId: string) => `sms/${deliveryId}`;

/** The sid recorded for a delivery the outbox took: there is no message at Twilio to look up or redact. */
export const outboxSid = (deliveryId: string) => `outbox-${deliveryId}`;
export const isOutboxSid = (sid: string) => sid.startsWith('outbox-');
