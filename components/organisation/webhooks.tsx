'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useActionState, useCallback, useId, useState } from 'react';
import { useAnnounce } from '@/components/ui/action-outcome';
import { Button } from '@/components/ui/button';
import { ConfirmAction } from '@/components/ui/confirm-action';
import { ErrorSummary } from '@/components/ui/error-summary';
import { FormError } from '@/components/ui/form-error';
import { OneTimeSecret } from '@/components/ui/one-time-secret';
import { TextField } from '@/components/ui/field';
import { useFormAction } from '@/components/ui/use-form-action';
import type { ActionResult } from '@/lib/authz';
import { eventTypeKey, webhookEventTypes } from '@/lib/webhooks/events';

type Action<T = null> = (previous: unknown, input: FormData) => Promise<ActionResult<T>>;
export type CreatedEndpoint = { secret: string; endpointId: string; url: string };
export type RotatedSecret = { secret: string; previousSecretUntil: string };

const loadCreateSchema = () => import('@/lib/validations/webhooks').then((module) => module.webhookEndpointSchema);
const loadUpdateSchema = () => import('@/lib/validations/webhooks').then((module) => module.updateWebhookEndpointSchema);

/**
 * Adds an endpoint, or (with `endpoint`) changes one. A new endpoint's secret comes back from the
 * server once and is shown here until the page is left: the portal keeps it only sealed.
 */
export function WebhookEndpointForm(props: {
  action: Action<CreatedEndpoint | null>;
  organisationId: string;
  endpoint?: { id: string; url: string; description: string; eventTypes: readonly string[] };
}) {
  const t = useTranslations('webhooks');
  const announce = useAnnounce();
  const [created, setCreated] = useState<CreatedEndpoint | null>(null);
  const { action: send, endpoint } = props;
  const action = useCallback<Action<CreatedEndpoint | null>>(
    async (previous, input) => {
      const result = await send(previous, input);
      if (result.ok && result.data) setCreated(result.data);
      if (result.ok && !result.data) announce(t('saved'));
      return result;
    },
    [send, announce, t],
  );
  const { bindForm, ...form } = useFormAction(action, endpoint ? loadUpdateSchema : loadCreateSchema);
  const eventsError = form.errorOf('eventTypes');
  const id = useId();
  const chosen = form.values('eventTypes', endpoint ? [...endpoint.eventTypes] : []);
  return (
    <div className="flex flex-col gap-4">
      {created && <NewSecret key={created.secret} secret={created.secret} title={t('secretCreated')} />}
      <form key={form.formKey} ref={bindForm} action={form.formAction} onSubmit={form.onSubmit} noValidate className="flex flex-col gap-3" data-testid="webhook-form">
        <ErrorSummary {...form.summary} />
        <input type="hidden" name="organisationId" value={props.organisationId} />
        {endpoint && <input type="hidden" name="endpointId" value={endpoint.id} />}
        <TextField
          label={t('url')}
          hint={t('urlHint')}
          name="url"
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          maxLength={2000}
          defaultValue={form.value('url', endpoint?.url ?? '')}
          error={form.errorOf('url')}
        />
        <TextField
          label={t('description')}
          hint={t('descriptionHint')}
          name="description"
          autoComplete="off"
          maxLength={200}
          defaultValue={form.value('description', endpoint?.description ?? '')}
          error={form.errorOf('description')}
        />
        <fieldset className="flex flex-col gap-2" aria-describedby={`${id}-events-hint${eventsError ? ` ${id}-events-error` : ''}`}>
          <legend className="mb-1 text-sm font-medium text-slate-800">{t('events')}</legend>
          <p id={`${id}-events-hint`} className="text-sm text-slate-500">
            {t('eventsHint')}
          </p>
          <div className="grid gap-2">
            {webhookEventTypes.map((type, index) => (
              <label key={type} className="flex items-start gap-2 text-sm">
                <input
                  id={index === 0 ? `${id}-events` : undefined}
                  type="checkbox"
                  name="eventTypes"
                  value={type}
                  defaultChecked={chosen.includes(type)}
                  aria-invalid={eventsError ? true : undefined}
                  className="mt-1 accent-teal-700"
                />
                <span>
                  <span className="font-medium text-slate-900">{t(`eventTypes.${eventTypeKey(type)}`)}</span>{' '}
                  <code className="block text-xs break-all text-slate-500">{type}</code>
                </span>
              </label>
            ))}
          </div>
          <p id={`${id}-events-error`} role="alert" className="text-sm text-red-700 empty:hidden">
            {eventsError}
          </p>
        </fieldset>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={form.pending}>
            {endpoint ? t('save') : t('submit')}
          </Button>
          <FormError result={form.formFailure} />
        </div>
      </form>
    </div>
  );
}

