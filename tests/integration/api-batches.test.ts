import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { unsafePlaceBatchOrders } from '@/db/queries/batches';
import { ecrProducts, orders } from '@/db/schema';
import { POST as placeBatch } from '@/app/api/v1/order-batches/route';
import { GET as getBatch } from '@/app/api/v1/order-batches/[batchId]/route';
import { POST as placeOrder } from '@/app/api/v1/orders/route';
import { orderFormSchema } from '@/lib/validations/order';
import { businessId } from '@/tests/support/batch-file';
import { anotherKey, call, count, expectProblem, ordersOf, partnerWithKey, unique, validationText } from '@/tests/support/api-client';

/*
 * POST /api/v1/order-batches and GET /api/v1/order-batches/{batchId} as an integrator meets
 * them: the route handlers with a real key and the real database; the job that places a
 * batch's rows is run here as the queue would run it (unsafePlaceBatchOrders).
 */

const post = (key: string, body: unknown, idempotencyKey: string | null = randomUUID()) =>
  call(placeBatch, '/api/v1/order-batches', { key, method: 'POST', body, headers: idempotencyKey === null ? {} : { 'idempotency-key': idempotencyKey } });
const read = (key: string, batchId: string) => call(getBatch, `/api/v1/order-batches/${batchId}`, { key, params: { batchId } });

const batchesOf = (organisationId: string) => count(sql`SELECT count(*)::int AS n FROM order_batches WHERE organisation_id = ${organisationId}`);
const batchRowsOf = (organisationId: string) =>
  count(sql`SELECT count(*)::int AS n FROM order_batch_rows r JOIN order_batches b ON b.id = r.batch_id WHERE b.organisation_id = ${organisationId}`);

/** A merchant row, different for each `n` (its own business ID and recipient). */
const merchantRow = (n: number, overrides: Record<string, unknown> = {}) => ({
  recipientName: `Äijälä Öhman ${n}`,
  recipientEmail: `owner${n}@kauppa.example`,
  recipientPhone: `+358 40 ${String(1_000_000 + n).padStart(7, '0')}`,
  merchantName: `Kahvila Åland ${n}`,
  merchantBusinessId: businessId(n),
  ...overrides,
});
const merchantBatch = (n: number, from = 1) => ({ type: 'merchant', rows: Array.from({ length: n }, (_, index) => merchantRow(from + index)) });

async function accept(key: string, body: unknown, idempotencyKey: string = randomUUID()) {
  const answer = await post(key, body, idempotencyKey);
  expect(answer.status, answer.text).toBe(202);
  return answer.body as { id: string; number: number; rowCount: number };
}

