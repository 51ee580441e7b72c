import { randomUUID } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { saveCatalogueEntry } from '@/db/queries/catalogue';
import { addMerchant, addTerminals, deactivateMerchant, getSubChannel, listSubChannels } from '@/db/queries/sub-channels';
import { getActorByUserId, type Actor } from '@/db/queries/users';
import { auditEvents, ecrProductResellers, ecrProducts, terminals } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { OrderState } from '@/lib/orders/model';
import { catalogueEntrySchema } from '@/lib/validations/catalogue';
import { addMerchantSchema, addTerminalsSchema } from '@/lib/validations/merchants';
import { factories } from '@/tests/support/factories';

const data = factories(db);
const unique = () => randomUUID().slice(0, 8);
const actorOf = async (userId: string): Promise<Actor> => (await getActorByUserId(userId))!;

/**
 * An ECR supplier S with a 3a catalogue entry, a linked reseller R1, a reseller R2 that is not
 * linked, a support agent, and S's completed sub-channel for that entry.
 */
async function world() {
  const supplierOrg = await data.createOrganisation({ kind: 'ecr_supplier', name: `Supplier ${unique()}` });
  const supplierUser = await data.createMember({ organisationId: supplierOrg.id, role: 'partner_admin' });
  const r1 = await data.createPerson('partner_admin', 'reseller');
  const r2 = await data.createPerson('partner_admin', 'reseller');
  const support = await data.createPerson('support_agent');
  const [entry] = await db
    .insert(ecrProducts)
    .values({ supplierName: `Retail Systems ${unique()}`, ecrName: 'RSN Kassa', integrationName: 'RSN Kassa Cloud', supplierOrganisationId: supplierOrg.id, supplierSeesMerchants: true })
    .returning();
  await db.insert(ecrProductResellers).values({ ecrProductId: entry!.id, organisationId: r1.organisation.id });
  const subChannelOf = (organisationId: string, createdByUserId: string, state: OrderState = 'completed') =>
    data.createOrder({
      organisationId,
      createdByUserId,
      type: 'sub_channel',
      state,
      completedAt: state === 'completed' ? new Date() : null,
      ecrProductId: entry!.id,
      ecrSupplierName: entry!.supplierName,
      ecrName: entry!.ecrName,
    });
  const order = await subChannelOf(supplierOrg.id, supplierUser.id);
  return {
    supplierOrg,
    supplierUser,
    entry: entry!,
    order,
    subChannelOf,
    s: await actorOf(supplierUser.id),
    r1: await actorOf(r1.user.id),
    r2: await actorOf(r2.user.id),
    support: await actorOf(support.user.id),
  };
}

/** The add-merchant form as typed. */
const merchantForm = (subChannelOrderId: string, overrides: Record<string, unknown> = {}) => ({
  subChannelOrderId,
  name: 'Kahvila Aurinko',
  businessId: '2605261-8',
  country: 'FI',
  contactName: 'Aino Aurinko',
  contactEmail: 'Aino@Aurinko.example',
  contactPhone: '+358 40 123 4567',
  terminalIds: '',
  ...overrides,
});

const add = (actor: Actor, subChannelOrderId: string, overrides: Record<string, unknown> = {}) =>
  addMerchant(actor, addMerchantSchema.parse(merchantForm(subChannelOrderId, overrides)));
const connect = (actor: Actor, merchantId: string, terminalIds: string) => addTerminals(actor, addTerminalsSchema.parse({ merchantId, terminalIds }));

const issuesOf = (input: unknown) =>
  addMerchantSchema.safeParse(input).error?.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const count = async (query: ReturnType<typeof sql>) => (await db.execute<{ n: number }>(query)).rows[0]!.n;
const orderCount = () => count(sql`SELECT count(*)::int AS n FROM orders`);
const merchantCount = (orderId: string) => count(sql`SELECT count(*)::int AS n FROM merchants WHERE sub_channel_order_id = ${orderId}`);
const terminalRows = (orderId: string) => db.select().from(terminals).where(eq(terminals.subChannelOrderId, orderId));
const activeTerminalsOf = async (merchantId: string) =>
  (await db.select().from(terminals).where(and(eq(terminals.merchantId, merchantId), isNull(terminals.removedAt)))).map((row) => row.terminalId).sort();
