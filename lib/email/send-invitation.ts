import 'server-only';
import { INVITATION_DAYS } from '@/db/queries/team';
import type { Role } from '@/lib/permissions';
import type { Locale } from '@/lib/i18n/config';
import { getEnv } from '@/lib/env';
import { sendEmail } from './send';
import { invitationEmail } from './templates/invitation';

/** The invitation email with its link, after the invitation is committed: from a team page or an approved application alike. */
export async function sendInvitationEmail(
  invitation: { email: string; token: string; organisationName: string; role: Role; locale: Locale },
  inviter: { name: string | null; email: string },
) {
  await sendEmail({
    to: invitation.email,
    ...invitationEmail({
      url: `${getEnv().NEXTAUTH_URL}/invitations/${invitation.token}`,
      organisationName: invitation.organisationName,
      inviter: inviter.name ?? inviter.email,
      role: invitation.role,
      days: INVITATION_DAYS,
      locale: invitation.locale,
    }),
  });
}
