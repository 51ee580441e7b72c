/**
 * A form's fields as a plain object for a zod schema, in the browser and on the server alike.
 * A name sent more than once (a group of checkboxes) becomes a list. Next.js's own $ACTION_
 * fields of progressively enhanced forms are left out.
 */
export function formToObject(input: FormData | Record<string, unknown>) {
  if (!(input instanceof FormData)) return input;
  const fields: Record<string, unknown> = {};
  for (const key of new Set(input.keys())) {
    if (key.startsWith('$ACTION')) continue;
    const values = input.getAll(key);
    fields[key] = values.length > 1 ? values : values[0];
  }
  return fields;
}
