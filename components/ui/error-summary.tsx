'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useId, useLayoutEffect, useRef, useState, type MouseEvent } from 'react';
import type { ActionResult, FieldErrors } from '@/lib/authz';
import { cn } from './cn';

/** The form control a field error belongs to: the first of a radio group, never a hidden input. */
function controlOf(form: HTMLFormElement | null | undefined, name: string): HTMLElement | undefined {
  const found = form?.elements.namedItem(name);
  const control = found instanceof RadioNodeList ? found[0] : found;
  if (!(control instanceof HTMLElement) || (control instanceof HTMLInputElement && control.type === 'hidden')) return undefined;
  return control;
}

/**
 * GOV.UK's error summary: after a refused send, every problem of the form at its top, each a
 * link that moves the focus to its field. The summary takes the focus on each refusal, so a
 * screen reader reads it first, and the document title starts with "Error: " while it shows.
 * Field errors stay beside their fields too; failures that concern no field are `FormError`'s.
 *
 * Place it inside the form, first. `attempt` changes on each refused send (a counter, or the
 * action's result object), so a second refusal with the same problems takes the focus again.
 * Forms on `useActionState` may pass their state as `result` instead of `errors` and `attempt`.
 *
 * @see https://design-system.service.gov.uk/components/error-summary/
 */
export function ErrorSummary(props: { errors?: FieldErrors | null; attempt?: unknown; result?: ActionResult<unknown> | null; className?: string }) {
  const t = useTranslations('validation.summary');
  const errors = props.result ? (props.result.ok ? undefined : props.result.fieldErrors) : props.errors;
  const attempt = props.result ?? props.attempt;
  const entries = Object.entries(errors ?? {}).filter(([, messages]) => messages.length > 0);
  const shown = entries.length > 0;
  const root = useRef<HTMLDivElement>(null);
  const headingId = useId();
  // Each field's control id and place in the form, read from the form once it has rendered the errors.
  const [targets, setTargets] = useState<Record<string, { id: string; place: number }>>({});
  const names = entries.map(([name]) => name).join('\n');

  useLayoutEffect(() => {
    const form = root.current?.closest('form');
    const found: Record<string, { id: string; place: number }> = {};
    const elements = [...(form?.elements ?? [])];
    for (const name of names.split('\n')) {
      const control = controlOf(form, name);
      if (control) found[name] = { id: control.id || name, place: elements.indexOf(control as Element) };
    }
    // Read from the DOM after it rendered, before paint: the one way to learn the fields' ids and order.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setTargets(found);
  }, [names]);

  useEffect(() => {
    if (shown) root.current?.focus();
    // Only a new refusal moves the focus, not errors changing as the person types.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attempt]);

  useEffect(() => {
    if (!shown) return;
    const original = document.title;
    const prefixed = t('documentTitle', { title: original });
    document.title = prefixed;
    return () => {
      // A navigation in the meantime has set the next page's title: leave that one.
      if (document.title === prefixed) document.title = original;
    };
  }, [shown, t]);

  if (!shown) return null;
  // In the order of the fields on the page, as a reader meets them; problems of no field last.
  const listed = entries.toSorted(([a], [b]) => (targets[a]?.place ?? Infinity) - (targets[b]?.place ?? Infinity));

  function follow(event: MouseEvent<HTMLAnchorElement>, name: string) {
    const control = controlOf(root.current?.closest('form'), name);
    if (!control) return;
    event.preventDefault();
    control.focus();
    // The field's label and hint sit above it: bring them into view with it.
    control.closest('fieldset, div')?.scrollIntoView({ block: 'center' });
  }

  return (
    <div
      ref={root}
      tabIndex={-1}
      aria-labelledby={headingId}
      role="group"
      data-testid="error-summary"
      className={cn('rounded-md border-2 border-red-700 bg-white p-4 focus:outline-3 focus:outline-offset-2 focus:outline-amber-400', props.className)}
    >
      <div role="alert">
        <h2 id={headingId} className="text-base font-semibold text-slate-900">
          {t('title')}
        </h2>
        <ul className="mt-2 flex list-none flex-col gap-1 text-sm">
          {listed.map(([name, messages]) => (
            <li key={name}>
              {targets[name] ? (
                <a href={`#${targets[name].id}`} onClick={(event) => follow(event, name)} className="font-medium text-red-800 underline">
                  {messages[0]}
                </a>
              ) : (
                <span className="font-medium text-red-800">{messages[0]}</span>
              )}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
