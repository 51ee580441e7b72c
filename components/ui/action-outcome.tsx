'use client';

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';

interface Outcome {
  message: string;
  /** Counts announcements, so the same message twice is still news. */
  serial: number;
}

const OutcomeContext = createContext<{ outcome: Outcome | null; announce: (message: string) => void }>({
  outcome: null,
  announce: () => undefined,
});

/**
 * What the last action on a page did. The form that acted often disappears with its action (a
 * claimed order has no "Take it" button), so the message lives here, above the forms, and stays.
 */
export function ActionOutcomeProvider({ children }: { children: ReactNode }) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const announce = useCallback((message: string) => setOutcome((previous) => ({ message, serial: (previous?.serial ?? 0) + 1 })), []);
  const value = useMemo(() => ({ outcome, announce }), [outcome, announce]);
  return <OutcomeContext value={value}>{children}</OutcomeContext>;
}

/** Announces a successful action: call it once the server has said yes. */
export const useAnnounce = () => useContext(OutcomeContext).announce;

/**
 * Where the outcome shows: a live region (role="status"), always in the page so screen readers
 * are listening before the message arrives. The message takes the focus, so keyboard and screen
 * reader users continue from the result rather than from a button that is gone.
 */
export function ActionOutcomeMessage() {
  const { outcome } = useContext(OutcomeContext);
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (outcome) ref.current?.focus();
  }, [outcome]);
  return (
    <div role="status" data-testid="action-outcome">
      {outcome && (
        <p
          key={outcome.serial}
          ref={ref}
          tabIndex={-1}
          className="mb-4 rounded-md bg-teal-50 px-3 py-2 text-sm font-medium text-teal-900 focus:outline-2 focus:outline-offset-2 focus:outline-teal-700"
        >
          {outcome.message}
        </p>
      )}
    </div>
  );
}
