'use client';

import { useRouter } from 'next/navigation';
import type { MouseEvent } from 'react';
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
 * A plain click on a row's link opens the order inside the app (as next/link would); a click with
 * a modifier key or another button stays the browser's: a new tab, a new window, a download.
 */
function isPlainClick(event: MouseEvent) {
  return !event.defaultPrevented && event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

/**
 * A list of orders, each a link to its page. A client component so that the page's RSC payload
 * carries each row as a few strings rather than as its element tree (a queue row was 640 bytes
 * of elements and class names there, on top of its HTML); the server still renders the HTML.
 * Styled by `.order-row` in app/globals.css.
 *
 * The rows are plain links with one click handler on the list, not a next/link each: rendering
 * 25 of those was half a millisecond of every queue request (issue 17), for prefetching that the
 * rows had turned off (each visible row's prefetch was a request to the server).
 */
export function OrderRows({ rows, testId }: { rows: OrderRowData[]; testId: string }) {
  const router = useRouter();
  function openInApp(event: MouseEvent<HTMLUListElement>) {
    const link = (event.target as Element).closest('a');
    if (!link || !isPlainClick(event)) return;
    event.preventDefault();
    router.push(link.getAttribute('href')!);
  }
  return (
    // Enter on a focused link is a click too, so keyboards reach the handler as well.
    <ul onClick={openInApp} className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid={testId}>
      {rows.map((row) => (
        <li key={row.id}>
          <a href={`/orders/${row.id}`} className="order-row">
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
          </a>
        </li>
      ))}
    </ul>
  );
}
