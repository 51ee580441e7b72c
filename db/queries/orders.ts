import { and, asc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { db, type DbOrTx } from '@/db';
import { containsPattern } from '@/db/like';
import { decodeCursor, encodeCursor } from '@/db/queries/keyset-cursor';
import { appendOrderEvents } from '@/db/queries/order-events';
import {
  deadlineSettingValue,
  getDeadlineSetting,
  lastReadDeadlineSetting,
  parseDeadlineSetting,
  readDeadlineSetting,
  sameDeadlineSetting,
} from '@/db/queries/settings';
import { doneBy, isApiKeyActor, type Actor, type OrganisationActor } from '@/db/queries/users';
import { apiKeys, ecrProducts, memberships, orderBatches, orderEvents, orders, organisations, users, type Order } from '@/db/schema';
import { inTransaction } from '@/db/transaction';
import { AppError } from '@/lib/errors';
import { enqueueJob } from '@/lib/jobs/boss';
import { baseDueAt, computeDeadline } from '@/lib/orders/deadline';
import { openStates, type OrderEventKind, type OrderState } from '@/lib/orders/model';
import { canPartner, partnerTransitions, stateAfterAnswer } from '@/lib/orders/transitions';
import { roleCan } from '@/lib/permissions';
import { recipientPhoneFor } from '@/lib/phone';
import type { Locale } from '@/lib/i18n/config';
import type { OrderInput, OrderListFilters } from '@/lib/validations/order';

/**
 * Orders an actor may see: support sees every organisation's, a partner only its own.
 * Every order query and write goes through this condition.
 */
function visibleTo(actor: OrganisationActor): SQL | undefined {
  return seesEveryOrganisation(actor) ? undefined : eq(orders.organisationId, actor.organisationId);
}
const seesEveryOrganisation = (actor: OrganisationActor) => roleCan(actor.role, 'support:queue');

/** The catalogue entries the orders' supplier and ECR names match (free text may name a new one), by `supplier|ecr` in lower case. */
async function findEcrProductIds(tx: DbOrTx, inputs: readonly { ecrSupplierName: string | null; ecrName: string | null }[]) {
  const ecrNames = [...new Set(inputs.flatMap((input) => (input.ecrSupplierName && input.ecrName ? [input.ecrName.toLowerCase()] : [])))];
  if (!ecrNames.length) return new Map<string, string>();
  const rows = await tx
    .select({ id: ecrProducts.id, key: sql<string>`lower(${ecrProducts.supplierName}) || '|' || lower(${ecrProducts.ecrName})` })
    .from(ecrProducts)
    .where(inArray(sql`lower(${ecrProducts.ecrName})`, ecrNames));
  return new Map(rows.map((row) => [row.key, row.id]));
}
const ecrKey = (input: { ecrSupplierName: string | null; ecrName: string | null }) =>
  input.ecrSupplierName && input.ecrName ? `${input.ecrSupplierName.toLowerCase()}|${input.ecrName.toLowerCase()}` : null;

export async function listEcrCatalogue() {
  return db
    .select({ supplierName: ecrProducts.supplierName, ecrName: ecrProducts.ecrName, integrationName: ecrProducts.integrationName })
    .from(ecrProducts)
    .where(eq(ecrProducts.active, true))
    .orderBy(asc(ecrProducts.supplierName), asc(ecrProducts.ecrName));
}

/** Who places orders: the organisation, and the person or API key that stands behind them. */
export interface PlacedBy {
  organisationId: string;
  createdByUserId: string | null;
  createdByApiKeyId: string | null;
}

export const placedByOf = (actor: OrganisationActor): PlacedBy => ({
  organisationId: actor.organisationId,
  createdByUserId: isApiKeyActor(actor) ? null : actor.userId,
  createdByApiKeyId: isApiKeyActor(actor) ? actor.apiKeyId : null,
});

export type NewOrderInput = OrderInput & { recipientLocale: Locale; requestHash?: string | null; batchId?: string | null };

/**
 * Writes orders and their first timeline events in the caller's transaction: the one way an
 * order comes to be, from the form, the API or a batch. Each input's idempotency key is unique
 * within the organisation, so an input whose order exists already gets that order back
 * (`created: false`, with its stored request hash) instead of a second one.
 */
export async function insertOrders(tx: DbOrTx, placedBy: PlacedBy, inputs: NewOrderInput[]) {
  if (!inputs.length) return [];
  const submittedAt = new Date();
  // Dated by the setting last read, which the insert reads again (a statement fewer per order):
  // when it changed meanwhile, the new orders are dated again before anything else reads them.
  const assumed = lastReadDeadlineSetting();
  const productIds = await findEcrProductIds(tx, inputs);
  const inserted = await tx
    .insert(orders)
    .values(
      inputs.map(({ requestHash, batchId, ...fields }) => ({
        ...fields,
        ...placedBy,
        requestHash: requestHash ?? null,
        batchId: batchId ?? null,
        ecrProductId: productIds.get(ecrKey(fields) ?? '') ?? null,
        submittedAt,
        dueAt: baseDueAt(submittedAt, assumed),
      })),
    )
    .onConflictDoNothing({ target: [orders.organisationId, orders.idempotencyKey] })
    .returning({
      id: orders.id,
      number: orders.number,
      idempotencyKey: orders.idempotencyKey,
      requestHash: orders.requestHash,
      deadlineSetting: deadlineSettingValue(),
    });
  const created = inserted.map(({ deadlineSetting: _setting, ...order }) => order);
  const setting = inserted.length ? readDeadlineSetting(inserted[0]!.deadlineSetting) : assumed;
  if (!sameDeadlineSetting(setting, assumed)) {
    await tx
      .update(orders)
      .set({ dueAt: baseDueAt(submittedAt, setting) })
      .where(inArray(orders.id, created.map((order) => order.id)));
  }
  const actor = { actorUserId: placedBy.createdByUserId, actorApiKeyId: placedBy.createdByApiKeyId };
  await appendOrderEvents(
    tx,
    created.map((order) => ({ orderId: order.id, organisationId: placedBy.organisationId, ...actor, kind: 'submitted' as const, at: submittedAt })),
  );
  const byKey = new Map(created.map((order) => [order.idempotencyKey, { ...order, created: true }]));
  const missing = inputs.filter((input) => !byKey.has(input.idempotencyKey)).map((input) => input.idempotencyKey);
  if (missing.length) {
    const existing = await tx
      .select({ id: orders.id, number: orders.number, idempotencyKey: orders.idempotencyKey, requestHash: orders.requestHash })
      .from(orders)
      .where(and(eq(orders.organisationId, placedBy.organisationId), inArray(orders.idempotencyKey, missing)));
    for (const order of existing) byKey.set(order.idempotencyKey, { ...order, created: false });
  }
  return inputs.map((input) => {
    const order = byKey.get(input.idempotencyKey);
    // Only a concurrent transaction holding the key (not yet committed) leaves nothing to find.
    if (!order) throw new AppError('CONFLICT');
    return order;
  });
}

/**
 * Places an order: the order, its first timeline event and the "order received" email job in
 * one transaction. The form's idempotency key makes a double-click or a retried request
 * return the first order instead of creating a second. Through the API, `requestHash` is the
 * request's fingerprint: the same key with another request is a CONFLICT, not the first order.
 */
export async function createOrder(actor: OrganisationActor, input: OrderInput, { requestHash }: { requestHash?: string } = {}) {
  return inTransaction(async (tx, jobSql) => {
    const [placed] = await insertOrders(tx, placedByOf(actor), [
      { ...input, recipientLocale: input.recipientLocale ?? actor.locale, requestHash: requestHash ?? null },
    ]);
    const { id, number, created } = placed!;
    if (!created) {
      if (requestHash !== undefined && placed!.requestHash !== requestHash) throw new AppError('CONFLICT', 'IDEMPOTENCY_KEY_REUSED');
      return { id, number, created };
    }
    await enqueueJob('orderEmail', { orderId: id, kind: 'received' }, jobSql);
    return { id, number, created };
  });
}

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

export const ORDER_PAGE_SIZE = 25;

const listColumns = {
  id: orders.id,
  number: orders.number,
  type: orders.type,
  state: orders.state,
  recipientName: orders.recipientName,
  recipientEmail: orders.recipientEmail,
  merchantName: orders.merchantName,
  submittedAt: orders.submittedAt,
  dueAt: orders.dueAt,
};
export type OrderListRow = { [K in keyof typeof listColumns]: (typeof listColumns)[K]['_']['data'] };

/**
 * One page of the actor's orders, newest first, after `filters.after` (keyset, not OFFSET,
 * so a page deep in a long list costs what the first does).
 */
export async function listOrdersForActor(actor: OrganisationActor, filters: OrderListFilters, limit = ORDER_PAGE_SIZE) {
  const cursor = decodeCursor(filters.after);
  const q = filters.q ? containsPattern(filters.q) : undefined;
  const conditions = [
    visibleTo(actor),
    filters.state === 'open'
      ? inArray(orders.state, openStates)
      : filters.state
        ? eq(orders.state, filters.state)
        : undefined,
    filters.type ? eq(orders.type, filters.type) : undefined,
    q
      ? or(
          ilike(orders.recipientName, q),
          ilike(orders.recipientEmail, q),
          ilike(orders.merchantName, q),
          /^\d{1,12}$/.test(filters.q ?? '') ? eq(orders.number, Number(filters.q)) : undefined,
        )
      : undefined,
    cursor ? sql`(${orders.submittedAt}, ${orders.id}) < (${cursor.at.toISOString()}::timestamptz, ${cursor.id}::uuid)` : undefined,
  ];
  const rows = await db
    .select(listColumns)
    .from(orders)
    .where(and(...conditions))
    // NULLS LAST as in orders_org_submitted_idx (drizzle's .desc() in an index): plain DESC
    // means NULLS FIRST, which that index cannot deliver, and every page sorted all of the
    // organisation's orders (150 ms for 22,000 at 1M orders). The columns are never null.
    .orderBy(sql`${orders.submittedAt} desc nulls last`, sql`${orders.id} desc nulls last`)
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > limit && last ? encodeCursor({ at: last.submittedAt, id: last.id }) : undefined };
}

