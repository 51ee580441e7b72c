'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { cn } from '@/components/ui/cn';
import { selectControlClasses, selectLabelClasses } from '@/components/ui/select-field';

interface Suggestion {
  id: string;
  name: string;
  businessId: string;
}

const SUGGEST_AFTER_MS = 200;

/**
 * The queue's partner filter: free text (a name or part of it, or a business ID) with the
 * browser's own suggestion list, filled from the server as one types. The thousands of
 * partners never travel with the page, and without script it is still a plain search field.
 */
export function PartnerFilter({ label, placeholder, defaultValue, className }: { label: string; placeholder: string; defaultValue?: string; className?: string }) {
  const listId = useId();
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const inFlight = useRef<AbortController | null>(null);

  useEffect(
    () => () => {
      clearTimeout(timer.current);
      inFlight.current?.abort();
    },
    [],
  );

  function suggest(typed: string) {
    clearTimeout(timer.current);
    inFlight.current?.abort();
    const query = typed.trim();
    if (query.length < 2) return setSuggestions([]);
    timer.current = setTimeout(() => void fetchSuggestions(query), SUGGEST_AFTER_MS);
  }

  async function fetchSuggestions(query: string) {
    const controller = new AbortController();
    inFlight.current = controller;
    try {
      const response = await fetch(`/api/organisations?q=${encodeURIComponent(query)}`, { signal: controller.signal });
      if (response.ok) setSuggestions(((await response.json()) as { organisations: Suggestion[] }).organisations);
    } catch {
      // Superseded by the next keystroke, or offline: the field still filters as typed.
    }
  }

  return (
    <label className={cn(selectLabelClasses, className)}>
      {label}
      <input
        type="search"
        name="partner"
        list={listId}
        defaultValue={defaultValue}
        placeholder={placeholder}
        autoComplete="off"
        maxLength={100}
        onChange={(event) => suggest(event.target.value)}
        className={selectControlClasses}
      />
      <datalist id={listId}>
        {suggestions.map((suggestion) => (
          <option key={suggestion.id} value={suggestion.name} label={suggestion.businessId} />
        ))}
      </datalist>
    </label>
  );
}
