import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { createApiKey } from '@/db/queries/api-keys';
import { saveCatalogueEntry } from '@/db/queries/catalogue';
import { claimOrder, completeRights } from '@/db/queries/support';
import { auditEvents, ecrProductResellers, ecrProducts, merchants, orders, terminals } from '@/db/schema';
import { GET as listOrders, POST as placeOrder } from '@/app/api/v1/orders/route';
import { GET as getOrder } from '@/app/api/v1/orders/[orderId]/route';
import { GET as listSubChannels } from '@/app/api/v1/sub-channels/route';
import { GET as listMerchants, POST as addMerchant } from '@/app/api/v1/sub-channels/[subChannelId]/merchants/route';
import { POST as addTerminals } from '@/app/api/v1/merchants/[merchantId]/terminals/route';
import { POST as deactivateMerchant } from '@/app/api/v1/merchants/[merchantId]/deactivate/route';
import { catalogueEntrySchema } from '@/lib/validations/catalogue';
import { actorOf, call, count, data, expectProblem, partnerWithKey, unique, validationText } from '@/tests/support/api-client';

/**
 * As tests/integration/sub-channels.test.ts, through API keys: an ECR supplier S with a 3a
 * catalogue entry and its completed sub-channel, a linked reseller R1, and R2, a reseller that
 * is not linked. Each has an `order` key.
 */
async function world() {
  const s = await partnerWithKey({ kind: 'ecr_supplier', name: 'Supplier backend' });
  const r1 = await partnerWithKey({ kind: 'reseller', name: 'Reseller backend' });
  const r2 = await partnerWithKey({ kind: 'reseller', name: 'Stranger backend' });
  const [entry] = await db
    .insert(ecrProducts)
    .values({ supplierName: `Retail Systems ${unique()}`, ecrName: 'RSN Kassa', integrationName: 'RSN Kassa Cloud', supplierOrganisationId: s.organisation.id, supplierSeesMerchants: true })
    .returning();
  await db.insert(ecrProductResellers).values({ ecrProductId: entry!.id, organisationId: r1.organisation.id });
  const order = await data.createOrder({
    organisationId: s.organisation.id,
    createdByUserId: s.user.id,
    type: 'sub_channel',
    state: 'completed',
    completedAt: new Date(),
    ecrProductId: entry!.id,
    ecrSupplierName: entry!.supplierName,
    ecrName: entry!.ecrName,
  });
  return { s, r1, r2, entry: entry!, subChannelId: order.id, number: order.number };
}

const merchantBody = (overrides: Record<string, unknown> = {}) => ({
  name: 'Kahvila Aurinko',
  businessId: '2605261-8',
  country: 'FI',
  contactName: 'Aino Aurinko',
  contactEmail: 'aino@aurinko.example',
  terminalIds: [],
  ...overrides,
});

const add = (key: string, subChannelId: string, overrides: Record<string, unknown> = {}) =>
  call(addMerchant, `/api/v1/sub-channels/${subChannelId}/merchants`, { key, method: 'POST', body: merchantBody(overrides), params: { subChannelId } });
async function added(key: string, subChannelId: string, overrides: Record<string, unknown> = {}) {
  const answer = await add(key, subChannelId, overrides);
  expect(answer.status, answer.text).toBe(201);
  return answer.body as { id: string; name: string; terminalIds: string[]; canManage: boolean; organisationName: string };
}
const merchantsOf = (key: string, subChannelId: string) => call(listMerchants, `/api/v1/sub-channels/${subChannelId}/merchants`, { key, params: { subChannelId } });
const namesOf = async (key: string, subChannelId: string) => {
  const answer = await merchantsOf(key, subChannelId);
  expect(answer.status, answer.text).toBe(200);
  return answer.body.data.map((merchant: { name: string }) => merchant.name).sort();
};
const terminalsFor = (key: string, merchantId: string, terminalIds: unknown) =>
  call(addTerminals, `/api/v1/merchants/${merchantId}/terminals`, { key, method: 'POST', body: { terminalIds }, params: { merchantId } });
