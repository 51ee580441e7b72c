import 'server-only';
import { and, eq } from 'drizzle-orm';
import { db } from '@/db';
import { getSubChannel } from '@/db/queries/sub-channels';
import type { OrganisationActor } from '@/db/queries/users';
import { merchants } from '@/db/schema';
import { merchantResource } from '@/lib/api/resources';
import { ApiProblem } from '@/lib/api/route';

/** A merchant of the actor's organisation as the API shows it, read back after a change through the same visibility rules. */
export async function ownMerchantResource(actor: OrganisationActor, merchantId: string) {
  const [row] = await db
    .select({ subChannelOrderId: merchants.subChannelOrderId })
    .from(merchants)
    .where(and(eq(merchants.id, merchantId), eq(merchants.organisationId, actor.organisationId)));
  const merchant = row && (await getSubChannel(actor, row.subChannelOrderId))?.merchants.find((candidate) => candidate.id === merchantId);
  if (!merchant) throw new ApiProblem('NOT_FOUND');
  return merchantResource(merchant);
}
