import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { checkBatchForActor, getBatchForActor, submitBatch, unsafePlaceBatchOrders, type BatchSubmission } from '@/db/queries/batches';
import { createOrder } from '@/db/queries/orders';
import { listOutboxMessages } from '@/db/queries/outbox';
import { getActorByUserId, type Actor } from '@/db/queries/users';
import { orderBatchRows, orderBatches, orderEvents, orders } from '@/db/schema';
import { columnNames } from '@/lib/batches/column-names';
import { parseBatchFile } from '@/lib/batches/parse';
import { jobHandlers } from '@/lib/jobs/handlers';
import { orderFormSchema } from '@/lib/validations/order';
import { generateBatch, OPEN_ORDER_BUSINESS_ID, validRow } from '@/tests/support/batch-file';
import { factories } from '@/tests/support/factories';

const { createPerson } = factories(db);

async function partner(): Promise<Actor> {
  const { user } = await createPerson('partner_admin', 'ecr_integrator');
  return (await getActorByUserId(user.id))!;
}

/** The generated 1,000-row file with 40 bad rows, checked for `actor` as the upload page does: 960 good rows. */
async function checkedSubmission(actor: Actor): Promise<BatchSubmission> {
  // The open order the file's open-order row matches, so that row is one of the 40.
  await createOrder(
    actor,
    orderFormSchema.parse({ ...validRow(7000), type: 'merchant_rights', merchantBusinessId: OPEN_ORDER_BUSINESS_ID, merchantCountry: 'FI', idempotencyKey: randomUUID() }),
  );
  const { csv } = generateBatch();
  const file = await parseBatchFile(new TextEncoder().encode(csv), { type: 'merchant_rights', columnNames });
  const verdicts = await checkBatchForActor(actor, file, 'merchant_rights');
  const rows = verdicts.flatMap((verdict) => (verdict.order ? [{ rowNumber: verdict.rowNumber, order: verdict.order }] : []));
  return { idempotencyKey: randomUUID(), type: 'merchant_rights', fileName: 'kauppiaat.csv', rows };
}

const countOf = async (batchId: string) => (await db.select({ n: sql<number>`count(*)::int` }).from(orders).where(eq(orders.batchId, batchId)))[0]!.n;

/** Each row of the batch has its one order, and each order its one row: none lost, none doubled. */
async function expectEveryRowPlacedOnce(batchId: string, rowNumbers: number[]) {
  const rows = await db.select().from(orderBatchRows).where(eq(orderBatchRows.batchId, batchId));
  expect(rows.map((row) => row.rowNumber).sort((a, b) => a - b)).toEqual([...rowNumbers].sort((a, b) => a - b));
  expect(rows.every((row) => row.orderId && row.input === null)).toBe(true);
  expect(new Set(rows.map((row) => row.orderId)).size).toBe(rows.length);
  expect(await countOf(batchId)).toBe(rowNumbers.length);
  const submitted = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(orderEvents)
    .innerJoin(orders, eq(orders.id, orderEvents.orderId))
    .where(and(eq(orders.batchId, batchId), eq(orderEvents.kind, 'submitted')));
  expect(submitted[0]!.n).toBe(rowNumbers.length);
}

