'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmAction } from '@/components/ui/confirm-action';
import { ErrorSummary } from '@/components/ui/error-summary';
import { FormError } from '@/components/ui/form-error';
import { OneTimeSecret } from '@/components/ui/one-time-secret';
import { TextField } from '@/components/ui/field';
import { useFormAction } from '@/components/ui/use-form-action';
import type { ActionResult } from '@/lib/authz';

type Action<T = null> = (previous: unknown, input: FormData) => Promise<ActionResult<T>>;
export type CreatedApiKey = { key: string; name: string };

const loadCreateSchema = () => import('@/lib/validations/api-keys').then((module) => module.createApiKeySchema);

/**
 * Creates a key. The new key comes back from the server once and is shown here, read-only with a
 * copy button, until the page is left: the portal keeps only its hash.
 */
export function CreateApiKeyForm(props: { action: Action<CreatedApiKey>; organisationId: string }) {
  const t = useTranslations('apiKeys');
  // The last key made stays shown until the page is left, even if a later send is refused.
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const { action: create } = props;
  const action = useCallback<Action<CreatedApiKey>>(
    async (previous, input) => {
      const result = await create(previous, input);
      if (result.ok) setCreated(result.data);
      return result;
    },
    [create],
  );
  const { bindForm, ...form } = useFormAction(action, loadCreateSchema);
  const accessError = form.errorOf('access');
  const accessErrorId = useId();
  return (
    <div className="flex flex-col gap-4">
      {created && <NewApiKey key={created.key} created={created} />}
      <form key={form.formKey} ref={bindForm} action={form.formAction} onSubmit={form.onSubmit} noValidate className="flex flex-col gap-3" data-testid="api-key-form">
        <ErrorSummary {...form.summary} />
        <input type="hidden" name="organisationId" value={props.organisationId} />
        <TextField label={t('name')} hint={t('nameHint')} name="name" autoComplete="off" maxLength={100} defaultValue={form.value('name')} error={form.errorOf('name')} />
        <fieldset className="flex flex-col gap-2" aria-describedby={accessError ? accessErrorId : undefined}>
          <legend className="mb-1 text-sm font-medium text-slate-800">{t('access')}</legend>
          {(['read', 'order'] as const).map((access) => (
            <label key={access} className="flex items-start gap-2 text-sm">
              <input
                type="radio"
                name="access"
                value={access}
                defaultChecked={form.value('access', 'read') === access}
                className="mt-1 accent-teal-700"
              />
              <span>
                <span className="font-medium text-slate-900">{t(access === 'read' ? 'accessRead' : 'accessOrder')}</span>
                <span className="block text-slate-600">{t(access === 'read' ? 'accessReadHint' : 'accessOrderHint')}</span>
              </span>
            </label>
          ))}
          <p id={accessErrorId} role="alert" className="text-sm text-red-700 empty:hidden">
            {accessError}
          </p>
        </fieldset>
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={form.pending}>
            {t('submit')}
          </Button>
          <FormError result={form.formFailure} />
        </div>
      </form>
    </div>
  );
}

/** The new key, once. */
function NewApiKey({ created }: { created: CreatedApiKey }) {
  const t = useTranslations('apiKeys');
  return (
    <OneTimeSecret
      heading="h4"
      title={t('createdTitle', { name: created.name })}
      warning={t('createdWarning')}
      label={t('key')}
      value={created.key}
      texts={{ copy: t('copy'), copied: t('copied'), copyFailed: t('copyFailed') }}
      testId="new-api-key"
    />
  );
}

/** Revokes one key after asking; the outcome shows in the card's outcome message. */
export function RevokeApiKey(props: { action: Action; organisationId: string; keyId: string; name: string; prefix: string }) {
  const t = useTranslations('apiKeys');
  return (
    <ConfirmAction
      action={props.action}
      fields={{ organisationId: props.organisationId, keyId: props.keyId }}
      trigger={t('revoke')}
      triggerName={`${t('revoke')}: ${props.name}`}
      triggerVariant="secondary"
      title={t('revokeTitle', { name: props.name })}
      description={t('revokeConfirm', { prefix: props.prefix })}
      confirm={t('revoke')}
      confirmVariant="danger"
      cancel={t('keep')}
      doneMessage={t('revokedDone', { name: props.name })}
    />
  );
}
