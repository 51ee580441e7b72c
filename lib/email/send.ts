import 'server-only';
import { Resend } from 'resend';
import { insertOutboxMessage } from '@/db/queries/outbox';
import { getEnv, usesOutbox } from '@/lib/env';

export interface EmailMessage {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Resend drops a repeat with the same key, so a retried job sends one email. */
  idempotencyKey?: string;
}

export interface SentEmail {
  id: string;
  via: 'resend' | 'outbox';
}

export class EmailDeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmailDeliveryError';
  }
}

let resend: Resend | undefined;

/**
 * Sends one email through Resend, or into the development outbox when Resend is not configured.
 * `RESEND_BASE_URL` (read by the SDK itself) points it at another server, such as a test double.
 */
export async function sendEmail(message: EmailMessage): Promise<SentEmail> {
  const env = getEnv();
  if (usesOutbox(env).email) {
    const id = await insertOutboxMessage({
      channel: 'email',
      recipient: message.to,
      subject: message.subject,
      bodyText: message.text,
      bodyHtml: message.html,
      idempotencyKey: message.idempotencyKey,
    });
    return { id, via: 'outbox' };
  }
  resend ??= new Resend(env.RESEND_API_KEY);
  // Note: the Resend SDK returns errors instead of throwing them.
  const { data, error } = await resend.emails.send(
    { from: env.EMAIL_FROM, to: message.to, subject: message.subject, html: message.html, text: message.text },
    message.idempotencyKey ? { idempotencyKey: message.idempotencyKey } : undefined,
  );
  if (error || !data) throw new EmailDeliveryError(`Resend refused the email: ${error?.name ?? 'no data'}: ${error?.message ?? ''}`);
  return { id: data.id, via: 'resend' };
}
