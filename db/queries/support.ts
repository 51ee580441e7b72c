import { randomBytes } from 'node:crypto';
import { and, asc, desc, eq, gt, inArray, isNull, max, or, sql, type SQL } from 'drizzle-orm';
import { db } from '@/db';
import { decodeCursor, encodeCursor } from '@/db/queries/keyset-cursor';
import { refreshDueAt, transition } from '@/db/queries/orders';
import { partnerMatches } from '@/db/queries/organisations';
import type { Actor } from '@/db/queries/users';
import { credentials, memberships, orderBatches, orders, organisations, smsDeliveries, users } from '@/db/schema';
import { inTransaction } from '@/db/transaction';
import { seal } from '@/lib/credentials/encryption';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { enqueueJob } from '@/lib/jobs/boss';
import { atRiskSql, overdueSql } from '@/lib/orders/at-risk';
import { openStates, typeRequirements, type AccountType, type OrderState } from '@/lib/orders/model';
import { supportTransitions } from '@/lib/orders/transitions';
import { assertCan, supportRoles } from '@/lib/permissions';

export interface QueueFilters {
  state?: OrderState;
  type?: AccountType;
  /** Part of a partner's name, or its business ID. */
  partner?: string;
  assignee?: 'me' | 'unassigned' | string;
  risk?: 'at_risk' | 'overdue';
  /** A batch's id: its orders only, in file order. */
  batch?: string;
  /** The page after this cursor: the previous page's `nextCursor`. */
  after?: string;
}

/**
 * Orders on one page of the queue: about a screen. It was 50, which made the page 140 kB and
 * its render three times the cost of an empty portal page (issue 17).
 */
export const QUEUE_PAGE_SIZE = 25;

/** In a batch the queue runs in file order, so its cursor is the last order's number. */
const numberCursor = (after: string | undefined) => (after && /^\d{1,12}$/.test(after) ? Number(after) : undefined);

/**
 * Every organisation's unfinished orders (or those of `filters.state`), soonest due first, one
 * page after `filters.after` (keyset, as the partner's list). Only support reaches this. Like
 * every operation here that takes a caller, it checks the permission itself, whatever the page
 * or action already checked.
 */
export async function listQueue(actor: Actor, filters: QueueFilters, limit = QUEUE_PAGE_SIZE, now = new Date()) {
  assertCan(actor, 'support:queue');
  const afterDue = filters.batch ? undefined : decodeCursor(filters.after);
  const afterNumber = filters.batch ? numberCursor(filters.after) : undefined;
  const conditions: (SQL | undefined)[] = [
    // A risk filter names its states itself (open ones whose clock runs). Said twice, the open
    // states and those were multiplied by PostgreSQL as if independent: it expected 23 overdue
    // orders of 600, and read and sorted every one instead of walking the open-orders index.
    filters.state ? eq(orders.state, filters.state) : filters.risk ? undefined : inArray(orders.state, openStates),
    filters.type ? eq(orders.type, filters.type) : undefined,
    filters.partner ? inArray(orders.organisationId, db.select({ id: organisations.id }).from(organisations).where(partnerMatches(filters.partner))) : undefined,
    filters.assignee === 'me'
      ? eq(orders.assigneeUserId, actor.userId)
      : filters.assignee === 'unassigned'
        ? isNull(orders.assigneeUserId)
        : filters.assignee
          ? eq(orders.assigneeUserId, filters.assignee)
          : undefined,
    filters.risk === 'overdue' ? overdueSql(orders, now) : filters.risk === 'at_risk' ? atRiskSql(orders, now) : undefined,
    filters.batch ? eq(orders.batchId, filters.batch) : undefined,
    afterDue ? sql`(${orders.dueAt}, ${orders.id}) > (${afterDue.at.toISOString()}::timestamptz, ${afterDue.id}::uuid)` : undefined,
    afterNumber !== undefined ? gt(orders.number, afterNumber) : undefined,
  ];
  // The page of orders first, then one index lookup per row for its partner, assignee and batch.
  // Joined before the LIMIT, a misjudged row count made PostgreSQL sort every match; joined after
  // it, it read all of organisations and users to name 25 rows.
  const page = db.$with('queue_page').as(
    db
      .select({
        id: orders.id,
        number: orders.number,
        type: orders.type,
        state: orders.state,
        recipientName: orders.recipientName,
        merchantName: orders.merchantName,
        organisationId: orders.organisationId,
        assigneeUserId: orders.assigneeUserId,
        batchId: orders.batchId,
        submittedAt: orders.submittedAt,
        dueAt: orders.dueAt,
      })
      .from(orders)
      .where(and(...conditions))
      // A batch's orders share a deadline: in the file's order (their numbers follow it) they read as the partner sent them.
      .orderBy(...(filters.batch ? [asc(orders.number)] : [asc(orders.dueAt), asc(orders.id)]))
      .limit(limit + 1),
  );
  const rows = await db
    .with(page)
    .select({
      id: page.id,
      number: page.number,
      type: page.type,
      state: page.state,
      recipientName: page.recipientName,
      merchantName: page.merchantName,
      organisationName: sql<string>`(select ${organisations.name} from ${organisations} where ${organisations.id} = ${page.organisationId})`,
      assigneeName: sql<string | null>`(select ${users.name} from ${users} where ${users.id} = ${page.assigneeUserId})`,
      assigneeUserId: page.assigneeUserId,
      submittedAt: page.submittedAt,
      dueAt: page.dueAt,
      batchNumber: sql<number | null>`(select ${orderBatches.number} from ${orderBatches} where ${orderBatches.id} = ${page.batchId})`.mapWith(
        orderBatches.number,
      ),
    })
    .from(page)
    .orderBy(...(filters.batch ? [asc(page.number)] : [asc(page.dueAt), asc(page.id)]));
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  const nextCursor = rows.length > limit && last ? (filters.batch ? String(last.number) : encodeCursor({ at: last.dueAt, id: last.id })) : undefined;
  return { rows: shown, nextCursor };
}

