'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { TextField } from '@/components/ui/field';

/**
 * What sending needs, behind dynamic imports: the shared schema (with zod) and next-auth's
 * client are then no part of the page's first-load JavaScript. Asked for when the field takes
 * the focus, so they are usually there by the time the form is sent.
 */
const loadSending = () => Promise.all([import('@/lib/validations/auth'), import('next-auth/react')]);

export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: 'rateLimited' | 'unavailable' }) {
  const t = useTranslations('signIn');
  const tv = useTranslations('validation');
  const router = useRouter();
  const [email, setEmail] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const [refusals, setRefusals] = useState(0);
  const [formError, setFormError] = useState<string | undefined>(initialError && t(initialError));
  const [sending, setSending] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setFormError(undefined);
    let modules: Awaited<ReturnType<typeof loadSending>>;
    try {
      modules = await loadSending();
    } catch {
      setFormError(t('failed'));
      return;
    }
    const [{ signInSchema }, { signIn }] = modules;
    const parsed = signInSchema.safeParse({ email });
    if (!parsed.success) {
      setFieldError(tv(parsed.error.issues[0]?.message as 'emailInvalid'));
      setRefusals((count) => count + 1);
      return;
    }
    setFieldError(undefined);
    setSending(true);
    try {
      const result = await signIn('email', { email: parsed.data.email, callbackUrl, redirect: false });
      if (result?.status === 429) setFormError(t('rateLimited'));
      else if (result?.status === 503) setFormError(t('unavailable'));
      else if (!result?.ok || result.error) setFormError(t('failed'));
      else router.push(`/sign-in/check-email?email=${encodeURIComponent(parsed.data.email)}`);
    } catch {
      setFormError(t('failed'));
    } finally {
      setSending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 flex flex-col gap-4">
      <ErrorSummary errors={fieldError ? { email: [fieldError] } : null} attempt={refusals} />
      <TextField
        label={t('emailLabel')}
        hint={t('emailHint')}
        name="email"
        type="email"
        autoComplete="email"
        inputMode="email"
        required
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        onFocus={() => void loadSending().catch(() => undefined)}
        error={fieldError}
      />
      {formError && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {formError}
        </p>
      )}
      <Button type="submit" disabled={sending}>
        {sending ? t('sending') : t('submit')}
      </Button>
    </form>
  );
}
