'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { ErrorSummary } from '@/components/ui/error-summary';
import { FormError } from '@/components/ui/form-error';
import { useFormAction } from '@/components/ui/use-form-action';
import type { ActionResult } from '@/lib/authz';
import type { DeadlineSetting } from '@/lib/orders/deadline';

type Action = (previous: unknown, input: FormData) => Promise<ActionResult<DeadlineSetting>>;

const loadSchema = () => import('@/lib/validations/admin').then((module) => module.deadlineFormSchema);

export function DeadlineForm({ action, current }: { action: Action; current: DeadlineSetting }) {
  const t = useTranslations('admin.deadline');
  const { bindForm, ...form } = useFormAction(action, loadSchema);
  const mode = form.value('mode', current.mode);
  return (
    <form key={form.formKey} ref={bindForm} action={form.formAction} onSubmit={form.onSubmit} noValidate className="flex flex-col gap-4" data-testid="deadline-form">
      <ErrorSummary {...form.summary} />
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium text-slate-800">{t('mode')}</legend>
        {(['calendar_days', 'business_days'] as const).map((option) => (
          <label key={option} className="flex items-center gap-2 text-sm">
            <input type="radio" name="mode" value={option} defaultChecked={mode === option} className="accent-teal-700" />
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
        defaultValue={form.value('days', String(current.days))}
        className="max-w-40"
        error={form.errorOf('days')}
      />
      <div className="flex items-center gap-3" aria-live="polite">
        <Button type="submit" disabled={form.pending}>
          {t('save')}
        </Button>
        {form.result?.ok && <span className="text-sm text-teal-800">{t('saved')}</span>}
        <FormError result={form.formFailure} />
      </div>
    </form>
  );
}
