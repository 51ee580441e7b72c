/**
 * The one way the app, the workers and the command line log a failure.
 *
 * Note: only an error's class, code, message and stack frames are printed, never its other
 * properties (pg's `detail` quotes whole rows, next-auth's metadata carries tokens). Query
 * errors carry no parameters to begin with (db/query-errors.ts).
 */
export function describeError(error: unknown): string {
  const parts: string[] = [];
  for (let current = error, depth = 0; current !== undefined && current !== null && depth < 4; depth++) {
    if (!(current instanceof Error)) {
      parts.push(typeof current === 'string' ? current : `a thrown ${typeof current}`);
      break;
    }
    const code = (current as { code?: unknown }).code;
    const frames = (current.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
    parts.push([`${current.name}${typeof code === 'string' || typeof code === 'number' ? ` [${code}]` : ''}: ${current.message}`, ...frames].join('\n'));
    current = current.cause;
  }
  return parts.join('\ncaused by ');
}

export function logError(context: string, error?: unknown) {
  console.error(error === undefined ? context : `${context}: ${describeError(error)}`);
}
