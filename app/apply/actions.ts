'use server';

import { getTranslations } from 'next-intl/server';
import { headers } from 'next/headers';
import { createPartnerApplication } from '@/db/queries/partner-applications';
import { asAppError, translateFieldErrors, type ActionResult } from '@/lib/authz';
import { getEnv } from '@/lib/env';
import { formToObject } from '@/lib/form-data';
import { getRequestLocale } from '@/lib/i18n/request-locale';
import { logError } from '@/lib/log';
import { FORM_TOKEN_FIELD, HONEYPOT_FIELD, screenSubmission } from '@/lib/partner-applications/spam';
import { applicationRateLimits, clientIp, rateLimitKey, withinRateLimit } from '@/lib/rate-limit';
import { partnerApplicationSchema } from '@/lib/validations/partner-application';

/** What every accepted application gets, and every bot too: nothing tells them apart. */
const RECEIVED: ActionResult<null> = { ok: true, data: null };

/**
 * Receives an application from the public /apply page (no sign-in). In order: the honeypot and
 * the signed fill-time token (a bot gets the answer a person gets, and nothing is written, not even
 * a rate-limit count); the form's schema (field errors, nothing written); the rate limits per IP
 * and per address; then the application, its audit entry and the confirmation email's job in one
 * transaction.
 */
export async function submitPartnerApplication(_previous: unknown, input: FormData): Promise<ActionResult<null>> {
  const fields = formToObject(input);
  const screening = screenSubmission({ honeypot: fields[HONEYPOT_FIELD], token: fields[FORM_TOKEN_FIELD] });
  if (screening === 'bot') return RECEIVED;
  const t = await getTranslations('apply');
  if (screening === 'expired') return { ok: false, code: 'INVALID_INPUT', message: t('expired') };

  const parsed = partnerApplicationSchema.safeParse(fields);
  if (!parsed.success) {
    return { ok: false, code: 'INVALID_INPUT', message: (await getTranslations('errors'))('INVALID_INPUT'), fieldErrors: await translateFieldErrors(parsed.error) };
  }
  try {
    const ip = clientIp(await headers(), getEnv().TRUST_PROXY_HOPS);
    const allowed =
      (await withinRateLimit(rateLimitKey('apply:ip', ip), applicationRateLimits.perIp)) &&
      (await withinRateLimit(rateLimitKey('apply:email', parsed.data.email), applicationRateLimits.perEmail));
    if (!allowed) return { ok: false, code: 'RATE_LIMITED', message: t('rateLimited') };
    await createPartnerApplication(parsed.data, await getRequestLocale());
    return RECEIVED;
  } catch (error) {
    const appError = asAppError(error);
    logError(appError?.code === 'UNAVAILABLE' ? 'partner application: database unavailable' : 'partner application failed', error);
    const code = appError?.code === 'UNAVAILABLE' ? 'UNAVAILABLE' : 'INTERNAL';
    return { ok: false, code, message: (await getTranslations('errors'))(code) };
  }
}
