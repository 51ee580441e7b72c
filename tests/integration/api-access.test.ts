import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { createApiKey, revokeApiKey } from '@/db/queries/api-keys';
import { askPartner } from '@/db/queries/support';
import { orderEvents, orders, organisations } from '@/db/schema';
import { GET as listEcrProducts } from '@/app/api/v1/ecr-products/route';
import { GET as listOrders, POST as placeOrder } from '@/app/api/v1/orders/route';
import { GET as getOrder } from '@/app/api/v1/orders/[orderId]/route';
import { POST as cancelOrder } from '@/app/api/v1/orders/[orderId]/cancel/route';
import { POST as answerOrder } from '@/app/api/v1/orders/[orderId]/answer/route';
import { GET as listSubChannels } from '@/app/api/v1/sub-channels/route';
import { GET as listMerchants, POST as addMerchant } from '@/app/api/v1/sub-channels/[subChannelId]/merchants/route';
import { POST as addTerminals } from '@/app/api/v1/merchants/[merchantId]/terminals/route';
import { POST as deactivateMerchant } from '@/app/api/v1/merchants/[merchantId]/deactivate/route';
import { actorOf, anotherKey, call, data, expectProblem, orderBodies, ordersOf, partnerWithKey, unique } from '@/tests/support/api-client';

const WWW_AUTHENTICATE = 'Bearer realm="CloudPOS Account Orders API"';

/** An order placed through the API with `key`. */
async function place(key: string, body: Record<string, unknown> = orderBodies.channel) {
  const answer = await call(placeOrder, '/api/v1/orders', { key, method: 'POST', body, headers: { 'idempotency-key': randomUUID() } });
  expect(answer.status, answer.text).toBe(201);
  return answer.body as { id: string; number: number; recipientName: string };
}