const deactivate = (key: string, merchantId: string) => call(deactivateMerchant, `/api/v1/merchants/${merchantId}/deactivate`, { key, method: 'POST', params: { merchantId } });
const subChannelsOf = async (key: string) => (await call(listSubChannels, '/api/v1/sub-channels', { key })).body.data as { id: string; access: string; merchantCount: number }[];
const terminalRows = (subChannelId: string) => db.select().from(terminals).where(eq(terminals.subChannelOrderId, subChannelId)).orderBy(terminals.id);

/** The catalogue entry turns 3b, as support saves it on the catalogue page. */
async function turn3b(w: Awaited<ReturnType<typeof world>>) {
  const admin = await data.createPerson('support_admin');
  await saveCatalogueEntry(
    admin.user.id,
    catalogueEntrySchema.parse({
      ecrProductId: w.entry.id,
      supplierName: w.entry.supplierName,
      ecrName: w.entry.ecrName,
      integrationName: w.entry.integrationName,
      supplierOrganisationId: w.s.organisation.id,
      merchantVisibility: '3b',
      resellerIds: w.r1.organisation.id,
      active: 'on',
    }),
  );
}

describe('sub-channels through the API', () => {
  it('are listed for the supplier and the linked reseller, each with its access; not for anyone else', async () => {
    const w = await world();
    expect(await subChannelsOf(w.s.key)).toEqual([expect.objectContaining({ id: w.subChannelId, number: w.number, access: 'supplier', merchantCount: 0 })]);
    expect(await subChannelsOf(w.r1.key)).toEqual([expect.objectContaining({ id: w.subChannelId, access: 'reseller' })]);
    expect(await subChannelsOf(w.r2.key)).toEqual([]);
  });

  it("an unrelated partner's key gets 404 for the sub-channel, as for one that does not exist, and adds nothing", async () => {
    const w = await world();
    await added(w.r1.key, w.subChannelId, { name: 'Reseller Shop', terminalIds: ['TID-10001'] });
    const integrator = await partnerWithKey({ kind: 'ecr_integrator' });
    const nobodys = randomUUID();
    const none = await merchantsOf(w.r2.key, nobodys);
    for (const key of [w.r2.key, integrator.key]) {
      const read = await merchantsOf(key, w.subChannelId);
      expectProblem(read, 404, 'NOT_FOUND');
      expect(read.text).toBe(none.text);
      // Not found before any Terminal ID is looked at: nothing tells it TID-10001 is taken there.
      const write = await add(key, w.subChannelId, { name: 'Outsider Shop', terminalIds: ['TID-10001'] });
      expectProblem(write, 404, 'NOT_FOUND');
      expect(write.body.errors).toBeUndefined();
    }
    expect(await count(sql`SELECT count(*)::int AS n FROM merchants WHERE sub_channel_order_id = ${w.subChannelId}`)).toBe(1);
  });

  it("while 3a the supplier's key sees the reseller's merchants (without managing them); the reseller's key sees only its own", async () => {
    const w = await world();
    const resellerShop = await added(w.r1.key, w.subChannelId, { name: 'Reseller Shop', terminalIds: ['tid-10001', 'TID-10002'] });
    expect(resellerShop).toMatchObject({ terminalIds: ['TID-10001', 'TID-10002'], canManage: true, organisationName: w.r1.organisation.name, active: true });
    const supplierShop = await added(w.s.key, w.subChannelId, { name: 'Supplier Shop' });
    expect(supplierShop).toMatchObject({ canManage: true, organisationName: w.s.organisation.name });

    expect(await namesOf(w.s.key, w.subChannelId)).toEqual(['Reseller Shop', 'Supplier Shop']);
    expect((await merchantsOf(w.s.key, w.subChannelId)).body.data).toContainEqual(expect.objectContaining({ id: resellerShop.id, canManage: false }));
    expect(await namesOf(w.r1.key, w.subChannelId)).toEqual(['Reseller Shop']);
    expect((await subChannelsOf(w.s.key))[0]!.merchantCount).toBe(2);
    expect((await subChannelsOf(w.r1.key))[0]!.merchantCount).toBe(1);

    // Another linked reseller sees its own only, not R1's.
    const r3 = await partnerWithKey({ kind: 'reseller' });
    await db.insert(ecrProductResellers).values({ ecrProductId: w.entry.id, organisationId: r3.organisation.id });
    await added(r3.key, w.subChannelId, { name: 'Reseller Three Shop' });
    expect(await namesOf(r3.key, w.subChannelId)).toEqual(['Reseller Three Shop']);
    expect(await namesOf(w.r1.key, w.subChannelId)).toEqual(['Reseller Shop']);
    expect(await namesOf(w.s.key, w.subChannelId)).toEqual(['Reseller Shop', 'Reseller Three Shop', 'Supplier Shop']);
  });

  it("once the entry turns 3b the supplier's key no longer sees the reseller's merchants, and the reseller's key no longer reaches the sub-channel", async () => {
    const w = await world();
    const resellerShop = await added(w.r1.key, w.subChannelId, { name: 'Reseller Shop', terminalIds: ['TID-10001'] });
    await added(w.s.key, w.subChannelId, { name: 'Supplier Shop' });
    await turn3b(w);

    const seen = await merchantsOf(w.s.key, w.subChannelId);
    expect(seen.body.data.map((merchant: { name: string }) => merchant.name)).toEqual(['Supplier Shop']);
    expect(seen.text).not.toContain('Reseller Shop');
    expect(seen.text).not.toContain(resellerShop.id);
    expect((await subChannelsOf(w.s.key))[0]!.merchantCount).toBe(1);

    expectProblem(await merchantsOf(w.r1.key, w.subChannelId), 404, 'NOT_FOUND');
    expect(await subChannelsOf(w.r1.key)).toEqual([]);
    expectProblem(await add(w.r1.key, w.subChannelId, { name: 'Late Shop' }), 404, 'NOT_FOUND');
    expectProblem(await terminalsFor(w.r1.key, resellerShop.id, ['TID-10002']), 404, 'NOT_FOUND');
    expectProblem(await deactivate(w.r1.key, resellerShop.id), 404, 'NOT_FOUND');

    // The supplier is not told the reseller's Terminal ID is there: the refusal names nothing.
    const blind = expectProblem(await add(w.s.key, w.subChannelId, { name: 'Supplier Two', terminalIds: ['TID-10001'] }), 422, 'INVALID_INPUT');
    expect(blind.errors).toEqual([{ pointer: '/terminalIds', detail: validationText('merchants.terminalUnavailable') }]);
    expect(JSON.stringify(blind)).not.toContain('TID-10001');
    expect(JSON.stringify(blind)).not.toContain(w.r1.organisation.name);
  });

  it("a reseller's key cannot deactivate or add terminals to the supplier's merchant; the supplier's key cannot touch the reseller's", async () => {
    const w = await world();
    const supplierShop = await added(w.s.key, w.subChannelId, { name: 'Supplier Shop', terminalIds: ['TID-20001'] });
    const resellerShop = await added(w.r1.key, w.subChannelId, { name: 'Reseller Shop', terminalIds: ['TID-10001'] });
    const before = { terminals: await terminalRows(w.subChannelId), merchants: await db.select().from(merchants).where(eq(merchants.subChannelOrderId, w.subChannelId)).orderBy(merchants.id) };
    const nobodys = randomUUID();
    const none = await deactivate(w.r1.key, nobodys);

    for (const [key, merchantId] of [
      [w.r1.key, supplierShop.id],
      [w.r2.key, supplierShop.id],
      [w.s.key, resellerShop.id],
      [w.r2.key, resellerShop.id],
    ] as const) {
      const off = await deactivate(key, merchantId);
      expectProblem(off, 404, 'NOT_FOUND');
      expect(off.text).toBe(none.text);
      expectProblem(await terminalsFor(key, merchantId, ['TID-90001']), 404, 'NOT_FOUND');
    }
    expect(await terminalRows(w.subChannelId)).toEqual(before.terminals);
    expect(await db.select().from(merchants).where(eq(merchants.subChannelOrderId, w.subChannelId)).orderBy(merchants.id)).toEqual(before.merchants);
  });

  it('adds Terminal IDs and deactivates its own merchant; a deactivated merchant takes no more (409)', async () => {
    const w = await world();
    const shop = await added(w.r1.key, w.subChannelId, { name: 'Reseller Shop', terminalIds: ['TID-10001'] });
    const more = await terminalsFor(w.r1.key, shop.id, ['tid-10003', 'TID-10002']);
    expect(more.status, more.text).toBe(200);
    expect(more.body.terminalIds).toEqual(['TID-10001', 'TID-10002', 'TID-10003']);

    const off = await deactivate(w.r1.key, shop.id);
    expect(off.status, off.text).toBe(200);
    expect(off.body).toMatchObject({ id: shop.id, active: false, terminalIds: [], canManage: false });
    expectProblem(await deactivate(w.r1.key, shop.id), 409, 'CONFLICT');
    expectProblem(await terminalsFor(w.r1.key, shop.id, ['TID-10004']), 409, 'CONFLICT');
    // Its Terminal IDs are free again.
    expect((await added(w.s.key, w.subChannelId, { name: 'Next Shop', terminalIds: ['TID-10001'] })).terminalIds).toEqual(['TID-10001']);
  });

  it('a taken Terminal ID is 422 on /terminalIds, named to whoever sees it, and nothing is written', async () => {
    const w = await world();
    const resellerShop = await added(w.r1.key, w.subChannelId, { name: 'Reseller Shop', terminalIds: ['TID-10001'] });
    const merchantsBefore = await count(sql`SELECT count(*)::int AS n FROM merchants WHERE sub_channel_order_id = ${w.subChannelId}`);
    const terminalsBefore = await terminalRows(w.subChannelId);

    // The supplier sees the reseller's merchant while 3a, so it is told which.
    const taken = expectProblem(await add(w.s.key, w.subChannelId, { name: 'Supplier Shop', terminalIds: ['tid-10001', 'TID-20001'] }), 422, 'INVALID_INPUT');
    expect(taken.errors).toEqual([{ pointer: '/terminalIds', detail: validationText('merchants.terminalTaken|TID-10001') }]);
    const again = expectProblem(await terminalsFor(w.r1.key, resellerShop.id, ['TID-10001']), 422, 'INVALID_INPUT');
    expect(again.errors).toEqual([{ pointer: '/terminalIds', detail: validationText('merchants.terminalTaken|TID-10001') }]);
    // Another reseller is not told.
    const r3 = await partnerWithKey({ kind: 'reseller' });
    await db.insert(ecrProductResellers).values({ ecrProductId: w.entry.id, organisationId: r3.organisation.id });
    const hidden = expectProblem(await add(r3.key, w.subChannelId, { name: 'Three Shop', terminalIds: ['TID-10001'] }), 422, 'INVALID_INPUT');
    expect(hidden.errors).toEqual([{ pointer: '/terminalIds', detail: validationText('merchants.terminalUnavailable') }]);

    expect(await count(sql`SELECT count(*)::int AS n FROM merchants WHERE sub_channel_order_id = ${w.subChannelId}`)).toBe(merchantsBefore);
    expect(await terminalRows(w.subChannelId)).toEqual(terminalsBefore);
  });

  it("checks a merchant as the add-merchant form does, and names unknown fields", async () => {
    const w = await world();
    const refused = (overrides: Record<string, unknown>) => add(w.r1.key, w.subChannelId, overrides);
    expect(expectProblem(await refused({ businessId: '2605261-7' }), 422, 'INVALID_INPUT').errors).toEqual([
      { pointer: '/businessId', detail: validationText('businessIdCheckDigit') },
    ]);
    expect(expectProblem(await refused({ terminalIds: ['TERM_0001'] }), 422, 'INVALID_INPUT').errors).toEqual([
      { pointer: '/terminalIds', detail: validationText('terminalIdInvalid') },
    ]);
    expect(expectProblem(await refused({ terminalIds: ['T'.repeat(33)] }), 422, 'INVALID_INPUT').errors).toEqual([
      { pointer: '/terminalIds/0', detail: validationText('terminalIdInvalid') },
    ]);
    const tooMany = Array.from({ length: 51 }, (_, index) => `TID-${index + 1000}`);
    expect(expectProblem(await refused({ terminalIds: tooMany }), 422, 'INVALID_INPUT').errors).toEqual([
      { pointer: '/terminalIds', detail: validationText('merchants.tooManyTerminals') },
    ]);
    expect(expectProblem(await terminalsFor(w.r1.key, randomUUID(), tooMany), 422, 'INVALID_INPUT').errors).toEqual([
      { pointer: '/terminalIds', detail: validationText('merchants.tooManyTerminals') },
    ]);
    expect(expectProblem(await refused({ contactEmail: 'nope' }), 422, 'INVALID_INPUT').errors).toEqual([
      { pointer: '/contactEmail', detail: validationText('emailInvalid') },
    ]);
    expect(expectProblem(await refused({ colour: 'red' }), 422, 'INVALID_INPUT').errors).toEqual([{ pointer: '/colour', detail: validationText('unknownField') }]);
    expect(expectProblem(await refused({ contactName: '' }), 422, 'INVALID_INPUT').errors).toEqual([
      { pointer: '/contactName', detail: validationText('merchants.contactNameRequired') },
    ]);
    const { contactName: _absent, ...withoutContact } = merchantBody();
    const absent = await call(addMerchant, `/api/v1/sub-channels/${w.subChannelId}/merchants`, { key: w.r1.key, method: 'POST', body: withoutContact, params: { subChannelId: w.subChannelId } });
    expect(expectProblem(absent, 422, 'INVALID_INPUT').errors).toEqual([{ pointer: '/contactName', detail: validationText('merchants.contactNameRequired') }]);
    expect(expectProblem(await terminalsFor(w.r1.key, randomUUID(), []), 422, 'INVALID_INPUT').errors).toEqual([
      { pointer: '/terminalIds', detail: validationText('merchants.terminalIdRequired') },
    ]);
    expect(await count(sql`SELECT count(*)::int AS n FROM merchants WHERE sub_channel_order_id = ${w.subChannelId}`)).toBe(0);
  });
});