/** Support people, for the assign menu. */
export async function listSupportAgents(actor: Actor) {
  assertCan(actor, 'support:queue');
  return supportAgents.execute({ organisationId: actor.organisationId });
}
// Support roles exist only in Poplapay's organisation, which is the caller's: reading its
// members by organisation is a few index lookups, where reading by role hashed every user.
// Built once and prepared, as every queue page and support view of an order reads it.
const supportAgents = db
  .select({ userId: users.id, name: users.name, email: users.email })
  .from(memberships)
  .innerJoin(users, eq(users.id, memberships.userId))
  .where(and(eq(memberships.organisationId, sql.placeholder('organisationId')), inArray(memberships.role, [...supportRoles])))
  .orderBy(asc(users.name))
  .prepare('support_agents');

/** The latest password SMS of an order, for the order page. */
export async function getLatestDelivery(actor: Actor, orderId: string) {
  assertCan(actor, 'support:queue');
  const [row] = await db
    .select({ attempt: smsDeliveries.attempt, status: smsDeliveries.status, errorCode: smsDeliveries.errorCode, flag: smsDeliveries.flag })
    .from(smsDeliveries)
    .where(eq(smsDeliveries.orderId, orderId))
    .orderBy(desc(smsDeliveries.attempt))
    .limit(1);
  return row ?? null;
}

export async function claimOrder(actor: Actor, orderId: string) {
  assertCan(actor, 'support:queue');
  return inTransaction((tx) =>
    transition(tx, actor, orderId, {
      from: supportTransitions.claim.from,
      to: () => supportTransitions.claim.to,
      kind: 'claimed',
      fields: { assigneeUserId: actor.userId },
    }),
  );
}

export async function assignOrder(actor: Actor, orderId: string, assigneeUserId: string) {
  assertCan(actor, 'support:queue');
  const [agent] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.userId, assigneeUserId), inArray(memberships.role, [...supportRoles])));
  if (!agent) throw new AppError('INVALID_INPUT', 'INVALID_INPUT', { assigneeUserId: ['assigneeInvalid'] });
  return inTransaction((tx) =>
    transition(tx, actor, orderId, {
      from: supportTransitions.claim.from,
      to: () => supportTransitions.claim.to,
      kind: 'assigned',
      data: { assigneeUserId },
      fields: { assigneeUserId },
    }),
  );
}

/** Asks the partner; the order waits on them (the clock pauses) and the orderer gets the question by email. */
export async function askPartner(actor: Actor, orderId: string, question: string) {
  assertCan(actor, 'support:queue');
  return inTransaction(async (tx, jobSql) => {
    const order = await transition(tx, actor, orderId, {
      from: supportTransitions.ask.from,
      to: () => supportTransitions.ask.to,
      kind: 'question_asked',
      data: { question },
    });
    await enqueueJob('orderEmail', { orderId, kind: 'question' }, jobSql);
    return order;
  });
}

