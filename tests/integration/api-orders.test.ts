import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { createApiKey } from '@/db/queries/api-keys';
import { listOutboxMessages } from '@/db/queries/outbox';
import { askPartner, claimOrder, completeRights } from '@/db/queries/support';
import { jobHandlers } from '@/lib/jobs/handlers';
import { memberships, orderEvents, orders } from '@/db/schema';
import { GET as listOrders, POST as placeOrder } from '@/app/api/v1/orders/route';
import { GET as getOrder } from '@/app/api/v1/orders/[orderId]/route';
import { POST as cancelOrder } from '@/app/api/v1/orders/[orderId]/cancel/route';
import { POST as answerOrder } from '@/app/api/v1/orders/[orderId]/answer/route';
import { orderFormSchema } from '@/lib/validations/order';
import {
  actorOf,
  call,
  data,
  eventsOf,
  expectProblem,
  orderBodies,
  ordersOf,
  partnerWithKey,
  receivedEmailJobs,
  unique,
  validationText,
} from '@/tests/support/api-client';

const post = (key: string, body: unknown, idempotencyKey: string | null = randomUUID(), headers: Record<string, string> = {}) =>
  call(placeOrder, '/api/v1/orders', { key, method: 'POST', body, headers: { ...(idempotencyKey === null ? {} : { 'idempotency-key': idempotencyKey }), ...headers } });

async function place(key: string, body: Record<string, unknown> = orderBodies.channel) {
  const answer = await post(key, body);
  expect(answer.status, answer.text).toBe(201);
  return answer.body as { id: string; number: number; state: string; recipientPhone: string };
}

const read = (key: string, orderId: string) => call(getOrder, `/api/v1/orders/${orderId}`, { key, params: { orderId } });
const cancel = (key: string, orderId: string) => call(cancelOrder, `/api/v1/orders/${orderId}/cancel`, { key, method: 'POST', params: { orderId } });
const answer = (key: string, orderId: string, body: unknown) => call(answerOrder, `/api/v1/orders/${orderId}/answer`, { key, method: 'POST', body, params: { orderId } });
const supportAgent = async () => actorOf((await data.createPerson('support_agent')).user.id);

describe('placing an order', () => {
  it('places each account type as the form does, with its first event by the key', async () => {
    const { key, apiKey, organisation } = await partnerWithKey({ name: 'ECR backend' });
    for (const body of Object.values(orderBodies)) {
      const placed = await post(key, body);
      expect(placed.status, placed.text).toBe(201);
      expect(placed.headers.get('location')).toBe(`/api/v1/orders/${placed.body.id}`);
      expect(placed.headers.get('idempotent-replayed')).toBeNull();
      expect(placed.body).toMatchObject({ type: body.type, state: 'submitted', recipientName: body.recipientName, recipientPhone: '+358 40 1234567' });
      expect(placed.body.timeline).toEqual([expect.objectContaining({ kind: 'submitted', actor: { type: 'api_key', name: 'ECR backend' } })]);
      const [event] = await db.select().from(orderEvents).where(eq(orderEvents.orderId, placed.body.id));
      expect(event).toMatchObject({ actorApiKeyId: apiKey.id, actorUserId: null });
      const [stored] = await db.select().from(orders).where(eq(orders.id, placed.body.id));
      expect(stored).toMatchObject({ organisationId: organisation.id, createdByApiKeyId: apiKey.id, createdByUserId: null, recipientPhone: '+358401234567' });
    }
    expect(await ordersOf(organisation.id)).toBe(4);
  });
});