describe('3b: merchant rights ordered by a reseller', () => {
  it("never reach the supplier's key: not by id, not in its lists or searches, not under its sub-channel, not once completed", async () => {
    const w = await world();
    const [entry] = await db
      .insert(ecrProducts)
      .values({ supplierName: `Closed Systems ${unique()}`, ecrName: 'CS Kassa', integrationName: 'CS Kassa Cloud', supplierOrganisationId: w.s.organisation.id, supplierSeesMerchants: false })
      .returning();
    const subChannel = await data.createOrder({
      organisationId: w.s.organisation.id,
      createdByUserId: w.s.user.id,
      type: 'sub_channel',
      state: 'completed',
      completedAt: new Date(),
      ecrProductId: entry!.id,
      ecrSupplierName: entry!.supplierName,
      ecrName: entry!.ecrName,
    });
    const secret = `Hidden Merchant ${unique()}`;
    const placed = await call(placeOrder, '/api/v1/orders', {
      key: w.r2.key,
      method: 'POST',
      headers: { 'idempotency-key': randomUUID() },
      body: {
        type: 'merchant_rights',
        recipientName: 'Reija Reseller',
        recipientEmail: 'reija@reseller.example',
        recipientPhone: '+358401234567',
        ecrSupplierName: entry!.supplierName,
        ecrName: entry!.ecrName,
        merchantName: secret,
        merchantBusinessId: '2605261-8',
        additionalInfo: entry!.integrationName,
      },
    });
    expect(placed.status, placed.text).toBe(201);
    const orderId = placed.body.id as string;
    // It names the supplier's catalogue entry.
    expect((await db.select({ ecrProductId: orders.ecrProductId }).from(orders).where(eq(orders.id, orderId)))[0]!.ecrProductId).toBe(entry!.id);

    const supplierSees = async () => {
      expectProblem(await call(getOrder, `/api/v1/orders/${orderId}`, { key: w.s.key, params: { orderId } }), 404, 'NOT_FOUND');
      for (const query of ['', `?q=${encodeURIComponent(secret)}`, `?q=${placed.body.number}`, '?type=merchant_rights', '?state=completed']) {
        const list = await call(listOrders, `/api/v1/orders${query}`, { key: w.s.key });
        expect(list.status).toBe(200);
        expect(list.text, query).not.toContain(orderId);
        expect(list.text, query).not.toContain(secret);
      }
      for (const id of [subChannel.id, w.subChannelId]) {
        const merchantsSeen = await merchantsOf(w.s.key, id);
        expect(merchantsSeen.status).toBe(200);
        expect(merchantsSeen.text).not.toContain(secret);
      }
      expect(JSON.stringify(await subChannelsOf(w.s.key))).not.toContain(secret);
    };
    await supplierSees();

    const support = await actorOf((await data.createPerson('support_agent')).user.id);
    await claimOrder(support, orderId);
    await completeRights(support, orderId);
    expect((await call(getOrder, `/api/v1/orders/${orderId}`, { key: w.r2.key, params: { orderId } })).body.state).toBe('completed');
    await supplierSees();
  });
});

