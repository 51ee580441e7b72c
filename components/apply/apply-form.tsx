'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import { Button } from '@/components/ui/button';
import { ChoiceField, TextAreaField, TextField } from '@/components/ui/field';
import { ErrorSummary } from '@/components/ui/error-summary';
import { FormError } from '@/components/ui/form-error';
import { useFormAction } from '@/components/ui/use-form-action';
import type { ActionResult } from '@/lib/authz';
import { partnerOrganisationKinds } from '@/lib/organisation-kinds';

type Action = (previous: unknown, input: FormData) => Promise<ActionResult<null>>;

const loadSchema = () => import('@/lib/validations/partner-application').then((module) => module.partnerApplicationSchema);

/** Names of the two fields the server screens first (lib/partner-applications/spam.ts). */
export interface SpamFields {
  honeypot: string;
  token: { name: string; value: string };
}

/**
 * The public application form. The shared schema checks it before it is sent (a wrong check
 * digit or a phone number without its country code shows at once); the server parses again.
 * Once sent, the form gives way to a thank-you note that takes the focus.
 */
export function ApplyForm(props: { action: Action; countries: { value: string; label: string }[]; spam: SpamFields; messageMaxLength: number }) {
  const t = useTranslations('apply');
  const { bindForm, ...form } = useFormAction(props.action, loadSchema);
  const thanks = useRef<HTMLDivElement>(null);
  const sent = form.result?.ok === true;
  useEffect(() => {
    if (sent) thanks.current?.focus();
  }, [sent]);

  if (sent) {
    return (
      <div ref={thanks} tabIndex={-1} role="status" data-testid="application-received" className="flex flex-col gap-2 focus:outline-none">
        <h2 className="text-lg font-semibold">{t('thanksTitle')}</h2>
        <p className="text-sm text-slate-700">{t('thanksBody')}</p>
      </div>
    );
  }

  const interest = form.value('interest');
  return (
    <form key={form.formKey} ref={bindForm} action={form.formAction} onSubmit={form.onSubmit} noValidate className="flex flex-col gap-5">
      <ErrorSummary {...form.summary} />
      <input type="hidden" name={props.spam.token.name} value={props.spam.token.value} />
      <fieldset className="flex flex-col gap-2" aria-describedby="interest-error">
        <legend className="mb-1 text-sm font-medium text-slate-800">{t('interest')}</legend>
        {partnerOrganisationKinds.map((kind) => (
          <label key={kind} className="flex items-start gap-2 text-sm">
            <input
              type="radio"
              name="interest"
              value={kind}
              defaultChecked={interest === kind}
              className="mt-1 accent-teal-700"
            />
            <span>
              <span className="font-medium">{t(`interests.${kind}`)}</span>
              <span className="block text-slate-600">{t(`interestHints.${kind}`)}</span>
            </span>
          </label>
        ))}
        <p id="interest-error" role="alert" className="text-sm text-red-700 empty:hidden">
          {form.errorOf('interest')}
        </p>
      </fieldset>
      <TextField label={t('companyName')} name="companyName" autoComplete="organization" defaultValue={form.value('companyName')} error={form.errorOf('companyName')} />
      <div className="grid gap-4 sm:grid-cols-2">
        <ChoiceField
          label={t('country')}
          name="country"
          autoComplete="country"
          defaultValue={form.value('country', 'FI')}
          error={form.errorOf('country')}
          options={props.countries}
        />
        <TextField
          label={t('businessId')}
          hint={t('businessIdHint')}
          name="businessId"
          autoComplete="off"
          spellCheck={false}
          defaultValue={form.value('businessId')}
          error={form.errorOf('businessId')}
        />
      </div>
      <TextField label={t('contactName')} name="contactName" autoComplete="name" defaultValue={form.value('contactName')} error={form.errorOf('contactName')} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={t('email')} name="email" type="email" autoComplete="email" defaultValue={form.value('email')} error={form.errorOf('email')} />
        <TextField
          label={t('phone')}
          hint={t('phoneHint')}
          name="phone"
          type="tel"
          autoComplete="tel"
          defaultValue={form.value('phone')}
          error={form.errorOf('phone')}
        />
      </div>
      <TextAreaField
        label={t('message')}
        hint={t('messageHint', { max: props.messageMaxLength })}
        name="message"
        rows={5}
        maxLength={props.messageMaxLength}
        defaultValue={form.value('message')}
        error={form.errorOf('message')}
      />
      {/* The honeypot: off-screen and out of the tab order, so people leave it empty and bots fill it. */}
      <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
        <label htmlFor="apply-leave-empty">{t('honeypot')}</label>
        <input id="apply-leave-empty" type="text" name={props.spam.honeypot} tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <p className="text-xs text-slate-500">{t('privacy')}</p>
      <div className="flex flex-wrap items-center gap-3" aria-live="polite">
        <Button type="submit" disabled={form.pending}>
          {form.pending ? t('sending') : t('submit')}
        </Button>
        <FormError result={form.formFailure} />
      </div>
    </form>
  );
}
