'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { chooseLocaleAction } from '@/app/locale-actions';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { ChoiceField, TextField } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import { useFormAction } from '@/components/ui/use-form-action';
import type { ActionResult } from '@/lib/authz';
import { locales, type Locale } from '@/lib/i18n/config';

type Accept = (previous: unknown, input: FormData) => Promise<ActionResult<{ email: string; locale: Locale }>>;

const loadSchema = () => import('@/lib/validations/team').then((module) => module.acceptInvitationSchema);

/**
 * Asks for the person's name and language, accepts the invitation, then asks for the sign-in
 * link as the sign-in page would and goes on to "check your email" in the chosen language.
 */
export function AcceptInvitation({ accept, defaultLocale }: { accept: Accept; defaultLocale: Locale }) {
  const t = useTranslations('invitation');
  const tl = useTranslations('language.names');
  const router = useRouter();
  const { bindForm, ...form } = useFormAction(accept, loadSchema);
  const accepted = form.result?.ok ? form.result.data : null;

  useEffect(() => {
    if (!accepted) return;
    const { email, locale } = accepted;
    void (async () => {
      const { signIn } = await import('next-auth/react');
      await signIn('email', { email, callbackUrl: '/', redirect: false });
      const choice = new FormData();
      choice.set('locale', locale);
      // Remembering the language re-renders this page (the invitation now used); the router goes on.
      await chooseLocaleAction(choice);
      router.push(`/sign-in/check-email?email=${encodeURIComponent(email)}`);
    })();
  }, [accepted, router]);

  return (
    <form ref={bindForm} key={form.formKey} action={form.formAction} onSubmit={form.onSubmit} noValidate className="mt-6 flex flex-col gap-4">
      <ErrorSummary {...form.summary} />
      <TextField label={t('nameLabel')} hint={t('nameHint')} name="name" autoComplete="name" defaultValue={form.value('name')} error={form.errorOf('name')} />
      <ChoiceField
        label={t('localeLabel')}
        name="locale"
        className="sm:max-w-xs"
        options={locales.map((locale) => ({ value: locale, label: tl(locale) }))}
        defaultValue={form.value('locale', defaultLocale)}
        error={form.errorOf('locale')}
      />
      <Button type="submit" disabled={form.pending || accepted !== null}>
        {form.pending || accepted ? t('accepting') : t('accept')}
      </Button>
      <FormError result={form.formFailure} />
    </form>
  );
}
