import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';

export { apiKeyScopes, normaliseScopes, scopesAllow, type ApiKeyScope } from '@/lib/api-key-scopes';

/**
 * Organisation API keys: `cpos_live_` and 43 base62 characters (32 random bytes). The fixed
 * prefix makes a leaked key recognisable to secret scanners and people; base62 keeps the whole
 * key one word to double-click. A key is shown once; only its SHA-256 is stored (a key carries
 * 256 bits of randomness, so a fast hash is enough: there is nothing to guess).
 */
export const API_KEY_PREFIX = 'cpos_live_';
const BODY_LENGTH = 43; // 62^43 > 2^256
/** How much of a key people see in lists: the fixed part and the first four random characters. */
const SHOWN_LENGTH = API_KEY_PREFIX.length + 4;
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

const apiKeyShape = z.string().regex(new RegExp(`^${API_KEY_PREFIX}[0-9A-Za-z]{${BODY_LENGTH}}$`));

function base62(bytes: Buffer, length: number) {
  let value = BigInt(`0x${bytes.toString('hex')}`);
  let out = '';
  while (value > 0n) {
    out = BASE62[Number(value % 62n)]! + out;
    value /= 62n;
  }
  return out.padStart(length, '0');
}

/** A new key: shown to its creator once, then kept only as hashApiKey(key). */
export function generateApiKey() {
  return API_KEY_PREFIX + base62(randomBytes(32), BODY_LENGTH);
}

/** Whether a string has a key's shape; anything else is refused without a database look-up. */
export function looksLikeApiKey(value: unknown): value is string {
  return apiKeyShape.safeParse(value).success;
}

/** What the database keeps of a key: the hex SHA-256 of all of it. */
export function hashApiKey(key: string) {
  return createHash('sha256').update(key).digest('hex');
}

/** The beginning of a key, shown in lists so that people can tell their keys apart. */
export function apiKeyPrefix(key: string) {
  return key.slice(0, SHOWN_LENGTH);
}
