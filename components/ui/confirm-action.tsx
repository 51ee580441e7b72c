'use client';

import { useActionState, useEffect, useId, useRef, type ReactNode } from 'react';
import type { ActionResult, FieldErrors } from '@/lib/authz';
import { useAnnounce } from './action-outcome';
import { Button, buttonClasses } from './button';

type Action = (previous: unknown, input: FormData) => Promise<ActionResult<unknown>>;

/**
 * A button that asks before it acts: the dialog says what will happen, and its confirm button
 * posts `fields` to the server action. A failure shows inside the dialog, where the person is
 * looking, and the dialog stays open. Success closes the dialog and says `doneMessage` in the
 * page's outcome message, which takes the focus (the trigger is usually gone with the action).
 *
 * Fields the person fills in first (a rejection's reason) come from `children`: they sit above
 * the trigger and belong to the dialog's form through their `form` attribute. A refusal of one of
 * them closes the dialog and moves the focus to the field, whose error shows beside it.
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
  triggerVariant: 'primary' | 'danger' | 'secondary' | 'ghost';
  triggerClassName?: string;
  title: string;
  description: string;
  confirm: string;
  confirmVariant: 'danger' | 'primary';
  cancel: string;
  doneMessage?: string;
  children?: (form: { id: string; fieldErrors: FieldErrors | undefined }) => ReactNode;
}) {
  const announce = useAnnounce();
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const formId = `${id}-form`;
  const [state, formAction, pending] = useActionState(async (previous: unknown, input: FormData) => {
    const result = await props.action(previous, input);
    // A refused field of ours shows beside the field, so the dialog gets out of the way; any other
    // failure stays in the dialog.
    if (result.ok || (result.fieldErrors && props.children)) dialog.current?.close();
    if (result.ok && props.doneMessage) announce(props.doneMessage);
    return result;
  }, null);
  const fieldErrors = state && !state.ok && props.children ? state.fieldErrors : undefined;

  useEffect(() => {
    if (fieldErrors) document.querySelector<HTMLElement>(`[form="${CSS.escape(formId)}"][aria-invalid="true"]`)?.focus();
  }, [fieldErrors, formId]);

  return (
    <>
      {props.children?.({ id: formId, fieldErrors })}
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
        {state && !state.ok && !fieldErrors && (
          <p role="alert" className="mt-3 text-sm text-red-700">
            {state.message}
          </p>
        )}
        <form id={formId} action={formAction} className="mt-6 flex justify-end gap-3">
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
