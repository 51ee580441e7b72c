'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { ConfirmAction } from '@/components/ui/confirm-action';
import { ErrorSummary } from '@/components/ui/error-summary';
import { FormError } from '@/components/ui/form-error';
import { useFormAction } from '@/components/ui/use-form-action';
import type { ActionResult } from '@/lib/authz';

type Action<T = null> = (previous: unknown, input: FormData) => Promise<ActionResult<T>>;

const loadSchema = () => import('@/lib/validations/merchants').then((module) => module.addTerminalsSchema);

/** Add Terminal IDs to a merchant the caller's organisation keeps. */
export function AddTerminalsForm({ action, merchantId, merchantName }: { action: Action<{ terminalIds: string[] }>; merchantId: string; merchantName: string }) {
  const t = useTranslations('subChannels.merchant');
  const { bindForm, ...form } = useFormAction(action, loadSchema);
  const error = form.errorOf('terminalIds');
  return (
    <form key={form.formKey} ref={bindForm} action={form.formAction} onSubmit={form.onSubmit} noValidate className="flex flex-col gap-1">
      <ErrorSummary {...form.summary} />
      <input type="hidden" name="merchantId" value={merchantId} />
      <label htmlFor={`terminals-${merchantId}`} className="text-sm font-medium text-slate-800">
        {t('addTerminals')}
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          id={`terminals-${merchantId}`}
          name="terminalIds"
          autoComplete="off"
          placeholder={t('terminalPlaceholder')}
          defaultValue={form.value('terminalIds')}
          aria-label={`${t('addTerminals')}: ${merchantName}`}
          aria-invalid={error ? true : undefined}
          aria-describedby={`terminals-${merchantId}-error`}
          className="min-h-10 min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-3 text-base aria-invalid:border-red-600 sm:text-sm"
        />
        <Button type="submit" variant="secondary" disabled={form.pending}>
          {t('add')}
        </Button>
      </div>
      <p id={`terminals-${merchantId}-error`} role="alert" className="text-sm text-red-700 empty:hidden">
        {error}
      </p>
      <FormError result={form.formFailure} />
    </form>
  );
}

/** Deactivate a merchant after a confirmation; its Terminal IDs are released. */
export function DeactivateMerchant({ action, merchantId, merchantName }: { action: Action; merchantId: string; merchantName: string }) {
  const t = useTranslations('subChannels.merchant');
  return (
    <ConfirmAction
      action={action}
      fields={{ merchantId }}
      trigger={t('deactivate')}
      triggerName={`${t('deactivate')}: ${merchantName}`}
      triggerVariant="ghost"
      triggerClassName="px-2"
      title={t('deactivate')}
      description={t('deactivateConfirm', { name: merchantName })}
      confirm={t('deactivate')}
      confirmVariant="danger"
      cancel={t('keep')}
    />
  );
}
