import { z } from 'zod';
import { localeField } from '@/lib/validations/profile';
import { roles } from '@/lib/permissions';
import { emailAddress, oneLine } from '@/lib/validations/form-fields';

/**
 * Team management forms; messages are keys of the `validation` catalogue. What only the database
 * knows is checked by createInvitation and reported on the email field the same way:
 * `alreadyMember` (the address has an account) and `invitationOpen` (an invitation to it is
 * still open, in any organisation).
 */
export const inviteMemberSchema = z.object({
  organisationId: z.uuid(),
  email: emailAddress(),
  role: z.enum(roles, { error: 'roleInvalid' }),
});

export const changeRoleSchema = z.object({
  organisationId: z.uuid(),
  userId: oneLine().min(1),
  role: z.enum(roles, { error: 'roleInvalid' }),
});

export const removeMemberSchema = z.object({ organisationId: z.uuid(), userId: oneLine().min(1) });

export const invitationTokenSchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });

/** Who accepts an invitation: their name (orders default their recipient to it) and language. */
export const acceptInvitationSchema = z.object({
  name: oneLine().min(1, 'nameRequired').max(100, 'nameTooLong'),
  locale: localeField,
});
