import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { getEnv } from '@/lib/env';
import { MIN_FILL_SECONDS } from './model';

export { MIN_FILL_SECONDS };

/*
 * Spam defence for the public application form, without third parties:
 * - a honeypot: a text field people never see or reach (off-screen, out of the tab order), which
 *   form-filling bots fill;
 * - a minimum fill time: the page issues a token holding the moment it rendered, signed with an
 *   HMAC of NEXTAUTH_SECRET, so a bot can neither skip nor forge it; a form sent back sooner than
 *   a person could fill it is a bot's.
 * A refusal here writes nothing (not even a rate-limit count) and answers exactly as a success
 * does, so a bot learns nothing. Rate limits per IP and per address come after (the action).
 */

/** The honeypot's field name: a word autofill does not recognise, so a person's browser leaves it empty. */
export const HONEYPOT_FIELD = 'leave_empty';
export const FORM_TOKEN_FIELD = 'form_token';
/** A form open longer than this asks to be loaded again: a token cannot be collected once and reused for ever. */
export const MAX_FORM_AGE_HOURS = 24;

const signature = (issuedAt: string) =>
  createHmac('sha256', getEnv().NEXTAUTH_SECRET).update(`partner-application:${issuedAt}`).digest('base64url');

/** The token a fresh form carries: when it was rendered, and the server's signature of that. */
export function issueFormToken(now = new Date()) {
  const issuedAt = String(now.getTime());
  return `${issuedAt}.${signature(issuedAt)}`;
}

export type Screening = 'person' | 'bot' | 'expired';

/** What the honeypot and the token say about a submission, before anything else is read from it. */
export function screenSubmission(fields: { honeypot: unknown; token: unknown }, now = new Date()): Screening {
  // Our form always sends the honeypot, empty: anything else did not come from a person using it.
  if (fields.honeypot !== '') return 'bot';
  if (typeof fields.token !== 'string') return 'bot';
  const [issuedAt = '', given = ''] = fields.token.split('.');
  if (!/^\d{1,15}$/.test(issuedAt)) return 'bot';
  const expected = Buffer.from(signature(issuedAt));
  const received = Buffer.from(given);
  if (expected.length !== received.length || !timingSafeEqual(expected, received)) return 'bot';
  const ageMs = now.getTime() - Number(issuedAt);
  if (ageMs < MIN_FILL_SECONDS * 1000) return 'bot';
  if (ageMs > MAX_FORM_AGE_HOURS * 3600_000) return 'expired';
  return 'person';
}
