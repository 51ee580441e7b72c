'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { ChoiceField, TextField } from '@/components/ui/field';
import { ErrorSummary } from '@/components/ui/error-summary';
import { FormError } from '@/components/ui/form-error';
import { useFormAction } from '@/components/ui/use-form-action';
import type { ActionResult } from '@/lib/authz';

export interface CatalogueFormValues {
  supplierName: string;
  ecrName: string;
  integrationName: string;
  supplierOrganisationId: string;
  merchantVisibility: '3a' | '3b';
  resellerIds: string[];
  active: boolean;
}

interface Option {
  id: string;
  name: string;
}

type Action = (previous: unknown, input: FormData) => Promise<ActionResult<unknown>>;

const loadSchema = () => import('@/lib/validations/catalogue').then((module) => module.catalogueEntrySchema);

/** Create or edit an ECR catalogue entry: who supplies it, who resells it, and 3a or 3b. */
export function CatalogueForm(props: {
  action: Action;
  ecrProductId?: string;
  defaults: CatalogueFormValues;
  suppliers: Option[];
  resellers: Option[];
}) {
  const t = useTranslations('catalogue.form');
  const { bindForm, ...form } = useFormAction(props.action, loadSchema);
  const { defaults } = props;
  const resellerIds = form.values('resellerIds', defaults.resellerIds);
  const visibility = form.value('merchantVisibility', defaults.merchantVisibility);
  return (
    <form key={form.formKey} ref={bindForm} action={form.formAction} onSubmit={form.onSubmit} noValidate className="flex flex-col gap-5" data-testid="catalogue-form">
      <ErrorSummary {...form.summary} />
      {props.ecrProductId && <input type="hidden" name="ecrProductId" value={props.ecrProductId} />}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={t('supplierName')} hint={t('supplierNameHint')} name="supplierName" defaultValue={form.value('supplierName', defaults.supplierName)} error={form.errorOf('supplierName')} />
        <TextField label={t('ecrName')} name="ecrName" defaultValue={form.value('ecrName', defaults.ecrName)} error={form.errorOf('ecrName')} />
      </div>
      <TextField
        label={t('integrationName')}
        hint={t('integrationNameHint')}
        name="integrationName"
        defaultValue={form.value('integrationName', defaults.integrationName)}
        error={form.errorOf('integrationName')}
      />
      <ChoiceField
        label={t('supplierOrganisation')}
        hint={t('supplierOrganisationHint')}
        name="supplierOrganisationId"
        defaultValue={form.value('supplierOrganisationId', defaults.supplierOrganisationId)}
        error={form.errorOf('supplierOrganisationId')}
        options={[{ value: '', label: t('noSupplierOrganisation') }, ...props.suppliers.map((supplier) => ({ value: supplier.id, label: supplier.name }))]}
      />
      <fieldset className="flex flex-col gap-2" aria-describedby="merchantVisibility-error">
        <legend className="mb-1 text-sm font-medium text-slate-800">{t('visibility')}</legend>
        {(['3a', '3b'] as const).map((option) => (
          <label key={option} className="flex items-start gap-2 text-sm">
            <input type="radio" name="merchantVisibility" value={option} defaultChecked={visibility === option} className="mt-1 accent-teal-700" />
            <span>
              <span className="font-medium">{t(`visibility_${option}`)}</span>
              <span className="block text-slate-600">{t(`visibility_${option}_hint`)}</span>
            </span>
          </label>
        ))}
        <p id="merchantVisibility-error" role="alert" className="text-sm text-red-700 empty:hidden">
          {form.errorOf('merchantVisibility')}
        </p>
      </fieldset>
      <fieldset className="flex flex-col gap-2" aria-describedby="resellerIds-error">
        <legend className="mb-1 text-sm font-medium text-slate-800">{t('resellers')}</legend>
        {props.resellers.length === 0 && <p className="text-sm text-slate-500">{t('noResellers')}</p>}
        <div className="grid gap-2 sm:grid-cols-2">
          {props.resellers.map((reseller) => (
            <label key={reseller.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="resellerIds" value={reseller.id} defaultChecked={resellerIds.includes(reseller.id)} className="accent-teal-700" />
              {reseller.name}
            </label>
          ))}
        </div>
        <p id="resellerIds-error" role="alert" className="text-sm text-red-700 empty:hidden">
          {form.errorOf('resellerIds')}
        </p>
      </fieldset>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="active" defaultChecked={form.checked('active', defaults.active)} className="accent-teal-700" />
        {t('active')}
      </label>
      <div className="flex items-center gap-3" aria-live="polite">
        <Button type="submit" disabled={form.pending}>
          {form.pending ? t('saving') : props.ecrProductId ? t('save') : t('create')}
        </Button>
        {form.result?.ok && <span className="text-sm text-teal-800">{t('saved')}</span>}
        <FormError result={form.formFailure} />
      </div>
    </form>
  );
}
