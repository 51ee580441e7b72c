'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/components/ui/cn';

export interface NavItem {
  href: string;
  label: string;
}

export function NavLinks({ items, label }: { items: NavItem[]; label: string }) {
  const pathname = usePathname();
  // Nested sections (/support and /support/overview): only the most specific match is current.
  const currentHref = items
    .map((item) => item.href)
    .filter((href) => pathname === href || pathname.startsWith(`${href}/`))
    .reduce<string | undefined>((longest, href) => (!longest || href.length > longest.length ? href : longest), undefined);
  return (
    // Wraps onto a second row on a phone rather than scrolling: every item stays in sight.
    <nav aria-label={label} className="-mb-px flex flex-wrap gap-x-1">
      {items.map((item) => {
        const current = item.href === currentHref;
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={current ? 'page' : undefined}
            className={cn(
              'whitespace-nowrap border-b-2 px-3 py-2.5 text-sm font-medium',
              current ? 'border-teal-700 text-teal-800' : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900',
            )}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
