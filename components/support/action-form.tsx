'use client';

import { useActionState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { FormError } from '@/components/ui/form-error';
import type { ActionResult, FieldErrors } from '@/lib/authz';

type Action = (previous: unknown, input: FormData) => Promise<ActionResult>;

/**
 * One support action as a small form: the order id rides along, field errors reach the fields
 * through `children(fieldErrors)`, any other failure shows under the button.
 */
export function ActionForm(props: {
  action: Action;
  orderId: string;
  submitLabel: string;
  variant?: 'primary' | 'secondary' | 'danger';
  children?: (fieldErrors: FieldErrors | undefined) => ReactNode;
  testId?: string;
}) {
  const [state, formAction, pending] = useActionState(props.action, null);
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