/** An event of an order's timeline as {@link getOrderForActor} reads it, by name in JSON. */
interface TimelineRow {
  id: string;
  kind: OrderEventKind;
  at: string;
  data: Record<string, unknown>;
  actorName: string | null;
  actorEmail: string | null;
  actorApiKeyName: string | null;
}

/**
 * An order's timeline, oldest first, as one JSON array: a subquery of the order's own statement,
 * so that the order page reads order, timeline and deadline setting in one round trip (each
 * statement on its own cost the server about half a millisecond under load). Each event's
 * person and key are looked up by key, once each (`limit 1` keeps PostgreSQL from flattening the
 * lateral lookups into a join: joined, a misjudged count of events made it hash every user for
 * the few events of one order).
 */
const timelineOfOrder = () => sql<TimelineRow[]>`(
  select coalesce(json_agg(json_build_object(
    'id', ${orderEvents.id}, 'kind', ${orderEvents.kind}, 'at', ${orderEvents.at}, 'data', ${orderEvents.data},
    'actorName', actor.name, 'actorEmail', actor.email, 'actorApiKeyName', actor_key.name
  ) order by ${orderEvents.at}, ${orderEvents.id}), '[]'::json)
  from ${orderEvents}
  left join lateral (select name, email from ${users} where ${users.id} = ${orderEvents.actorUserId} limit 1) actor on true
  left join lateral (select name from ${apiKeys} where ${apiKeys.id} = ${orderEvents.actorApiKeyId} limit 1) actor_key on true
  where ${orderEvents.orderId} = ${orders.id})`;

