'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import { ErrorSummary } from '@/components/ui/error-summary';
import { ChoiceField, TextField } from '@/components/ui/field';
import type { ActionResult } from '@/lib/authz';
import { locales, type Locale } from '@/lib/i18n/config';

type Action = (previous: unknown, input: FormData) => Promise<ActionResult<{ name: string; locale: Locale }>>;

export function ProfileForm({ action, defaultName, defaultLocale }: { action: Action; defaultName: string; defaultLocale: Locale }) {
  const t = useTranslations('account');
  const tl = useTranslations('language.names');
  const [state, formAction, pending] = useActionState(action, null);
  const failed = state && !state.ok ? state : undefined;
  return (
    <form action={formAction} noValidate className="flex flex-col gap-4">
      <ErrorSummary result={state} />
      <TextField
        label={t('nameLabel')}
        name="name"
        autoComplete="name"
        defaultValue={state?.ok ? state.data.name : defaultName}
        error={failed?.fieldErrors?.name?.[0]}
      />
      <ChoiceField
        label={t('localeLabel')}
        hint={t('localeHint')}
        name="locale"
        className="sm:max-w-xs"
        options={locales.map((locale) => ({ value: locale, label: tl(locale) }))}
        defaultValue={state?.ok ? state.data.locale : defaultLocale}
        error={failed?.fieldErrors?.locale?.[0]}
      />
      <div className="flex items-center gap-3" aria-live="polite">
        <Button type="submit" disabled={pending}>
          {pending ? t('saving') : t('save')}
        </Button>
        {state?.ok && <span className="text-sm text-teal-800">{t('saved')}</span>}
        <FormError result={state} />
      </div>
    </form>
  );
}
