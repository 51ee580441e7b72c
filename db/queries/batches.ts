import { and, eq, inArray } from 'drizzle-orm';
import { db } from '@/db';
import { listEcrCatalogue } from '@/db/queries/orders';
import type { OrganisationActor } from '@/db/queries/users';
import { orders } from '@/db/schema';
import { checkBatchRows, type RowVerdict } from '@/lib/batches/check';
import type { ParsedBatchFile } from '@/lib/batches/parse';
import { normaliseFinnishBusinessId } from '@/lib/business-id';
import { openStates, type AccountType } from '@/lib/orders/model';

/**
 * The actor's organisation's open orders of `type` for these business IDs (stored normalised, as
 * the form stores them): a batch row for one of them would order the same merchant twice.
 */
export async function findOpenOrdersByBusinessId(actor: OrganisationActor, type: AccountType, businessIds: string[]) {
  if (businessIds.length === 0) return [];
  const rows = await db
    .select({ merchantBusinessId: orders.merchantBusinessId, number: orders.number })
    .from(orders)
    .where(
      and(
        eq(orders.organisationId, actor.organisationId),
        eq(orders.type, type),
        inArray(orders.state, openStates),
        inArray(orders.merchantBusinessId, businessIds),
      ),
    );
  return rows.flatMap((row) => (row.merchantBusinessId ? [{ merchantBusinessId: row.merchantBusinessId, number: row.number }] : []));
}

/** Checks a parsed file for the actor: the catalogue and the organisation's open orders in two queries. */
export async function checkBatchForActor(actor: OrganisationActor, file: ParsedBatchFile, type: AccountType): Promise<RowVerdict[]> {
  // Normalised as the schema stores them; a malformed ID matches nothing and costs nothing.
  const businessIds = file.rows.flatMap((row) => {
    const id = (row.cells.merchantBusinessId ?? '').trim();
    const country = (row.cells.merchantCountry ?? '').trim().toUpperCase() || 'FI';
    return id ? [country === 'FI' ? normaliseFinnishBusinessId(id) : id] : [];
  });
  const [catalogue, openOrders] = await Promise.all([listEcrCatalogue(), findOpenOrdersByBusinessId(actor, type, [...new Set(businessIds)])]);
  return checkBatchRows(file, { type, catalogue, openOrders });
}