/**
 * The order page's statement, one for support and one scoped as visibleTo scopes a partner (the
 * organisation a placeholder), each built once and prepared by name on each connection. Built
 * by drizzle on every request, it cost the page 0.2 ms of the server's time on an idle machine
 * (issue 17). In development, restart the server after editing one: the pool outlives a reload,
 * and its connections know the name with the old text.
 */
const orderWithTimeline = (scope: SQL | undefined, name: string) =>
  db
    .select({
      order: orders,
      organisationName: organisations.name,
      createdByName: users.name,
      createdByEmail: users.email,
      createdByApiKeyName: apiKeys.name,
      batchNumber: orderBatches.number,
      timeline: timelineOfOrder(),
      deadlineSetting: deadlineSettingValue(),
    })
    .from(orders)
    .innerJoin(organisations, eq(organisations.id, orders.organisationId))
    .leftJoin(users, eq(users.id, orders.createdByUserId))
    .leftJoin(apiKeys, eq(apiKeys.id, orders.createdByApiKeyId))
    .leftJoin(orderBatches, eq(orderBatches.id, orders.batchId))
    .where(and(eq(orders.id, sql.placeholder('orderId')), scope))
    .limit(1)
    .prepare(name);
const orderForSupport = orderWithTimeline(undefined, 'order_with_timeline');
const orderForPartner = orderWithTimeline(eq(orders.organisationId, sql.placeholder('organisationId')), 'order_with_timeline_of_organisation');

