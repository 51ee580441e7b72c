/** Set by proxy.ts on every request: its path and query, for pages that send the visitor away and back. */
export const REQUEST_PATH_HEADER = 'x-request-path';

/** Only same-site paths are followed back: never `//host` or an absolute URL. */
export const safeReturnPath = (value: unknown) =>
  typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : undefined;
