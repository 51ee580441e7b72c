/**
 * Opaque keyset cursor for lists read page by page (not OFFSET, so a page deep in a long list
 * costs what the first does): the last row's sort instant and id.
 */
export function encodeCursor(last: { at: Date; id: string }) {
  return Buffer.from(`${last.at.toISOString()}|${last.id}`).toString('base64url');
}

/** Whether a cursor is one encodeCursor made (the API refuses others instead of starting over). */
export const isValidCursor = (cursor: string) => decodeCursor(cursor) !== undefined;

/**
 * Only what encodeCursor writes: an ISO instant of toISOString's own form and a UUID. Anything
 * looser reached the query as a ::uuid or ::timestamptz PostgreSQL refuses (a 500 for a
 * tampered cursor, such as 36 hyphens for the id or a date before year 0).
 */
const cursorPattern = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)\|([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export function decodeCursor(cursor: string | undefined) {
  if (!cursor) return undefined;
  const [, at, id] = cursorPattern.exec(Buffer.from(cursor, 'base64url').toString()) ?? [];
  const date = new Date(at ?? '');
  if (!at || !id || Number.isNaN(date.getTime()) || date.toISOString() !== at) return undefined;
  return { at: date, id };
}
