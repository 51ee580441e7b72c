'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { FormError } from '@/components/ui/form-error';
import { TextField } from '@/components/ui/field';
import { SelectField } from '@/components/ui/select-field';
import { useFormAction } from '@/components/ui/use-form-action';
import type { ActionResult } from '@/lib/authz';

type Action<T = null> = (previous: unknown, input: FormData) => Promise<ActionResult<T>>;

const selectClasses = 'min-h-10 rounded-md border border-slate-300 bg-white px-2 text-base sm:text-sm';

const loadInviteSchema = () => import('@/lib/validations/team').then((module) => module.inviteMemberSchema);

/** Invite someone by email into this organisation in one of the roles it allows. */
export function InviteForm(props: { action: Action<{ email: string }>; organisationId: string; roles: { value: string; label: string }[]; days: number }) {
  const t = useTranslations('team');
  const { bindForm, ...form } = useFormAction(props.action, loadInviteSchema);
  return (
    <form key={form.formKey} ref={bindForm} action={form.formAction} onSubmit={form.onSubmit} noValidate className="flex flex-col gap-3" data-testid="invite-form">
      <ErrorSummary {...form.summary} />
      <p className="text-sm text-slate-600">{t('inviteHint', { days: props.days })}</p>
      <input type="hidden" name="organisationId" value={props.organisationId} />
      <div className="grid gap-3 sm:grid-cols-[2fr_1fr]">
        <TextField label={t('email')} name="email" type="email" autoComplete="off" defaultValue={form.value('email')} error={form.errorOf('email')} />
        <SelectField label={t('role')} name="role" defaultValue={form.value('role', props.roles.at(-1)?.value)} options={props.roles} />
      </div>
      <div className="flex items-center gap-3" aria-live="polite">
        <Button type="submit" disabled={form.pending}>
          {t('send')}
        </Button>
        {form.result?.ok && <span className="text-sm text-teal-800">{t('sent', { email: form.result.data.email })}</span>}
        <FormError result={form.formFailure} />
      </div>
    </form>
  );
}

/** A member's role and removal, for whoever manages the team. */
export function MemberControls(props: {
  changeRole: Action;
  remove: Action;
  organisationId: string;
  userId: string;
  name: string;
  role: string;
  roles: { value: string; label: string }[];
}) {
  const t = useTranslations('team');
  const [roleState, roleAction, rolePending] = useActionState(props.changeRole, null);
  const [removeState, removeAction, removePending] = useActionState(props.remove, null);
  const failure = [roleState, removeState].find((state) => state && !state.ok);
  return (
    <div className="flex flex-col gap-1 sm:items-end">
      <div className="flex flex-wrap items-end gap-2">
        <form action={roleAction} className="flex items-end gap-2">
          <input type="hidden" name="organisationId" value={props.organisationId} />
          <input type="hidden" name="userId" value={props.userId} />
          <label className="sr-only" htmlFor={`role-${props.userId}`}>
            {t('changeRole')}
          </label>
          <select id={`role-${props.userId}`} name="role" defaultValue={props.role} className={selectClasses}>
            {props.roles.map((role) => (
              <option key={role.value} value={role.value}>
                {role.label}
              </option>
            ))}
          </select>
          <Button type="submit" variant="secondary" disabled={rolePending}>
            {t('save')}
          </Button>
        </form>
        <form action={removeAction}>
          <input type="hidden" name="organisationId" value={props.organisationId} />
          <input type="hidden" name="userId" value={props.userId} />
          <Button type="submit" variant="ghost" disabled={removePending} aria-label={`${t('remove')}: ${props.name}`}>
            {t('remove')}
          </Button>
        </form>
      </div>
      {failure && !failure.ok && (
        <p role="alert" className="text-sm text-red-700">
          {failure.message}
        </p>
      )}
    </div>
  );
}
