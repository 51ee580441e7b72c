import { createHash } from 'node:crypto';

/**
 * A UUID (version 8) made from the SHA-256 of `text`: the same text always gives the same UUID.
 * Turns a key that is not a UUID (an API client's Idempotency-Key, a batch's row) into one the
 * orders' idempotency column takes.
 */
export function uuidFromText(text: string) {
  const hex = createHash('sha256').update(text).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