describe("an API order's emails", () => {
  it("go to the key's creator while they are in the organisation, and to nobody once they have left or when support made the key", async () => {
    const { key, admin, user } = await partnerWithKey();
    const placed = await place(key);
    await jobHandlers.orderEmail({ orderId: placed.id, kind: 'received' });
    expect(await listOutboxMessages({ limit: 10, recipient: admin.email })).toEqual([expect.objectContaining({ subject: `Order ${placed.number} received: Channel account` })]);

    await db.delete(memberships).where(eq(memberships.userId, user.id));
    const afterLeaving = await place(key);
    await jobHandlers.orderEmail({ orderId: afterLeaving.id, kind: 'received' });
    expect(await listOutboxMessages({ limit: 10, recipient: admin.email })).toHaveLength(1);

    const supportAdmin = await actorOf((await data.createPerson('support_admin')).user.id);
    const partner = await data.createPerson('partner_admin', 'ecr_integrator');
    const { key: supportMade } = await createApiKey(supportAdmin, { organisationId: partner.organisation.id, name: 'Made by support', scopes: ['order'] });
    const bySupportKey = await place(supportMade);
    await jobHandlers.orderEmail({ orderId: bySupportKey.id, kind: 'received' });
    expect(await listOutboxMessages({ limit: 10, recipient: supportAdmin.email })).toEqual([]);
  });
});

describe('the organisation\'s orders', () => {
  it('a key sees the orders its people placed in the portal, their events by the person', async () => {
    const { key, user, organisation } = await partnerWithKey();
    const byPerson = await data.createOrder({ organisationId: organisation.id, createdByUserId: user.id });
    const read_ = await read(key, byPerson.id);
    expect(read_.status).toBe(200);
    expect(read_.body.timeline).toEqual([expect.objectContaining({ kind: 'submitted', actor: { type: 'user', name: 'Test Person' } })]);
    expect((await call(listOrders, '/api/v1/orders', { key })).body.data).toEqual([expect.objectContaining({ id: byPerson.id })]);
    expect((await cancel(key, byPerson.id)).body.state).toBe('cancelled');
  });
});