describe('the audit trail', () => {
  it('names the API key as the actor of a merchant added, its terminals and its deactivation', async () => {
    const w = await world();
    const shop = await added(w.r1.key, w.subChannelId, { name: 'Audited Shop', terminalIds: ['TID-10001'] });
    await terminalsFor(w.r1.key, shop.id, ['TID-10002']);
    await deactivate(w.r1.key, shop.id);
    const events = await db.select().from(auditEvents).where(eq(auditEvents.subjectId, shop.id)).orderBy(auditEvents.at, auditEvents.id);
    expect(events.map((event) => event.action)).toEqual(['merchant.added', 'terminal.added', 'merchant.deactivated']);
    for (const event of events) expect(event).toMatchObject({ actorApiKeyId: w.r1.apiKey.id, actorUserId: null, organisationId: w.r1.organisation.id });
    expect(events[0]!.data).toEqual({ subChannelOrder: w.number, name: 'Audited Shop', businessId: '2605261-8', terminalIds: ['TID-10001'] });
  });
});

describe('support has no API keys', () => {
  it("createApiKey refuses Poplapay's own organisation; a key support makes for a partner acts as that partner only", async () => {
    const w = await world();
    const support = await data.createPerson('support_admin');
    const admin = await actorOf(support.user.id);
    await expect(createApiKey(admin, { organisationId: support.organisation.id, name: 'Support', scopes: ['order'] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // Made by support for the unrelated reseller, the key still sees only what that reseller sees.
    const { key } = await createApiKey(admin, { organisationId: w.r2.organisation.id, name: 'Made by support', scopes: ['read'] });
    expectProblem(await merchantsOf(key, w.subChannelId), 404, 'NOT_FOUND');
    expect(await subChannelsOf(key)).toEqual([]);
  });
});
