/**
 * Characters a person can read off a phone and type without doubt: no 0/O/o, 1/l/I, and only
 * symbols in the GSM-7 SMS alphabet (so the SMS is not re-encoded).
 */
const classes = ['ABCDEFGHJKMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '#%+-=?@!'] as const;
const alphabet = classes.join('');

export const MIN_PASSWORD_LENGTH = 16;
export const lookAlikes = /[0Oo1lI]/;

/** A uniform index below `n` from the Web Crypto CSPRNG (rejection sampling, no modulo bias). */
function randomIndex(n: number) {
  const limit = Math.floor(0x1_0000_0000 / n) * n;
  const buffer = new Uint32Array(1);
  for (;;) {
    globalThis.crypto.getRandomValues(buffer);
    if (buffer[0]! < limit) return buffer[0]! % n;
  }
}

/**
 * A new initial password: at least 16 characters, every class present. Runs in the browser
 * too, so a generated password never travels in a response.
 */
export function generatePassword(length = MIN_PASSWORD_LENGTH) {
  if (length < MIN_PASSWORD_LENGTH) throw new Error(`passwords have at least ${MIN_PASSWORD_LENGTH} characters`);
  for (;;) {
    const password = Array.from({ length }, () => alphabet[randomIndex(alphabet.length)]).join('');
    if (classes.every((chars) => [...password].some((char) => chars.includes(char)))) return password;
  }
}