describe('Idempotency-Key', () => {
  it('the same key and body answers with the first order (200, Idempotent-Replayed), also in other whitespace and key order', async () => {
    const { key, organisation } = await partnerWithKey();
    const idempotencyKey = `order-${unique()}`;
    const first = await post(key, orderBodies.merchant, idempotencyKey);
    expect(first.status).toBe(201);

    const reordered = Object.fromEntries(Object.entries(orderBodies.merchant).reverse());
    const spaced = JSON.stringify(orderBodies.merchant, null, 4).replace(/:/g, ' :  ');
    for (const body of [orderBodies.merchant, reordered, spaced, { ...orderBodies.merchant, terminalIds: [] }]) {
      const again = await post(key, body, idempotencyKey);
      expect(again.status, again.text).toBe(200);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.headers.get('location')).toBe(`/api/v1/orders/${first.body.id}`);
      expect(again.body).toEqual(first.body);
    }
    expect(await ordersOf(organisation.id)).toBe(1);
    expect(await eventsOf(first.body.id)).toBe(1);
    expect(await receivedEmailJobs(first.body.id)).toBe(1);

    // Another key is another order.
    expect((await post(key, orderBodies.merchant, `order-${unique()}`)).status).toBe(201);
    expect(await ordersOf(organisation.id)).toBe(2);
  });

  it('the same key with another body is a 409 problem and changes nothing', async () => {
    const { key, organisation } = await partnerWithKey();
    const idempotencyKey = randomUUID();
    const first = await post(key, orderBodies.channel, idempotencyKey);
    for (const body of [{ ...orderBodies.channel, recipientName: 'Someone Else' }, orderBodies.merchant, { ...orderBodies.channel, terminalIds: ['TERM0001'] }]) {
      const reused = await post(key, body, idempotencyKey);
      expectProblem(reused, 409, 'IDEMPOTENCY_KEY_REUSED');
      expect(reused.headers.get('idempotent-replayed')).toBeNull();
    }
    expect(await ordersOf(organisation.id)).toBe(1);
    expect((await read(key, first.body.id)).body).toMatchObject({ recipientName: orderBodies.channel.recipientName, type: 'channel' });
  });

  it('is required, and at most 255 visible characters', async () => {
    const { key, organisation } = await partnerWithKey();
    for (const bad of [null, '', 'x'.repeat(256), 'two words', 'tab\there']) {
      const refused = await post(key, orderBodies.channel, bad);
      expectProblem(refused, 400, 'IDEMPOTENCY_KEY_REQUIRED');
    }
    expect(await ordersOf(organisation.id)).toBe(0);
    expect((await post(key, orderBodies.channel, 'x'.repeat(255))).status).toBe(201);
    expect((await post(key, orderBodies.channel, '!~{}')).status).toBe(201);
  });

  it('ten concurrent requests with one key make one order, one submitted event and one "received" email', async () => {
    const { key, organisation } = await partnerWithKey();
    const idempotencyKey = randomUUID();
    const answers = await Promise.all(Array.from({ length: 10 }, () => post(key, orderBodies.merchant, idempotencyKey)));
    expect(answers.map((one) => one.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    const ids = new Set(answers.map((one) => one.body.id));
    expect(ids.size).toBe(1);
    const [orderId] = [...ids] as [string];
    expect(answers.filter((one) => one.headers.get('idempotent-replayed') === 'true')).toHaveLength(9);
    expect(await ordersOf(organisation.id)).toBe(1);
    expect(await eventsOf(orderId, 'submitted')).toBe(1);
    expect(await receivedEmailJobs(orderId)).toBe(1);
  });

  it('concurrent requests with one key and two bodies: one order, the other body refused', async () => {
    const { key, organisation } = await partnerWithKey();
    const idempotencyKey = randomUUID();
    const bodies = Array.from({ length: 8 }, (_, index) => (index % 2 ? orderBodies.channel : orderBodies.merchant));
    const answers = await Promise.all(bodies.map((body) => post(key, body, idempotencyKey)));
    expect(await ordersOf(organisation.id)).toBe(1);
    const [stored] = await db.select().from(orders).where(eq(orders.organisationId, organisation.id));
    answers.forEach((one, index) => {
      if (bodies[index]!.type === stored!.type) expect([200, 201]).toContain(one.status);
      else expectProblem(one, 409, 'IDEMPOTENCY_KEY_REUSED');
    });
    expect(answers.filter((one) => one.status === 201)).toHaveLength(1);
    expect(await receivedEmailJobs(stored!.id)).toBe(1);
  });

  it('keys belong to their organisation: the same key in two organisations is two orders', async () => {
    const a = await partnerWithKey();
    const b = await partnerWithKey();
    const idempotencyKey = 'shared-key-1';
    const first = await post(a.key, orderBodies.channel, idempotencyKey);
    const second = await post(b.key, orderBodies.channel, idempotencyKey);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(first.body.id).not.toBe(second.body.id);
    // A retry in B replays B's own order.
    expect((await post(b.key, orderBodies.channel, idempotencyKey)).status).toBe(200);
    expect(await ordersOf(a.organisation.id)).toBe(1);
    expect(await ordersOf(b.organisation.id)).toBe(1);
  });
});

describe('validation', () => {
  /** The form's own refusal of the same order, as the API should word it. */
  function formErrors(body: Record<string, unknown>) {
    const parsed = orderFormSchema.safeParse({ ...body, terminalIds: ((body.terminalIds as string[] | undefined) ?? []).join('\n'), idempotencyKey: randomUUID() });
    expect(parsed.success).toBe(false);
    return parsed.error!.issues.map((issue) => ({ pointer: `/${issue.path.join('/')}`, detail: validationText(issue.message) }));
  }

  const bare = { recipientName: 'Api Person', recipientEmail: 'api@example.fi', recipientPhone: '+358401234567' };
  const required = {
    channel: [],
    merchant: [
      ['/merchantName', 'merchantNameRequired'],
      ['/merchantBusinessId', 'businessIdRequired'],
    ],
    sub_channel: [
      ['/ecrSupplierName', 'ecrSupplierRequired'],
      ['/ecrName', 'ecrRequired'],
    ],
    merchant_rights: [
      ['/ecrSupplierName', 'ecrSupplierRequired'],
      ['/ecrName', 'ecrRequired'],
      ['/merchantName', 'merchantNameRequired'],
      ['/merchantBusinessId', 'businessIdRequired'],
      ['/additionalInfo', 'additionalInfoRequired'],
    ],
  } as const;

  it("each account type's required fields are 422 with JSON pointers and the form's messages", async () => {
    const { key, organisation } = await partnerWithKey();
    for (const [type, fields] of Object.entries(required)) {
      const body = { type, ...bare };
      const refused = await post(key, body);
      if (fields.length === 0) {
        expect(refused.status).toBe(201);
        continue;
      }
      const problem = expectProblem(refused, 422, 'INVALID_INPUT');
      expect(problem.errors, type).toEqual(fields.map(([pointer, message]) => ({ pointer, detail: validationText(message) })));
      expect(problem.errors).toEqual(formErrors(body));
    }
    expect(await ordersOf(organisation.id)).toBe(1);
  });

  it("names each field's problem as the form does: phone, email, business ID, Terminal IDs, type", async () => {
    const { key, organisation } = await partnerWithKey();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ ...orderBodies.channel, recipientPhone: '' }, '/recipientPhone', 'phone.required'],
      [{ ...orderBodies.channel, recipientPhone: '040 123 4567' }, '/recipientPhone', 'phone.national'],
      [{ ...orderBodies.channel, recipientPhone: '+358 9 1234 5678' }, '/recipientPhone', 'phone.landline'],
      [{ ...orderBodies.channel, recipientEmail: 'nope' }, '/recipientEmail', 'emailInvalid'],
      [{ ...orderBodies.channel, recipientName: 'Two\nlines' }, '/recipientName', 'oneLine'],
      [{ ...orderBodies.merchant, merchantBusinessId: '2605261-7' }, '/merchantBusinessId', 'businessIdCheckDigit'],
      [{ ...orderBodies.merchant, merchantBusinessId: '123' }, '/merchantBusinessId', 'businessIdShape'],
      [{ ...orderBodies.merchant, merchantCountry: 'Finland' }, '/merchantCountry', 'countryInvalid'],
      [{ ...orderBodies.channel, terminalIds: ['TERM_0001'] }, '/terminalIds', 'terminalIdInvalid'],
      [{ ...orderBodies.channel, terminalIds: ['T'.repeat(33)] }, '/terminalIds/0', 'terminalIdInvalid'],
      [{ ...orderBodies.channel, terminalIds: Array.from({ length: 201 }, (_, index) => `TID-${index + 1000}`) }, '/terminalIds', 'tooLong'],
      [{ ...orderBodies.channel, type: 'gold' }, '/type', 'typeRequired'],
      [{ ...orderBodies.channel, recipientLocale: 'xx' }, '/recipientLocale', 'localeRequired'],
    ];
    for (const [body, pointer, message] of cases) {
      const problem = expectProblem(await post(key, body), 422, 'INVALID_INPUT');
      expect(problem.errors, JSON.stringify(body)).toContainEqual({ pointer, detail: validationText(message) });
    }
    expect(await ordersOf(organisation.id)).toBe(0);
  });

  it('names unknown fields, so a misspelt one is never silently dropped', async () => {
    const { key, organisation } = await partnerWithKey();
    const idempotencyKey = randomUUID();
    const problem = expectProblem(await post(key, { ...orderBodies.merchant, merchantname: 'Typo Oy', extra: 1 }, idempotencyKey), 422, 'INVALID_INPUT');
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        { pointer: '/merchantname', detail: validationText('unknownField') },
        { pointer: '/extra', detail: validationText('unknownField') },
      ]),
    );
    // The idempotency key of a refused request is still free: the corrected request is placed.
    expect(await ordersOf(organisation.id)).toBe(0);
    expect((await post(key, orderBodies.merchant, idempotencyKey)).status).toBe(201);
  });

  it("an absent required field gets the form's message for an empty one", async () => {
    const { key } = await partnerWithKey();
    expect(expectProblem(await post(key, {}), 422, 'INVALID_INPUT').errors).toEqual([
      { pointer: '/type', detail: validationText('typeRequired') },
      { pointer: '/recipientName', detail: validationText('recipientNameRequired') },
      { pointer: '/recipientEmail', detail: validationText('emailInvalid') },
    ]);
    const { recipientName: _name, recipientEmail: _email, ...rest } = orderBodies.channel;
    expect(expectProblem(await post(key, rest), 422, 'INVALID_INPUT').errors).toEqual(formErrors({ ...rest, recipientName: '', recipientEmail: '' }));
  });
});

