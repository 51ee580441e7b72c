import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { ecrProducts, orderEvents, rateLimitBuckets } from '@/db/schema';
import { test, expect } from '@/tests/e2e/fixtures';
import { startUpload } from '@/tests/e2e/start-upload';

/*
 * Every operation of the partner API over HTTP against the running app, successes and refusals,
 * with every answer held to the served OpenAPI document by the `api` fixture: a response that
 * differs from the document fails the call that got it.
 */

const unique = () => randomUUID().slice(0, 8);

/** An ECR supplier with an admin, a 3a catalogue entry, its completed sub-channel, and an `order` and a `read` key. */
async function supplierWorld(data: Parameters<Parameters<typeof test>[2]>[0]['data']) {
  const organisation = await data.createOrganisation({ kind: 'ecr_supplier', name: `Supplier ${unique()}` });
  const admin = await data.createMember({ organisationId: organisation.id, role: 'partner_admin' });
  const [entry] = await data.db
    .insert(ecrProducts)
    .values({ supplierName: `Retail Systems ${unique()}`, ecrName: 'RSN Kassa', integrationName: 'RSN Kassa Cloud', supplierOrganisationId: organisation.id, supplierSeesMerchants: true })
    .returning();
  const subChannel = await data.createOrder({
    organisationId: organisation.id,
    createdByUserId: admin.id,
    type: 'sub_channel',
    state: 'completed',
    completedAt: new Date(),
    ecrProductId: entry!.id,
    ecrSupplierName: entry!.supplierName,
    ecrName: entry!.ecrName,
  });
  const orderKey = (await data.createApiKey({ organisationId: organisation.id, createdByUserId: admin.id, scopes: ['order'] })).key;
  const readKey = (await data.createApiKey({ organisationId: organisation.id, createdByUserId: admin.id, scopes: ['read'] })).key;
  return { organisation, admin, subChannel, orderKey, readKey };
}

const orderBody = (overrides: Record<string, unknown> = {}) => ({
  type: 'channel',
  recipientName: 'Api Asiakas',
  recipientEmail: `api-${unique()}@test.example`,
  recipientPhone: '+358401234567',
  ...overrides,
});

/** A row of a batch: an order without its type, which the batch gives. */
const batchRow = (overrides: Record<string, unknown> = {}) => {
  const { type: _type, ...row } = orderBody(overrides);
  return row;
};

