'use client';

import { useActionState, useId, useRef } from 'react';
import type { ActionResult } from '@/lib/authz';
import { Button, buttonClasses } from './button';

type Action = (previous: unknown, input: FormData) => Promise<ActionResult<unknown>>;

/**
 * A button that asks before it acts: the dialog says what will happen, and its confirm button
 * posts `fields` to the server action. A failure shows inside the dialog, where the person is
 * looking, and the dialog stays open. Success re-renders the page, which removes or re-keys
 * this component and so closes the dialog.
 *
 * The browser's own modal <dialog> keeps the focus inside, closes on Escape and gives the focus
 * back to the trigger, with no dialog library in the page's JavaScript.
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
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  return (
    <>
      <button
        type="button"
        aria-haspopup="dialog"
        className={buttonClasses(props.triggerVariant, props.triggerClassName)}
        aria-label={props.triggerName}
        onClick={() => dialog.current?.showModal()}
      >
        {props.trigger}
      </button>
      <dialog
        ref={dialog}
        role="alertdialog"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-description`}
        className="fixed inset-0 m-auto h-fit w-[calc(100%-2rem)] max-w-md rounded-lg bg-white p-6 text-slate-900 shadow-xl backdrop:bg-slate-900/40"
      >
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          {props.title}
        </h2>
        <p id={`${id}-description`} className="mt-2 text-sm text-slate-600">
          {props.description}
        </p>
        {state && !state.ok && (
          <p role="alert" className="mt-3 text-sm text-red-700">
            {state.message}
          </p>
        )}
        <form action={formAction} className="mt-6 flex justify-end gap-3">
          {Object.entries(props.fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          {/* First in the dialog, so it takes the focus: the safe choice, as in an alert dialog. */}
          <Button variant="ghost" onClick={() => dialog.current?.close()}>
            {props.cancel}
          </Button>
          <Button type="submit" variant={props.confirmVariant} disabled={pending}>
            {props.confirm}
          </Button>
        </form>
      </dialog>
    </>
  );
}
