import { and, asc, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { db, type DbOrTx } from '@/db';
import { recordAudit } from '@/db/queries/audit';
import { doneBy, type OrganisationActor } from '@/db/queries/users';
import { recordWebhookEvents, type OutboxEvent } from '@/db/queries/webhooks';
import { ecrProductResellers, ecrProducts, merchants, orders, organisations, terminals } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { roleCan } from '@/lib/permissions';
import type { AddMerchantInput } from '@/lib/validations/merchants';
import { merchantAddedPayload } from '@/lib/webhooks/events';

/*
 * Sub-channels (the seed's option 3a). A sub-channel account exists once its `sub_channel` order
 * is completed. Under it, the ordering ECR supplier and the resellers linked to that 3a entry
 * of the catalogue keep the merchants they connect:
 *   - the supplier sees every merchant under its sub-channels (its resellers' only while the
 *     entry is 3a and still names it as the supplier), and manages the ones it added;
 *   - a linked reseller sees and manages only its own;
 *   - support sees everything, read-only.
 * Merchants of 3b integrations never live here: they are `merchant_rights` orders.
 */

export type SubChannelAccess = 'supplier' | 'reseller' | 'support';

const isSubChannel = and(eq(orders.type, 'sub_channel'), eq(orders.state, 'completed'));

/** The actor's organisation is a reseller of this (active, 3a) entry, whose supplier ordered the sub-channel. */
const linkedReseller = (organisationId: string) => and(
  eq(ecrProducts.active, true),
  eq(ecrProducts.supplierSeesMerchants, true),
  eq(ecrProducts.supplierOrganisationId, orders.organisationId),
  sql`exists (select 1 from ${ecrProductResellers} where ${ecrProductResellers.ecrProductId} = ${ecrProducts.id} and ${ecrProductResellers.organisationId} = ${organisationId})`,
);

/** The sub-channels an actor reaches: every one for support; a partner its own and those it resells. */
function reachableBy(actor: OrganisationActor): SQL | undefined {
  if (roleCan(actor.role, 'organisations:read-any')) return isSubChannel;
  if (!roleCan(actor.role, 'orders:own')) return sql`false`;
  return and(isSubChannel, or(eq(orders.organisationId, actor.organisationId), linkedReseller(actor.organisationId)));
}

/** Which merchants under a sub-channel the actor sees (see the rules above). */
function merchantsVisibleTo(actor: OrganisationActor): SQL | undefined {
  if (roleCan(actor.role, 'organisations:read-any')) return undefined;
  return or(
    eq(merchants.organisationId, actor.organisationId),
    and(
      eq(orders.organisationId, actor.organisationId),
      eq(ecrProducts.supplierOrganisationId, actor.organisationId),
      eq(ecrProducts.supplierSeesMerchants, true),
    ),
  );
}

const subChannelColumns = {
  id: orders.id,
  number: orders.number,
  organisationId: orders.organisationId,
  organisationName: organisations.name,
  ecrSupplierName: orders.ecrSupplierName,
  ecrName: orders.ecrName,
  integrationName: ecrProducts.integrationName,
  supplierSeesMerchants: ecrProducts.supplierSeesMerchants,
  completedAt: orders.completedAt,
};

/** The most sub-channels one page lists: far more than any supplier has. */
const SUB_CHANNEL_LIST_LIMIT = 500;

/** Sub-channels the actor reaches, newest first, with how many active merchants it sees in each. */
export async function listSubChannels(actor: OrganisationActor) {
  const merchantCount = sql<number>`(
    select count(*)::int from ${merchants}
    where ${merchants.subChannelOrderId} = ${orders.id} and ${merchants.deactivatedAt} is null
    and ${merchantsVisibleTo(actor) ?? sql`true`})`;
  return db
    .select({ ...subChannelColumns, merchantCount })
    .from(orders)
    .innerJoin(organisations, eq(organisations.id, orders.organisationId))
    .leftJoin(ecrProducts, eq(ecrProducts.id, orders.ecrProductId))
    .where(reachableBy(actor))
    .orderBy(desc(orders.completedAt), desc(orders.id))
    .limit(SUB_CHANNEL_LIST_LIMIT);
}

/** One sub-channel and the actor's relation to it, or null when it is out of reach. */
async function findSubChannel(tx: DbOrTx, actor: OrganisationActor, orderId: string) {
  const [row] = await tx
    .select(subChannelColumns)
    .from(orders)
    .innerJoin(organisations, eq(organisations.id, orders.organisationId))
    .leftJoin(ecrProducts, eq(ecrProducts.id, orders.ecrProductId))
    .where(and(eq(orders.id, orderId), reachableBy(actor)));
  if (!row) return null;
  const access: SubChannelAccess = roleCan(actor.role, 'organisations:read-any')
    ? 'support'
    : row.organisationId === actor.organisationId
      ? 'supplier'
      : 'reseller';
  return { ...row, access };
}

/** A sub-channel the actor may add to (its supplier or a linked reseller); NOT_FOUND otherwise. */
async function writableSubChannel(tx: DbOrTx, actor: OrganisationActor, orderId: string) {
  const subChannel = await findSubChannel(tx, actor, orderId);
  if (!subChannel) throw new AppError('NOT_FOUND');
  if (subChannel.access === 'support') throw new AppError('FORBIDDEN');
  return subChannel;
}

/** A sub-channel with the merchants (and their active terminals) the actor sees, or null. */
export async function getSubChannel(actor: OrganisationActor, orderId: string) {
  const subChannel = await findSubChannel(db, actor, orderId);
  if (!subChannel) return null;
  const merchantRows = await db
    .select({
      id: merchants.id,
      name: merchants.name,
      businessId: merchants.businessId,
      country: merchants.country,
      contactName: merchants.contactName,
      contactEmail: merchants.contactEmail,
      contactPhone: merchants.contactPhone,
      organisationId: merchants.organisationId,
      organisationName: organisations.name,
      deactivatedAt: merchants.deactivatedAt,
      createdAt: merchants.createdAt,
    })
    .from(merchants)
    .innerJoin(orders, eq(orders.id, merchants.subChannelOrderId))
    .innerJoin(organisations, eq(organisations.id, merchants.organisationId))
    .leftJoin(ecrProducts, eq(ecrProducts.id, orders.ecrProductId))
    .where(and(eq(merchants.subChannelOrderId, orderId), merchantsVisibleTo(actor)))
    .orderBy(sql`${merchants.deactivatedAt} is not null`, asc(merchants.name));
  const terminalRows =
    merchantRows.length === 0
      ? []
      : await db
          .select({ merchantId: terminals.merchantId, terminalId: terminals.terminalId })
          .from(terminals)
          .where(and(inArray(terminals.merchantId, merchantRows.map((merchant) => merchant.id)), isNull(terminals.removedAt)))
          .orderBy(asc(terminals.terminalId));
  const merchantList = merchantRows.map((merchant) => ({
    ...merchant,
    terminalIds: terminalRows.filter((terminal) => terminal.merchantId === merchant.id).map((terminal) => terminal.terminalId),
    // Each organisation keeps its own merchants; support and the supplier read the others.
    canManage: subChannel.access !== 'support' && merchant.organisationId === actor.organisationId && !merchant.deactivatedAt,
  }));
  return { ...subChannel, canAdd: subChannel.access !== 'support', merchants: merchantList };
}

/**
 * Makes sure no Terminal ID is already connected (active) under the sub-channel. Holds a lock on
 * the sub-channel until the transaction ends, so that two people cannot claim one ID at once.
 * Call it only with a sub-channel the actor was found to reach (writableSubChannel, ownMerchant).
 *
 * Note: IDs are unique across the whole sub-channel, so some taken ones may be under merchants
 * the actor does not see (another reseller's; a reseller's once the entry turns 3b). Those are
 * refused without naming any ID or saying where it is; only when every taken ID is under a
 * merchant the actor sees does the field error name them.
 */
async function claimTerminalIds(tx: DbOrTx, actor: OrganisationActor, subChannelOrderId: string, terminalIds: string[]) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`sub-channel:${subChannelOrderId}`}))`);
  if (terminalIds.length === 0) return;
  const taken = await tx
    .select({ terminalId: terminals.terminalId, visible: sql<boolean>`${merchantsVisibleTo(actor) ?? sql`true`}` })
    .from(terminals)
    .innerJoin(merchants, eq(merchants.id, terminals.merchantId))
    .innerJoin(orders, eq(orders.id, merchants.subChannelOrderId))
    .leftJoin(ecrProducts, eq(ecrProducts.id, orders.ecrProductId))
    .where(and(eq(terminals.subChannelOrderId, subChannelOrderId), inArray(terminals.terminalId, terminalIds), isNull(terminals.removedAt)));
  if (taken.length === 0) return;
  const refusal = taken.every((row) => row.visible)
    ? `merchants.terminalTaken|${taken.map((row) => row.terminalId).join(', ')}`
    : 'merchants.terminalUnavailable';
  throw new AppError('INVALID_INPUT', 'INVALID_INPUT', { terminalIds: [refusal] });
}

/** Adds a merchant (and its first Terminal IDs) to a sub-channel, kept by the actor's organisation. No order is needed. */
export async function addMerchant(actor: OrganisationActor, input: AddMerchantInput) {
  return db.transaction(async (tx) => {
    const subChannel = await writableSubChannel(tx, actor, input.subChannelOrderId);
    await claimTerminalIds(tx, actor, subChannel.id, input.terminalIds);
    const [merchant] = await tx
      .insert(merchants)
      .values({
        subChannelOrderId: subChannel.id,
        organisationId: actor.organisationId,
        name: input.name,
        businessId: input.businessId,
        country: input.country,
        contactName: input.contactName,
        contactEmail: input.contactEmail,
        contactPhone: input.contactPhone,
        createdByUserId: doneBy(actor).actorUserId,
      })
      .returning({ id: merchants.id });
    if (input.terminalIds.length > 0)
      await tx.insert(terminals).values(
        input.terminalIds.map((terminalId) => ({ merchantId: merchant!.id, subChannelOrderId: subChannel.id, terminalId, createdByUserId: doneBy(actor).actorUserId })),
      );
    await recordAudit(tx, actor, {
      action: 'merchant.added',
      organisationId: actor.organisationId,
      subjectId: merchant!.id,
      data: { subChannelOrder: subChannel.number, name: input.name, businessId: input.businessId, terminalIds: input.terminalIds },
    });
    // merchant.added goes to the organisation that added it and, when a reseller added it under a
    // 3a entry, to the ECR supplier, which sees its resellers' merchants (merchantsVisibleTo).
    const body = merchantAddedPayload(
      { merchantId: merchant!.id, subChannelOrderId: subChannel.id, subChannelOrderNumber: subChannel.number, name: input.name, businessId: input.businessId, terminalIds: input.terminalIds },
      new Date(),
    ) as OutboxEvent['body'];
    const told = new Set([actor.organisationId, ...(subChannel.supplierSeesMerchants ? [subChannel.organisationId] : [])]);
    await recordWebhookEvents(tx, [...told].map((organisationId) => ({ organisationId, body })));
    return merchant!.id;
  });
}

/** A merchant the actor's organisation keeps, under a sub-channel it still reaches, locked for the change. */
async function ownMerchant(tx: DbOrTx, actor: OrganisationActor, merchantId: string) {
  const [merchant] = await tx
    .select({ id: merchants.id, name: merchants.name, subChannelOrderId: merchants.subChannelOrderId, organisationId: merchants.organisationId, deactivatedAt: merchants.deactivatedAt })
    .from(merchants)
    .where(eq(merchants.id, merchantId))
    .for('update');
  if (!merchant || merchant.organisationId !== actor.organisationId) throw new AppError('NOT_FOUND');
  const subChannel = await findSubChannel(tx, actor, merchant.subChannelOrderId);
  if (!subChannel || subChannel.access === 'support') throw new AppError('NOT_FOUND');
  if (merchant.deactivatedAt) throw new AppError('CONFLICT');
  return { ...merchant, subChannelNumber: subChannel.number };
}

export async function addTerminals(actor: OrganisationActor, input: { merchantId: string; terminalIds: string[] }) {
  await db.transaction(async (tx) => {
    const merchant = await ownMerchant(tx, actor, input.merchantId);
    await claimTerminalIds(tx, actor, merchant.subChannelOrderId, input.terminalIds);
    await tx.insert(terminals).values(
      input.terminalIds.map((terminalId) => ({ merchantId: merchant.id, subChannelOrderId: merchant.subChannelOrderId, terminalId, createdByUserId: doneBy(actor).actorUserId })),
    );
    await recordAudit(tx, actor, {
      action: 'terminal.added',
      organisationId: actor.organisationId,
      subjectId: merchant.id,
      data: { subChannelOrder: merchant.subChannelNumber, merchant: merchant.name, terminalIds: input.terminalIds },
    });
  });
}

/** Deactivates a merchant; its Terminal IDs are released for use under another merchant. */
export async function deactivateMerchant(actor: OrganisationActor, input: { merchantId: string }) {
  await db.transaction(async (tx) => {
    const merchant = await ownMerchant(tx, actor, input.merchantId);
    await tx.update(merchants).set({ deactivatedAt: new Date() }).where(eq(merchants.id, merchant.id));
    const released = await tx
      .update(terminals)
      .set({ removedAt: new Date() })
      .where(and(eq(terminals.merchantId, merchant.id), isNull(terminals.removedAt)))
      .returning({ terminalId: terminals.terminalId });
    await recordAudit(tx, actor, {
      action: 'merchant.deactivated',
      organisationId: actor.organisationId,
      subjectId: merchant.id,
      data: { subChannelOrder: merchant.subChannelNumber, name: merchant.name, terminalIds: released.map((row) => row.terminalId) },
    });
  });
}
