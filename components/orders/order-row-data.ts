import { millisecondsInHour } from 'date-fns/constants';
import type { useFormatter } from 'next-intl';
import { remembered } from '@/lib/i18n/remembered';
import { clockParts } from '@/lib/orders/clock';
import type { DeadlineStatus } from '@/lib/orders/deadline';
import type { OrderState } from '@/lib/orders/model';
import { deadlineBadge, stateBadge, type Translator } from './badges';
import type { OrderRowData } from './order-rows';

/** What a list page formats its rows with: its translator and formatter, and their locale. */
export interface RowIntl {
  t: Translator;
  format: ReturnType<typeof useFormatter>;
  locale: string;
}

/**
 * A row's submission date. Remembered by the hour (see `remembered`): Helsinki is a whole number
 * of hours from UTC, so an hour never spans two of its dates.
 */
export function rowDate(date: Date, { format, locale }: RowIntl) {
  return remembered(locale, `date ${Math.floor(date.getTime() / millisecondsInHour)}`, () => format.dateTime(date, { dateStyle: 'medium' }));
}

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
  { t, locale }: RowIntl,
): OrderRowData {
  const { status, msLeft } = order.deadline;
  const { days, hours } = clockParts(msLeft);
  return {
    id: order.id,
    number: order.number,
    title: order.organisationName ? `${order.organisationName} · ${order.recipientName}` : order.recipientName,
    merchant: order.merchantName,
    details: details.filter(Boolean).join(' · '),
    state: stateBadge(order.state, t),
    // The badge reads only these four, and a list shows the same few hundred on every page.
    deadline: remembered(locale, `deadline ${audience} ${status} ${days} ${hours}`, () => deadlineBadge(status, msLeft, audience, t)),
  };
}
