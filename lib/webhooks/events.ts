/**
 * Outgoing webhooks: which events partners may subscribe to, and which order timeline events
 * they report. Plain TypeScript (no database, no framework), shared by the schema, the form's
 * schema and the write path, so "what a webhook reports is what the timeline shows" holds by
 * construction: every webhook event about an order comes from exactly one timeline row.
 */
import type { AccountType, OrderEventKind, OrderState } from '@/lib/orders/model';

/** Events an endpoint may choose. */
export const webhookEventTypes = [
  'order.submitted',
  'order.needs_info',
  'order.account_created',
  'order.completed',
  'order.rejected',
  'order.cancelled',
  'sms.delivered',
  'sms.failed',
  'merchant.added',
] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];

/** What the "Send test event" button sends; never subscribed to, only sent on request. */
export const WEBHOOK_TEST_EVENT = 'webhook.test';
/** Every type the outbox stores (the database enum). */
export const storedWebhookEventTypes = [...webhookEventTypes, WEBHOOK_TEST_EVENT] as const;
export type StoredWebhookEventType = (typeof storedWebhookEventTypes)[number];

/** The catalogue key of an event type (`webhooks.eventTypes.…`): next-intl keys cannot hold dots. */
export const eventTypeKey = (type: string) => type.replace('.', '_') as 'order_submitted';

/**
 * The webhook event a timeline row reports, if any. `sms_status` reports only final outcomes:
 * delivered, or failed/undelivered (Twilio's two words for a message that did not arrive).
 */
export function webhookTypeForOrderEvent(kind: OrderEventKind, data: Record<string, unknown> = {}): WebhookEventType | null {
  switch (kind) {
    case 'submitted':
      return 'order.submitted';
    case 'question_asked':
      return 'order.needs_info';
    case 'account_created':
      return 'order.account_created';
    case 'completed':
      return 'order.completed';
    case 'rejected':
      return 'order.rejected';
    case 'cancelled':
      return 'order.cancelled';
    case 'sms_status':
      if (data.status === 'delivered') return 'sms.delivered';
      if (data.status === 'failed' || data.status === 'undelivered') return 'sms.failed';
      return null;
    default:
      return null;
  }
}

/** The order fields a payload may carry: nothing of the recipient, no credentials. */
export interface PayloadOrder {
  id: string;
  number: number;
  state: OrderState;
  type: AccountType;
  dueAt: Date;
}

/** The body of every webhook: Stripe's "thin event" style, ids and states, never secrets. */
export interface WebhookBody {
  type: StoredWebhookEventType;
  timestamp: string;
  data: Record<string, unknown>;
}

const textOf = (value: unknown) => (typeof value === 'string' ? value : undefined);

/**
 * The payload of an order event.
 *
 * Note: built from an allow-list, never by spreading a row: no password, username, recipient
 * name, email or phone number can reach a partner's endpoint (or its logs) through a webhook.
 * A question or a rejection reason is support's own words to the partner, already shown on the
 * partner's order page; the SMS events carry the attempt and Twilio's error code, never the number.
 */
export function orderEventPayload(type: WebhookEventType, order: PayloadOrder, data: Record<string, unknown>, at: Date): WebhookBody {
  const question = type === 'order.needs_info' ? textOf(data.question) : undefined;
  const reason = type === 'order.rejected' || type === 'sms.failed' ? textOf(data.reason) : undefined;
  const sms =
    type === 'sms.delivered' || type === 'sms.failed'
      ? { attempt: typeof data.attempt === 'number' ? data.attempt : undefined, errorCode: textOf(data.errorCode) }
      : {};
  return {
    type,
    timestamp: at.toISOString(),
    data: dropUndefined({
      orderId: order.id,
      orderNumber: order.number,
      state: order.state,
      accountType: order.type,
      dueAt: order.dueAt.toISOString(),
      question,
      reason,
      ...sms,
    }),
  };
}

/** The payload of merchant.added: the sub-channel's order and the merchant's public identity. */
export function merchantAddedPayload(input: { merchantId: string; subChannelOrderId: string; subChannelOrderNumber: number; name: string; businessId: string; terminalIds: string[] }, at: Date): WebhookBody {
  return {
    type: 'merchant.added',
    timestamp: at.toISOString(),
    data: {
      merchantId: input.merchantId,
      subChannelOrderId: input.subChannelOrderId,
      subChannelOrderNumber: input.subChannelOrderNumber,
      name: input.name,
      businessId: input.businessId,
      terminalIds: input.terminalIds,
    },
  };
}

export function testEventPayload(endpointId: string, at: Date): WebhookBody {
  return { type: WEBHOOK_TEST_EVENT, timestamp: at.toISOString(), data: { endpointId, message: 'This is a test event from CloudPOS Account Orders.' } };
}

function dropUndefined(record: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}

/**
 * Delivery policy. pg-boss retries a failed attempt after retryDelay · 2^(n−1) · (1 + random)
 * seconds for the n-th retry: with 15 s and 12 retries, 13 attempts spread over 17 to 34 hours
 * (about a day on average), the last gap 8.5 to 17 hours.
 */
export const WEBHOOK_RETRY = { retryLimit: 12, retryDelay: 15, retryBackoff: true } as const;
/** How long one attempt may take, connection and answer together. */
export const WEBHOOK_TIMEOUT_MS = 10_000;
/** An endpoint failing without a success for this long is disabled and its admins are told. */
export const WEBHOOK_DISABLE_AFTER_MS = 3 * 24 * 3600_000;
/** After a rotation, the previous secret signs too for this long. */
export const WEBHOOK_PREVIOUS_SECRET_MS = 24 * 3600_000;
/** The most endpoints an organisation may register. */
export const WEBHOOK_MAX_ENDPOINTS = 10;