describe('placing a batch', () => {
  it('answers 202 with the batch, which the job turns into one ordinary order per row, in row order', async () => {
    const { key, apiKey, organisation } = await partnerWithKey({ name: 'Bulk backend' });
    const body = { type: 'merchant', rows: [merchantRow(1, { recipientLocale: 'sv', terminalIds: ['TID-1001', 'TID-1002'] }), merchantRow(2), merchantRow(3, { merchantCountry: 'SE', merchantBusinessId: '556677-8899' })] };
    const answer = await post(key, body);
    expect(answer.status, answer.text).toBe(202);
    const batch = answer.body;
    expect(answer.headers.get('location')).toBe(`/api/v1/order-batches/${batch.id}`);
    expect(answer.headers.get('idempotent-replayed')).toBeNull();
    expect(batch).toMatchObject({ type: 'merchant', state: 'placing', rowCount: 3, placedCount: 0, completedAt: null, orders: [], warnings: [] });
    expect(Object.values(batch.orderCounts).every((n) => n === 0)).toBe(true);
    // Accepted, not placed yet: the orders come from the job.
    expect(await ordersOf(organisation.id)).toBe(0);

    await unsafePlaceBatchOrders(batch.id);
    const placed = await read(key, batch.id);
    expect(placed.status, placed.text).toBe(200);
    expect(placed.body).toMatchObject({ id: batch.id, number: batch.number, state: 'placed', rowCount: 3, placedCount: 3, completedAt: expect.any(String) });
    expect(placed.body.orderCounts).toMatchObject({ submitted: 3, cancelled: 0 });
    expect(placed.body).not.toHaveProperty('warnings');
    expect(placed.body.orders.map((order: { row: number; state: string }) => [order.row, order.state])).toEqual([
      [1, 'submitted'],
      [2, 'submitted'],
      [3, 'submitted'],
    ]);

    // Each row became the order the form would have placed, by the key.
    const stored = await db.select().from(orders).where(eq(orders.organisationId, organisation.id));
    expect(stored).toHaveLength(3);
    const byId = new Map(stored.map((order) => [order.id, order]));
    const [first, second, third] = placed.body.orders.map((order: { id: string }) => byId.get(order.id)!);
    expect(first).toMatchObject({ recipientName: 'Äijälä Öhman 1', recipientPhone: '+358401000001', recipientLocale: 'sv', terminalIds: ['TID-1001', 'TID-1002'], merchantCountry: 'FI', createdByApiKeyId: apiKey.id, batchId: batch.id });
    expect(second).toMatchObject({ recipientName: 'Äijälä Öhman 2', merchantBusinessId: businessId(2) });
    expect(third).toMatchObject({ merchantCountry: 'SE', merchantBusinessId: '556677-8899' });
    expect(placed.body.orders[0]).toEqual({ row: 1, id: first!.id, number: first!.number, state: 'submitted', dueAt: first!.dueAt.toISOString() });
  });

  it('comes back with what the form would point out but accepts: an ECR not in the catalogue, per row', async () => {
    await db.insert(ecrProducts).values({ supplierName: 'Retail Systems Nordic Oy', ecrName: 'RSN Kassa', integrationName: 'RSN Kassa Cloud' }).onConflictDoNothing();
    const { key } = await partnerWithKey({ kind: 'ecr_supplier' });
    const row = (n: number, ecrName: string) => ({ recipientName: `Sanna ${n}`, recipientEmail: `sanna${n}@supplier.example`, recipientPhone: '+358401234567', ecrSupplierName: 'Retail Systems Nordic Oy', ecrName });
    const body = { type: 'sub_channel', rows: [row(1, 'RSN Kassa'), row(2, 'Brand New Kassa')] };
    const idempotencyKey = randomUUID();
    const first = await post(key, body, idempotencyKey);
    expect(first.status, first.text).toBe(202);
    const warnings = [{ pointer: '/rows/1/ecrName', detail: validationText('batch.ecrNotInCatalogue') }];
    expect(first.body.warnings).toEqual(warnings);
    // A retry gets them too.
    expect((await post(key, body, idempotencyKey)).body.warnings).toEqual(warnings);
  });
});

describe('Idempotency-Key', () => {
  it('a retry with the same key and body answers 200 with the batch, also once its orders exist (they match its own rows)', async () => {
    const { key, organisation } = await partnerWithKey();
    const idempotencyKey = `batch-${unique()}`;
    const body = merchantBatch(4);
    const first = await accept(key, body, idempotencyKey);

    const reordered = { rows: body.rows.map((row) => Object.fromEntries(Object.entries(row).reverse())), type: body.type };
    const again = await post(key, JSON.stringify(reordered, null, 4), idempotencyKey);
    expect(again.status, again.text).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('location')).toBe(`/api/v1/order-batches/${first.id}`);
    expect(again.body).toMatchObject({ id: first.id, state: 'placing' });

    await unsafePlaceBatchOrders(first.id);
    // Every row now matches an open order of the organisation, but it is the same batch, not a new one.
    const afterPlacing = await post(key, body, idempotencyKey);
    expect(afterPlacing.status, afterPlacing.text).toBe(200);
    expect(afterPlacing.body).toMatchObject({ id: first.id, state: 'placed', placedCount: 4 });
    expect(await batchesOf(organisation.id)).toBe(1);
    expect(await ordersOf(organisation.id)).toBe(4);

    // A new key for the same rows is a new batch, which they would order again.
    const twice = expectProblem(await post(key, body), 422, 'INVALID_INPUT');
    expect(twice.errors).toHaveLength(4);
    expect(twice.errors!.every((error) => /^\/rows\/\d\/merchantBusinessId$/.test(error.pointer))).toBe(true);
  });

  it('ten concurrent requests with one key make one batch and N orders, not 10 N', async () => {
    const { key, organisation } = await partnerWithKey();
    const idempotencyKey = randomUUID();
    const body = merchantBatch(5, 100);
    const answers = await Promise.all(Array.from({ length: 10 }, () => post(key, body, idempotencyKey)));
    expect(answers.map((one) => one.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 202]);
    expect(new Set(answers.map((one) => one.body.id)).size).toBe(1);
    expect(answers.filter((one) => one.headers.get('idempotent-replayed') === 'true')).toHaveLength(9);
    expect(await batchesOf(organisation.id)).toBe(1);
    expect(await batchRowsOf(organisation.id)).toBe(5);

    // The job runs twice, as a queue may deliver it twice.
    await Promise.all([unsafePlaceBatchOrders(answers[0]!.body.id), unsafePlaceBatchOrders(answers[0]!.body.id)]);
    expect(await ordersOf(organisation.id)).toBe(5);
  });

  it('the same key with another body is a 409 and changes nothing', async () => {
    const { key, organisation } = await partnerWithKey();
    const idempotencyKey = randomUUID();
    const first = await accept(key, merchantBatch(2), idempotencyKey);
    for (const body of [merchantBatch(3), merchantBatch(2, 50), { ...merchantBatch(2), type: 'merchant_rights' }]) {
      // Also when the other body's rows would be refused (merchant_rights rows need more): the key is looked up first.
      expectProblem(await post(key, body, idempotencyKey), 409, 'IDEMPOTENCY_KEY_REUSED');
    }
    expect(await batchesOf(organisation.id)).toBe(1);
    expect(await batchRowsOf(organisation.id)).toBe(2);
    expect((await read(key, first.id)).body.rowCount).toBe(2);
  });

  it('is required', async () => {
    const { key, organisation } = await partnerWithKey();
    for (const bad of [null, '', 'two words']) expectProblem(await post(key, merchantBatch(1), bad), 400, 'IDEMPOTENCY_KEY_REQUIRED');
    expect(await batchesOf(organisation.id)).toBe(0);
  });
});

