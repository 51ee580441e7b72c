'use client';

import { useTranslations } from 'next-intl';
import { AlertDialog } from 'radix-ui';
import { useActionState } from 'react';
import { Button, buttonClasses } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import { useFormAction } from '@/components/ui/use-form-action';
import type { ActionResult } from '@/lib/authz';
import { addTerminalsSchema } from '@/lib/validations/merchants';

type Action<T = null> = (previous: unknown, input: FormData) => Promise<ActionResult<T>>;

/** Add Terminal IDs to a merchant the caller's organisation keeps. */
export function AddTerminalsForm({ action, merchantId, merchantName }: { action: Action<{ terminalIds: string[] }>; merchantId: string; merchantName: string }) {
  const t = useTranslations('subChannels.merchant');
  const { bindForm, ...form } = useFormAction(action, addTerminalsSchema);
  const error = form.errorOf('terminalIds');
  return (
    <form key={form.formKey} ref={bindForm} action={form.formAction} onSubmit={form.onSubmit} noValidate className="flex flex-col gap-1">
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
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <AlertDialog.Root>
      <AlertDialog.Trigger className={buttonClasses('ghost', 'px-2')} aria-label={`${t('deactivate')}: ${merchantName}`}>
        {t('deactivate')}
      </AlertDialog.Trigger>
      <FormError result={state} />
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <AlertDialog.Content className="fixed left-1/2 top-1/2 z-50 w-[calc(100%-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-6 shadow-xl">
          <AlertDialog.Title className="text-lg font-semibold">{t('deactivate')}</AlertDialog.Title>
          <AlertDialog.Description className="mt-2 text-sm text-slate-600">{t('deactivateConfirm', { name: merchantName })}</AlertDialog.Description>
          <form action={formAction} className="mt-6 flex justify-end gap-3">
            <input type="hidden" name="merchantId" value={merchantId} />
            <AlertDialog.Cancel className={buttonClasses('ghost')}>{t('keep')}</AlertDialog.Cancel>
            <Button type="submit" variant="danger" disabled={pending}>
              {t('deactivate')}
            </Button>
          </form>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
