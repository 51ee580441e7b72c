import { randomInt } from 'node:crypto';

/**
 * Characters a person can read off a phone and type without doubt: no 0/O/o, 1/l/I, and only
 * symbols in the GSM-7 SMS alphabet (so the SMS is not re-encoded).
 */
const classes = ['ABCDEFGHJKMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '#%+-=?@!'] as const;
const alphabet = classes.join('');

export const MIN_PASSWORD_LENGTH = 16;

/** A new initial password from the CSPRNG: at least 16 characters, every class present. */
export function generatePassword(length = MIN_PASSWORD_LENGTH) {
  if (length < MIN_PASSWORD_LENGTH) throw new Error(`passwords have at least ${MIN_PASSWORD_LENGTH} characters`);
  for (;;) {
    const password = Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join('');
    if (classes.every((chars) => [...password].some((char) => chars.includes(char)))) return password;
  }
}

export const lookAlikes = /[0Oo1lI]/;
