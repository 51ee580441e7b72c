import type { DeadlineStatus } from '@/lib/orders/deadline';
import type { OrderState } from '@/lib/orders/model';
import { deadlineBadge, stateBadge, type Translator } from './badges';
import type { OrderRowData } from './order-rows';

/**
 * One order of a list (the partner's orders, the support queue, a batch) as the data its row
 * shows, every text translated here on the server: what it is, where it stands.
 */
export function orderRowData(
  order: {
    id: string;
    number: number;
    recipientName: string;
    merchantName: string | null;
    /** For support: the partner, before the recipient. */
    organisationName?: string;
    state: OrderState;
    deadline: { status: DeadlineStatus; msLeft: number };
  },
  details: (string | null | false | undefined)[],
  audience: 'partner' | 'support',
  t: Translator,
): OrderRowData {
  return {
    id: order.id,
    number: order.number,
    title: order.organisationName ? `${order.organisationName} · ${order.recipientName}` : order.recipientName,
    merchant: order.merchantName,
    details: details.filter(Boolean).join(' · '),
    state: stateBadge(order.state, t),
    deadline: deadlineBadge(order.deadline.status, order.deadline.msLeft, audience, t),
  };
}
