import { parsePhoneNumberWithError, ParseError, validatePhoneNumberLength, type CountryCode } from 'libphonenumber-js/max';
import { isFinal, type OrderState } from '@/lib/orders/model';

export type PhoneProblem = 'required' | 'letters' | 'national' | 'tooShort' | 'tooLong' | 'invalid' | 'landline';

export type PhoneResult = { ok: true; e164: string; country: CountryCode | undefined } | { ok: false; problem: PhoneProblem };

/** Number types that can receive an SMS. Some countries (the US) do not tell mobile from fixed. */
const SMS_CAPABLE = new Set(['MOBILE', 'FIXED_LINE_OR_MOBILE']);

/**
 * Parses a recipient's phone number given in international format, for an SMS.
 * Uses libphonenumber's full metadata, which tells mobile numbers from landlines.
 */
export const parseRecipientPhone = (input: string) => parsePhone(input, { smsCapable: true });

/** A phone number in international format that need not receive SMS, such as a contact's. */
export const parseContactPhone = (input: string) => parsePhone(input, { smsCapable: false });

function parsePhone(input: string, options: { smsCapable: boolean }): PhoneResult {
  const value = input.trim();
  if (!value) return { ok: false, problem: 'required' };
  if (/\p{L}/u.test(value)) return { ok: false, problem: 'letters' };
  // A number without a country code: "040 123 4567", or 00358… written the old way is fine.
  const international = value.replace(/^00/, '+');
  if (!international.startsWith('+')) return { ok: false, problem: 'national' };

  const length = validatePhoneNumberLength(international);
  if (length === 'TOO_SHORT' || length === 'NOT_A_NUMBER') return { ok: false, problem: 'tooShort' };
  if (length === 'TOO_LONG') return { ok: false, problem: 'tooLong' };

  try {
    const phone = parsePhoneNumberWithError(international);
    if (!phone.isValid()) return { ok: false, problem: 'invalid' };
    const type = phone.getType();
    if (options.smsCapable && type && !SMS_CAPABLE.has(type)) return { ok: false, problem: 'landline' };
    return { ok: true, e164: phone.number, country: phone.country };
  } catch (error) {
    if (error instanceof ParseError && error.message === 'TOO_SHORT') return { ok: false, problem: 'tooShort' };
    return { ok: false, problem: 'invalid' };
  }
}

/** +358401234567 → "+358 40 1234567" for display. */
export function formatPhone(e164: string) {
  try {
    return parsePhoneNumberWithError(e164).formatInternational();
  } catch {
    return e164;
  }
}

/** Everything but the last three digits hidden: "+358 •• ••• •567". */
export function maskPhone(e164: string) {
  const formatted = formatPhone(e164);
  const [code, ...rest] = formatted.split(' ');
  const body = rest.join(' ');
  let keep = 3;
  const masked = [...body]
    .reverse()
    .map((char) => (/\d/.test(char) ? (keep-- > 0 ? char : '•') : char))
    .reverse()
    .join('');
  return `${code} ${masked}`;
}

/** The last digits, as emails name the number: "ending in 567". */
export const phoneLastDigits = (e164: string) => e164.slice(-3);

/**
 * The recipient's number as a viewer may see it: in full to the organisation that ordered, while
 * the order is open, so a typo can still be caught; masked to everyone else (support, suppliers
 * reading a sub-channel) and to everyone once the order is finished.
 */
export function recipientPhoneFor(viewer: { organisationId: string }, order: { organisationId: string; state: OrderState; recipientPhone: string }) {
  const full = viewer.organisationId === order.organisationId && !isFinal(order.state);
  return { full, display: full ? formatPhone(order.recipientPhone) : maskPhone(order.recipientPhone) };
}
