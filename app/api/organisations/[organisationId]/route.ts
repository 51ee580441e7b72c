import { z } from 'zod';
import { getOrganisationForActor } from '@/db/queries/organisations';
import { withRoute } from '@/lib/authz';
import { AppError } from '@/lib/errors';

/** GET /api/organisations/:id – one organisation and its people, if the caller may see it. */
export const GET = withRoute<{ organisationId: string }>('organisation:read-own', async (_req, { actor, params }) => {
  const id = z.uuid().safeParse(params.organisationId);
  const organisation = id.success ? await getOrganisationForActor(actor, id.data) : null;
  if (!organisation) throw new AppError('NOT_FOUND');
  return Response.json({ organisation });
});
