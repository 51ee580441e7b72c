'use client';

import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import Link from 'next/link';
import { useEffect, useRef } from 'react';
import type { UserMenuProps } from './user-menu';

const itemClasses = 'block w-full cursor-pointer rounded px-3 py-2 text-left outline-none data-highlighted:bg-slate-100';

/**
 * The account menu proper, on Radix's dropdown menu: arrow keys, Home and End move between the
 * items, Escape and a click outside close it, and the focus returns to its button. `user-menu.tsx`
 * loads this module when the button is first pointed at, focused or pressed (Radix is 30 kB
 * gzipped, too much for every page's first load), and opens it at once if it was pressed.
 */
export default function AccountMenu(props: UserMenuProps & { initials: string; triggerClasses: string; openAtOnce: boolean; focusAtOnce: boolean }) {
  const trigger = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // It replaced the button that had the focus: keep the focus where the person left it.
    if (props.focusAtOnce && !props.openAtOnce) trigger.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    // Not modal: nothing else on the page is made inert or unscrollable while it is open.
    <DropdownMenu.Root modal={false} defaultOpen={props.openAtOnce}>
      <DropdownMenu.Trigger ref={trigger} aria-label={props.menuLabel} className={props.triggerClasses} data-testid="account-menu-button">
        {props.initials}
      </DropdownMenu.Trigger>
      <DropdownMenu.Content
        align="end"
        sideOffset={8}
        aria-label={props.menuLabel}
        className="z-50 min-w-56 rounded-md border border-slate-200 bg-white p-1 text-sm shadow-lg"
      >
        <div className="px-3 py-2">
          <p className="font-medium text-slate-900">{props.name}</p>
          <p className="truncate text-slate-500">{props.email}</p>
        </div>
        <DropdownMenu.Separator className="my-1 h-px bg-slate-200" />
        <DropdownMenu.Item asChild className={itemClasses}>
          <Link href="/account">{props.profileLabel}</Link>
        </DropdownMenu.Item>
        <form action={props.signOut}>
          {/* Stays open while the form posts: closing would unmount the form it is sending. */}
          <DropdownMenu.Item asChild className={itemClasses} onSelect={(event) => event.preventDefault()}>
            <button type="submit">{props.signOutLabel}</button>
          </DropdownMenu.Item>
        </form>
      </DropdownMenu.Content>
    </DropdownMenu.Root>
  );
}
