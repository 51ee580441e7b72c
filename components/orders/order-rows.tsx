'use client';

import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import type { BadgeData } from './badges';

export interface OrderRowData {
  id: string;
  number: number;
  title: string;
  /** Shown after the title in lighter type. */
  merchant: string | null;
  details: string;
  state: BadgeData;
  deadline: BadgeData | null;
}

/**
 * A list of orders, each a link to its page. A client component so that the page's RSC payload
 * carries each row as a few strings rather than as its element tree (a queue row was 640 bytes
 * of elements and class names there, on top of its HTML); the server still renders the HTML.
 * Styled by `.order-row` in app/globals.css. Rows are not prefetched: each visible row's
 * prefetch was a request to the server, 25 or more for one look at the queue.
 */
export function OrderRows({ rows, testId }: { rows: OrderRowData[]; testId: string }) {
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid={testId}>
      {rows.map((row) => (
        <li key={row.id}>
          <Link href={`/orders/${row.id}`} prefetch={false} className="order-row">
            <b>{`#${row.number}`}</b>
            <span>
              <strong>
                {row.title}
                {row.merchant && <span>{` · ${row.merchant}`}</span>}
              </strong>
              <small>{row.details}</small>
            </span>
            <span>
              <Badge tone={row.state.tone}>{row.state.label}</Badge>
              {row.deadline && <Badge tone={row.deadline.tone}>{row.deadline.label}</Badge>}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
