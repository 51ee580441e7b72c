import Link from 'next/link';
import type { ReactNode } from 'react';
import type { DeadlineStatus } from '@/lib/orders/deadline';
import type { OrderState } from '@/lib/orders/model';
import { DeadlineBadge, StateBadge } from './badges';

/** One order in a list (the partner's orders, the support queue): what it is, where it stands. */
export function OrderRow(props: {
  id: string;
  number: number;
  title: ReactNode;
  details: ReactNode;
  state: OrderState;
  deadline: { status: DeadlineStatus; msLeft: number };
  audience: 'partner' | 'support';
}) {
  return (
    <li>
      <Link href={`/orders/${props.id}`} className="grid gap-1 px-4 py-3 hover:bg-slate-50 sm:grid-cols-[6rem_1fr_auto] sm:items-center sm:gap-4">
        <span className="text-sm font-semibold text-slate-900">#{props.number}</span>
        <span className="min-w-0">
          <span className="block truncate font-medium text-slate-900">{props.title}</span>
          <span className="block text-sm text-slate-600">{props.details}</span>
        </span>
        <span className="flex flex-wrap items-center gap-2 sm:justify-end">
          <StateBadge state={props.state} />
          <DeadlineBadge status={props.deadline.status} msLeft={props.deadline.msLeft} audience={props.audience} />
        </span>
      </Link>
    </li>
  );
}

/** An order row's title: the recipient, the merchant if any, and for support the organisation first. */
export function OrderRowTitle({ recipientName, merchantName, organisationName }: { recipientName: string; merchantName: string | null; organisationName?: string }) {
  return (
    <>
      {organisationName && `${organisationName} · `}
      {recipientName}
      {merchantName && <span className="font-normal text-slate-600"> · {merchantName}</span>}
    </>
  );
}
