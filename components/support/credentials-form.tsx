'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { useAnnounce } from '@/components/ui/action-outcome';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { FormError } from '@/components/ui/form-error';
import { TextField } from '@/components/ui/field';
import type { ActionResult } from '@/lib/authz';
import { generatePassword } from '@/lib/credentials/password';

type Action = (previous: unknown, input: FormData) => Promise<ActionResult>;

/**
 * Username and initial password. The password field is write-only: typed or pasted, or
 * generated here in the browser and copied once into CloudPOS. After saving it is never shown.
 */
export function CredentialsForm({ action, orderId, phone }: { action: Action; orderId: string; phone: string }) {
  const t = useTranslations('support');
  const announce = useAnnounce();
  const [state, formAction, pending] = useActionState(async (previous: unknown, input: FormData) => {
    const result = await action(previous, input);
    if (result.ok) announce(t('credentialsSaved'));
    return result;
  }, null);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [shown, setShown] = useState(false);
  const [copied, setCopied] = useState(false);
  const failed = state && !state.ok ? state : undefined;

  return (
    <form action={formAction} className="flex flex-col gap-3" data-testid="credentials-form">
      <ErrorSummary result={state} />
      <p className="text-sm text-slate-600">{t('credentialsIntro', { phone })}</p>
      <input type="hidden" name="orderId" value={orderId} />
      <TextField
        label={t('username')}
        name="username"
        autoComplete="off"
        value={username}
        onChange={(event) => setUsername(event.target.value)}
        error={failed?.fieldErrors?.username?.[0]}
      />
      <TextField
        label={t('password')}
        hint={t('passwordHint')}
        name="password"
        type={shown ? 'text' : 'password'}
        autoComplete="new-password"
        spellCheck={false}
        value={password}
        onChange={(event) => {
          setPassword(event.target.value);
          setShown(false);
        }}
        error={failed?.fieldErrors?.password?.[0]}
      />
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          onClick={() => {
            setPassword(generatePassword());
            setShown(true);
            setCopied(false);
          }}
        >
          {t('generate')}
        </Button>
        {shown && (
          <Button
            variant="ghost"
            onClick={() => void navigator.clipboard?.writeText(password).then(() => setCopied(true))}
          >
            {copied ? t('copied') : t('copy')}
          </Button>
        )}
      </div>
      <div>
        <Button type="submit" disabled={pending}>
          {t('sendCredentials')}
        </Button>
      </div>
      <FormError result={state} />
    </form>
  );
}
