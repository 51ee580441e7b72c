'use client';

import { useId, useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';

/**
 * A secret shown once (a new API key, a webhook signing secret): read-only, selected on focus,
 * with a copy button, the warning that it will not be shown again, and whether the copy worked.
 */
export function OneTimeSecret(props: {
  title: string;
  heading: 'h3' | 'h4';
  warning: string;
  label: string;
  value: string;
  texts: { copy: string; copied: string; copyFailed: string };
  testId: string;
  children?: ReactNode;
}) {
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const id = useId();
  const Heading = props.heading;
  return (
    <section aria-labelledby={`${id}-title`} className="rounded-md border border-amber-300 bg-amber-50 p-4" data-testid={props.testId}>
      <Heading id={`${id}-title`} className="font-semibold text-slate-900">
        {props.title}
      </Heading>
      <p className="mt-1 text-sm text-amber-900">{props.warning}</p>
      <label htmlFor={`${id}-value`} className="mt-3 block text-sm font-medium text-slate-800">
        {props.label}
      </label>
      <div className="mt-1 flex flex-col gap-2 sm:flex-row">
        <input
          id={`${id}-value`}
          readOnly
          value={props.value}
          onFocus={(event) => event.currentTarget.select()}
          spellCheck={false}
          autoComplete="off"
          className="min-h-10 min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm text-slate-900"
        />
        <Button
          variant="secondary"
          onClick={() =>
            void (navigator.clipboard?.writeText(props.value) ?? Promise.reject(new Error('no clipboard'))).then(
              () => setCopy('copied'),
              () => setCopy('failed'),
            )
          }
        >
          {props.texts.copy}
        </Button>
      </div>
      <p aria-live="polite" className="mt-1 text-sm text-slate-700">
        {copy === 'copied' ? props.texts.copied : copy === 'failed' ? props.texts.copyFailed : ''}
      </p>
      {props.children}
    </section>
  );
}
