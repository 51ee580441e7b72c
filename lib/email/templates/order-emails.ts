import type { Order } from '@/db/schema';
import type { Locale } from '@/lib/i18n/config';
import { getLocaleFormatter, getTranslator } from '@/lib/i18n/translator';
import type { OrderEmailKind } from '@/lib/jobs/definitions';
import { quoted, renderEmail, type EmailContent } from './layout';

type OrderForEmail = Pick<Order, 'id' | 'number' | 'type' | 'recipientName' | 'merchantName' | 'dueAt' | 'recipientPhone'>;

/** What some kinds add: support's question, the reason for a rejection, the new username. */
export interface OrderEmailExtra {
  text?: string;
  username?: string;
}

/**
 * The emails about an order, to its orderer. Each kind adds its own paragraphs to the same
 * frame: subject and heading name the order, the button opens it in the portal. In the reader's
 * language: the orderer's, or the one the order chose for its recipient.
 */
export function orderEmail(kind: OrderEmailKind, order: OrderForEmail, portalUrl: string, locale: Locale, extra: OrderEmailExtra = {}) {
  const t = getTranslator(locale);
  const format = getLocaleFormatter(locale);
  const values = {
    number: order.number,
    type: t(`accountTypes.${order.type}.name`),
    recipient: order.recipientName,
    merchant: order.merchantName ?? '',
    due: format.dateTime(order.dueAt, { dateStyle: 'full', timeStyle: 'short' }),
    text: extra.text ?? '',
    username: extra.username ?? '',
    lastDigits: order.recipientPhone.slice(-3),
  };
  const paragraphs: Record<OrderEmailKind, EmailContent['paragraphs']> = {
    received: [
      order.type === 'merchant_rights' ? t('email.order.received.bodyRights', values) : t('email.order.received.body', values),
      t('email.order.received.follow'),
    ],
    question: [t('email.order.question.body'), quoted(values.text), t('email.order.question.follow')],
    rejected: [t('email.order.rejected.body'), quoted(values.text)],
    completed: [order.type === 'merchant_rights' ? t('email.order.completed.bodyRights', values) : t('email.order.completed.body', values)],
    credentials: [t('email.order.credentials.body', values), t('email.order.credentials.sms', values), t('email.order.credentials.change')],
  };
  return renderEmail({
    subject: t(`email.order.${kind}.subject`, values),
    heading: t(`email.order.${kind}.heading`, values),
    paragraphs: paragraphs[kind],
    // The recipient may not use the portal; everyone else gets a link to the order.
    action: kind === 'credentials' ? undefined : { label: t('email.viewOrder'), url: `${portalUrl}/orders/${order.id}` },
    footer: t('email.footer'),
  });
}