export async function rejectOrder(actor: Actor, orderId: string, reason: string) {
  assertCan(actor, 'support:queue');
  return inTransaction(async (tx, jobSql) => {
    const order = await transition(tx, actor, orderId, {
      from: supportTransitions.reject.from,
      to: () => supportTransitions.reject.to,
      kind: 'rejected',
      data: { reason },
    });
    await refreshDueAt(tx, order);
    await enqueueJob('orderEmail', { orderId, kind: 'rejected' }, jobSql);
    return order;
  });
}

/** merchant_rights orders end here: no credentials, an email to the orderer. */
export async function completeRights(actor: Actor, orderId: string) {
  assertCan(actor, 'support:queue');
  return inTransaction(async (tx, jobSql) => {
    const [order] = await tx.select({ type: orders.type }).from(orders).where(eq(orders.id, orderId));
    if (order && typeRequirements[order.type].credentials) throw new AppError('CONFLICT');
    const updated = await transition(tx, actor, orderId, {
      from: supportTransitions.completeRights.from,
      to: () => supportTransitions.completeRights.to,
      kind: 'completed',
      data: { rightsAdded: true },
      fields: { completedAt: new Date() },
    });
    await enqueueJob('orderEmail', { orderId, kind: 'completed' }, jobSql);
    return updated;
  });
}

/** A short code in the SMS text (not secret) by which the portal finds its own message at Twilio. */
const newReference = () => randomBytes(4).toString('hex').toUpperCase();

/**
 * Records the account support created and queues the password SMS, in one transaction. The
 * password is sealed here and never leaves this function in the clear.
 */
export async function recordCredentials(actor: Actor, orderId: string, input: { username: string; password: string }) {
  assertCan(actor, 'support:queue');
  return inTransaction(async (tx, jobSql) => {
    const [current] = await tx.select({ type: orders.type }).from(orders).where(eq(orders.id, orderId));
    if (current && !typeRequirements[current.type].credentials) throw new AppError('CONFLICT');
    const order = await transition(tx, actor, orderId, {
      from: supportTransitions.recordCredentials.from,
      to: () => supportTransitions.recordCredentials.to,
      kind: 'account_created',
      data: { username: input.username },
    });
    const sealed = seal(input.password, getEnv().CREDENTIALS_ENCRYPTION_KEYS, orderId);
    const values = {
      username: input.username,
      passwordKeyId: sealed.keyId,
      passwordIv: sealed.iv,
      passwordCiphertext: sealed.ciphertext,
      passwordTag: sealed.tag,
      createdByUserId: actor.userId,
      erasedAt: null,
    };
    await tx.insert(credentials).values({ orderId, ...values }).onConflictDoUpdate({ target: credentials.orderId, set: values });
    const [previous] = await tx.select({ attempt: max(smsDeliveries.attempt) }).from(smsDeliveries).where(eq(smsDeliveries.orderId, orderId));
    const [delivery] = await tx
      .insert(smsDeliveries)
      .values({ orderId, attempt: (previous?.attempt ?? 0) + 1, toPhone: order.recipientPhone, reference: newReference() })
      .returning({ id: smsDeliveries.id });
    await enqueueJob('credentialsSms', { deliveryId: delivery!.id }, jobSql);
    return order;
  });
}

/** Open orders at risk or overdue (a paused clock is neither), soonest due first: the daily digest. */
export async function listOrdersNeedingAttention(now = new Date()) {
  return db
    .select({
      id: orders.id,
      number: orders.number,
      type: orders.type,
      organisationName: organisations.name,
      submittedAt: orders.submittedAt,
      dueAt: orders.dueAt,
      state: orders.state,
    })
    .from(orders)
    .innerJoin(organisations, eq(organisations.id, orders.organisationId))
    .where(or(atRiskSql(orders, now), overdueSql(orders, now)))
    .orderBy(asc(orders.dueAt));
}

/** Everyone in a support role, for the digest. */
export async function listSupportEmails() {
  return db
    .select({ userId: users.id, email: users.email, locale: users.locale, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(inArray(memberships.role, [...supportRoles]));
}
