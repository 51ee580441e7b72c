import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Initial passwords at rest: AES-256-GCM with a 96-bit random IV per secret. Each sealed value
 * names the key that sealed it, so keys can rotate: seal with the first key of the ring, open
 * with whichever key the value names.
 */
export interface Keyring {
  activeKeyId: string;
  keys: Map<string, Buffer>;
}

export interface Sealed {
  keyId: string;
  iv: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

/** Parses "id:base64key,id2:base64key2" (the first is the active key); each key is 32 bytes. */
export function parseKeyring(value: string): Keyring {
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const [id, key] = entry.split(':');
      const bytes = Buffer.from(key ?? '', 'base64');
      if (!id || !/^[\w.-]{1,32}$/.test(id) || bytes.length !== 32) {
        throw new Error('each key is "id:base64" with a 32-byte key (openssl rand -base64 32)');
      }
      return [id, bytes] as const;
    });
  if (!entries.length) throw new Error('at least one key is required');
  return { activeKeyId: entries[0]![0], keys: new Map(entries) };
}

/** The associated data binds a sealed password to its order, so it cannot be moved to another. */
export function seal(plaintext: string, keyring: Keyring, associatedData: string): Sealed {
  const key = keyring.keys.get(keyring.activeKeyId)!;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(associatedData));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return { keyId: keyring.activeKeyId, iv, ciphertext, tag: cipher.getAuthTag() };
}

export function open(sealed: Sealed, keyring: Keyring, associatedData: string) {
  const key = keyring.keys.get(sealed.keyId);
  if (!key) throw new Error(`no key "${sealed.keyId}" in the keyring`);
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.iv);
  decipher.setAAD(Buffer.from(associatedData));
  decipher.setAuthTag(sealed.tag);
  return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]).toString('utf8');
}
