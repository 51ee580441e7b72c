'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useCallback, useRef, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import type { ActionResult, FieldErrors } from '@/lib/authz';
import { formToObject } from '@/lib/form-data';

type Action<T> = (previous: unknown, input: FormData) => Promise<ActionResult<T>>;

/**
 * A form's shared schema behind a dynamic `import()`: zod, the schema and what it checks with
 * (libphonenumber's metadata) are then no part of the page's first-load JavaScript.
 */
export type SchemaLoader = () => Promise<z.ZodType>;

interface State<T> {
  result: ActionResult<T> | null;
  /** What was sent: refused values are refilled from here. */
  sent: FormData | null;
  submissions: number;
}

/**
 * The one way our forms talk to a server action: the shared schema checks the fields before
 * anything is sent (the server parses again and decides), errors from either side show beside
 * their fields and in the form's `<ErrorSummary {...form.summary} />` (which takes the focus and
 * links to each field), and after a refusal the fields keep what the person typed. Inputs take their `defaultValue` from `value`, and the form
 * takes `formKey` as its key: each answer remounts the fields with fresh defaults (what was
 * refused, or the saved values), which React's own reset does not do for selects.
 *
 * The schema loads when a field first takes the focus; a form sent before it has arrived waits
 * for it. If it cannot load, the form is sent unchecked: the server checks everything anyway.
 */
export function useFormAction<T>(action: Action<T>, loadSchema?: SchemaLoader) {
  const tValidation = useTranslations('validation');
  // undefined until loaded; null if it could not be.
  const schema = useRef<z.ZodType | null>(undefined);
  const loading = useRef<Promise<void>>(null);
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const [clientRefusals, setClientRefusals] = useState(0);
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

  const load = useCallback(() => {
    if (!loadSchema) return Promise.resolve();
    loading.current ??= loadSchema().then(
      (loaded) => void (schema.current = loaded),
      () => void (schema.current = null),
    );
    return loading.current;
  }, [loadSchema]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (!loadSchema) return;
    if (schema.current === undefined) {
      event.preventDefault();
      const form = event.currentTarget;
      const submitter = (event.nativeEvent as SubmitEvent).submitter;
      void load().then(() => form.requestSubmit(submitter));
      return;
    }
    if (!schema.current) return;
    const parsed = schema.current.safeParse(formToObject(new FormData(event.currentTarget)));
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
    setClientRefusals((count) => count + 1);
  }

  // Handed out as a callback ref: a ref object in the returned value would make every read of it look like a ref read.
  const setForm = useCallback(
    (node: HTMLFormElement | null) => {
      if (!node || !loadSchema) return;
      const prefetch = () => void load();
      node.addEventListener('focusin', prefetch, { once: true });
      return () => node.removeEventListener('focusin', prefetch);
    },
    [load, loadSchema],
  );

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
    /** For `<ErrorSummary>`: every field's problems, and what changes on each refused send. */
    summary: { errors, attempt: `${clientRefusals}:${state.submissions}` },
    /** A field's value to show: what was sent when it was refused, else the given default. */
    value: (name: string, fallback = '') => (refill ? String(refill.get(name) ?? '') : fallback),
    values: (name: string, fallback: string[] = []) => (refill ? refill.getAll(name).map(String) : fallback),
    checked: (name: string, fallback: boolean) => (refill ? refill.has(name) : fallback),
  };
}
