import type { ReactNode } from 'react';

export type BadgeTone = 'neutral' | 'teal' | 'amber' | 'red';

/** A short status label; its look is `.badge` in app/globals.css, written once for every list row that shows one. */
export function Badge({ tone = 'neutral', children }: { tone?: BadgeTone; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}
