import { deactivateMerchant } from '@/db/queries/sub-channels';
import { ownMerchantResource } from '@/lib/api/merchants';
import { uuidParam } from '@/lib/api/params';
import { apiRoute } from '@/lib/api/route';
import { operations } from '@/lib/api/operations';

/** POST /api/v1/merchants/{merchantId}/deactivate: disconnects a merchant; its Terminal IDs are released. */
export const POST = apiRoute<{ merchantId: string }>(operations.deactivateMerchant, async (_req, { actor, params }) => {
  const merchantId = uuidParam(params.merchantId);
  await deactivateMerchant(actor, { merchantId });
  return Response.json(await ownMerchantResource(actor, merchantId));
});
