import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import {
  answerQuestionForActor,
  cancelOrderForActor,
  createOrder,
  editOrderForActor,
  getOrderForActor,
  listOrdersForActor,
} from '@/db/queries/orders';
import { listOutboxMessages } from '@/db/queries/outbox';
import { getActorByUserId, type Actor } from '@/db/queries/users';
import { orderEvents, orders, settings } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { jobHandlers } from '@/lib/jobs/handlers';
import { baseDueAt } from '@/lib/orders/deadline';
import type { OrderState } from '@/lib/orders/model';
import { orderFormSchema, type OrderFormInput } from '@/lib/validations/order';
import { factories } from '@/tests/support/factories';

const { createPerson, createMember, createApiKey } = factories(db);
const DAY = 24 * 3600_000;

async function partner(kind: 'reseller' | 'ecr_integrator' | 'ecr_supplier' = 'reseller'): Promise<Actor> {
  const { user } = await createPerson('partner_admin', kind);
  return (await getActorByUserId(user.id))!;
}

const form = (overrides: Partial<OrderFormInput> = {}): OrderFormInput => ({
  type: 'merchant_rights',
  recipientName: 'Laura Koskinen',
  recipientEmail: 'laura@maksupiste.example',
  recipientPhone: '+358 40 123 4567',
  ecrSupplierName: 'Retail Systems Nordic Oy',
  ecrName: 'RSN Kassa',
  merchantName: 'Kahvila Aurinko',
  merchantBusinessId: '2605261-8',
  merchantCountry: 'FI',
  terminalIds: '',
  additionalInfo: 'RSN Kassa Cloud',
  idempotencyKey: randomUUID(),
  ...overrides,
});

const place = (actor: Actor, overrides: Partial<OrderFormInput> = {}) => createOrder(actor, orderFormSchema.parse(form(overrides)));