/** One order with its timeline, or null when it does not exist or the actor may not see it. */
export async function getOrderForActor(actor: OrganisationActor, orderId: string) {
  const statement = seesEveryOrganisation(actor) ? orderForSupport : orderForPartner;
  const [order] = await statement.execute({ orderId, organisationId: actor.organisationId });
  if (!order) return null;
  const events = order.timeline.map((event) => ({ ...event, at: new Date(event.at) }));
  const setting = parseDeadlineSetting(order.deadlineSetting);
  const deadline = computeDeadline({ submittedAt: order.order.submittedAt, events, state: order.order.state, setting, now: new Date() });
  return {
    ...order.order,
    organisationName: order.organisationName,
    batchNumber: order.batchNumber,
    createdBy: { name: order.createdByName, email: order.createdByEmail, apiKeyName: order.createdByApiKeyName },
    events,
    deadline,
    /** What the page shows of the recipient's number: see recipientPhoneFor. */
    phone: recipientPhoneFor(actor, order.order),
  };
}

/**
 * Whoever hears about an order as its orderer: the person who placed it, or for an API order the
 * key's creator while they are still in the ordering organisation (not a support admin who made
 * the key for the partner, nor someone who has left it).
 */
const keyCreators = alias(users, 'key_creators');
const keyCreatorStillThere = sql`exists (select 1 from ${memberships} where ${memberships.userId} = ${keyCreators.id} and ${memberships.organisationId} = ${orders.organisationId})`;

/**
 * Note: jobs act for the system, not for a person, so this reads by id alone. Only job
 * handlers and system transitions call it, with ids they hold themselves. The orderer columns
 * are null when there is nobody to tell (the webhooks still do).
 */
export async function unsafeGetOrderForJob(orderId: string, tx: DbOrTx = db) {
  const [row] = await tx
    .select({
      order: orders,
      ordererEmail: sql<string | null>`coalesce(${users.email}, ${keyCreators.email})`,
      ordererLocale: sql<Order['recipientLocale'] | null>`coalesce(${users.locale}, ${keyCreators.locale})`,
    })
    .from(orders)
    .leftJoin(users, eq(users.id, orders.createdByUserId))
    .leftJoin(apiKeys, eq(apiKeys.id, orders.createdByApiKeyId))
    .leftJoin(keyCreators, and(eq(keyCreators.id, apiKeys.createdByUserId), keyCreatorStillThere))
    .where(eq(orders.id, orderId));
  return row ?? null;
}

// ---------------------------------------------------------------------------------------------
// The partner's transitions: one write path each, state change and event in one transaction
// ---------------------------------------------------------------------------------------------

/** A state change: which states it leaves, the state it enters, its timeline event. */
export interface StateChange {
  from: readonly OrderState[];
  to: (order: Order) => OrderState;
  kind: OrderEventKind;
  data?: Record<string, unknown>;
  fields?: Partial<Order>;
}

/**
 * The one way an order's state changes: each of `orderIds` that the actor may see and that is
 * still in a `from` state moves, with its timeline event, in one transaction; the rest are left
 * alone. Returns the orders that moved. A null actor is the system (an SMS worker, a Twilio
 * callback), which may change any order. Rows are locked in id order, so concurrent batches
 * cannot deadlock on each other; one UPDATE per target state.
 */
export async function transitionOrders(tx: DbOrTx, actor: OrganisationActor | null, orderIds: string[], change: StateChange): Promise<Order[]> {
  if (!orderIds.length) return [];
  const current = await tx
    .select()
    .from(orders)
    .where(and(inArray(orders.id, orderIds), inArray(orders.state, [...change.from]), actor ? visibleTo(actor) : undefined))
    .orderBy(asc(orders.id))
    .for('update');
  const byTarget = new Map<OrderState, Order[]>();
  for (const order of current) byTarget.set(change.to(order), [...(byTarget.get(change.to(order)) ?? []), order]);
  const moved: Order[] = [];
  for (const [state, group] of byTarget) {
    moved.push(
      ...(await tx
        .update(orders)
        .set({ ...change.fields, state })
        .where(and(inArray(orders.id, group.map((order) => order.id)), inArray(orders.state, [...change.from])))
        .returning()),
    );
  }
  if (moved.length) {
    await appendOrderEvents(
      tx,
      moved.map((order) => ({ orderId: order.id, organisationId: order.organisationId, ...doneBy(actor), kind: change.kind, data: change.data ?? {} })),
    );
  }
  return moved;
}

/**
 * One order's state change (transitionOrders), refused when it cannot happen: NOT_FOUND when the
 * actor cannot see the order (another organisation's order looks the same as none), CONFLICT
 * when its state no longer allows the change.
 */
export async function transition(tx: DbOrTx, actor: OrganisationActor | null, orderId: string, change: StateChange) {
  const [moved] = await transitionOrders(tx, actor, [orderId], change);
  if (moved) return moved;
  const [seen] = await tx
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.id, orderId), actor ? visibleTo(actor) : undefined));
  throw new AppError(seen ? 'CONFLICT' : 'NOT_FOUND');
}