describe('authentication', () => {
  it('refuses a request without a valid key with 401, the same problem each time, and a WWW-Authenticate challenge', async () => {
    const { key, apiKey, admin, organisation } = await partnerWithKey();
    const spare = await anotherKey(admin, ['order']);
    const revoked = await anotherKey(admin, ['order']);
    await revokeApiKey(admin, { organisationId: organisation.id, keyId: revoked.apiKey.id });
    const deactivated = await partnerWithKey();
    await db.update(organisations).set({ deactivatedAt: new Date() }).where(eq(organisations.id, deactivated.organisation.id));

    const wrong = `${key.slice(0, -1)}${key.endsWith('a') ? 'b' : 'a'}`;
    const refusals: Record<string, Record<string, string>> = {
      'no header': {},
      'empty header': { authorization: '' },
      'Basic scheme': { authorization: `Basic ${Buffer.from(`user:${key}`).toString('base64')}` },
      'key without a scheme': { authorization: key },
      'Bearer without a key': { authorization: 'Bearer ' },
      'two tokens': { authorization: `Bearer ${key} ${key}` },
      'not a key at all': { authorization: 'Bearer hello' },
      'wrong key': { authorization: `Bearer ${wrong}` },
      'revoked key': { authorization: `Bearer ${revoked.key}` },
      'key of a deactivated organisation': { authorization: `Bearer ${deactivated.key}` },
    };
    const bodies = new Set<string>();
    for (const [why, headers] of Object.entries(refusals)) {
      for (const answer of [
        await call(listOrders, '/api/v1/orders', { headers }),
        await call(placeOrder, '/api/v1/orders', { method: 'POST', body: orderBodies.channel, headers: { ...headers, 'idempotency-key': randomUUID() } }),
      ]) {
        expect(answer.status, why).toBe(401);
        expectProblem(answer, 401, 'UNAUTHENTICATED');
        expect(answer.headers.get('www-authenticate'), why).toBe(WWW_AUTHENTICATE);
        // An unauthenticated request is counted against no key.
        expect(answer.headers.get('ratelimit-limit'), why).toBeNull();
        bodies.add(answer.text);
      }
    }
    // A revoked key cannot be told from a wrong one.
    expect(bodies.size).toBe(1);
    expect(await ordersOf(organisation.id)).toBe(0);
    expect(await ordersOf(deactivated.organisation.id)).toBe(0);

    // The organisation's other keys go on working; the scheme's name is not case-sensitive.
    expect((await call(listOrders, '/api/v1/orders', { headers: { authorization: `bearer ${spare.key}` } })).status).toBe(200);
    expect((await call(listOrders, '/api/v1/orders', { key })).status).toBe(200);
    expect(apiKey.scopes).toEqual(['read', 'order']);
  });

  it('a revoked key stops working from the next request', async () => {
    const { key, apiKey, admin, organisation } = await partnerWithKey();
    expect((await call(listOrders, '/api/v1/orders', { key })).status).toBe(200);
    await revokeApiKey(admin, { organisationId: organisation.id, keyId: apiKey.id });
    expectProblem(await call(listOrders, '/api/v1/orders', { key }), 401, 'UNAUTHENTICATED');
  });

  it('Poplapay has no keys: support cannot make one for its own organisation', async () => {
    const support = await data.createPerson('support_admin');
    const admin = await actorOf(support.user.id);
    await expect(createApiKey(admin, { organisationId: support.organisation.id, name: 'Support', scopes: ['order'] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('key scopes', () => {
  it('a read key reads everything and changes nothing (403, nothing written)', async () => {
    const owner = await partnerWithKey();
    const { key } = await anotherKey(owner.admin, ['read'], 'Reader');
    const order = await place(owner.key);
    const id = { orderId: order.id };

    for (const answer of [
      await call(listOrders, '/api/v1/orders', { key }),
      await call(getOrder, `/api/v1/orders/${order.id}`, { key, params: id }),
      await call(listEcrProducts, '/api/v1/ecr-products', { key }),
      await call(listSubChannels, '/api/v1/sub-channels', { key }),
    ]) {
      expect(answer.status, answer.text).toBe(200);
      expect(answer.headers.get('ratelimit-limit')).toBe('600');
    }

    const merchantId = { merchantId: randomUUID() };
    const writes = [
      await call(placeOrder, '/api/v1/orders', { key, method: 'POST', body: orderBodies.channel, headers: { 'idempotency-key': randomUUID() } }),
      await call(cancelOrder, `/api/v1/orders/${order.id}/cancel`, { key, method: 'POST', params: id }),
      await call(answerOrder, `/api/v1/orders/${order.id}/answer`, { key, method: 'POST', body: { answer: 'x' }, params: id }),
      await call(addMerchant, `/api/v1/sub-channels/${randomUUID()}/merchants`, { key, method: 'POST', body: {}, params: { subChannelId: randomUUID() } }),
      await call(addTerminals, `/api/v1/merchants/${merchantId.merchantId}/terminals`, { key, method: 'POST', body: { terminalIds: ['TERM0001'] }, params: merchantId }),
      await call(deactivateMerchant, `/api/v1/merchants/${merchantId.merchantId}/deactivate`, { key, method: 'POST', params: merchantId }),
    ];
    for (const answer of writes) {
      const problem = expectProblem(answer, 403, 'FORBIDDEN');
      expect(problem.detail).toContain('"order"');
      // The key is known, so its limit is counted and shown.
      expect(answer.headers.get('ratelimit-remaining')).not.toBeNull();
    }
    expect(await ordersOf(owner.organisation.id)).toBe(1);
    const [stored] = await db.select().from(orders).where(eq(orders.id, order.id));
    expect(stored!.state).toBe('submitted');
  });

  it('an order key reads too', async () => {
    const { key } = await partnerWithKey({ scopes: ['order'] });
    const order = await place(key);
    expect((await call(getOrder, `/api/v1/orders/${order.id}`, { key, params: { orderId: order.id } })).body).toMatchObject({ id: order.id });
    expect((await call(listOrders, '/api/v1/orders', { key })).body.data).toEqual([expect.objectContaining({ id: order.id })]);
  });
});

describe("another organisation's orders", () => {
  async function twoPartners() {
    const a = await partnerWithKey({ kind: 'reseller', name: 'A backend' });
    const b = await partnerWithKey({ kind: 'reseller', name: 'B backend' });
    const secret = `Zyxwvut ${unique()}`;
    const foreign = await place(a.key, { ...orderBodies.merchant, recipientName: secret, merchantName: `${secret} Oy`, recipientEmail: `${unique()}@foreign.example` });
    return { a, b, secret, foreign };
  }

  it('is not found by id, exactly as an id that names nothing', async () => {
    const { a, b, foreign } = await twoPartners();
    const theirs = await call(getOrder, `/api/v1/orders/${foreign.id}`, { key: b.key, params: { orderId: foreign.id } });
    const nobodys = randomUUID();
    const none = await call(getOrder, `/api/v1/orders/${nobodys}`, { key: b.key, params: { orderId: nobodys } });
    expectProblem(theirs, 404, 'NOT_FOUND');
    expect(theirs.text).toBe(none.text);
    expect([...theirs.headers.keys()].filter((name) => !name.startsWith('ratelimit')).sort()).toEqual(
      [...none.headers.keys()].filter((name) => !name.startsWith('ratelimit')).sort(),
    );
    // Its own organisation reads it.
    expect((await call(getOrder, `/api/v1/orders/${foreign.id}`, { key: a.key, params: { orderId: foreign.id } })).status).toBe(200);
  });

  it('is never in the list, whatever the filter or search', async () => {
    const { a, b, secret, foreign } = await twoPartners();
    const own = await place(b.key);
    for (const query of ['', '?state=open', '?state=submitted', '?type=merchant', `?q=${encodeURIComponent(secret)}`, `?q=${foreign.number}`, '?q=foreign.example', '?limit=100']) {
      const answer = await call(listOrders, `/api/v1/orders${query}`, { key: b.key });
      expect(answer.status, query).toBe(200);
      expect(answer.text, query).not.toContain(foreign.id);
      expect(answer.text, query).not.toContain(secret);
    }
    expect((await call(listOrders, '/api/v1/orders', { key: b.key })).body.data.map((row: { id: string }) => row.id)).toEqual([own.id]);
    // The search does find it for its own organisation.
    expect((await call(listOrders, `/api/v1/orders?q=${encodeURIComponent(secret)}`, { key: a.key })).body.data).toEqual([expect.objectContaining({ id: foreign.id })]);
    expect((await call(listOrders, `/api/v1/orders?q=${foreign.number}`, { key: a.key })).body.data).toEqual([expect.objectContaining({ id: foreign.id })]);
  });

  it('cannot be cancelled or answered: 404, and nothing changes', async () => {
    const { a, b, foreign } = await twoPartners();
    const support = await actorOf((await data.createPerson('support_agent')).user.id);
    const asked = await place(a.key);
    await askPartner(support, asked.id, 'Which terminal?');
    const snapshot = async () => ({
      orders: await db.select().from(orders).where(eq(orders.organisationId, a.organisation.id)).orderBy(orders.id),
      events: await db.select().from(orderEvents).where(eq(orderEvents.organisationId, a.organisation.id)).orderBy(orderEvents.id),
    });
    const before = await snapshot();

    const cancelled = await call(cancelOrder, `/api/v1/orders/${foreign.id}/cancel`, { key: b.key, method: 'POST', params: { orderId: foreign.id } });
    const answered = await call(answerOrder, `/api/v1/orders/${asked.id}/answer`, { key: b.key, method: 'POST', body: { answer: 'Mine now' }, params: { orderId: asked.id } });
    const nobodys = randomUUID();
    const none = await call(cancelOrder, `/api/v1/orders/${nobodys}/cancel`, { key: b.key, method: 'POST', params: { orderId: nobodys } });
    expectProblem(cancelled, 404, 'NOT_FOUND');
    expectProblem(answered, 404, 'NOT_FOUND');
    expect(cancelled.text).toBe(none.text);
    expect(answered.text).toBe(none.text);
    expect(await snapshot()).toEqual(before);

    // The owner still can: the refusal was about who asked, not the order's state.
    expect((await call(cancelOrder, `/api/v1/orders/${foreign.id}/cancel`, { key: a.key, method: 'POST', params: { orderId: foreign.id } })).body.state).toBe('cancelled');
    expect((await call(answerOrder, `/api/v1/orders/${asked.id}/answer`, { key: a.key, method: 'POST', body: { answer: 'T1' }, params: { orderId: asked.id } })).body.state).toBe('submitted');
  });
});

describe('requests the API cannot take', () => {
  it('an id that is not a UUID names nothing: 404', async () => {
    const { key } = await partnerWithKey();
    for (const bad of ['abc', '123', `${randomUUID()}x`, "1' OR '1'='1", '%00']) {
      expectProblem(await call(getOrder, `/api/v1/orders/x`, { key, params: { orderId: bad } }), 404, 'NOT_FOUND');
      expectProblem(await call(cancelOrder, `/api/v1/orders/x/cancel`, { key, method: 'POST', params: { orderId: bad } }), 404, 'NOT_FOUND');
      expectProblem(await call(answerOrder, `/api/v1/orders/x/answer`, { key, method: 'POST', body: { answer: 'x' }, params: { orderId: bad } }), 404, 'NOT_FOUND');
      expectProblem(await call(listMerchants, `/api/v1/sub-channels/x/merchants`, { key, params: { subChannelId: bad } }), 404, 'NOT_FOUND');
      expectProblem(await call(addTerminals, `/api/v1/merchants/x/terminals`, { key, method: 'POST', body: { terminalIds: ['TERM0001'] }, params: { merchantId: bad } }), 404, 'NOT_FOUND');
      expectProblem(await call(deactivateMerchant, `/api/v1/merchants/x/deactivate`, { key, method: 'POST', params: { merchantId: bad } }), 404, 'NOT_FOUND');
    }
  });

  it('a body that is not a JSON object is 400; one that is not JSON by its type is 415; nothing is placed', async () => {
    const { key, organisation } = await partnerWithKey();
    const post = (body: string, headers: Record<string, string> = {}) =>
      call(placeOrder, '/api/v1/orders', { key, method: 'POST', body, headers: { 'idempotency-key': randomUUID(), ...headers } });
    for (const body of ['{"type":', 'not json', '[1,2]', '"text"', 'null', '42', '']) expectProblem(await post(body), 400, 'MALFORMED_JSON');
    const json = JSON.stringify(orderBodies.channel);
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx', 'text/json']) {
      expectProblem(await post(json, { 'content-type': type }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    }
    expect(await ordersOf(organisation.id)).toBe(0);
    // JSON with a charset, or a +json type, is JSON.
    expect((await post(json, { 'content-type': 'application/json; charset=utf-8' })).status).toBe(201);
    expect((await post(json, { 'content-type': 'application/vnd.api+json' })).status).toBe(201);
  });

  it('a body over the limit is 413, whether or not it says its length, and nothing is placed', async () => {
    const { key, organisation } = await partnerWithKey();
    const huge = JSON.stringify({ ...orderBodies.channel, additionalInfo: 'x'.repeat(70 * 1024) });
    const streamed = await call(placeOrder, '/api/v1/orders', { key, method: 'POST', body: huge, headers: { 'idempotency-key': randomUUID() } });
    expectProblem(streamed, 413, 'PAYLOAD_TOO_LARGE');
    const declared = await call(placeOrder, '/api/v1/orders', {
      key,
      method: 'POST',
      body: huge,
      headers: { 'idempotency-key': randomUUID(), 'content-length': String(Buffer.byteLength(huge)) },
    });
    expectProblem(declared, 413, 'PAYLOAD_TOO_LARGE');
    expectProblem(
      await call(addMerchant, `/api/v1/sub-channels/${randomUUID()}/merchants`, { key, method: 'POST', body: huge, params: { subChannelId: randomUUID() } }),
      413,
      'PAYLOAD_TOO_LARGE',
    );
    expect(await ordersOf(organisation.id)).toBe(0);
  });

  it('the ECR catalogue is there to read', async () => {
    const { key } = await partnerWithKey({ scopes: ['read'] });
    const answer = await call(listEcrProducts, '/api/v1/ecr-products', { key });
    expect(answer.status).toBe(200);
    expect(Array.isArray(answer.body.data)).toBe(true);
  });
});