const jobsFor = async (orderId: string) =>
  (await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'order-email' AND data->>'orderId' = ${orderId}`)).rows[0]!.n;

const eventsOf = (orderId: string) => db.select().from(orderEvents).where(eq(orderEvents.orderId, orderId));

/** Support's question, as the fulfilment work will write it. */
async function askQuestion(orderId: string, question: string, at: Date) {
  await db.update(orders).set({ state: 'needs_info' }).where(eq(orders.id, orderId));
  const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
  await db.insert(orderEvents).values({ orderId, organisationId: order!.organisationId, kind: 'question_asked', at, data: { question } });
}

describe('placing an order', () => {
  it('writes the order (E.164 phone, due in seven days), its first event and the confirmation email job together', async () => {
    const actor = await partner();
    const placed = await place(actor, { recipientPhone: '+358 40 123 4567', merchantBusinessId: '26052618' });
    expect(placed.created).toBe(true);

    const [order] = await db.select().from(orders).where(eq(orders.id, placed.id));
    expect(order).toMatchObject({
      organisationId: actor.organisationId,
      createdByUserId: actor.userId,
      state: 'submitted',
      recipientPhone: '+358401234567',
      merchantBusinessId: '2605261-8',
    });
    expect(order!.dueAt.getTime() - order!.submittedAt.getTime()).toBe(7 * DAY);
    expect((await eventsOf(placed.id)).map((event) => event.kind)).toEqual(['submitted']);
    expect(await jobsFor(placed.id)).toBe(1);
  });

  it('is dated by the deadline setting stored when it is placed, also after another instance changed it', async () => {
    const actor = await partner();
    const dueIn = async (placed: { id: string }) => {
      const [order] = await db.select().from(orders).where(eq(orders.id, placed.id));
      return { order: order!, days: (order!.dueAt.getTime() - order!.submittedAt.getTime()) / DAY };
    };
    // Another instance's admin: the row changes, this process is not told.
    const storeSetting = (value: unknown) =>
      db.insert(settings).values({ key: 'fulfilment_deadline', value }).onConflictDoUpdate({ target: settings.key, set: { value } });
    try {
      expect((await dueIn(await place(actor))).days).toBe(7);

      await storeSetting({ mode: 'calendar_days', days: 10 });
      expect((await dueIn(await place(actor))).days).toBe(10);
      expect((await dueIn(await place(actor))).days).toBe(10);

      await storeSetting({ mode: 'business_days', days: 3 });
      const { order } = await dueIn(await place(actor));
      expect(order.dueAt).toEqual(baseDueAt(order.submittedAt, { mode: 'business_days', days: 3 }));
    } finally {
      await db.delete(settings).where(eq(settings.key, 'fulfilment_deadline'));
    }
    expect((await dueIn(await place(actor))).days).toBe(7);
  });

  it('creates one order for a repeated or concurrent submission of the same form', async () => {
    const actor = await partner();
    const input = form();
    const results = await Promise.all([1, 2, 3].map(() => createOrder(actor, orderFormSchema.parse(input))));
    expect(new Set(results.map((result) => result.id)).size).toBe(1);
    expect(results.filter((result) => result.created)).toHaveLength(1);
    const again = await createOrder(actor, orderFormSchema.parse(input));
    expect(again).toMatchObject({ id: results[0]!.id, created: false });

    const rows = await db.select().from(orders).where(and(eq(orders.organisationId, actor.organisationId), eq(orders.idempotencyKey, input.idempotencyKey)));
    expect(rows).toHaveLength(1);
    expect(await eventsOf(rows[0]!.id)).toHaveLength(1);
    expect(await jobsFor(rows[0]!.id)).toBe(1);
  });

  it('keeps idempotency keys per organisation: another organisation with the same key gets its own order', async () => {
    const key = randomUUID();
    const a = await place(await partner(), { idempotencyKey: key });
    const b = await place(await partner(), { idempotencyKey: key });
    expect(a.id).not.toBe(b.id);
  });

  it('links the order to the catalogue when supplier and ECR name a catalogued product, whatever their case', async () => {
    const actor = await partner();
    await db.execute(sql`INSERT INTO ecr_products (supplier_name, ecr_name, integration_name) VALUES ('Vendbase Oy', 'Vendbase Retail', 'Vendbase CloudPOS') ON CONFLICT DO NOTHING`);
    const catalogued = await place(actor, { ecrSupplierName: 'vendbase oy', ecrName: 'VENDBASE RETAIL' });
    const freeText = await place(actor, { ecrSupplierName: 'Brand New Kassa Oy', ecrName: 'Kassa 1' });
    const [withProduct] = await db.select().from(orders).where(eq(orders.id, catalogued.id));
    const [without] = await db.select().from(orders).where(eq(orders.id, freeText.id));
    expect(withProduct!.ecrProductId).not.toBeNull();
    expect(without!.ecrProductId).toBeNull();
    expect(without!.ecrSupplierName).toBe('Brand New Kassa Oy');
  });
});

describe('the confirmation email job', () => {
  it('emails the orderer the order number and due date, once however often it runs', async () => {
    const actor = await partner();
    const placed = await place(actor);
    await jobHandlers.orderEmail({ orderId: placed.id, kind: 'received' });
    await jobHandlers.orderEmail({ orderId: placed.id, kind: 'received' });
    const sent = await listOutboxMessages({ limit: 10, recipient: actor.email });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.subject).toBe(`Order ${placed.number} received: Merchant rights`);
    expect(sent[0]!.bodyText).toMatch(/by \w+day, \d+ \w+ \d{4} at \d\d:\d\d \(Helsinki time\)/);
    expect(sent[0]!.bodyText).toContain(`/orders/${placed.id}`);
  });
});

describe('the partner list', () => {
  it('pages newest first with a keyset cursor, without gaps or repeats', async () => {
    const actor = await partner();
    const placed = [];
    for (let index = 0; index < 55; index++) placed.push(await place(actor, { recipientName: `Recipient ${index}` }));
    const seen: number[] = [];
    let after: string | undefined;
    const pageSizes = [];
    do {
      const page = await listOrdersForActor(actor, { after }, 25);
      pageSizes.push(page.rows.length);
      seen.push(...page.rows.map((row) => row.number));
      after = page.nextCursor;
    } while (after);
    expect(pageSizes).toEqual([25, 25, 5]);
    expect(seen).toEqual(placed.map((order) => order.number).reverse());
  });

  it('filters by state and type and searches recipient, merchant and order number', async () => {
    const actor = await partner();
    const rights = await place(actor, { merchantName: 'Kahvila Aurinko' });
    const channel = await place(actor, { type: 'channel', recipientName: 'Tekninen Tuki', merchantName: '', merchantBusinessId: '' });
    await cancelOrderForActor(actor, channel.id);

    const ids = async (filters: Parameters<typeof listOrdersForActor>[1]) => (await listOrdersForActor(actor, filters)).rows.map((row) => row.id);
    expect(await ids({ type: 'channel' })).toEqual([channel.id]);
    expect(await ids({ state: 'cancelled' })).toEqual([channel.id]);
    expect(await ids({ state: 'open' })).toEqual([rights.id]);
    expect(await ids({ q: 'aurinko' })).toEqual([rights.id]);
    expect(await ids({ q: 'tekninen' })).toEqual([channel.id]);
    expect(await ids({ q: String(rights.number) })).toEqual([rights.id]);
    expect(await ids({ q: '%' })).toEqual([]);
  });

  it('never shows another organisation’s orders, by filter or by search', async () => {
    const mine = await partner();
    const theirs = await partner();
    const theirOrder = await place(theirs, { merchantName: 'Toisen Kahvila' });
    await place(mine);
    for (const filters of [{}, { q: 'Toisen' }, { q: String(theirOrder.number) }, { state: 'submitted' as const }]) {
      const { rows } = await listOrdersForActor(mine, filters);
      expect(rows.map((row) => row.id)).not.toContain(theirOrder.id);
    }
    expect(await getOrderForActor(mine, theirOrder.id)).toBeNull();
  });
});

describe('the partner’s transitions', () => {
  const stateOf = async (id: string) => (await db.select({ state: orders.state }).from(orders).where(eq(orders.id, id)))[0]?.state;

  it('names who did each step of the timeline: a person by name and email, an API key by its name, the system by neither', async () => {
    const actor = await partner();
    const person = (await db.query.users.findFirst({ where: (users, { eq }) => eq(users.id, actor.userId) }))!;
    const { apiKey } = await createApiKey({ organisationId: actor.organisationId, createdByUserId: actor.userId, scopes: ['order'], name: 'Kassa sync' });
    const order = await place(actor);
    await db.insert(orderEvents).values([
      { orderId: order.id, organisationId: actor.organisationId, kind: 'cancelled', actorApiKeyId: apiKey.id, at: new Date(Date.now() + 1000) },
      { orderId: order.id, organisationId: actor.organisationId, kind: 'password_erased', at: new Date(Date.now() + 2000) },
    ]);

    const { events } = (await getOrderForActor(actor, order.id))!;
    expect(events.map(({ kind, actorName, actorEmail, actorApiKeyName }) => ({ kind, actorName, actorEmail, actorApiKeyName }))).toEqual([
      { kind: 'submitted', actorName: person.name, actorEmail: person.email, actorApiKeyName: null },
      { kind: 'cancelled', actorName: null, actorEmail: null, actorApiKeyName: 'Kassa sync' },
      { kind: 'password_erased', actorName: null, actorEmail: null, actorApiKeyName: null },
    ]);
  });

  it('cancels before fulfilment starts, with an event; not once work has begun', async () => {
    const actor = await partner();
    const order = await place(actor);
    await cancelOrderForActor(actor, order.id);
    expect(await stateOf(order.id)).toBe('cancelled');
    expect((await eventsOf(order.id)).map((event) => event.kind)).toEqual(['submitted', 'cancelled']);

    const claimed = await place(actor);
    await db.update(orders).set({ state: 'in_progress' satisfies OrderState }).where(eq(orders.id, claimed.id));
    await expect(cancelOrderForActor(actor, claimed.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await stateOf(claimed.id)).toBe('in_progress');
  });

  it('refuses another organisation’s order as not found and changes nothing', async () => {
    const owner = await partner();
    const stranger = await partner('ecr_integrator');
    const order = await place(owner);
    await expect(cancelOrderForActor(stranger, order.id)).rejects.toEqual(new AppError('NOT_FOUND'));
    await expect(answerQuestionForActor(stranger, order.id, 'hi')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(editOrderForActor(stranger, order.id, orderFormSchema.parse(form()))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await stateOf(order.id)).toBe('submitted');
    expect(await eventsOf(order.id)).toHaveLength(1);
  });

  it('answering a question returns the order to the queue and resumes the clock, pushing the due date by the pause', async () => {
    const actor = await partner();
    const order = await place(actor);
    const [before] = await db.select().from(orders).where(eq(orders.id, order.id));
    await askQuestion(order.id, 'Which ECR integration?', new Date(Date.now() - 2 * DAY));
    await expect(cancelOrderForActor(actor, order.id)).rejects.toMatchObject({ code: 'CONFLICT' });

    await answerQuestionForActor(actor, order.id, 'RSN Kassa Cloud');
    const [after] = await db.select().from(orders).where(eq(orders.id, order.id));
    expect(after!.state).toBe('submitted');
    const pushedBy = after!.dueAt.getTime() - before!.dueAt.getTime();
    expect(pushedBy).toBeGreaterThanOrEqual(2 * DAY - 1000);
    expect(pushedBy).toBeLessThan(2 * DAY + 60_000);
    const events = await eventsOf(order.id);
    expect(events.map((event) => event.kind)).toEqual(['submitted', 'question_asked', 'answered']);
    expect(events.at(-1)!.data).toEqual({ answer: 'RSN Kassa Cloud' });
  });

  it('editing a questioned order saves the corrections, records which fields changed and resubmits it', async () => {
    const actor = await partner();
    const order = await place(actor);
    await askQuestion(order.id, 'The number bounced; another one?', new Date());
    await editOrderForActor(actor, order.id, orderFormSchema.parse(form({ recipientPhone: '+358 50 765 4321' })));
    const [after] = await db.select().from(orders).where(eq(orders.id, order.id));
    expect(after).toMatchObject({ state: 'submitted', recipientPhone: '+358507654321' });
    expect((await eventsOf(order.id)).at(-1)).toMatchObject({ kind: 'edited', data: { fields: ['recipientPhone'] } });
  });
});

describe('who sees the recipient’s full number', () => {
  it('the ordering organisation while the order is open; support, and everyone once it is finished, only the last digits', async () => {
    const actor = await partner();
    const colleague = (await getActorByUserId((await createMember({ organisationId: actor.organisationId, role: 'partner_member' })).id))!;
    const agent = (await getActorByUserId((await createPerson('support_agent')).user.id))!;
    const placed = await place(actor, { recipientPhone: '+358 40 123 4567' });

    for (const viewer of [actor, colleague]) {
      expect((await getOrderForActor(viewer, placed.id))!.phone).toEqual({ full: true, display: '+358 40 1234567' });
    }
    expect((await getOrderForActor(agent, placed.id))!.phone).toEqual({ full: false, display: '+358 •• ••••567' });

    for (const state of ['completed', 'rejected', 'cancelled'] as const) {
      await db.update(orders).set({ state }).where(eq(orders.id, placed.id));
      const seen = (await getOrderForActor(actor, placed.id))!.phone;
      expect(seen.full, state).toBe(false);
      expect(seen.display, state).not.toContain('1234');
      expect(seen.display, state).toMatch(/567$/);
    }
  });
});

describe('the timeline is an audit trail', () => {
  it('refuses updates and deletes of events in the database itself', async () => {
    const order = await place(await partner());
    const refused = { code: '42501', message: expect.stringMatching(/order_events is append-only/) };
    await expect(db.update(orderEvents).set({ kind: 'cancelled' }).where(eq(orderEvents.orderId, order.id))).rejects.toMatchObject(refused);
    await expect(db.delete(orderEvents).where(eq(orderEvents.orderId, order.id))).rejects.toMatchObject(refused);
    await expect(db.execute(sql`TRUNCATE order_events CASCADE`)).rejects.toMatchObject(refused);
    expect((await eventsOf(order.id)).map((event) => event.kind)).toEqual(['submitted']);
  });
});
