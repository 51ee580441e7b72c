'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { createPartnerOrganisation, setOrganisationActive, updatePartnerOrganisation } from '@/db/queries/admin-organisations';
import { withAction } from '@/lib/authz';
import { createPartnerOrganisationSchema, organisationActiveSchema, updatePartnerOrganisationSchema } from '@/lib/validations/admin';

// Every action here is for support admins only: withAction checks 'admin:manage' on the server.

const createAction = withAction({ schema: createPartnerOrganisationSchema, permission: 'admin:manage' }, async (input, actor) => {
  const id = await createPartnerOrganisation(actor.userId, input);
  revalidatePath('/admin');
  return { id };
});

/**
 * Creates a partner organisation and opens its admin page. The redirect happens here, outside
 * withAction's try/catch, because redirect() works by throwing.
 */
export async function createOrganisation(previous: unknown, input: FormData) {
  const result = await createAction(previous, input);
  if (result.ok) redirect(`/admin/organisations/${result.data.id}?created=1`);
  return result;
}

export const updateOrganisation = withAction(
  { schema: updatePartnerOrganisationSchema, permission: 'admin:manage' },
  async ({ organisationId, ...input }, actor) => {
    await updatePartnerOrganisation(actor.userId, organisationId, input);
    revalidatePath('/admin');
    revalidatePath(`/admin/organisations/${organisationId}`);
    revalidatePath(`/organisations/${organisationId}`);
    return { organisationId };
  },
);

export const setOrganisationActiveAction = withAction(
  { schema: organisationActiveSchema, permission: 'admin:manage' },
  async ({ organisationId, active }, actor) => {
    const row = await setOrganisationActive(actor.userId, organisationId, active);
    revalidatePath('/admin');
    revalidatePath(`/admin/organisations/${organisationId}`);
    revalidatePath(`/organisations/${organisationId}`);
    return { active: row.deactivatedAt === null };
  },
);
