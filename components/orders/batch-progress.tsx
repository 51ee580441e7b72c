'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

const REFRESH_MS = 1_500;

/**
 * How far a batch has come while its orders are being placed: a progress bar whose page
 * refreshes itself until the last row is an order (the server says how far; the counts and
 * the list below follow). The line is a live region, so a screen reader hears the progress.
 */
export function BatchProgress({ placed, total, label, status }: { placed: number; total: number; label: string; status: string }) {
  const router = useRouter();
  const done = placed >= total;
  useEffect(() => {
    if (done) return;
    const timer = setInterval(() => {
      if (!document.hidden) router.refresh();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [done, router]);

  return (
    <div className="grid gap-2">
      <progress className="h-3 w-full overflow-hidden rounded-full accent-teal-700 [&::-webkit-progress-bar]:bg-slate-200 [&::-webkit-progress-value]:bg-teal-700 [&::-moz-progress-bar]:bg-teal-700" max={total} value={placed} aria-label={label} />
      <p role="status" className="text-sm text-slate-700" data-testid="batch-progress">
        {status}
      </p>
    </div>
  );
}
