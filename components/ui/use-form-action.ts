'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import type { ActionResult, FieldErrors } from '@/lib/authz';
import { formToObject } from '@/lib/form-data';

type Action<T> = (previous: unknown, input: FormData) => Promise<ActionResult<T>>;

interface State<T> {
  result: ActionResult<T> | null;
  /** What was sent: refused values are refilled from here. */
  sent: FormData | null;
  submissions: number;
}

/**
 * The one way our forms talk to a server action: the shared schema checks the fields before
 * anything is sent (the server parses again and decides), errors from either side show beside
 * their fields, the first field that needs attention takes the focus, and after a refusal the
 * fields keep what the person typed. Inputs take their `defaultValue` from `value`, and the form
 * takes `formKey` as its key: each answer remounts the fields with fresh defaults (what was
 * refused, or the saved values), which React's own reset does not do for selects.
 */
export function useFormAction<T>(action: Action<T>, schema?: z.ZodType) {
  const tValidation = useTranslations('validation');
  const formRef = useRef<HTMLFormElement>(null);
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const [state, formAction, pending] = useActionState(
    async (previous: State<T>, formData: FormData): Promise<State<T>> => ({
      result: await action(null, formData),
      sent: formData,
      submissions: previous.submissions + 1,
    }),
    { result: null, sent: null, submissions: 0 },
  );
  const failed = state.result && !state.result.ok ? state.result : undefined;
  const errors = clientErrors ?? failed?.fieldErrors;
  const refill = failed ? state.sent : null;

  useEffect(() => {
    if (errors) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (!schema) return;
    const parsed = schema.safeParse(formToObject(new FormData(event.currentTarget)));
    if (parsed.success) {
      setClientErrors(null);
      return;
    }
    event.preventDefault();
    const found: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const message = tValidation.has(issue.message as never) ? tValidation(issue.message as never) : issue.message;
      (found[issue.path.join('.') || 'form'] ??= []).push(message);
    }
    setClientErrors(found);
  }

  // Handed out as a callback ref: a ref object in the returned value would make every read of it look like a ref read.
  const setForm = useCallback((node: HTMLFormElement | null) => {
    formRef.current = node;
  }, []);

  return {
    bindForm: setForm,
    formAction,
    onSubmit,
    pending,
    result: state.result,
    formKey: state.submissions,
    /** The failure to show as a whole-form message: none while the browser's own check has something to say. */
    formFailure: clientErrors ? null : state.result,
    errorOf: (field: string) => errors?.[field]?.[0],
    /** A field's value to show: what was sent when it was refused, else the given default. */
    value: (name: string, fallback = '') => (refill ? String(refill.get(name) ?? '') : fallback),
    values: (name: string, fallback: string[] = []) => (refill ? refill.getAll(name).map(String) : fallback),
    checked: (name: string, fallback: boolean) => (refill ? refill.has(name) : fallback),
  };
}
