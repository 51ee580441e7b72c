'use client';

import { useSyncExternalStore } from 'react';

const QUERY = '(min-width: 48rem)';

const subscribe = (onChange: () => void) => {
  const list = window.matchMedia(QUERY);
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
};

/**
 * Whether the screen is wide enough for a table (Tailwind's `md`). The preview renders a table or
 * a list of cards, not both hidden by CSS: one copy of each row in the page, and of each edit field.
 */
export const useWideScreen = () =>
  useSyncExternalStore(
    subscribe,
    () => window.matchMedia(QUERY).matches,
    () => true,
  );
