'use client';

import { useRef, useState, useSyncExternalStore, type ComponentType, type KeyboardEvent } from 'react';
import type AccountMenuType from './account-menu';

const noSubscription = () => () => {};

export interface UserMenuProps {
  name: string;
  email: string;
  menuLabel: string;
  profileLabel: string;
  signOutLabel: string;
  signOut: () => Promise<void>;
}

const triggerClasses =
  'flex size-9 items-center justify-center rounded-full bg-teal-700 text-sm font-semibold text-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700';

type AccountMenuComponent = typeof AccountMenuType;
let loading: Promise<AccountMenuComponent> | undefined;
const loadMenu = () => (loading ??= import('./account-menu').then((module) => module.default));

/**
 * The account menu: who is signed in, their profile, and sign-out (a form posting to a server
 * action). Every page loads this button; the menu itself (`account-menu.tsx`, on Radix's dropdown
 * menu, with arrow keys, Home, End and Escape) loads when the button is first pointed at or
 * focused, and a press that comes before it has arrived opens it once it has.
 */
export function UserMenu(props: UserMenuProps) {
  // The loaded menu, and why it was wanted: whether to open it at once, and whether the button had the focus.
  const [menu, setMenu] = useState<{ Menu: ComponentType<Parameters<AccountMenuComponent>[0]>; open: boolean; focus: boolean } | null>(null);
  const intent = useRef({ open: false, focus: false });
  // False in the server's HTML and until hydration: a press before then would do nothing.
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  const initials = (props.name || props.email)
    .split(/[\s@.]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join('');

  if (menu) {
    // Keyed by the wish to open: a press that came just after a mere pointing mounts it again, open.
    return <menu.Menu key={String(menu.open)} {...props} initials={initials} triggerClasses={triggerClasses} openAtOnce={menu.open} focusAtOnce={menu.focus} />;
  }
  const want = (open: boolean, focus: boolean) => {
    // The strongest wish so far: a press after a mere pointing still opens it.
    intent.current = { open: intent.current.open || open, focus: intent.current.focus || focus };
    void loadMenu().then((Menu) => setMenu({ Menu, ...intent.current }));
  };
  return (
    <button
      type="button"
      aria-label={props.menuLabel}
      aria-haspopup="menu"
      aria-expanded={false}
      disabled={!hydrated}
      onPointerEnter={() => want(false, false)}
      onFocus={() => want(false, true)}
      // Radix's button opens on the pointer going down; the click is the keyboard's Enter and Space.
      onPointerDown={() => want(true, true)}
      onClick={() => want(true, true)}
      onKeyDown={(event: KeyboardEvent) => {
        if (event.key !== 'ArrowDown') return;
        event.preventDefault();
        want(true, true);
      }}
      className={triggerClasses}
      data-testid="account-menu-button"
    >
      {initials}
    </button>
  );
}