/** A signing secret, once. */
function NewSecret({ secret, title }: { secret: string; title: string }) {
  const t = useTranslations('webhooks');
  return (
    <OneTimeSecret
      heading="h3"
      title={title}
      warning={t('secretWarning')}
      label={t('secret')}
      value={secret}
      texts={{ copy: t('copy'), copied: t('copied'), copyFailed: t('copyFailed') }}
      testId="webhook-secret"
    >
      <p className="mt-2 text-sm text-slate-600">{t('verifyHint')}</p>
    </OneTimeSecret>
  );
}

/** Rotates the secret after asking, then shows the new one once. */
export function RotateWebhookSecret(props: { action: Action<RotatedSecret>; organisationId: string; endpointId: string }) {
  const t = useTranslations('webhooks');
  const format = useFormatter();
  const [rotated, setRotated] = useState<RotatedSecret | null>(null);
  const { action: rotate } = props;
  const action = useCallback<Action<RotatedSecret>>(
    async (previous, input) => {
      const result = await rotate(previous, input);
      if (result.ok) setRotated(result.data);
      return result;
    },
    [rotate],
  );
  return (
    <>
      <ConfirmAction
        action={action}
        fields={{ organisationId: props.organisationId, endpointId: props.endpointId }}
        trigger={t('rotate')}
        triggerVariant="secondary"
        title={t('rotateTitle')}
        description={t('rotateConfirm')}
        confirm={t('rotate')}
        confirmVariant="primary"
        cancel={t('keep')}
      />
      {rotated && (
        <div className="basis-full">
          <NewSecret
            key={rotated.secret}
            secret={rotated.secret}
            title={t('secretRotated', { date: format.dateTime(new Date(rotated.previousSecretUntil), { dateStyle: 'medium', timeStyle: 'short' }) })}
          />
        </div>
      )}
    </>
  );
}

/** Deletes the endpoint after asking, then returns to the list. */
export function DeleteWebhookEndpoint(props: { action: Action; organisationId: string; endpointId: string; url: string }) {
  const t = useTranslations('webhooks');
  const router = useRouter();
  const { action: remove, organisationId } = props;
  const action = useCallback<Action>(
    async (previous, input) => {
      const result = await remove(previous, input);
      if (result.ok) router.push(`/organisations/${organisationId}/webhooks?deleted=1`);
      return result;
    },
    [remove, router, organisationId],
  );
  return (
    <ConfirmAction
      action={action}
      fields={{ organisationId: props.organisationId, endpointId: props.endpointId }}
      trigger={t('delete')}
      triggerVariant="danger"
      title={t('deleteTitle')}
      description={t('deleteConfirm', { url: props.url })}
      confirm={t('delete')}
      confirmVariant="danger"
      cancel={t('keep')}
    />
  );
}

/** Disables (after asking) or enables an endpoint. */
export function ToggleWebhookEndpoint(props: { action: Action; organisationId: string; endpointId: string; url: string; enabled: boolean }) {
  const t = useTranslations('webhooks');
  const fields = { organisationId: props.organisationId, endpointId: props.endpointId };
  if (!props.enabled) return <ActionButton action={props.action} fields={{ ...fields, enabled: 'true' }} label={t('enable')} doneMessage={t('enabledDone')} />;
  return (
    <ConfirmAction
      action={props.action}
      fields={{ ...fields, enabled: 'false' }}
      trigger={t('disable')}
      triggerVariant="secondary"
      title={t('disableTitle')}
      description={t('disableConfirm', { url: props.url })}
      confirm={t('disable')}
      confirmVariant="danger"
      cancel={t('keep')}
      doneMessage={t('disabledDone')}
    />
  );
}

/** A button that posts `fields` to an action at once and says `doneMessage` in the page's outcome message. */
export function ActionButton(props: { action: Action; fields: Record<string, string>; label: string; accessibleName?: string; doneMessage: string; variant?: 'secondary' | 'ghost' }) {
  const announce = useAnnounce();
  const { action: send, doneMessage } = props;
  const [state, formAction, pending] = useActionState(async (previous: unknown, input: FormData) => {
    const result = await send(previous, input);
    if (result.ok) announce(doneMessage);
    return result;
  }, null);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      {Object.entries(props.fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit" variant={props.variant ?? 'secondary'} disabled={pending} aria-label={props.accessibleName}>
        {props.label}
      </Button>
      <FormError result={state} />
    </form>
  );
}