const auditOf = (subjectId: string) => db.select().from(auditEvents).where(eq(auditEvents.subjectId, subjectId)).orderBy(auditEvents.at);

const merchantNames = async (actor: Actor, orderId: string) => (await getSubChannel(actor, orderId))?.merchants.map((merchant) => merchant.name).sort();
const listed = async (actor: Actor, orderId: string) => (await listSubChannels(actor)).find((row) => row.id === orderId);

describe('what is a sub-channel', () => {
  it('a sub-channel order that is not completed is not a sub-channel yet', async () => {
    const w = await world();
    for (const state of ['submitted', 'in_progress', 'credentials_sent'] as const) {
      const pending = await w.subChannelOf(w.supplierOrg.id, w.supplierUser.id, state);
      for (const actor of [w.s, w.r1, w.support]) {
        expect(await getSubChannel(actor, pending.id)).toBeNull();
        expect(await listed(actor, pending.id)).toBeUndefined();
      }
      for (const actor of [w.s, w.r1]) expect((await refusal(add(actor, pending.id))).code).toBe('NOT_FOUND');
      expect(await merchantCount(pending.id)).toBe(0);
    }
  });

  it('another kind of completed order is not a sub-channel', async () => {
    const w = await world();
    const channel = await data.createOrder({ organisationId: w.supplierOrg.id, createdByUserId: w.supplierUser.id, type: 'channel', state: 'completed', completedAt: new Date() });
    expect(await getSubChannel(w.s, channel.id)).toBeNull();
    expect((await refusal(add(w.s, channel.id))).code).toBe('NOT_FOUND');
  });

  it('is reached by its supplier, the linked reseller and support; not by another reseller', async () => {
    const w = await world();
    expect(await getSubChannel(w.s, w.order.id)).toMatchObject({ access: 'supplier', canAdd: true, organisationName: w.supplierOrg.name, merchants: [] });
    expect(await getSubChannel(w.r1, w.order.id)).toMatchObject({ access: 'reseller', canAdd: true, integrationName: 'RSN Kassa Cloud' });
    expect(await getSubChannel(w.support, w.order.id)).toMatchObject({ access: 'support', canAdd: false });
    expect(await getSubChannel(w.r2, w.order.id)).toBeNull();
    expect(await listed(w.s, w.order.id)).toMatchObject({ number: w.order.number, merchantCount: 0 });
    expect(await listed(w.r1, w.order.id)).toBeDefined();
    expect(await listSubChannels(w.r2)).toEqual([]);
  });

  it('a sub-channel ordered by another organisation than the entry’s supplier is not the linked reseller’s', async () => {
    const w = await world();
    const other = await data.createPerson('partner_admin', 'ecr_integrator');
    const foreign = await w.subChannelOf(other.organisation.id, other.user.id);
    expect(await getSubChannel(w.r1, foreign.id)).toBeNull();
    expect(await listed(w.r1, foreign.id)).toBeUndefined();
    expect((await refusal(add(w.r1, foreign.id))).code).toBe('NOT_FOUND');
    expect(await merchantCount(foreign.id)).toBe(0);
    // Its own orderer reaches it; the entry's supplier does not.
    expect(await getSubChannel(await actorOf(other.user.id), foreign.id)).toMatchObject({ access: 'supplier' });
    expect(await getSubChannel(w.s, foreign.id)).toBeNull();
  });
});

