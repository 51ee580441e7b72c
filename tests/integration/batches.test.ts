import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { checkBatchForActor, findOpenOrdersByBusinessId } from '@/db/queries/batches';
import { createOrder } from '@/db/queries/orders';
import { getActorByUserId, type Actor } from '@/db/queries/users';
import { ecrProducts, orders } from '@/db/schema';
import { columnNames } from '@/lib/batches/column-names';
import { parseBatchFile } from '@/lib/batches/parse';
import { orderFormSchema } from '@/lib/validations/order';
import { factories } from '@/tests/support/factories';
import { generateBatch, OPEN_ORDER_BUSINESS_ID, validRow } from '@/tests/support/batch-file';

const { createPerson } = factories(db);

async function partner(): Promise<Actor> {
  const { user } = await createPerson('partner_admin', 'reseller');
  return (await getActorByUserId(user.id))!;
}

/** An order of the actor's organisation for a business ID, as the form places it. */
async function place(actor: Actor, merchantBusinessId: string, type: 'merchant' | 'merchant_rights' = 'merchant_rights') {
  const row = validRow(7000);
  return createOrder(
    actor,
    orderFormSchema.parse({ ...row, type, merchantBusinessId, merchantCountry: 'FI', recipientLocale: 'fi', idempotencyKey: randomUUID() }),
  );
}

describe('checking a batch against the database', () => {
  it('flags the row matching an open order of the organisation, and takes the catalogue from the database', async () => {
    await db.insert(ecrProducts).values({ supplierName: 'Retail Systems Nordic Oy', ecrName: 'RSN Kassa', integrationName: 'RSN Kassa Cloud' }).onConflictDoNothing();
    const actor = await partner();
    const open = await place(actor, OPEN_ORDER_BUSINESS_ID);
    const { csv, expected, warnings } = generateBatch();

    const verdicts = await checkBatchForActor(actor, await parseBatchFile(new TextEncoder().encode(csv), { type: 'merchant_rights', columnNames }), 'merchant_rights');

    const invalid = verdicts.filter((verdict) => verdict.verdict === 'invalid');
    expect(invalid.map((verdict) => [verdict.rowNumber, verdict.problems.map((problem) => problem.message)])).toEqual(
      expected.map((problem) => [problem.rowNumber, [problem.message]]),
    );
    const openRow = expected.find((problem) => problem.message === 'batch.openOrder')!;
    expect(verdicts.find((verdict) => verdict.rowNumber === openRow.rowNumber)!.problems[0]!.values).toEqual({ number: open.number });
    const warned = verdicts.filter((verdict) => verdict.problems.some((problem) => problem.severity === 'warning'));
    expect(warned.map((verdict) => verdict.rowNumber)).toEqual(warnings);
  });

  it('counts only open orders of the same type and organisation', async () => {
    const actor = await partner();
    const other = await partner();
    const id = OPEN_ORDER_BUSINESS_ID;
    await place(other, id);
    await place(actor, id, 'merchant');
    const cancelled = await place(actor, id);
    await db.update(orders).set({ state: 'cancelled' }).where(eq(orders.id, cancelled.id));
    expect(await findOpenOrdersByBusinessId(actor, 'merchant_rights', [id])).toEqual([]);

    const open = await place(actor, id);
    expect(await findOpenOrdersByBusinessId(actor, 'merchant_rights', [id])).toEqual([{ merchantBusinessId: id, number: open.number }]);
  });
});
