'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import { cn } from '@/components/ui/cn';
import { TextField } from '@/components/ui/field';
import type { ActionResult, FieldErrors } from '@/lib/authz';
import {
  createPartnerOrganisationSchema,
  partnerOrganisationKinds,
  updatePartnerOrganisationSchema,
} from '@/lib/validations/admin';

export interface OrganisationFormValues {
  kind: string;
  name: string;
  businessId: string;
  country: string;
  contactEmail: string;
}

type Action = (previous: unknown, input: FormData) => Promise<ActionResult<unknown>>;

type Props =
  | { mode: 'create'; action: Action; defaults?: Partial<OrganisationFormValues> }
  | { mode: 'edit'; action: Action; organisationId: string; defaults: Partial<OrganisationFormValues> };

interface State {
  result: ActionResult<unknown> | null;
  /** What was sent: React resets a form after its action, so the fields are refilled from here. */
  values: OrganisationFormValues | null;
}

const fieldNames = ['kind', 'name', 'businessId', 'country', 'contactEmail'] as const;

const valuesOf = (formData: FormData): OrganisationFormValues =>
  Object.fromEntries(fieldNames.map((name) => [name, String(formData.get(name) ?? '')])) as unknown as OrganisationFormValues;

/**
 * Create or edit a partner organisation. The shared schema checks the fields before anything is
 * sent (so a wrong check digit shows at once); the server action parses again and decides.
 */
export function OrganisationForm(props: Props) {
  const t = useTranslations('admin.form');
  const tValidation = useTranslations('validation');
  const tKinds = useTranslations('organisationKinds');
  const formRef = useRef<HTMLFormElement>(null);
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const [state, formAction, pending] = useActionState(
    async (_previous: State, formData: FormData): Promise<State> => ({
      result: await props.action(null, formData),
      values: valuesOf(formData),
    }),
    { result: null, values: null },
  );

  const failed = state.result && !state.result.ok ? state.result : undefined;
  const errors = clientErrors ?? failed?.fieldErrors;
  // After a successful save the page's fresh (normalised) values are the truth.
  const values: Partial<OrganisationFormValues> = (!state.result?.ok && state.values) || props.defaults || {};
  const errorOf = (field: string) => errors?.[field]?.[0];

  // Take the person to the first field that needs attention, whichever side found it.
  useEffect(() => {
    if (errors) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  function checkBeforeSending(event: FormEvent<HTMLFormElement>) {
    const formData = new FormData(event.currentTarget);
    const parsed =
      props.mode === 'create'
        ? createPartnerOrganisationSchema.safeParse(Object.fromEntries(formData))
        : updatePartnerOrganisationSchema.safeParse(Object.fromEntries(formData));
    if (parsed.success) {
      setClientErrors(null);
      return;
    }
    event.preventDefault();
    const found: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path.join('.') || 'form';
      (found[field] ??= []).push(tValidation.has(issue.message as never) ? tValidation(issue.message as never) : issue.message);
    }
    setClientErrors(found);
  }

  return (
    <form ref={formRef} action={formAction} onSubmit={checkBeforeSending} noValidate className="flex flex-col gap-4">
      {props.mode === 'edit' && <input type="hidden" name="organisationId" value={props.organisationId} />}
      {props.mode === 'create' && (
        <SelectField
          label={t('kind')}
          name="kind"
          defaultValue={values.kind ?? ''}
          error={errorOf('kind')}
          options={[
            { value: '', label: t('kindPlaceholder') },
            ...partnerOrganisationKinds.map((kind) => ({ value: kind, label: tKinds(kind) })),
          ]}
        />
      )}
      <TextField label={t('name')} name="name" autoComplete="organization" defaultValue={values.name ?? ''} error={errorOf('name')} />
      <div className="grid gap-4 sm:grid-cols-[2fr_1fr]">
        <TextField
          label={t('businessId')}
          hint={t('businessIdHint')}
          name="businessId"
          autoComplete="off"
          defaultValue={values.businessId ?? ''}
          error={errorOf('businessId')}
        />
        <TextField
          label={t('country')}
          hint={t('countryHint')}
          name="country"
          autoComplete="country"
          maxLength={2}
          defaultValue={values.country ?? 'FI'}
          error={errorOf('country')}
        />
      </div>
      <TextField
        label={t('contactEmail')}
        hint={t('contactEmailHint')}
        name="contactEmail"
        type="email"
        autoComplete="email"
        defaultValue={values.contactEmail ?? ''}
        error={errorOf('contactEmail')}
      />
      <div className="flex items-center gap-3" aria-live="polite">
        <Button type="submit" disabled={pending}>
          {props.mode === 'create' ? (pending ? t('creating') : t('create')) : pending ? t('saving') : t('save')}
        </Button>
        {props.mode === 'edit' && state.result?.ok && <span className="text-sm text-teal-800">{t('saved')}</span>}
        {!clientErrors && <FormError result={state.result} />}
      </div>
    </form>
  );
}

/** A labelled select with its error beside it, wired like the TextField in components/ui. */
function SelectField(props: {
  label: string;
  name: string;
  defaultValue: string;
  error?: string;
  options: { value: string; label: string }[];
}) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {props.label}
      </label>
      <select
        id={id}
        name={props.name}
        defaultValue={props.defaultValue}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? errorId : undefined}
        className={cn(
          'min-h-10 rounded-md border bg-white px-3 py-2 text-base text-slate-900 shadow-sm sm:text-sm',
          'focus:outline-2 focus:outline-offset-1 focus:outline-teal-700',
          props.error ? 'border-red-600' : 'border-slate-300',
        )}
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <p id={errorId} role="alert" className="text-sm text-red-700 empty:hidden">
        {props.error}
      </p>
    </div>
  );
}
