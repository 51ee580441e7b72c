import { addTerminals } from '@/db/queries/sub-channels';
import { ownMerchantResource } from '@/lib/api/merchants';
import { uuidParam } from '@/lib/api/params';
import { apiRoute, parseOrRefuse, readJsonBody } from '@/lib/api/route';
import { terminalsCreateBody } from '@/lib/api/schemas';
import { addTerminalsSchema } from '@/lib/validations/merchants';
import { operations } from '@/lib/api/operations';

/** POST /api/v1/merchants/{merchantId}/terminals: adds Terminal IDs to a merchant the organisation connected. */
export const POST = apiRoute<{ merchantId: string }>(operations.addTerminals, async (req, { actor, params }) => {
  const merchantId = uuidParam(params.merchantId);
  const body = parseOrRefuse(terminalsCreateBody, await readJsonBody(req));
  const input = parseOrRefuse(addTerminalsSchema, { merchantId, terminalIds: body.terminalIds.join('\n') });
  await addTerminals(actor, input);
  return Response.json(await ownMerchantResource(actor, merchantId));
});
