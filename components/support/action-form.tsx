'use client';

import { useActionState, type ReactNode } from 'react';
import { useAnnounce } from '@/components/ui/action-outcome';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { FormError } from '@/components/ui/form-error';
import type { ActionResult, FieldErrors } from '@/lib/authz';

type Action = (previous: unknown, input: FormData) => Promise<ActionResult>;

/**
 * One support action as a small form: the order id rides along, field errors reach the fields
 * through `children(fieldErrors)`, any other failure shows under the button. Success says
 * `doneMessage` in the page's outcome message, which takes the focus.
 */
export function ActionForm(props: {
  action: Action;
  orderId: string;
  submitLabel: string;
  doneMessage: string;
  variant?: 'primary' | 'secondary' | 'danger';
  children?: (fieldErrors: FieldErrors | undefined) => ReactNode;
  testId?: string;
}) {
  const announce = useAnnounce();
  const [state, formAction, pending] = useActionState(async (previous: unknown, input: FormData) => {
    const result = await props.action(previous, input);
    if (result.ok) announce(props.doneMessage);
    return result;
  }, null);
  const failed = state && !state.ok ? state : undefined;
  return (
    <form action={formAction} className="flex flex-col gap-3" data-testid={props.testId}>
      <ErrorSummary result={state} />
      <input type="hidden" name="orderId" value={props.orderId} />
      {props.children?.(failed?.fieldErrors)}
      <div>
        <Button type="submit" variant={props.variant ?? 'primary'} disabled={pending}>
          {props.submitLabel}
        </Button>
      </div>
      <FormError result={state} />
    </form>
  );
}