describe('refusing rows', () => {
  /** What the order form says about a row as its first problem on each field, worded as the API words it. */
  function formErrors(index: number, type: string, row: Record<string, unknown>) {
    const parsed = orderFormSchema.safeParse({ ...row, type, terminalIds: ((row.terminalIds as string[] | undefined) ?? []).join('\n'), idempotencyKey: randomUUID() });
    expect(parsed.success, JSON.stringify(row)).toBe(false);
    return parsed.error!.issues.map((issue) => ({ pointer: `/rows/${index}/${issue.path.join('/')}`, detail: validationText(issue.message) }));
  }

  it("refuses the whole batch with every row's problems under /rows/{index}, the form's messages, and writes nothing", async () => {
    const { key, organisation } = await partnerWithKey();
    const openOrder = await call(placeOrder, '/api/v1/orders', {
      key,
      method: 'POST',
      body: { type: 'merchant', ...merchantRow(900) },
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(openOrder.status, openOrder.text).toBe(201);

    const { recipientName: _name, ...withoutName } = merchantRow(6);
    const rows = [
      merchantRow(1),
      merchantRow(2, { recipientPhone: '040 123 4567' }),
      merchantRow(3, { merchantName: '' }),
      merchantRow(4, { merchantBusinessId: businessId(1) }),
      merchantRow(5, { recipientEmail: 'nope' }),
      withoutName,
      merchantRow(7, { colour: 'blue' }),
      merchantRow(8, { merchantBusinessId: businessId(900) }),
      merchantRow(9, { merchantBusinessId: '2605261-7' }),
      merchantRow(10, { recipientPhone: 358401234567 }),
    ];
    const idempotencyKey = randomUUID();
    const refused = expectProblem(await post(key, { type: 'merchant', rows }, idempotencyKey), 422, 'INVALID_INPUT');
    expect(refused.errors).toEqual([
      ...formErrors(1, 'merchant', rows[1]!),
      ...formErrors(2, 'merchant', rows[2]!),
      { pointer: '/rows/3/merchantBusinessId', detail: 'The same as /rows/0 of this request: order it once.' },
      ...formErrors(4, 'merchant', rows[4]!),
      { pointer: '/rows/5/recipientName', detail: validationText('recipientNameRequired') },
      { pointer: '/rows/6/colour', detail: validationText('unknownField') },
      { pointer: '/rows/7/merchantBusinessId', detail: `Your organisation already has an open order ${openOrder.body.number} of this type for this business ID.` },
      ...formErrors(8, 'merchant', rows[8]!),
      { pointer: '/rows/9/recipientPhone', detail: expect.stringMatching(/expected string/) },
    ]);
    expect(formErrors(1, 'merchant', rows[1]!)).toEqual([{ pointer: '/rows/1/recipientPhone', detail: validationText('phone.national') }]);
    expect(await batchesOf(organisation.id)).toBe(0);
    expect(await ordersOf(organisation.id)).toBe(1);

    // The key of a refused batch is still free: the corrected batch is accepted with it.
    const fixed = [merchantRow(1), merchantRow(2), merchantRow(3), merchantRow(4), merchantRow(5)];
    const accepted = await accept(key, { type: 'merchant', rows: fixed }, idempotencyKey);
    expect(accepted.rowCount).toBe(5);
  });

  it('names what is wrong with the batch itself: its type, no rows, too many rows, rows that are not objects, an unknown field', async () => {
    const { key, organisation } = await partnerWithKey();
    const cases: [unknown, { pointer: string; detail: string }[]][] = [
      [{ type: 'gold', rows: [merchantRow(1)] }, [{ pointer: '/type', detail: validationText('typeRequired') }]],
      [{ rows: [merchantRow(1)] }, [{ pointer: '/type', detail: validationText('typeRequired') }]],
      [{ type: 'merchant', rows: [] }, [{ pointer: '/rows', detail: validationText('batch.rowsRequired') }]],
      [{ type: 'merchant', rows: Array.from({ length: 1001 }, (_, index) => merchantRow(index)) }, [{ pointer: '/rows', detail: 'Send at most 1,000 rows in one batch.' }]],
      [{ type: 'merchant', rows: [merchantRow(1), 'row two'] }, [{ pointer: '/rows/1', detail: expect.stringMatching(/expected object/) }]],
      [{ type: 'merchant', rows: [merchantRow(1)], fileName: 'x.csv' }, [{ pointer: '/fileName', detail: validationText('unknownField') }]],
      [{ type: 'merchant', rows: [{ ...merchantRow(1), type: 'merchant' }] }, [{ pointer: '/rows/0/type', detail: validationText('unknownField') }]],
    ];
    for (const [body, errors] of cases) expect(expectProblem(await post(key, body), 422, 'INVALID_INPUT').errors, JSON.stringify(body).slice(0, 80)).toEqual(errors);
    expect(await batchesOf(organisation.id)).toBe(0);
  });
});

describe('size', () => {
  it('takes 1,000 rows in one request, past the 64 kB other API requests may send, and refuses a body over 2 MB with 413', async () => {
    const { key, organisation } = await partnerWithKey();
    const body = merchantBatch(1000, 2000);
    expect(JSON.stringify(body).length).toBeGreaterThan(150_000);
    const accepted = await accept(key, body);
    expect(accepted.rowCount).toBe(1000);
    expect(await batchRowsOf(organisation.id)).toBe(1000);

    const huge = { type: 'merchant', rows: [merchantRow(1, { additionalInfo: 'x'.repeat(2 * 1024 * 1024) })] };
    expectProblem(await post(key, huge), 413, 'PAYLOAD_TOO_LARGE');
    // Other paths keep their own limit.
    const bigOrder = await call(placeOrder, '/api/v1/orders', { key, method: 'POST', body: { type: 'merchant', ...merchantRow(1, { additionalInfo: 'x'.repeat(70_000) }) }, headers: { 'idempotency-key': randomUUID() } });
    expectProblem(bigOrder, 413, 'PAYLOAD_TOO_LARGE');
    expect(await batchesOf(organisation.id)).toBe(1);
  });
});

describe('access', () => {
  it("a read key may follow a batch but not place one: 403, nothing written", async () => {
    const { key, admin, organisation } = await partnerWithKey();
    const { key: readKey } = await anotherKey(admin, ['read']);
    const refused = await post(readKey, merchantBatch(2));
    expectProblem(refused, 403, 'FORBIDDEN');
    expect(await batchesOf(organisation.id)).toBe(0);

    const batch = await accept(key, merchantBatch(2));
    expect((await read(readKey, batch.id)).status).toBe(200);
  });

  it("another organisation's batch is a 404 exactly like an id that does not exist", async () => {
    const a = await partnerWithKey();
    const b = await partnerWithKey();
    const batch = await accept(a.key, merchantBatch(1));
    const foreign = await read(b.key, batch.id);
    const random = await read(b.key, randomUUID());
    expectProblem(foreign, 404, 'NOT_FOUND');
    expect(foreign.body).toEqual(random.body);
    expect([...foreign.headers.keys()].filter((name) => !name.startsWith('ratelimit'))).toEqual([...random.headers.keys()].filter((name) => !name.startsWith('ratelimit')));
    expectProblem(await read(b.key, 'not-a-uuid'), 404, 'NOT_FOUND');
    expect((await read(a.key, batch.id)).status).toBe(200);
  });

  it('needs a key (401), as every operation', async () => {
    const answer = await call(placeBatch, '/api/v1/order-batches', { method: 'POST', body: merchantBatch(1), headers: { 'idempotency-key': randomUUID() } });
    expectProblem(answer, 401, 'UNAUTHENTICATED');
    expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer /);
  });
});