/** Recomputes the stored due date from the timeline (after the clock resumes). */
export async function refreshDueAt(tx: DbOrTx, order: Order) {
  const events = await tx.select({ kind: orderEvents.kind, at: orderEvents.at }).from(orderEvents).where(eq(orderEvents.orderId, order.id));
  const deadline = computeDeadline({ submittedAt: order.submittedAt, events, state: order.state, setting: await getDeadlineSetting(tx), now: new Date() });
  await tx.update(orders).set({ dueAt: deadline.dueAt }).where(and(eq(orders.id, order.id), eq(orders.organisationId, order.organisationId)));
}

export async function cancelOrderForActor(actor: OrganisationActor, orderId: string) {
  return inTransaction((tx) =>
    transition(tx, actor, orderId, { from: partnerTransitions.cancel.from, to: () => partnerTransitions.cancel.to, kind: 'cancelled' }),
  );
}

/** The partner answers support's question; the order returns to the queue and the clock resumes. */
export async function answerQuestionForActor(actor: OrganisationActor, orderId: string, answer: string) {
  return inTransaction(async (tx) => {
    const order = await transition(tx, actor, orderId, {
      from: partnerTransitions.answer.from,
      to: (current) => stateAfterAnswer(current.assigneeUserId),
      kind: 'answered',
      data: { answer },
    });
    await refreshDueAt(tx, order);
    return order;
  });
}

const editableFields = [
  'type',
  'recipientName',
  'recipientEmail',
  'recipientPhone',
  'recipientLocale',
  'ecrSupplierName',
  'ecrName',
  'merchantName',
  'merchantBusinessId',
  'merchantCountry',
  'terminalIds',
  'additionalInfo',
] as const;

/** The partner corrects the order support asked about and sends it back; the clock resumes. */
export async function editOrderForActor(actor: Actor, orderId: string, edited: OrderInput) {
  return inTransaction(async (tx) => {
    const [before] = await tx.select().from(orders).where(and(eq(orders.id, orderId), visibleTo(actor)));
    if (!before) throw new AppError('NOT_FOUND');
    const input = { ...edited, recipientLocale: edited.recipientLocale ?? before.recipientLocale };
    if (!canPartner('answer', before.state)) throw new AppError('CONFLICT');
    const changed = editableFields.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(input[field]));
    const fields = Object.fromEntries(editableFields.map((field) => [field, input[field]])) as Partial<Order>;
    const order = await transition(tx, actor, orderId, {
      from: partnerTransitions.answer.from,
      to: (current) => stateAfterAnswer(current.assigneeUserId),
      kind: 'edited',
      data: { fields: changed },
      fields: { ...fields, ecrProductId: (await findEcrProductIds(tx, [input])).get(ecrKey(input) ?? '') ?? null },
    });
    await refreshDueAt(tx, order);
    return order;
  });
}

/** Orders whose due dates are recomputed per transaction after a settings change. */
const DUE_DATE_BATCH = 500;

/**
 * Every open order's stored due date, computed again from its events under the setting in
 * force (after a support admin changes it). In batches, by id, so it scales to many orders.
 */
export async function recomputeOpenDueDates(batchSize = DUE_DATE_BATCH) {
  const setting = await getDeadlineSetting();
  const now = new Date();
  let after = '00000000-0000-0000-0000-000000000000';
  let changed = 0;
  for (;;) {
    const batch = await db
      .select({ id: orders.id, organisationId: orders.organisationId, submittedAt: orders.submittedAt, state: orders.state, dueAt: orders.dueAt })
      .from(orders)
      .where(and(inArray(orders.state, openStates), sql`${orders.id} > ${after}`))
      .orderBy(asc(orders.id))
      .limit(batchSize);
    if (!batch.length) return changed;
    const events = await db
      .select({ orderId: orderEvents.orderId, kind: orderEvents.kind, at: orderEvents.at })
      .from(orderEvents)
      .where(inArray(orderEvents.orderId, batch.map((order) => order.id)));
    for (const order of batch) {
      const { dueAt } = computeDeadline({ ...order, events: events.filter((event) => event.orderId === order.id), setting, now });
      if (dueAt.getTime() !== order.dueAt.getTime()) {
        await db.update(orders).set({ dueAt }).where(and(eq(orders.id, order.id), eq(orders.organisationId, order.organisationId)));
        changed++;
      }
    }
    after = batch.at(-1)!.id;
  }
}
