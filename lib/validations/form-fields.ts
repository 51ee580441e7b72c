import { z } from 'zod';

/** CR and LF, and Unicode's own line breaks (NEL, line and paragraph separators). */
const lineBreak = /[\r\n\u0085\u2028\u2029]/;
/** C0 controls, DEL and C1 controls: nobody types them, and PostgreSQL refuses NUL in text. */
const controlCharacter = /\p{Cc}/u;
/** The same, except the tab and the line breaks a multi-line field keeps. */
const controlCharacterInText = /(?![\t\n\r])\p{Cc}/u;

/**
 * One line of text a person typed (a name, an ID, an address, a search): trimmed, and refused
 * with a field error if it holds a line break or another control character.
 *
 * Note: every text field goes through this or `multiLine`. A NUL byte would otherwise reach
 * PostgreSQL, which refuses it with a server error, and a line break in a name would go into
 * email text verbatim, where it can pose as a header or a paragraph of our own.
 * `trim: false` is for the one value kept exactly as typed: a password.
 * @see multiLine
 */
export const oneLine = ({ trim = true }: { trim?: boolean } = {}) =>
  (trim ? z.string().trim() : z.string())
    .refine((value) => !lineBreak.test(value), { message: 'oneLine', abort: true })
    .refine((value) => !controlCharacter.test(value), { message: 'controlCharacters', abort: true });

/**
 * Free text of several lines (additional information, questions, answers, reasons): trimmed,
 * line breaks kept as "\n" whatever the browser sent, other control characters refused.
 * Emails show it quoted (quotedText in lib/email/templates/layout.ts).
 * @see oneLine
 */
export const multiLine = () =>
  z
    .string()
    .trim()
    .refine((value) => !controlCharacterInText.test(value), { message: 'controlCharacters', abort: true })
    .overwrite((value) => value.replace(/\r\n?/g, '\n'));

/**
 * A group of checkboxes sent as a form: nothing checked sends nothing, one checked a string,
 * several a list (see formToObject in lib/form-data.ts). Always a list once parsed.
 */
export const checkboxList = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]), z.array(item));

/** A single checkbox: sent as "on" (or "true") when checked, absent when not. */
export const checkbox = z.preprocess((value) => value === 'on' || value === 'true' || value === true, z.boolean());

/** An email address as typed: one line, compared and stored in lower case. */
export const emailAddress = () => oneLine().toLowerCase().pipe(z.email('emailInvalid'));

/** A two-letter country code, Finland unless said otherwise. */
export const countryCode = oneLine()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, 'countryInvalid')
  .default('FI');
