'use server';

import { getTranslations } from 'next-intl/server';
import { acceptInvitation } from '@/db/queries/team';
import { translateFieldErrors, type ActionResult } from '@/lib/authz';
import { isAppError } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/config';
import { formToObject } from '@/lib/form-data';
import { acceptInvitationSchema, invitationTokenSchema } from '@/lib/validations/team';

/**
 * Accepts an invitation (public: the token is the proof) with the person's name and language.
 * Returns the email so the browser goes on with the ordinary magic-link sign-in for it; never
 * creates a session itself.
 */
export async function acceptInvitationAction(token: string, _previous: unknown, input: FormData): Promise<ActionResult<{ email: string; locale: Locale }>> {
  const t = await getTranslations('errors');
  const parsed = acceptInvitationSchema.safeParse(formToObject(input));
  if (!parsed.success) return { ok: false, code: 'INVALID_INPUT', message: t('INVALID_INPUT'), fieldErrors: await translateFieldErrors(parsed.error) };
  if (!invitationTokenSchema.safeParse({ token }).success) return { ok: false, code: 'NOT_FOUND', message: (await getTranslations('invitation'))('failed') };
  try {
    // Note: no cookie is set here. Setting one re-renders this page, which would then show the
    // invitation as used and unmount the form before it asks for the sign-in link.
    return { ok: true, data: { ...(await acceptInvitation(token, parsed.data)), locale: parsed.data.locale } };
  } catch (error) {
    if (isAppError(error)) return { ok: false, code: error.code, message: (await getTranslations('invitation'))('failed') };
    throw error;
  }
}