describe('merchants under a sub-channel', () => {
  it('a linked reseller adds a merchant with its Terminal IDs without placing an order; who sees what', async () => {
    const w = await world();
    const ordersBefore = await orderCount();
    const merchantId = await add(w.r1, w.order.id, { terminalIds: 'abcd1234\nefgh-5678' });
    expect(await orderCount()).toBe(ordersBefore);

    const expected = {
      id: merchantId,
      name: 'Kahvila Aurinko',
      businessId: '2605261-8',
      contactEmail: 'aino@aurinko.example',
      contactPhone: '+358401234567',
      organisationId: w.r1.organisationId,
      organisationName: w.r1.organisationName,
      deactivatedAt: null,
      terminalIds: ['ABCD1234', 'EFGH-5678'],
    };
    const asSupplier = await getSubChannel(w.s, w.order.id);
    expect(asSupplier!.merchants).toEqual([expect.objectContaining({ ...expected, canManage: false })]);
    const asReseller = await getSubChannel(w.r1, w.order.id);
    expect(asReseller!.merchants).toEqual([expect.objectContaining({ ...expected, canManage: true })]);
    const asSupport = await getSubChannel(w.support, w.order.id);
    expect(asSupport).toMatchObject({ canAdd: false });
    expect(asSupport!.merchants).toEqual([expect.objectContaining({ ...expected, canManage: false })]);

    expect(await getSubChannel(w.r2, w.order.id)).toBeNull();
    expect((await refusal(add(w.r2, w.order.id, { name: 'Stranger Oy' }))).code).toBe('NOT_FOUND');
    expect(await listSubChannels(w.r2)).toEqual([]);
    for (const actor of [w.s, w.r1, w.support]) expect(await listed(actor, w.order.id)).toMatchObject({ merchantCount: 1 });

    // Support reads; it does not add.
    expect((await refusal(add(w.support, w.order.id, { name: 'Support Oy' }))).code).toBe('FORBIDDEN');
    expect(await merchantCount(w.order.id)).toBe(1);
  });

  it('the supplier’s own merchant is not the reseller’s to see; each reseller sees only its own', async () => {
    const w = await world();
    const r3 = await data.createPerson('partner_admin', 'reseller');
    await db.insert(ecrProductResellers).values({ ecrProductId: w.entry.id, organisationId: r3.organisation.id });
    const r3Actor = await actorOf(r3.user.id);
    await add(w.s, w.order.id, { name: 'Supplier Shop' });
    await add(w.r1, w.order.id, { name: 'Reseller One Shop' });
    await add(r3Actor, w.order.id, { name: 'Reseller Three Shop' });

    expect(await merchantNames(w.s, w.order.id)).toEqual(['Reseller One Shop', 'Reseller Three Shop', 'Supplier Shop']);
    expect(await merchantNames(w.r1, w.order.id)).toEqual(['Reseller One Shop']);
    expect(await merchantNames(r3Actor, w.order.id)).toEqual(['Reseller Three Shop']);
    expect(await merchantNames(w.support, w.order.id)).toHaveLength(3);
    expect(await listed(w.s, w.order.id)).toMatchObject({ merchantCount: 3 });
    expect(await listed(w.r1, w.order.id)).toMatchObject({ merchantCount: 1 });
    const own = (await getSubChannel(w.s, w.order.id))!.merchants.find((merchant) => merchant.name === 'Supplier Shop');
    expect(own).toMatchObject({ canManage: true, organisationName: w.supplierOrg.name });
  });

  it('the supplier can neither deactivate nor add terminals to a reseller’s merchant; nor can another reseller', async () => {
    const w = await world();
    const merchantId = await add(w.r1, w.order.id, { terminalIds: 'TERM0001' });
    const before = await terminalRows(w.order.id);
    for (const actor of [w.s, w.r2, w.support]) {
      expect((await refusal(deactivateMerchant(actor, { merchantId }))).code).toBe('NOT_FOUND');
      expect((await refusal(connect(actor, merchantId, 'TERM0002'))).code).toBe('NOT_FOUND');
    }
    expect(await terminalRows(w.order.id)).toEqual(before);
    expect((await getSubChannel(w.r1, w.order.id))!.merchants).toEqual([
      expect.objectContaining({ id: merchantId, deactivatedAt: null, terminalIds: ['TERM0001'], canManage: true }),
    ]);
    expect(await auditOf(merchantId)).toHaveLength(1);
  });

  it('adds Terminal IDs to a merchant, upper-cased', async () => {
    const w = await world();
    const merchantId = await add(w.r1, w.order.id);
    expect(await activeTerminalsOf(merchantId)).toEqual([]);
    await connect(w.r1, merchantId, 'term0002, term0001');
    expect((await getSubChannel(w.r1, w.order.id))!.merchants[0]!.terminalIds).toEqual(['TERM0001', 'TERM0002']);
  });

  it('refuses a Terminal ID already connected under the sub-channel, naming it, and writes nothing', async () => {
    const w = await world();
    const resellerMerchant = await add(w.r1, w.order.id, { name: 'Reseller Shop', terminalIds: 'TERM0001' });
    const supplierMerchant = await add(w.s, w.order.id, { name: 'Supplier Shop', terminalIds: 'TERM0100' });
    const merchantsBefore = await merchantCount(w.order.id);
    const terminalsBefore = await terminalRows(w.order.id);
    const auditBefore = await count(sql`SELECT count(*)::int AS n FROM audit_events`);

    const taken = await refusal(add(w.s, w.order.id, { name: 'Second Shop', terminalIds: 'term0001 TERM0002' }));
    expect(taken.code).toBe('INVALID_INPUT');
    expect(taken.fieldErrors?.terminalIds).toHaveLength(1);
    expect(taken.fieldErrors!.terminalIds![0]).toMatch(/^merchants\.terminalTaken\|/);
    expect(taken.fieldErrors!.terminalIds![0]).toContain('TERM0001');
    expect(taken.fieldErrors!.terminalIds![0]).not.toContain('TERM0002');

    // The same through another merchant's Terminal IDs, and under the reseller's own merchant.
    const viaTerminals = await refusal(connect(w.s, supplierMerchant, 'TERM0003, term0001'));
    expect(viaTerminals.fieldErrors?.terminalIds?.[0]).toMatch(/^merchants\.terminalTaken\|.*TERM0001/);
    const again = await refusal(connect(w.r1, resellerMerchant, 'TERM0001'));
    expect(again.fieldErrors?.terminalIds?.[0]).toMatch(/^merchants\.terminalTaken\|.*TERM0001/);

    expect(await merchantCount(w.order.id)).toBe(merchantsBefore);
    expect(await terminalRows(w.order.id)).toEqual(terminalsBefore);
    expect(await count(sql`SELECT count(*)::int AS n FROM audit_events`)).toBe(auditBefore);
    expect(await activeTerminalsOf(supplierMerchant)).toEqual(['TERM0100']);
  });

  it('the same Terminal ID under a different sub-channel is fine', async () => {
    const w = await world();
    const second = await w.subChannelOf(w.supplierOrg.id, w.supplierUser.id);
    await add(w.r1, w.order.id, { terminalIds: 'TERM0001' });
    const other = await add(w.r1, second.id, { terminalIds: 'TERM0001' });
    expect(await activeTerminalsOf(other)).toEqual(['TERM0001']);
    expect((await getSubChannel(w.r1, second.id))!.merchants[0]!.terminalIds).toEqual(['TERM0001']);
  });

  it('two people claiming one Terminal ID at once: one gets it, the other is told it is taken', async () => {
    const w = await world();
    const results = await Promise.allSettled([
      add(w.s, w.order.id, { name: 'Supplier Shop', terminalIds: 'RACE0001' }),
      add(w.r1, w.order.id, { name: 'Reseller Shop', terminalIds: 'RACE0001' }),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const [rejected] = results.filter((result) => result.status === 'rejected');
    // The supplier sees the reseller's merchant and is told which ID; the reseller does not see the supplier's.
    expect(rejected!.reason).toMatchObject({
      code: 'INVALID_INPUT',
      fieldErrors: { terminalIds: [expect.stringMatching(/^merchants\.(terminalTaken\|RACE0001|terminalUnavailable)$/)] },
    });
    expect(await merchantCount(w.order.id)).toBe(1);
  });

  it('deactivating a merchant releases its Terminal IDs for another merchant and shows it as deactivated', async () => {
    const w = await world();
    const merchantId = await add(w.r1, w.order.id, { name: 'Closing Shop', terminalIds: 'TERM0001 TERM0002' });
    await deactivateMerchant(w.r1, { merchantId });

    const closed = (await getSubChannel(w.r1, w.order.id))!.merchants.find((merchant) => merchant.id === merchantId);
    expect(closed).toMatchObject({ terminalIds: [], canManage: false });
    expect(closed!.deactivatedAt).toBeInstanceOf(Date);
    expect(await listed(w.r1, w.order.id)).toMatchObject({ merchantCount: 0 });
    // Still on the supplier's and support's lists, as deactivated.
    for (const actor of [w.s, w.support]) {
      expect((await getSubChannel(actor, w.order.id))!.merchants[0]).toMatchObject({ id: merchantId, deactivatedAt: expect.any(Date) });
    }

    const reused = await add(w.s, w.order.id, { name: 'Opening Shop', terminalIds: 'TERM0001' });
    expect(await activeTerminalsOf(reused)).toEqual(['TERM0001']);
    // Active merchants come first.
    expect((await getSubChannel(w.s, w.order.id))!.merchants.map((merchant) => merchant.name)).toEqual(['Opening Shop', 'Closing Shop']);

    // A deactivated merchant takes no more changes.
    expect((await refusal(deactivateMerchant(w.r1, { merchantId }))).code).toBe('CONFLICT');
    expect((await refusal(connect(w.r1, merchantId, 'TERM0009'))).code).toBe('CONFLICT');
    expect(await activeTerminalsOf(merchantId)).toEqual([]);
  });
});

describe('a Terminal ID taken outside the caller\'s view', () => {
  const UNAVAILABLE = 'merchants.terminalUnavailable';

  /** A refusal that says nothing of the taken terminal: no ID, no merchant, no organisation. */
  async function refusedBlindly(promise: Promise<unknown>, hidden: { terminalId: string; merchantName: string; organisationName: string }) {
    const error = await refusal(promise);
    expect(error).toMatchObject({ code: 'INVALID_INPUT', fieldErrors: { terminalIds: [UNAVAILABLE] } });
    const said = JSON.stringify({ message: error.message, fieldErrors: error.fieldErrors });
    for (const secret of Object.values(hidden)) expect(said).not.toContain(secret);
  }

  it('another organisation\'s sub-channel is not found, before any Terminal ID is looked at', async () => {
    const w = await world();
    await add(w.r1, w.order.id, { name: 'Reseller One Shop', terminalIds: 'TID-10001' });
    const integrator = await data.createPerson('partner_admin', 'ecr_integrator');
    const outsiders = [w.r2, await actorOf(integrator.user.id)];
    for (const actor of outsiders) {
      const error = await refusal(add(actor, w.order.id, { name: 'Outsider Shop', terminalIds: 'TID-10001' }));
      expect(error.code).toBe('NOT_FOUND');
      expect(error.fieldErrors).toBeUndefined();
    }
    // Their own merchants elsewhere do not open this sub-channel either.
    const ownSubChannel = await w.subChannelOf(integrator.organisation.id, integrator.user.id);
    const ownMerchant = await add(outsiders[1]!, ownSubChannel.id, { name: 'Own Shop', terminalIds: 'TID-10001' });
    expect(await activeTerminalsOf(ownMerchant)).toEqual(['TID-10001']);
    expect(await merchantNames(w.s, w.order.id)).toEqual(['Reseller One Shop']);
  });

  it('a reseller is not told about another reseller\'s terminal in the same sub-channel, and nothing is written', async () => {
    const w = await world();
    const r3 = await data.createPerson('partner_admin', 'reseller');
    await db.insert(ecrProductResellers).values({ ecrProductId: w.entry.id, organisationId: r3.organisation.id });
    const r3Actor = await actorOf(r3.user.id);
    await add(w.r1, w.order.id, { name: 'Reseller One Shop', terminalIds: 'TID-10001' });
    const r3Merchant = await add(r3Actor, w.order.id, { name: 'Reseller Three Shop', terminalIds: 'TID-30001' });
    const hidden = { terminalId: 'TID-10001', merchantName: 'Reseller One Shop', organisationName: w.r1.organisationName };
    const terminalsBefore = await terminalRows(w.order.id);

    await refusedBlindly(add(r3Actor, w.order.id, { name: 'Second Shop', terminalIds: 'tid-10001 TID-30002' }), hidden);
    await refusedBlindly(connect(r3Actor, r3Merchant, 'TID-10001'), hidden);
    // Its own taken ID beside the hidden one: still nothing named, or the rest would be told apart.
    await refusedBlindly(connect(r3Actor, r3Merchant, 'TID-30001, TID-10001'), hidden);

    expect(await merchantCount(w.order.id)).toBe(2);
    expect(await terminalRows(w.order.id)).toEqual(terminalsBefore);
    // Its own terminal, which it sees, is still named.
    expect((await refusal(connect(r3Actor, r3Merchant, 'TID-30001'))).fieldErrors?.terminalIds).toEqual(['merchants.terminalTaken|TID-30001']);
  });

  it('the supplier is not told about a reseller\'s terminal once the entry is 3b', async () => {
    const w = await world();
    await add(w.r1, w.order.id, { name: 'Reseller One Shop', terminalIds: 'TID-10001' });
    // While 3a the supplier sees the reseller's merchant, so it may be told which ID.
    expect((await refusal(add(w.s, w.order.id, { name: 'Supplier Shop', terminalIds: 'TID-10001' }))).fieldErrors?.terminalIds).toEqual([
      'merchants.terminalTaken|TID-10001',
    ]);
    await db.update(ecrProducts).set({ supplierSeesMerchants: false }).where(eq(ecrProducts.id, w.entry.id));
    await refusedBlindly(add(w.s, w.order.id, { name: 'Supplier Shop', terminalIds: 'TID-10001' }), {
      terminalId: 'TID-10001',
      merchantName: 'Reseller One Shop',
      organisationName: w.r1.organisationName,
    });
    expect(await merchantNames(w.s, w.order.id)).toEqual([]);
  });
});

describe('when the catalogue entry turns 3b', () => {
  it('the supplier sees only its own merchants and the reseller no longer reaches the sub-channel', async () => {
    const w = await world();
    const resellerMerchant = await add(w.r1, w.order.id, { name: 'Reseller Shop', terminalIds: 'TERM0001' });
    await add(w.s, w.order.id, { name: 'Supplier Shop' });
    expect(await merchantNames(w.s, w.order.id)).toEqual(['Reseller Shop', 'Supplier Shop']);

    const admin = await data.createPerson('support_admin');
    await saveCatalogueEntry(
      admin.user.id,
      catalogueEntrySchema.parse({
        ecrProductId: w.entry.id,
        supplierName: w.entry.supplierName,
        ecrName: w.entry.ecrName,
        integrationName: w.entry.integrationName,
        supplierOrganisationId: w.supplierOrg.id,
        merchantVisibility: '3b',
        resellerIds: w.r1.organisationId,
        active: 'on',
      }),
    );

    expect(await merchantNames(w.s, w.order.id)).toEqual(['Supplier Shop']);
    expect(await listed(w.s, w.order.id)).toMatchObject({ merchantCount: 1, supplierSeesMerchants: false });
    expect(await getSubChannel(w.r1, w.order.id)).toBeNull();
    expect(await listed(w.r1, w.order.id)).toBeUndefined();
    expect((await refusal(add(w.r1, w.order.id, { name: 'Late Shop' }))).code).toBe('NOT_FOUND');
    expect((await refusal(connect(w.r1, resellerMerchant, 'TERM0002'))).code).toBe('NOT_FOUND');
    expect(await merchantNames(w.support, w.order.id)).toEqual(['Reseller Shop', 'Supplier Shop']);
  });

  it('moving the entry to another supplier hides the reseller\'s merchants from the old one', async () => {
    const w = await world();
    await add(w.r1, w.order.id, { name: 'Reseller Shop' });
    await add(w.s, w.order.id, { name: 'Supplier Shop' });
    const otherSupplier = await data.createOrganisation({ kind: 'ecr_supplier' });
    await db.update(ecrProducts).set({ supplierOrganisationId: otherSupplier.id }).where(eq(ecrProducts.id, w.entry.id));
    expect(await merchantNames(w.s, w.order.id)).toEqual(['Supplier Shop']);
    expect(await getSubChannel(w.r1, w.order.id)).toBeNull();
  });

  it('a deactivated catalogue entry no longer lets the reseller in either', async () => {
    const w = await world();
    await db.update(ecrProducts).set({ active: false }).where(eq(ecrProducts.id, w.entry.id));
    expect(await getSubChannel(w.r1, w.order.id)).toBeNull();
    expect(await getSubChannel(w.s, w.order.id)).not.toBeNull();
  });
});

describe('the audit trail of merchants', () => {
  it('records merchant.added, terminal.added and merchant.deactivated by whoever did it, for their organisation', async () => {
    const w = await world();
    const merchantId = await add(w.r1, w.order.id, { name: 'Audited Shop', terminalIds: 'term0001' });
    await connect(w.r1, merchantId, 'TERM0002');
    await deactivateMerchant(w.r1, { merchantId });
    const supplierMerchant = await add(w.s, w.order.id, { name: 'Supplier Shop' });

    const events = await auditOf(merchantId);
    expect(events.map((event) => event.action)).toEqual(['merchant.added', 'terminal.added', 'merchant.deactivated']);
    for (const event of events) expect(event).toMatchObject({ actorUserId: w.r1.userId, organisationId: w.r1.organisationId });
    expect(events[0]!.data).toEqual({ subChannelOrder: w.order.number, name: 'Audited Shop', businessId: '2605261-8', terminalIds: ['TERM0001'] });
    expect(events[1]!.data).toEqual({ subChannelOrder: w.order.number, merchant: 'Audited Shop', terminalIds: ['TERM0002'] });
    expect(events[2]!.data).toMatchObject({ subChannelOrder: w.order.number, name: 'Audited Shop' });
    expect([...(events[2]!.data.terminalIds as string[])].sort()).toEqual(['TERM0001', 'TERM0002']);

    expect(await auditOf(supplierMerchant)).toEqual([
      expect.objectContaining({ action: 'merchant.added', actorUserId: w.s.userId, organisationId: w.supplierOrg.id }),
    ]);
  });
});

describe('the merchant schemas', () => {
  const valid = merchantForm(randomUUID());

  it('upper-cases Terminal IDs, splits them on lines, commas and spaces, and drops repeats', () => {
    expect(addMerchantSchema.parse({ ...valid, terminalIds: 'abcd1234, efgh-5678\nABCD1234' }).terminalIds).toEqual(['ABCD1234', 'EFGH-5678']);
    expect(addMerchantSchema.parse({ ...valid, terminalIds: undefined }).terminalIds).toEqual([]);
  });

  it('refuses a Terminal ID of the wrong form', () => {
    for (const terminalIds of ['AB1', 'TERM_0001', 'TÄRM0001']) {
      expect(issuesOf({ ...valid, terminalIds })).toEqual([{ path: 'terminalIds', message: 'terminalIdInvalid' }]);
    }
    expect(addTerminalsSchema.safeParse({ merchantId: randomUUID(), terminalIds: 'TERM0001 x' }).error?.issues[0]?.message).toBe('terminalIdInvalid');
  });

  it('needs at least one Terminal ID to add terminals', () => {
    expect(addTerminalsSchema.safeParse({ merchantId: randomUUID(), terminalIds: ' , ' }).error?.issues[0]?.message).toBe('merchants.terminalIdRequired');
  });

  it('takes a landline as the contact phone, but not letters; no phone is fine', () => {
    expect(addMerchantSchema.parse({ ...valid, contactPhone: '+358 9 1234 5678' }).contactPhone).toBe('+358912345678');
    expect(addMerchantSchema.parse({ ...valid, contactPhone: '' }).contactPhone).toBeNull();
    expect(issuesOf({ ...valid, contactPhone: '+358 40 ABC 4567' })).toEqual([{ path: 'contactPhone', message: 'phone.letters' }]);
  });

  it('refuses a Finnish business ID with a wrong check digit, and normalises a good one', () => {
    expect(issuesOf({ ...valid, businessId: '2605261-7' })).toEqual([{ path: 'businessId', message: 'businessIdCheckDigit' }]);
    expect(addMerchantSchema.parse({ ...valid, businessId: 'FI26052618' }).businessId).toBe('2605261-8');
    expect(addMerchantSchema.parse({ ...valid, country: 'se', businessId: '556677-8899' })).toMatchObject({ country: 'SE', businessId: '556677-8899' });
  });
});

describe('merchant.added webhooks', () => {
  it('tell the organisation that added the merchant and the 3a supplier, in the same transaction, without the contact person', async () => {
    const { createWebhookEndpoint } = await import('@/db/queries/webhooks');
    const { webhookEvents } = await import('@/db/schema');
    const w = await world();
    const endpointOf = (actor: Actor) =>
      createWebhookEndpoint(actor, { organisationId: actor.organisationId, url: 'http://127.0.0.1:9/hooks', description: '', eventTypes: ['merchant.added'] });
    await Promise.all([endpointOf(w.s), endpointOf(w.r1), endpointOf(w.r2)]);
    const merchantId = await add(w.r1, w.order.id, { terminalIds: `TID-${unique()}` });
    const events = await db.select().from(webhookEvents).where(sql`${webhookEvents.payload}->'data'->>'merchantId' = ${merchantId}`);
    expect(events.map((event) => event.organisationId).sort()).toEqual([w.s.organisationId, w.r1.organisationId].sort());
    expect(events[0]!.payload).toMatchObject({ type: 'merchant.added', data: { subChannelOrderId: w.order.id, name: 'Kahvila Aurinko', businessId: '2605261-8' } });
    expect(JSON.stringify(events)).not.toMatch(/Aino|401234567/);
  });
});
