'use client';

import Link from 'next/link';
import { useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';

const noSubscription = () => () => {};

const itemClasses = 'block w-full cursor-pointer rounded px-3 py-2 text-left outline-none hover:bg-slate-100 focus-visible:bg-slate-100';

/**
 * The account menu: who is signed in, their profile, and sign-out (a form posting to a server
 * action). Hand-made rather than a UI kit's dropdown because every page loads it: it closes on
 * Escape and on a click outside, and that is all it needs.
 */
export function UserMenu(props: {
  name: string;
  email: string;
  menuLabel: string;
  profileLabel: string;
  signOutLabel: string;
  signOut: () => Promise<void>;
}) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menuId = useId();
  // False in the server's HTML and until hydration: a click before then would do nothing.
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  const initials = (props.name || props.email)
    .split(/[\s@.]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join('');

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    root.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        aria-label={props.menuLabel}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        disabled={!hydrated}
        onClick={() => setOpen((wasOpen) => !wasOpen)}
        className="flex size-9 items-center justify-center rounded-full bg-teal-700 text-sm font-semibold text-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700"
      >
        {initials}
      </button>
      {open && (
        <div id={menuId} role="menu" aria-label={props.menuLabel} className="absolute right-0 z-50 mt-2 min-w-56 rounded-md border border-slate-200 bg-white p-1 text-sm shadow-lg">
          <div className="px-3 py-2">
            <p className="font-medium text-slate-900">{props.name}</p>
            <p className="truncate text-slate-500">{props.email}</p>
          </div>
          <div role="separator" className="my-1 h-px bg-slate-200" />
          <Link role="menuitem" href="/account" className={itemClasses} onClick={() => setOpen(false)}>
            {props.profileLabel}
          </Link>
          <form action={props.signOut}>
            <button role="menuitem" type="submit" className={itemClasses}>
              {props.signOutLabel}
            </button>
          </form>
        </div>
      )}
    </div>
  );
}