test('every operation answers as the OpenAPI document says', async ({ api, data }) => {
  const w = await supplierWorld(data);
  const client = api.withKey(w.orderKey);

  // Catalogue and sub-channels
  const products = await client.get('/ecr-products');
  expect(products.status).toBe(200);
  expect(products.headers['ratelimit-limit']).toMatch(/^\d+$/);
  const subChannels = await client.get('/sub-channels');
  expect(subChannels.body.data).toContainEqual(expect.objectContaining({ id: w.subChannel.id, access: 'supplier' }));

  // Orders: place (and replay), list, read, cancel
  const idempotencyKey = `order-${unique()}`;
  const body = orderBody();
  const placed = await client.post('/orders', { data: body, headers: { 'Idempotency-Key': idempotencyKey } });
  expect(placed.status).toBe(201);
  expect(placed.headers.location).toBe(`/api/v1/orders/${placed.body.id}`);
  const replayed = await client.post('/orders', { data: body, headers: { 'Idempotency-Key': idempotencyKey } });
  expect(replayed.status).toBe(200);
  expect(replayed.headers['idempotent-replayed']).toBe('true');
  expect(replayed.body.id).toBe(placed.body.id);

  const list = await client.get('/orders', { params: { limit: 1 } });
  expect(list.body.data).toHaveLength(1);
  expect(list.body.nextCursor).toEqual(expect.any(String));
  const nextPage = await client.get('/orders', { params: { limit: 1, cursor: list.body.nextCursor, state: 'open' } });
  expect(nextPage.status).toBe(200);

  const read = await client.get(`/orders/${placed.body.id}`);
  expect(read.body).toMatchObject({ id: placed.body.id, state: 'submitted', timeline: [expect.objectContaining({ kind: 'submitted', actor: expect.objectContaining({ type: 'api_key' }) })] });
  const cancelled = await client.post(`/orders/${placed.body.id}/cancel`);
  expect(cancelled.body.state).toBe('cancelled');

  // Batches: place (and replay), then follow it until the queue has placed its rows
  const batchKey = `batch-${unique()}`;
  const batchBody = { type: 'channel', rows: [batchRow(), batchRow({ recipientLocale: 'sv', terminalIds: ['TID-3001'] })] };
  const batch = await client.post('/order-batches', { data: batchBody, headers: { 'Idempotency-Key': batchKey } });
  expect(batch.status).toBe(202);
  expect(batch.headers.location).toBe(`/api/v1/order-batches/${batch.body.id}`);
  expect(batch.body).toMatchObject({ type: 'channel', rowCount: 2, warnings: [] });
  const batchReplayed = await client.post('/order-batches', { data: batchBody, headers: { 'Idempotency-Key': batchKey } });
  expect(batchReplayed.status).toBe(200);
  expect(batchReplayed.headers['idempotent-replayed']).toBe('true');
  await expect.poll(async () => (await client.get(`/order-batches/${batch.body.id}`)).body.state, { timeout: 30_000 }).toBe('placed');
  const followed = await client.get(`/order-batches/${batch.body.id}`);
  expect(followed.body).toMatchObject({ placedCount: 2, orderCounts: { submitted: 2 } });
  expect(followed.body.orders.map((order: { row: number }) => order.row)).toEqual([1, 2]);
  expect((await client.get(`/orders/${followed.body.orders[1].id}`)).body).toMatchObject({ recipientLocale: 'sv', terminalIds: ['TID-3001'] });

  // Answer a question support asked
  const asked = await data.createOrder({ organisationId: w.organisation.id, createdByUserId: w.admin.id, state: 'needs_info' });
  await data.db.insert(orderEvents).values({ orderId: asked.id, organisationId: w.organisation.id, kind: 'question_asked', data: { question: 'Which terminal?' } });
  const answered = await client.post(`/orders/${asked.id}/answer`, { data: { answer: 'TID-1001, thank you.' } });
  expect(answered.status).toBe(200);
  expect(answered.body.state).not.toBe('needs_info');

  // Merchants of the sub-channel
  const connected = await client.post(`/sub-channels/${w.subChannel.id}/merchants`, {
    data: { name: 'Kahvila Aurinko', businessId: '2605261-8', country: 'FI', contactName: 'Aino Aurinko', contactEmail: 'aino@aurinko.example', terminalIds: [`T${unique().toUpperCase()}`] },
  });
  expect(connected.status).toBe(201);
  const merchants = await client.get(`/sub-channels/${w.subChannel.id}/merchants`);
  expect(merchants.body.data).toContainEqual(expect.objectContaining({ id: connected.body.id }));
  const terminal = `T${unique().toUpperCase()}`;
  const withTerminal = await client.post(`/merchants/${connected.body.id}/terminals`, { data: { terminalIds: [terminal] } });
  expect(withTerminal.body.terminalIds).toContain(terminal);
  const deactivated = await client.post(`/merchants/${connected.body.id}/deactivate`);
  expect(deactivated.body.active).toBe(false);

  // Every operation of the document was called, and answered with success.
  const succeeded = new Set(api.seen.filter((call) => / 2\d\d$/.test(call)).map((call) => call.replace(/ \d+$/, '')));
  expect(api.validator.operations().filter((operation) => !succeeded.has(operation))).toEqual([]);
});

