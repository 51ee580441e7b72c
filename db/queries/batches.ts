import { and, asc, desc, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { db } from '@/db';
import { insertOrders, listEcrCatalogue, placedByOf } from '@/db/queries/orders';
import type { OrganisationActor } from '@/db/queries/users';
import { apiKeys, credentials, memberships, orderBatchRows, orderBatches, orders, organisations, users } from '@/db/schema';
import { inTransaction } from '@/db/transaction';
import { checkBatchRows, type BatchOrder, type RowVerdict } from '@/lib/batches/check';
import { AppError } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/config';
import { enqueueJob } from '@/lib/jobs/boss';
import { uuidFromText } from '@/lib/uuid-from-text';
import type { ParsedBatchFile } from '@/lib/batches/parse';
import { normaliseFinnishBusinessId } from '@/lib/business-id';
import { openStates, type AccountType, type OrderState } from '@/lib/orders/model';
import { roleCan } from '@/lib/permissions';

/**
 * The actor's organisation's open orders of `type` for these business IDs (stored normalised, as
 * the form stores them): a batch row for one of them would order the same merchant twice.
 */
export async function findOpenOrdersByBusinessId(actor: OrganisationActor, type: AccountType, businessIds: string[]) {
  if (businessIds.length === 0) return [];
  const rows = await db
    .select({ merchantBusinessId: orders.merchantBusinessId, number: orders.number })
    .from(orders)
    .where(
      and(
        eq(orders.organisationId, actor.organisationId),
        eq(orders.type, type),
        inArray(orders.state, openStates),
        inArray(orders.merchantBusinessId, businessIds),
      ),
    );
  return rows.flatMap((row) => (row.merchantBusinessId ? [{ merchantBusinessId: row.merchantBusinessId, number: row.number }] : []));
}

/** Checks a parsed file for the actor: the catalogue and the organisation's open orders in two queries. */
export async function checkBatchForActor(actor: OrganisationActor, file: ParsedBatchFile, type: AccountType): Promise<RowVerdict[]> {
  // Normalised as the schema stores them; a malformed ID matches nothing and costs nothing.
  const businessIds = file.rows.flatMap((row) => {
    const id = (row.cells.merchantBusinessId ?? '').trim();
    const country = (row.cells.merchantCountry ?? '').trim().toUpperCase() || 'FI';
    return id ? [country === 'FI' ? normaliseFinnishBusinessId(id) : id] : [];
  });
  const [catalogue, openOrders] = await Promise.all([listEcrCatalogue(), findOpenOrdersByBusinessId(actor, type, [...new Set(businessIds)])]);
  return checkBatchRows(file, { type, catalogue, openOrders });
}

// ---------------------------------------------------------------------------------------------
// Submitting a batch, and the job that turns its rows into orders
// ---------------------------------------------------------------------------------------------

/** Rows placed per transaction: each chunk's orders and their rows' order ids commit together. */
const ROWS_PER_CHUNK = 100;
/** A job hands the rest of a long batch to a fresh job after this long, well inside its expiry. */
const JOB_BUDGET_MS = 10_000;

export interface BatchSubmission {
  /** Made once per preview by the page (or from the API's Idempotency-Key). */
  idempotencyKey: string;
  type: AccountType;
  fileName: string | null;
  rows: { rowNumber: number; order: BatchOrder }[];
  /** Through the API: the request's fingerprint, so a reused key with another body is refused. */
  requestHash?: string;
}

/** The order idempotency key of a batch's row: a retried chunk finds the row's order instead of making a second. */
export const batchRowKey = (batchId: string, rowNumber: number) => uuidFromText(`batch-row:${batchId}:${rowNumber}`);

/**
 * Submits checked rows as one batch: the batch, its rows and the job that places them, in one
 * transaction. A second submit with the same idempotency key gets the first batch back
 * (`created: false`) and writes nothing, however many times the button was pressed.
 */
export async function submitBatch(actor: OrganisationActor, submission: BatchSubmission) {
  if (!submission.rows.length) throw new AppError('INVALID_INPUT');
  return inTransaction(async (tx, jobSql) => {
    const [batch] = await tx
      .insert(orderBatches)
      .values({
        ...placedByOf(actor),
        type: submission.type,
        fileName: submission.fileName,
        idempotencyKey: submission.idempotencyKey,
        requestHash: submission.requestHash ?? null,
        rowCount: submission.rows.length,
      })
      .onConflictDoNothing({ target: [orderBatches.organisationId, orderBatches.idempotencyKey] })
      .returning({ id: orderBatches.id, number: orderBatches.number });
    if (!batch) {
      const [existing] = await tx
        .select({ id: orderBatches.id, number: orderBatches.number, requestHash: orderBatches.requestHash })
        .from(orderBatches)
        .where(and(eq(orderBatches.organisationId, actor.organisationId), eq(orderBatches.idempotencyKey, submission.idempotencyKey)));
      if (!existing) throw new AppError('CONFLICT');
      if (submission.requestHash !== undefined && existing.requestHash !== submission.requestHash) throw new AppError('CONFLICT', 'IDEMPOTENCY_KEY_REUSED');
      return { id: existing.id, number: existing.number, created: false };
    }
    await tx.insert(orderBatchRows).values(
      submission.rows.map((row) => ({
        batchId: batch.id,
        rowNumber: row.rowNumber,
        // The row's language, or the orderer's, as the form does.
        input: { ...row.order, recipientLocale: row.order.recipientLocale ?? actor.locale },
      })),
    );
    await enqueueJob('placeBatchOrders', { batchId: batch.id }, jobSql);
    return { ...batch, created: true };
  });
}

/**
 * The actor's organisation's batch submitted with this idempotency key, with the fingerprint of
 * the request that submitted it; null if none. The API asks before it answers a refusal, since a
 * retry of an accepted batch would be refused for the very orders it placed.
 */
export async function findBatchByIdempotencyKey(actor: OrganisationActor, idempotencyKey: string) {
  const [batch] = await db
    .select({ id: orderBatches.id, number: orderBatches.number, requestHash: orderBatches.requestHash })
    .from(orderBatches)
    .where(and(eq(orderBatches.organisationId, actor.organisationId), eq(orderBatches.idempotencyKey, idempotencyKey)));
  return batch ?? null;
}

type StoredRowInput = BatchOrder & { recipientLocale: Locale };

/**
 * Places one chunk of a batch's rows that have no order yet, in one transaction with the batch
 * locked, so two workers never place the same chunk. Returns whether rows are left.
 */
async function placeNextChunk(batchId: string) {
  return inTransaction(async (tx, jobSql) => {
    const [batch] = await tx.select().from(orderBatches).where(eq(orderBatches.id, batchId)).for('update');
    if (!batch || batch.completedAt) return false;
    const pending = await tx
      .select({ rowNumber: orderBatchRows.rowNumber, input: orderBatchRows.input })
      .from(orderBatchRows)
      .where(and(eq(orderBatchRows.batchId, batchId), isNull(orderBatchRows.orderId)))
      .orderBy(asc(orderBatchRows.rowNumber))
      .limit(ROWS_PER_CHUNK);
    const placed = await insertOrders(
      tx,
      { organisationId: batch.organisationId, createdByUserId: batch.createdByUserId, createdByApiKeyId: batch.createdByApiKeyId },
      pending.map((row) => ({ ...(row.input as StoredRowInput), idempotencyKey: batchRowKey(batchId, row.rowNumber), batchId })),
    );
    if (pending.length) {
      const values = sql.join(
        pending.map((row, index) => sql`(${row.rowNumber}::integer, ${placed[index]!.id}::uuid)`),
        sql`, `,
      );
      await tx.execute(sql`
        update ${orderBatchRows} set order_id = placed.order_id, input = null
        from (values ${values}) as placed(row_number, order_id)
        where ${orderBatchRows.batchId} = ${batchId} and ${orderBatchRows.rowNumber} = placed.row_number`);
    }
    if (pending.length === ROWS_PER_CHUNK) return true;
    await tx.update(orderBatches).set({ completedAt: new Date() }).where(eq(orderBatches.id, batchId));
    await enqueueJob('batchEmail', { batchId }, jobSql);
    return false;
  });
}

/**
 * The job behind a batch: places its rows chunk by chunk. After a crash the job runs again and
 * carries on from the first row without an order; a row's order and its mark commit together,
 * so none is lost or placed twice. A long batch passes the rest on to a new job.
 */
export async function unsafePlaceBatchOrders(batchId: string) {
  const started = Date.now();
  while (await placeNextChunk(batchId)) {
    if (Date.now() - started > JOB_BUDGET_MS) {
      await enqueueJob('placeBatchOrders', { batchId });
      return;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Reading a batch
// ---------------------------------------------------------------------------------------------

/** Orders on one page of a batch. */
export const BATCH_PAGE_SIZE = 100;

/** Batches an actor may see: support sees every organisation's, a partner only its own. */
const batchVisibleTo = (actor: OrganisationActor) => (roleCan(actor.role, 'support:queue') ? undefined : eq(orderBatches.organisationId, actor.organisationId));

const keyCreators = alias(users, 'key_creators');

/** A batch the actor may see, with who submitted it and how many of its rows are orders yet; null otherwise. */
export async function getBatchForActor(actor: OrganisationActor, batchId: string) {
  const [batch] = await db
    .select({
      id: orderBatches.id,
      number: orderBatches.number,
      organisationId: orderBatches.organisationId,
      organisationName: organisations.name,
      type: orderBatches.type,
      fileName: orderBatches.fileName,
      rowCount: orderBatches.rowCount,
      submittedAt: orderBatches.submittedAt,
      completedAt: orderBatches.completedAt,
      submittedBy: sql<string>`coalesce(${users.name}, ${users.email}, ${apiKeys.name})`,
      byApiKey: sql<boolean>`${orderBatches.createdByApiKeyId} is not null`,
      placed: sql<number>`(select count(*) from ${orderBatchRows} where ${orderBatchRows.batchId} = ${orderBatches.id} and ${orderBatchRows.orderId} is not null)::int`,
    })
    .from(orderBatches)
    .innerJoin(organisations, eq(organisations.id, orderBatches.organisationId))
    .leftJoin(users, eq(users.id, orderBatches.createdByUserId))
    .leftJoin(apiKeys, eq(apiKeys.id, orderBatches.createdByApiKeyId))
    .where(and(eq(orderBatches.id, batchId), batchVisibleTo(actor)));
  return batch ?? null;
}
export type BatchSummary = NonNullable<Awaited<ReturnType<typeof getBatchForActor>>>;

/** How many of the batch's orders are in each state. */
export async function countBatchOrdersByState(batchId: string) {
  const rows = await db
    .select({ state: orders.state, count: sql<number>`count(*)::int` })
    .from(orders)
    .where(eq(orders.batchId, batchId))
    .groupBy(orders.state);
  return Object.fromEntries(rows.map((row) => [row.state, row.count])) as Partial<Record<OrderState, number>>;
}

/**
 * A page of the batch's orders in file order, from row `fromRow` on, in `state` if given: what
 * the batch page lists and the CSV export writes (usernames once created; passwords never).
 * Call it only with a batch the actor may see (getBatchForActor).
 */
export async function listBatchOrders(batchId: string, { state, fromRow = 0, limit = BATCH_PAGE_SIZE }: { state?: OrderState; fromRow?: number; limit?: number } = {}) {
  return db
    .select({
      rowNumber: orderBatchRows.rowNumber,
      id: orders.id,
      number: orders.number,
      type: orders.type,
      state: orders.state,
      submittedAt: orders.submittedAt,
      dueAt: orders.dueAt,
      completedAt: orders.completedAt,
      recipientName: orders.recipientName,
      recipientEmail: orders.recipientEmail,
      merchantName: orders.merchantName,
      merchantBusinessId: orders.merchantBusinessId,
      username: credentials.username,
    })
    .from(orderBatchRows)
    .innerJoin(orders, eq(orders.id, orderBatchRows.orderId))
    .leftJoin(credentials, eq(credentials.orderId, orders.id))
    .where(and(eq(orderBatchRows.batchId, batchId), gte(orderBatchRows.rowNumber, fromRow), state ? eq(orders.state, state) : undefined))
    .orderBy(asc(orderBatchRows.rowNumber))
    .limit(limit);
}
export type BatchOrderRow = Awaited<ReturnType<typeof listBatchOrders>>[number];

/** The actor's organisation's batches, newest first. */
export async function listBatchesForActor(actor: OrganisationActor, limit = 20) {
  return db
    .select({
      id: orderBatches.id,
      number: orderBatches.number,
      type: orderBatches.type,
      fileName: orderBatches.fileName,
      rowCount: orderBatches.rowCount,
      submittedAt: orderBatches.submittedAt,
      completedAt: orderBatches.completedAt,
    })
    .from(orderBatches)
    .where(eq(orderBatches.organisationId, actor.organisationId))
    .orderBy(desc(orderBatches.submittedAt))
    .limit(limit);
}

/**
 * For the batch email: the batch, its orders' count, and whom to tell (the person who submitted
 * it, or the API key's creator while still a member, as for an order). By id: jobs only.
 */
export async function unsafeGetBatchForEmail(batchId: string) {
  const keyCreatorStillThere = sql`exists (select 1 from ${memberships} where ${memberships.userId} = ${keyCreators.id} and ${memberships.organisationId} = ${orderBatches.organisationId})`;
  const [row] = await db
    .select({
      id: orderBatches.id,
      number: orderBatches.number,
      type: orderBatches.type,
      fileName: orderBatches.fileName,
      rowCount: orderBatches.rowCount,
      completedAt: orderBatches.completedAt,
      firstDueAt: sql<Date | null>`(select min(${orders.dueAt}) from ${orders} where ${orders.batchId} = ${orderBatches.id})`.mapWith(orders.dueAt),
      ordererEmail: sql<string | null>`coalesce(${users.email}, ${keyCreators.email})`,
      ordererLocale: sql<Locale | null>`coalesce(${users.locale}, ${keyCreators.locale})`,
    })
    .from(orderBatches)
    .leftJoin(users, eq(users.id, orderBatches.createdByUserId))
    .leftJoin(apiKeys, eq(apiKeys.id, orderBatches.createdByApiKeyId))
    .leftJoin(keyCreators, and(eq(keyCreators.id, apiKeys.createdByUserId), keyCreatorStillThere))
    .where(eq(orderBatches.id, batchId));
  return row ?? null;
}
