'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { ChoiceField, TextField } from '@/components/ui/field';
import { ErrorSummary } from '@/components/ui/error-summary';
import { FormError } from '@/components/ui/form-error';
import { useFormAction } from '@/components/ui/use-form-action';
import type { ActionResult } from '@/lib/authz';
import { partnerOrganisationKinds } from '@/lib/organisation-kinds';

export interface OrganisationFormValues {
  kind: string;
  name: string;
  businessId: string;
  country: string;
  contactEmail: string;
}

type Action = (previous: unknown, input: FormData) => Promise<ActionResult<unknown>>;

const loadCreateSchema = () => import('@/lib/validations/admin').then((module) => module.createPartnerOrganisationSchema);
const loadUpdateSchema = () => import('@/lib/validations/admin').then((module) => module.updatePartnerOrganisationSchema);

type Props =
  | { mode: 'create'; action: Action; defaults?: Partial<OrganisationFormValues> }
  | { mode: 'edit'; action: Action; organisationId: string; defaults: Partial<OrganisationFormValues> };

/**
 * Create or edit a partner organisation. The shared schema checks the fields before anything is
 * sent (so a wrong check digit shows at once); the server action parses again and decides.
 * After a successful save the page's fresh (normalised) values are the defaults.
 */
export function OrganisationForm(props: Props) {
  const t = useTranslations('admin.form');
  const tKinds = useTranslations('organisationKinds');
  const { bindForm, ...form } = useFormAction(props.action, props.mode === 'create' ? loadCreateSchema : loadUpdateSchema);
  const defaults = props.defaults ?? {};
  const value = (name: keyof OrganisationFormValues, fallback = '') => form.value(name, defaults[name] ?? fallback);
  const errorOf = form.errorOf;

  return (
    <form key={form.formKey} ref={bindForm} action={form.formAction} onSubmit={form.onSubmit} noValidate className="flex flex-col gap-4">
      <ErrorSummary {...form.summary} />
      {props.mode === 'edit' && <input type="hidden" name="organisationId" value={props.organisationId} />}
      {props.mode === 'create' && (
        <ChoiceField
          label={t('kind')}
          name="kind"
          defaultValue={value('kind')}
          error={errorOf('kind')}
          options={[
            { value: '', label: t('kindPlaceholder') },
            ...partnerOrganisationKinds.map((kind) => ({ value: kind, label: tKinds(kind) })),
          ]}
        />
      )}
      <TextField label={t('name')} name="name" autoComplete="organization" defaultValue={value('name')} error={errorOf('name')} />
      <div className="grid gap-4 sm:grid-cols-[2fr_1fr]">
        <TextField
          label={t('businessId')}
          hint={t('businessIdHint')}
          name="businessId"
          autoComplete="off"
          defaultValue={value('businessId')}
          error={errorOf('businessId')}
        />
        <TextField
          label={t('country')}
          hint={t('countryHint')}
          name="country"
          autoComplete="country"
          maxLength={2}
          defaultValue={value('country', 'FI')}
          error={errorOf('country')}
        />
      </div>
      <TextField
        label={t('contactEmail')}
        hint={t('contactEmailHint')}
        name="contactEmail"
        type="email"
        autoComplete="email"
        defaultValue={value('contactEmail')}
        error={errorOf('contactEmail')}
      />
      <div className="flex items-center gap-3" aria-live="polite">
        <Button type="submit" disabled={form.pending}>
          {props.mode === 'create' ? (form.pending ? t('creating') : t('create')) : form.pending ? t('saving') : t('save')}
        </Button>
        {props.mode === 'edit' && form.result?.ok && <span className="text-sm text-teal-800">{t('saved')}</span>}
        <FormError result={form.formFailure} />
      </div>
    </form>
  );
}
