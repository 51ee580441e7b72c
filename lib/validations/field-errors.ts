import type { z } from 'zod';

/**
 * A zod refusal as field errors, keyed by the field's dotted path ('form' for the whole input);
 * the messages are keys of the `validation` catalogue, translated where they are shown.
 */
export function fieldErrorsOf(error: z.ZodError) {
  const fieldErrors: Record<string, string[]> = {};
  const add = (path: PropertyKey[], message: string) => (fieldErrors[path.join('.') || 'form'] ??= []).push(message);
  for (const issue of error.issues) {
    // An unknown field (an API body is strict) is named where it is, as a field of its own.
    if (issue.code === 'unrecognized_keys') for (const key of issue.keys) add([...issue.path, key], 'unknownField');
    else add(issue.path, issue.message);
  }
  return fieldErrors;
}
