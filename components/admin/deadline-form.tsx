'use client';

import { useTranslations } from 'next-intl';
import { startTransition, useActionState, useState } from 'react';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import type { ActionResult } from '@/lib/authz';
import type { DeadlineSetting } from '@/lib/orders/deadline';

type Action = (previous: unknown, input: FormData) => Promise<ActionResult<DeadlineSetting>>;

export function DeadlineForm({ action, current }: { action: Action; current: DeadlineSetting }) {
  const t = useTranslations('admin.deadline');
  const [state, formAction, pending] = useActionState(action, null);
  // Controlled and submitted through onSubmit: React resets a form given as `action` afterwards,
  // and a refused value must stay there to correct.
  const [mode, setMode] = useState(current.mode);
  const [days, setDays] = useState(String(current.days));
  const failed = state && !state.ok ? state : undefined;
  return (
    <form
      noValidate
      className="flex flex-col gap-4"
      data-testid="deadline-form"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => formAction(data));
      }}
    >
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium text-slate-800">{t('mode')}</legend>
        {(['calendar_days', 'business_days'] as const).map((option) => (
          <label key={option} className="flex items-center gap-2 text-sm">
            <input type="radio" name="mode" value={option} checked={mode === option} onChange={() => setMode(option)} className="accent-teal-700" />
            {t(option)}
          </label>
        ))}
      </fieldset>
      <TextField
        label={t('days')}
        name="days"
        type="number"
        min={1}
        max={60}
        value={days}
        onChange={(event) => setDays(event.target.value)}
        className="max-w-40"
        error={failed?.fieldErrors?.days?.[0]}
      />
      <div className="flex items-center gap-3" aria-live="polite">
        <Button type="submit" disabled={pending}>
          {t('save')}
        </Button>
        {state?.ok && <span className="text-sm text-teal-800">{t('saved')}</span>}
      </div>
    </form>
  );
}