describe('submitting a batch', () => {
  it('a double submit of the 1,000-row file makes 960 orders, not 1,920, and one summary email instead of 960', { timeout: 120_000 }, async () => {
    const actor = await partner();
    const submission = await checkedSubmission(actor);
    expect(submission.rows).toHaveLength(960);

    // A double-click: the same preview's key twice at once, then a retry after the first finished.
    const [first, second] = await Promise.all([submitBatch(actor, submission), submitBatch(actor, submission)]);
    expect(first.id).toBe(second.id);
    expect([first.created, second.created].sort()).toEqual([false, true]);
    // Two workers at once on the same batch (a job handed out again while the first still runs).
    await Promise.all([unsafePlaceBatchOrders(first.id), unsafePlaceBatchOrders(first.id)]);
    const again = await submitBatch(actor, submission);
    expect(again).toMatchObject({ id: first.id, created: false });
    await unsafePlaceBatchOrders(first.id);

    expect(await db.select({ id: orderBatches.id }).from(orderBatches).where(eq(orderBatches.organisationId, actor.organisationId))).toHaveLength(1);
    await expectEveryRowPlacedOnce(first.id, submission.rows.map((row) => row.rowNumber));
    const batch = (await getBatchForActor(actor, first.id))!;
    expect(batch).toMatchObject({ rowCount: 960, placed: 960, fileName: 'kauppiaat.csv' });
    expect(batch.completedAt).not.toBeNull();

    // Orders of a batch are ordinary orders: the form's fields, the orderer's, the one-week clock.
    const [sample] = await db.select().from(orders).where(and(eq(orders.batchId, first.id), eq(orders.merchantBusinessId, submission.rows[0]!.order.merchantBusinessId!)));
    expect(sample).toMatchObject({ state: 'submitted', createdByUserId: actor.userId, organisationId: actor.organisationId, recipientName: submission.rows[0]!.order.recipientName });
    expect(sample!.dueAt.getTime()).toBeGreaterThan(sample!.submittedAt.getTime() + 5 * 24 * 3600_000);

    // One email for the batch: the job runs twice (a queue delivers at least once), it sends once.
    const received = await db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM pgboss.job j JOIN orders o ON o.id = (j.data->>'orderId')::uuid WHERE j.name = 'order-email' AND o.batch_id = ${first.id}`,
    );
    expect(received.rows[0]!.n).toBe(0);
    await jobHandlers.batchEmail({ batchId: first.id });
    await jobHandlers.batchEmail({ batchId: first.id });
    const emails = await listOutboxMessages({ limit: 10, recipient: actor.email });
    expect(emails.map((email) => email.subject)).toEqual([`Batch ${batch.number} received: 960 orders`]);
    expect(emails[0]!.bodyText).toContain('kauppiaat.csv');
    expect(emails[0]!.bodyText).toContain(`/orders/batches/${first.id}`);
  });

  it('a batch is visible to its organisation and support, and to nobody else', async () => {
    const actor = await partner();
    const stranger = await partner();
    const { user } = await createPerson('support_agent');
    const agent = (await getActorByUserId(user.id))!;
    const placed = await submitBatch(actor, {
      idempotencyKey: randomUUID(),
      type: 'channel',
      fileName: null,
      rows: [{ rowNumber: 2, order: { ...orderFormSchema.parse({ ...validRow(1), type: 'channel', idempotencyKey: randomUUID() }) } }],
    });
    expect(await getBatchForActor(actor, placed.id)).not.toBeNull();
    expect(await getBatchForActor(agent, placed.id)).not.toBeNull();
    expect(await getBatchForActor(stranger, placed.id)).toBeNull();
  });
});

/** `npm run worker` as one process, pointed at this file's database. */
function startWorker(logs: string[]): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=react-server', 'lib/cli/worker.ts'], { env: process.env });
  child.stdout?.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
  return child;
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs: number, logs: string[]) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out; the workers printed:\n${logs.join('').slice(-3000)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('a worker killed in the middle of a batch', () => {
  it('is resumed by the next worker with no row lost or doubled', { timeout: 180_000 }, async () => {
    const actor = await partner();
    const submission = await checkedSubmission(actor);
    const { id } = await submitBatch(actor, submission);
    const placedSoFar = async () =>
      (await db.select({ n: sql<number>`count(*)::int` }).from(orderBatchRows).where(and(eq(orderBatchRows.batchId, id), isNotNull(orderBatchRows.orderId))))[0]!.n;

    const logs: string[] = [];
    const first = startWorker(logs);
    await waitFor(async () => (await placedSoFar()) > 0, 60_000, logs);
    // Frozen at once, so it cannot finish the batch between our look and the kill.
    first.kill('SIGSTOP');
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    const beforeCrash = await placedSoFar();
    expect(beforeCrash).toBeGreaterThan(0);
    expect(beforeCrash).toBeLessThan(submission.rows.length);
    // What the killed worker committed is whole chunks: orders and their rows' marks together.
    expect(await countOf(id)).toBe(beforeCrash);

    const second = startWorker(logs);
    try {
      await waitFor(async () => (await placedSoFar()) === submission.rows.length, 150_000, logs);
    } finally {
      second.kill('SIGTERM');
      await new Promise((resolve) => second.once('exit', resolve));
    }
    await expectEveryRowPlacedOnce(id, submission.rows.map((row) => row.rowNumber));
  });
});
