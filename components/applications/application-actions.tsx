'use client';

import { useTranslations } from 'next-intl';
import { useCallback } from 'react';
import { useAnnounce } from '@/components/ui/action-outcome';
import { Button } from '@/components/ui/button';
import { ChoiceField, TextAreaField, TextField } from '@/components/ui/field';
import { ErrorSummary } from '@/components/ui/error-summary';
import { FormError } from '@/components/ui/form-error';
import { useFormAction } from '@/components/ui/use-form-action';
import type { ActionResult } from '@/lib/authz';
import { partnerOrganisationKinds, type PartnerOrganisationKind } from '@/lib/organisation-kinds';

type Action<T = unknown> = (previous: unknown, input: FormData) => Promise<ActionResult<T>>;

const schemas = () => import('@/lib/validations/partner-application');
const loadNote = () => schemas().then((module) => module.applicationNoteSchema);
const loadApprove = () => schemas().then((module) => module.approveApplicationSchema);
const loadDecline = () => schemas().then((module) => module.declineApplicationSchema);

/**
 * The action, saying its success in the page's outcome message as soon as the server has said
 * yes: the form that acted is often gone with it (an approved application has no approve form).
 */
function useAnnouncing<T>(action: Action<T>, message: string): Action<T> {
  const announce = useAnnounce();
  return useCallback(
    async (previous: unknown, input: FormData) => {
      const result = await action(previous, input);
      if (result.ok) announce(message);
      return result;
    },
    [action, announce, message],
  );
}

export function StartReviewForm(props: { action: Action; applicationId: string }) {
  const t = useTranslations('applications');
  const { bindForm, ...form } = useFormAction(useAnnouncing(props.action, t('reviewStarted')));
  return (
    <form ref={bindForm} action={form.formAction} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="applicationId" value={props.applicationId} />
      <Button type="submit" variant="secondary" disabled={form.pending}>
        {t('startReview')}
      </Button>
      <FormError result={form.formFailure} />
    </form>
  );
}

export function ApproveForm(props: { action: Action; applicationId: string; interest: PartnerOrganisationKind; companyName: string; email: string }) {
  const t = useTranslations('applications');
  const tKinds = useTranslations('organisationKinds');
  const { bindForm, ...form } = useFormAction(useAnnouncing(props.action, t('approved', { email: props.email })), loadApprove);
  return (
    <form key={form.formKey} ref={bindForm} action={form.formAction} onSubmit={form.onSubmit} noValidate data-testid="approve-form" className="flex flex-col gap-4">
      <ErrorSummary {...form.summary} />
      <input type="hidden" name="applicationId" value={props.applicationId} />
      <ChoiceField
        label={t('kind')}
        hint={t('kindHint')}
        name="kind"
        defaultValue={form.value('kind', props.interest)}
        error={form.errorOf('kind')}
        options={partnerOrganisationKinds.map((kind) => ({ value: kind, label: tKinds(kind) }))}
      />
      <TextField label={t('organisationName')} hint={t('organisationNameHint')} name="name" autoComplete="off" defaultValue={form.value('name', props.companyName)} error={form.errorOf('name')} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={form.pending}>
          {t('approve')}
        </Button>
        <FormError result={form.formFailure} />
      </div>
    </form>
  );
}

export function DeclineForm(props: { action: Action; applicationId: string }) {
  const t = useTranslations('applications');
  const { bindForm, ...form } = useFormAction(useAnnouncing(props.action, t('declined')), loadDecline);
  return (
    <form key={form.formKey} ref={bindForm} action={form.formAction} onSubmit={form.onSubmit} noValidate data-testid="decline-form" className="flex flex-col gap-4">
      <ErrorSummary {...form.summary} />
      <input type="hidden" name="applicationId" value={props.applicationId} />
      <TextAreaField label={t('reason')} hint={t('reasonHint')} name="reason" rows={3} defaultValue={form.value('reason')} error={form.errorOf('reason')} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="danger" disabled={form.pending}>
          {t('decline')}
        </Button>
        <FormError result={form.formFailure} />
      </div>
    </form>
  );
}

export function NoteForm(props: { action: Action; applicationId: string }) {
  const t = useTranslations('applications');
  const { bindForm, ...form } = useFormAction(useAnnouncing(props.action, t('noteAdded')), loadNote);
  return (
    <form key={form.formKey} ref={bindForm} action={form.formAction} onSubmit={form.onSubmit} noValidate data-testid="note-form" className="flex flex-col gap-3">
      <ErrorSummary {...form.summary} />
      <input type="hidden" name="applicationId" value={props.applicationId} />
      <TextAreaField label={t('note')} hint={t('noteHint')} name="note" rows={3} defaultValue={form.value('note')} error={form.errorOf('note')} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="secondary" disabled={form.pending}>
          {t('addNote')}
        </Button>
        <FormError result={form.formFailure} />
      </div>
    </form>
  );
}