test('refusals answer as the OpenAPI document says', async ({ api, data }) => {
  const w = await supplierWorld(data);
  const client = api.withKey(w.orderKey);
  const missing = randomUUID();

  // 401: no key, a malformed key, a well-formed unknown key
  for (const key of [null, 'nonsense', `cpos_live_${'A'.repeat(43)}`]) {
    const refused = await client.get('/orders', { key });
    expect(refused.status).toBe(401);
    expect(refused.headers['www-authenticate']).toMatch(/^Bearer /);
    expect(refused.body.type).toBe('/developers/api#problem-unauthenticated');
  }
  const noKeyPost = await client.post('/orders', { key: null, data: orderBody(), headers: { 'Idempotency-Key': unique() } });
  expect(noKeyPost.status).toBe(401);

  // 403: a read key may read but not order
  const reader = api.withKey(w.readKey);
  expect((await reader.get('/orders')).status).toBe(200);
  for (const [path, body] of [
    ['/orders', orderBody()],
    [`/orders/${missing}/cancel`, undefined],
    [`/orders/${missing}/answer`, { answer: 'x' }],
    [`/sub-channels/${w.subChannel.id}/merchants`, { name: 'X' }],
    [`/merchants/${missing}/terminals`, { terminalIds: ['TID-1001'] }],
    [`/merchants/${missing}/deactivate`, undefined],
    ['/order-batches', { type: 'channel', rows: [batchRow()] }],
  ] as const) {
    const refused = await reader.post(path, { data: body, headers: { 'Idempotency-Key': unique() } });
    expect(refused.status, path).toBe(403);
    expect(refused.body.type).toBe('/developers/api#problem-forbidden');
  }

  // 404: unknown ids and ids that are not ids
  for (const path of [`/orders/${missing}`, '/orders/not-a-uuid', `/sub-channels/${missing}/merchants`]) expect((await client.get(path)).status, path).toBe(404);
  expect((await client.post(`/orders/${missing}/cancel`)).status).toBe(404);
  expect((await client.post(`/merchants/${missing}/deactivate`)).status).toBe(404);
  expect((await client.post(`/merchants/${missing}/terminals`, { data: { terminalIds: ['TID-1001'] } })).status).toBe(404);
  expect((await client.post(`/orders/${missing}/answer`, { data: { answer: 'Yes.' } })).status).toBe(404);
  expect((await client.post(`/sub-channels/${missing}/merchants`, { data: { name: 'Kahvila', businessId: '2605261-8', country: 'FI', contactName: 'A', contactEmail: 'a@b.example' } })).status).toBe(404);

  expect((await client.get(`/order-batches/${missing}`)).status).toBe(404);
  expect((await reader.get(`/order-batches/${missing}`)).status).toBe(404);

  // 400: no Idempotency-Key; a body that is not JSON
  const noIdempotencyKey = await client.post('/orders', { data: orderBody() });
  expect(noIdempotencyKey.status).toBe(400);
  expect(noIdempotencyKey.body.type).toBe('/developers/api#problem-idempotency-key-required');
  const malformed = await client.post('/orders', { data: '{"type":', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': unique() } });
  expect(malformed.status).toBe(400);
  expect(malformed.body.type).toBe('/developers/api#problem-malformed-json');

  // 415: not JSON
  const form = await client.post('/orders', { data: 'type=channel', headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Idempotency-Key': unique() } });
  expect(form.status).toBe(415);
  expect((await client.post(`/orders/${missing}/answer`, { data: 'hello', headers: { 'Content-Type': 'text/plain' } })).status).toBe(415);

  // 422: the order form's rules, an unknown field, a bad query
  const invalid = await client.post('/orders', { data: orderBody({ recipientEmail: 'nope', colour: 'blue' }), headers: { 'Idempotency-Key': unique() } });
  expect(invalid.status).toBe(422);
  expect(invalid.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ pointer: '/recipientEmail' }), expect.objectContaining({ pointer: '/colour' })]));
  expect((await client.get('/orders', { params: { limit: 1000 } })).status).toBe(422);
  expect((await client.get('/orders', { params: { cursor: 'not-a-cursor' } })).status).toBe(422);
  expect((await client.post(`/sub-channels/${w.subChannel.id}/merchants`, { data: { name: '' } })).status).toBe(422);
  expect((await client.post(`/merchants/${missing}/terminals`, { data: { terminalIds: 'T1' } })).status).toBe(422);
  const badRows = await client.post('/order-batches', { data: { type: 'channel', rows: [batchRow(), batchRow({ recipientPhone: '040 123 4567' })] }, headers: { 'Idempotency-Key': unique() } });
  expect(badRows.status).toBe(422);
  expect(badRows.body.errors).toEqual([expect.objectContaining({ pointer: '/rows/1/recipientPhone', detail: expect.stringContaining('country code') })]);
  expect((await client.post('/order-batches', { data: { type: 'channel', rows: [batchRow()] } })).status).toBe(400);

  // 409: an Idempotency-Key reused with another body; an order that cannot be cancelled or answered
  const idempotencyKey = unique();
  const placed = await client.post('/orders', { data: orderBody(), headers: { 'Idempotency-Key': idempotencyKey } });
  expect(placed.status).toBe(201);
  const reused = await client.post('/orders', { data: orderBody(), headers: { 'Idempotency-Key': idempotencyKey } });
  expect(reused.status).toBe(409);
  expect(reused.body.type).toBe('/developers/api#problem-idempotency-key-reused');
  const batchKey = unique();
  expect((await client.post('/order-batches', { data: { type: 'channel', rows: [batchRow()] }, headers: { 'Idempotency-Key': batchKey } })).status).toBe(202);
  expect((await client.post('/order-batches', { data: { type: 'channel', rows: [batchRow()] }, headers: { 'Idempotency-Key': batchKey } })).status).toBe(409);
  expect((await client.post(`/orders/${placed.body.id}/answer`, { data: { answer: 'Nobody asked.' } })).status).toBe(409);
  expect((await client.post(`/orders/${placed.body.id}/cancel`)).status).toBe(200);
  const again = await client.post(`/orders/${placed.body.id}/cancel`);
  expect(again.status).toBe(409);
  expect(again.body.type).toBe('/developers/api#problem-conflict');

  // 413: a body over the API's limit
  const huge = await client.post(`/orders/${missing}/answer`, { data: { answer: 'x'.repeat(70_000) } });
  expect(huge.status).toBe(413);
  // A batch may send 2 MB (1,000 rows fit), and no more. Declared, not sent whole: the server
  // answers 413 from the Content-Length alone.
  const hugeBatch = await startUpload('/api/v1/order-batches', 2 * 1024 * 1024 + 1, {
    authorization: `Bearer ${w.orderKey}`,
    'content-type': 'application/json',
    'idempotency-key': unique(),
  });
  expect(hugeBatch).toBe(413);
});