describe('listing orders a page at a time', () => {
  /** `n` orders of the organisation, several submitted at the very same instant (the cursor must break ties by id). */
  async function manyOrders(n: number, key: string, overrides: (index: number) => Record<string, unknown> = () => ({})) {
    const { organisationId, userId } = await ownerOf(key);
    const base = Date.now() - 3600_000;
    const made = [];
    for (let index = 0; index < n; index++) {
      made.push(
        await data.createOrder({ organisationId, createdByUserId: userId, submittedAt: new Date(base + Math.floor(index / 3) * 1000), ...overrides(index) }),
      );
    }
    return made;
  }
  const owners = new Map<string, { organisationId: string; userId: string }>();
  const ownerOf = async (key: string) => owners.get(key)!;
  async function partner() {
    const partner = await partnerWithKey();
    owners.set(partner.key, { organisationId: partner.organisation.id, userId: partner.user.id });
    return partner;
  }

  async function walk(key: string, query: string, limit: number) {
    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const path: string = `/api/v1/orders?limit=${limit}${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = await call(listOrders, path, { key });
      expect(page.status, page.text).toBe(200);
      pages.push(page.body.data.map((row: { id: string }) => row.id));
      cursor = page.body.nextCursor;
      expect(pages.length).toBeLessThan(20);
    } while (cursor);
    return pages;
  }

  it('walks 55 orders in pages of 20, 20 and 15, newest first, without duplicates or gaps; the last page says so', async () => {
    const { key } = await partner();
    const made = await manyOrders(55, key);
    const pages = await walk(key, '', 20);
    expect(pages.map((page) => page.length)).toEqual([20, 20, 15]);
    const all = pages.flat();
    expect(new Set(all).size).toBe(55);
    const expected = [...made].sort((x, y) => y.submittedAt.getTime() - x.submittedAt.getTime() || (y.id > x.id ? 1 : -1)).map((order) => order.id);
    expect(all).toEqual(expected);

    // The default page, and an exact multiple of the page size ends with a null cursor too.
    const first = await call(listOrders, '/api/v1/orders', { key });
    expect(first.body.data).toHaveLength(25);
    expect((await walk(key, '', 55)).map((page) => page.length)).toEqual([55]);
    expect((await walk(key, '', 11)).map((page) => page.length)).toEqual([11, 11, 11, 11, 11]);
  });

  it('keeps the filters (state, type, q) across pages', async () => {
    const { key } = await partner();
    const marker = `Pagewalk ${unique()}`;
    const made = await manyOrders(45, key, (index) => ({
      type: index % 3 === 0 ? 'merchant' : 'channel',
      state: index % 5 === 0 ? 'cancelled' : 'submitted',
      recipientName: index % 2 === 0 ? `${marker} ${index}` : 'Someone Else',
    }));
    const expect_ = (keep: (order: (typeof made)[number]) => boolean) => made.filter(keep).map((order) => order.id).sort();
    const cases: [string, string[]][] = [
      ['&type=merchant', expect_((order) => order.type === 'merchant')],
      ['&state=cancelled', expect_((order) => order.state === 'cancelled')],
      ['&state=open', expect_((order) => order.state === 'submitted')],
      [`&q=${encodeURIComponent(marker)}`, expect_((order) => order.recipientName.startsWith(marker))],
      [`&q=${encodeURIComponent(marker)}&type=channel&state=submitted`, expect_((order) => order.recipientName.startsWith(marker) && order.type === 'channel' && order.state === 'submitted')],
    ];
    for (const [query, ids] of cases) {
      const pages = await walk(key, query, 4);
      expect(pages.flat().sort(), query).toEqual(ids);
      expect(new Set(pages.flat()).size).toBe(ids.length);
      expect(pages.at(-1)!.length).toBeGreaterThan(0);
    }
  });

  it('a tampered or foreign-made cursor is 422 on /cursor, not a silent first page or a 500', async () => {
    const { key } = await partner();
    await manyOrders(3, key);
    const forged = (text: string) => Buffer.from(text).toString('base64url');
    for (const cursor of [
      'garbage',
      'eyJpZCI6MX0',
      forged('2026-01-01T00:00:00.000Z'),
      forged(`not a date|${randomUUID()}`),
      forged('2026-01-01T00:00:00.000Z|------------------------------------'),
      forged('2026-01-01T00:00:00.000Z|gggggggg-gggg-gggg-gggg-gggggggggggg'),
      forged(`-271821-04-20T00:00:00.000Z|${randomUUID()}`),
      forged(`+275760-09-13T00:00:00.000Z|${randomUUID()}`),
      'x'.repeat(201),
    ]) {
      const refused = await call(listOrders, `/api/v1/orders?cursor=${encodeURIComponent(cursor)}`, { key });
      const problem = expectProblem(refused, 422, 'INVALID_INPUT');
      expect(problem.errors, cursor).toEqual([{ pointer: '/cursor', detail: validationText('cursorInvalid') }]);
    }
  });

  it('refuses a bad limit, an unknown filter, and a search the UI would not run', async () => {
    const { key } = await partner();
    for (const query of ['limit=0', 'limit=101', 'limit=ten', 'state=lost', 'type=gold', 'colour=red', `q=${'x'.repeat(101)}`, 'q=%00', 'q=a%0Ab']) {
      const refused = await call(listOrders, `/api/v1/orders?${query}`, { key });
      expectProblem(refused, 422, 'INVALID_INPUT');
    }
    // The search is checked as the UI's search box is, with its messages.
    expect(expectProblem(await call(listOrders, '/api/v1/orders?q=%00', { key }), 422).errors).toEqual([{ pointer: '/q', detail: validationText('controlCharacters') }]);
    expect(expectProblem(await call(listOrders, '/api/v1/orders?q=a%0Ab', { key }), 422).errors).toEqual([{ pointer: '/q', detail: validationText('oneLine') }]);
    expect((await call(listOrders, '/api/v1/orders?q=%20%20', { key })).status).toBe(200);
  });
});

describe('cancelling and answering', () => {
  it('cancels a submitted order, by the key; a second cancel or a claimed order is 409', async () => {
    const { key, apiKey } = await partnerWithKey({ name: 'Canceller' });
    const order = await place(key);
    const cancelled = await cancel(key, order.id);
    expect(cancelled.status, cancelled.text).toBe(200);
    expect(cancelled.body.state).toBe('cancelled');
    expect(cancelled.body.timeline.at(-1)).toMatchObject({ kind: 'cancelled', actor: { type: 'api_key', name: 'Canceller' } });
    const [event] = await db.select().from(orderEvents).where(and(eq(orderEvents.orderId, order.id), eq(orderEvents.kind, 'cancelled')));
    expect(event).toMatchObject({ actorApiKeyId: apiKey.id, actorUserId: null });

    const again = await cancel(key, order.id);
    expectProblem(again, 409, 'CONFLICT');
    expect(await eventsOf(order.id, 'cancelled')).toBe(1);

    const claimed = await place(key);
    await claimOrder(await supportAgent(), claimed.id);
    expectProblem(await cancel(key, claimed.id), 409, 'CONFLICT');
    expect((await read(key, claimed.id)).body.state).toBe('in_progress');
  });

  it("answers support's question: the order returns to the queue (or its agent), the answer on the timeline by the key", async () => {
    const { key } = await partnerWithKey({ name: 'Answerer' });
    const support = await supportAgent();

    const open = await place(key);
    await askPartner(support, open.id, 'Which terminal?');
    expect((await read(key, open.id)).body).toMatchObject({ state: 'needs_info', deadline: { status: 'paused' } });
    const answered = await answer(key, open.id, { answer: '  TID-1001  ' });
    expect(answered.status, answered.text).toBe(200);
    expect(answered.body.state).toBe('submitted');
    expect(answered.body.timeline.map((event: { kind: string }) => event.kind)).toEqual(['submitted', 'question_asked', 'answered']);
    expect(answered.body.timeline.at(-2)).toMatchObject({ question: 'Which terminal?', actor: { type: 'user' } });
    expect(answered.body.timeline.at(-1)).toMatchObject({ answer: 'TID-1001', actor: { type: 'api_key', name: 'Answerer' } });

    const claimed = await place(key);
    await claimOrder(support, claimed.id);
    await askPartner(support, claimed.id, 'Which merchant?');
    expect((await answer(key, claimed.id, { answer: 'Kahvila Kulma' })).body.state).toBe('in_progress');

    // Nothing asked: 409, nothing written.
    expectProblem(await answer(key, open.id, { answer: 'Again' }), 409, 'CONFLICT');
    expect(await eventsOf(open.id, 'answered')).toBe(1);
  });

  it("an answer is checked as the form checks it", async () => {
    const { key } = await partnerWithKey();
    const order = await place(key);
    await askPartner(await supportAgent(), order.id, 'Which terminal?');
    expect(expectProblem(await answer(key, order.id, { answer: '   ' }), 422, 'INVALID_INPUT').errors).toEqual([{ pointer: '/answer', detail: validationText('answerRequired') }]);
    expect(expectProblem(await answer(key, order.id, { answer: 'x'.repeat(2001) }), 422, 'INVALID_INPUT').errors).toEqual([{ pointer: '/answer', detail: validationText('tooLong') }]);
    expect(expectProblem(await answer(key, order.id, { answer: 'ok', note: 1 }), 422, 'INVALID_INPUT').errors).toEqual([{ pointer: '/note', detail: validationText('unknownField') }]);
    expectProblem(await answer(key, order.id, {}), 422, 'INVALID_INPUT');
    expectProblem(await call(answerOrder, `/api/v1/orders/${order.id}/answer`, { key, method: 'POST', body: 'answer=ok', params: { orderId: order.id }, headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415);
    expect((await read(key, order.id)).body.state).toBe('needs_info');
  });
});

describe("the recipient's phone number", () => {
  it('is in full while the order is open and masked once it is completed', async () => {
    const { key } = await partnerWithKey();
    const order = await place(key, orderBodies.merchant_rights);
    expect(order.recipientPhone).toBe('+358 40 1234567');
    const support = await supportAgent();
    await claimOrder(support, order.id);
    expect((await read(key, order.id)).body.recipientPhone).toBe('+358 40 1234567');
    await completeRights(support, order.id);

    const completed = await read(key, order.id);
    expect(completed.body).toMatchObject({ state: 'completed', completedAt: expect.any(String), deadline: { status: 'met' } });
    expect(completed.body.recipientPhone).toMatch(/567$/);
    expect(completed.body.recipientPhone).toContain('•');
    expect(completed.text).not.toContain('1234567');
    expect(completed.text).not.toContain('401234');
  });

  it('is masked once cancelled', async () => {
    const { key } = await partnerWithKey();
    const order = await place(key);
    const cancelled = await cancel(key, order.id);
    expect(cancelled.body.recipientPhone).toContain('•');
    expect(cancelled.text).not.toContain('1234567');
  });
});
