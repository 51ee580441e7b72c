import { addMerchant, getSubChannel } from '@/db/queries/sub-channels';
import { uuidParam } from '@/lib/api/params';
import { merchantResource } from '@/lib/api/resources';
import { ApiProblem, apiRoute, parseOrRefuse, readJsonBody } from '@/lib/api/route';
import { merchantCreateBody } from '@/lib/api/schemas';
import { addMerchantSchema } from '@/lib/validations/merchants';
import { operations } from '@/lib/api/operations';

/** The merchants of a sub-channel the organisation sees (a reseller only its own; a supplier its resellers' too while the entry is 3a). */
async function visibleMerchants(actor: Parameters<typeof getSubChannel>[0], subChannelId: string) {
  const subChannel = await getSubChannel(actor, subChannelId);
  if (!subChannel) throw new ApiProblem('NOT_FOUND');
  return subChannel.merchants;
}

/** GET /api/v1/sub-channels/{subChannelId}/merchants */
export const GET = apiRoute<{ subChannelId: string }>(operations.listMerchants, async (_req, { actor, params }) => {
  const merchants = await visibleMerchants(actor, uuidParam(params.subChannelId));
  return Response.json({ data: merchants.map(merchantResource) });
});

/** POST /api/v1/sub-channels/{subChannelId}/merchants: connects a merchant and its first Terminal IDs, as the sub-channel page does. */
export const POST = apiRoute<{ subChannelId: string }>(operations.addMerchant, async (req, { actor, params }) => {
  const subChannelId = uuidParam(params.subChannelId);
  const body = parseOrRefuse(merchantCreateBody, await readJsonBody(req));
  const input = parseOrRefuse(addMerchantSchema, { ...body, subChannelOrderId: subChannelId, terminalIds: body.terminalIds.join('\n') });
  const merchantId = await addMerchant(actor, input);
  const created = (await visibleMerchants(actor, subChannelId)).find((merchant) => merchant.id === merchantId);
  if (!created) throw new ApiProblem('NOT_FOUND');
  return Response.json(merchantResource(created), { status: 201 });
});