test('a batch of 1,000 rows passes the server\'s body limit for its path, over HTTP', async ({ api, data }) => {
  const w = await supplierWorld(data);
  const rows = Array.from({ length: 1000 }, () => batchRow({ additionalInfo: 'Siirto CloudPOSiin, kassa 1 ja 2.' }));
  expect(JSON.stringify(rows).length).toBeGreaterThan(128 * 1024);
  const batch = await api.withKey(w.orderKey).post('/order-batches', { data: { type: 'channel', rows }, headers: { 'Idempotency-Key': unique() } });
  expect(batch.status).toBe(202);
  expect(batch.body.rowCount).toBe(1000);
});

test('a key past its rate limit gets 429 with Retry-After, as documented', async ({ api, data }) => {
  const w = await supplierWorld(data);
  const [{ id }] = (await data.db.execute<{ id: string }>(sql`SELECT id FROM api_keys WHERE organisation_id = ${w.organisation.id} AND 'order' = ANY(scopes)`)).rows as [{ id: string }];
  // This window's and the next one's counters, full: the request below falls in one of them.
  for (const offset of [0, 60]) {
    await data.db
      .insert(rateLimitBuckets)
      .values({ key: `api:${id}`, windowStart: sql`to_timestamp(floor(extract(epoch from now()) / 60) * 60 + ${offset})`, count: 1_000_000 })
      .onConflictDoNothing();
  }
  const limited = await api.withKey(w.orderKey).get('/orders');
  expect(limited.status).toBe(429);
  expect(limited.headers['retry-after']).toMatch(/^\d+$/);
  expect(limited.headers['ratelimit-remaining']).toBe('0');
});

test('the document and the reference page are public', async ({ request }) => {
  const document = await request.get('/api/v1/openapi.json');
  expect(document.status()).toBe(200);
  expect(document.headers()['content-type']).toMatch(/^application\/json/);
  expect((await document.json()).openapi).toBe('3.1.0');
  const page = await request.get('/developers/api', { maxRedirects: 0 });
  expect(page.status()).toBe(200);
  const html = await page.text();
  expect(html).toContain('id="problem-invalid-input"');
  const script = /src="(\/developers\/api\/assets\/[^"]+\/swagger-ui\.js)"/.exec(html)?.[1];
  expect(script).toBeDefined();
  const asset = await request.get(script!);
  expect(asset.status()).toBe(200);
  expect(asset.headers()['cache-control']).toContain('immutable');
});
