'use server';

import { acceptInvitation } from '@/db/queries/team';
import { isAppError } from '@/lib/errors';
import { invitationTokenSchema } from '@/lib/validations/team';

/**
 * Accepts an invitation (public: the token is the proof). Returns the email so the browser
 * goes on with the ordinary magic-link sign-in for it; never creates a session itself.
 */
export async function acceptInvitationAction(token: string): Promise<{ ok: true; email: string } | { ok: false }> {
  const parsed = invitationTokenSchema.safeParse({ token });
  if (!parsed.success) return { ok: false };
  try {
    return { ok: true, ...(await acceptInvitation(parsed.data.token)) };
  } catch (error) {
    if (isAppError(error)) return { ok: false };
    throw error;
  }
}
