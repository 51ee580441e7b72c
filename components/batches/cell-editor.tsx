'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';

/**
 * One cell of a file edited in place: its input takes the focus, Enter saves (the server checks
 * the whole file again), Escape or Cancel leaves it as it was. A failed save keeps what was typed.
 */
export function CellEditor(props: {
  label: string;
  value: string;
  /** Resolves to an error message, or null once saved. */
  save: (value: string) => Promise<string | null>;
  cancel: () => void;
}) {
  const t = useTranslations('batches.preview');
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    const failed = await props.save(input.current?.value ?? '');
    setSaving(false);
    if (failed) {
      setError(failed);
      input.current?.focus();
    }
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      props.cancel();
    }
  };

  return (
    <form onSubmit={(event) => void onSubmit(event)} className="mt-2 flex flex-col gap-2" noValidate>
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {props.label}
      </label>
      <input
        ref={input}
        id={id}
        defaultValue={props.value}
        onKeyDown={onKeyDown}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-error`}
        className={cn(
          'min-h-10 w-full min-w-0 rounded-md border bg-white px-3 py-2 text-base text-slate-900 shadow-sm sm:text-sm',
          'focus:outline-2 focus:outline-offset-1 focus:outline-teal-700',
          error ? 'border-red-600' : 'border-slate-300',
        )}
      />
      <p id={`${id}-error`} role="alert" className="text-sm text-red-700 empty:hidden">
        {error}
      </p>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={saving}>
          {saving ? t('saving') : t('save')}
        </Button>
        <Button variant="ghost" onClick={props.cancel} disabled={saving}>
          {t('cancel')}
        </Button>
      </div>
    </form>
  );
}
