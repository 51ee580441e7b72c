/**
 * Texts that follow from the language and a few small values alone (a deadline badge for so many
 * days and hours, the date of a submission hour), kept for the life of the process. Formatting
 * them was most of a list row's cost: ICU plurals, and the Intl formatters that next-intl builds
 * again for every request (a date format with a time zone costs some 0.2 ms to build). The same
 * few hundred come back on every page of every list (issue 17). Bounded: full, it starts again.
 * An edited catalogue shows in these texts after the server restarts.
 */
const MAX_ENTRIES = 10_000;
const entries = new Map<string, unknown>();

export function remembered<T>(locale: string, key: string, make: () => T): T {
  const id = `${locale} ${key}`;
  if (entries.has(id)) return entries.get(id) as T;
  if (entries.size >= MAX_ENTRIES) entries.clear();
  const value = make();
  entries.set(id, value);
  return value;
}
