'use client';

import { AlertDialog } from 'radix-ui';
import { useActionState } from 'react';
import type { ActionResult } from '@/lib/authz';
import { Button, buttonClasses } from './button';

type Action = (previous: unknown, input: FormData) => Promise<ActionResult<unknown>>;

/**
 * A button that asks before it acts: the dialog says what will happen, and its confirm button
 * posts `fields` to the server action. A failure shows inside the dialog, where the person is
 * looking, and the dialog stays open. Success re-renders the page, which removes or re-keys
 * this component and so closes the dialog.
 */
export function ConfirmAction(props: {
  action: Action;
  fields: Record<string, string>;
  trigger: string;
  /** The trigger's accessible name when its visible text alone would be ambiguous. */
  triggerName?: string;
  triggerVariant: 'danger' | 'secondary' | 'ghost';
  triggerClassName?: string;
  title: string;
  description: string;
  confirm: string;
  confirmVariant: 'danger' | 'primary';
  cancel: string;
}) {
  const [state, formAction, pending] = useActionState(props.action, null);
  return (
    <AlertDialog.Root>
      <AlertDialog.Trigger className={buttonClasses(props.triggerVariant, props.triggerClassName)} aria-label={props.triggerName}>
        {props.trigger}
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <AlertDialog.Content className="fixed left-1/2 top-1/2 z-50 w-[calc(100%-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-6 shadow-xl">
          <AlertDialog.Title className="text-lg font-semibold">{props.title}</AlertDialog.Title>
          <AlertDialog.Description className="mt-2 text-sm text-slate-600">{props.description}</AlertDialog.Description>
          {state && !state.ok && (
            <p role="alert" className="mt-3 text-sm text-red-700">
              {state.message}
            </p>
          )}
          <form action={formAction} className="mt-6 flex justify-end gap-3">
            {Object.entries(props.fields).map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
            <AlertDialog.Cancel className={buttonClasses('ghost')}>{props.cancel}</AlertDialog.Cancel>
            <Button type="submit" variant={props.confirmVariant} disabled={pending}>
              {props.confirm}
            </Button>
          </form>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
