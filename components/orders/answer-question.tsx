'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { useAnnounce } from '@/components/ui/action-outcome';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { FormError } from '@/components/ui/form-error';
import { TextAreaField } from '@/components/ui/field';
import type { ActionResult } from '@/lib/authz';

type Action = (previous: unknown, input: FormData) => Promise<ActionResult>;

export function AnswerQuestion({ action, orderId }: { action: Action; orderId: string }) {
  const t = useTranslations('orderDetail');
  const announce = useAnnounce();
  const [state, formAction, pending] = useActionState(async (previous: unknown, input: FormData) => {
    const result = await action(previous, input);
    if (result.ok) announce(t('answered'));
    return result;
  }, null);
  const failed = state && !state.ok ? state : undefined;
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <ErrorSummary result={state} />
      <input type="hidden" name="orderId" value={orderId} />
      <TextAreaField name="answer" label={t('answer')} hint={t('answerHint')} rows={4} error={failed?.fieldErrors?.answer?.[0]} />
      <FormError result={state} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t('sending') : t('sendAnswer')}
        </Button>
      </div>
    </form>
  );
}
