'use server';

import { revalidatePath } from 'next/cache';
import { createApiKey, revokeApiKey } from '@/db/queries/api-keys';
import { changeMemberRole, createInvitation, removeMember } from '@/db/queries/team';
import { withAction } from '@/lib/authz';
import { sendInvitationEmail } from '@/lib/email/send-invitation';
import { createApiKeySchema, revokeApiKeySchema } from '@/lib/validations/api-keys';
import { changeRoleSchema, inviteMemberSchema, removeMemberSchema } from '@/lib/validations/team';

// Who may manage whose team is decided in db/queries/team.ts; the permission here only keeps
// everyone but admins out early.
export const inviteMember = withAction({ schema: inviteMemberSchema, permission: 'organisation:read-own' }, async (input, actor) => {
  const invitation = await createInvitation(actor, input);
  await sendInvitationEmail(invitation, actor);
  revalidatePath(`/organisations/${input.organisationId}`);
  return { email: invitation.email };
});

export const changeRole = withAction({ schema: changeRoleSchema, permission: 'organisation:read-own' }, async (input, actor) => {
  await changeMemberRole(actor, input);
  revalidatePath(`/organisations/${input.organisationId}`);
  return null;
});

export const removeFromTeam = withAction({ schema: removeMemberSchema, permission: 'organisation:read-own' }, async (input, actor) => {
  await removeMember(actor, input);
  revalidatePath(`/organisations/${input.organisationId}`);
  return null;
});

// Whose keys the caller may manage is decided in db/queries/api-keys.ts, as for the team.
export const createOrganisationApiKey = withAction({ schema: createApiKeySchema, permission: 'organisation:read-own' }, async (input, actor) => {
  const { key, apiKey } = await createApiKey(actor, { organisationId: input.organisationId, name: input.name, scopes: [input.access] });
  revalidatePath(`/organisations/${input.organisationId}`);
  // The one time the key leaves the server: the form shows it once.
  return { key, name: apiKey.name };
});

export const revokeOrganisationApiKey = withAction({ schema: revokeApiKeySchema, permission: 'organisation:read-own' }, async (input, actor) => {
  await revokeApiKey(actor, input);
  revalidatePath(`/organisations/${input.organisationId}`);
  return null;
});
