import { listSubChannels } from '@/db/queries/sub-channels';
import { subChannelResource } from '@/lib/api/resources';
import { apiRoute } from '@/lib/api/route';
import { operations } from '@/lib/api/operations';

/** GET /api/v1/sub-channels: the sub-channels the organisation supplies or resells (3a), with the merchants it sees in each. */
export const GET = apiRoute(operations.listSubChannels, async (_req, { actor }) => {
  const rows = await listSubChannels(actor);
  return Response.json({ data: rows.map((row) => subChannelResource(row, row.organisationId === actor.organisationId ? 'supplier' : 'reseller')) });
});
