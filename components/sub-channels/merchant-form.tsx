'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { TextAreaField, TextField } from '@/components/ui/field';
import { ErrorSummary } from '@/components/ui/error-summary';
import { FormError } from '@/components/ui/form-error';
import { useFormAction } from '@/components/ui/use-form-action';
import type { ActionResult } from '@/lib/authz';

type Action = (previous: unknown, input: FormData) => Promise<ActionResult<{ name: string }>>;

const loadSchema = () => import('@/lib/validations/merchants').then((module) => module.addMerchantSchema);

/** Connect a new merchant (and its first Terminal IDs) under a sub-channel: no order needed. */
export function MerchantForm({ action, subChannelOrderId }: { action: Action; subChannelOrderId: string }) {
  const t = useTranslations('subChannels.form');
  const { bindForm, ...form } = useFormAction(action, loadSchema);
  return (
    <form key={form.formKey} ref={bindForm} action={form.formAction} onSubmit={form.onSubmit} noValidate className="flex flex-col gap-4" data-testid="merchant-form">
      <ErrorSummary {...form.summary} />
      <input type="hidden" name="subChannelOrderId" value={subChannelOrderId} />
      <TextField label={t('name')} name="name" autoComplete="off" defaultValue={form.value('name')} error={form.errorOf('name')} />
      <div className="grid grid-cols-[minmax(0,1fr)_5rem] gap-4">
        <TextField label={t('businessId')} hint={t('businessIdHint')} name="businessId" autoComplete="off" defaultValue={form.value('businessId')} error={form.errorOf('businessId')} />
        <TextField label={t('country')} name="country" maxLength={2} defaultValue={form.value('country', 'FI')} error={form.errorOf('country')} />
      </div>
      <TextField label={t('contactName')} name="contactName" autoComplete="off" defaultValue={form.value('contactName')} error={form.errorOf('contactName')} />
      <TextField label={t('contactEmail')} name="contactEmail" type="email" autoComplete="off" defaultValue={form.value('contactEmail')} error={form.errorOf('contactEmail')} />
      <TextField label={t('contactPhone')} hint={t('contactPhoneHint')} name="contactPhone" type="tel" autoComplete="off" defaultValue={form.value('contactPhone')} error={form.errorOf('contactPhone')} />
      <TextAreaField label={t('terminalIds')} hint={t('terminalIdsHint')} name="terminalIds" defaultValue={form.value('terminalIds')} error={form.errorOf('terminalIds')} />
      <div className="flex flex-wrap items-center gap-3" aria-live="polite">
        <Button type="submit" disabled={form.pending}>
          {form.pending ? t('adding') : t('add')}
        </Button>
        {form.result?.ok && <span className="text-sm text-teal-800">{t('added', { name: form.result.data.name })}</span>}
        <FormError result={form.formFailure} />
      </div>
    </form>
  );
}
