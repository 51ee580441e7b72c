import { randomUUID } from 'node:crypto';
import { NextRequest } from 'next/server';
import Papa from 'papaparse';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { GET as exportBatch } from '@/app/(portal)/orders/batches/[batchId]/export/route';
import { db } from '@/db';
import { claimOrder, listQueue, recordCredentials } from '@/db/queries/support';
import { getActorByUserId, setUserLocale, type Actor } from '@/db/queries/users';
import { listBatchOrders, submitBatch, unsafePlaceBatchOrders } from '@/db/queries/batches';
import { rowToFormInput } from '@/lib/batches/check';
import { generatePassword } from '@/lib/credentials/password';
import { orderFormSchema } from '@/lib/validations/order';
import { validRow } from '@/tests/support/batch-file';
import { factories } from '@/tests/support/factories';

// The route runs without Next.js: the session is whoever `signedIn` names, texts come from the real catalogues.
const signedIn = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock('@/lib/auth', () => ({ getSessionUserId: async () => signedIn.userId }));
vi.mock('next-intl/server', async () => {
  const { getTranslator } = await import('@/lib/i18n/translator');
  return { getTranslations: async ({ locale }: { locale: 'en' | 'fi' | 'sv' }) => getTranslator(locale) };
});

const { createPerson } = factories(db);
const actorOf = async (role: 'partner_admin' | 'support_agent', kind?: 'ecr_integrator') => {
  const { user } = await createPerson(role, kind);
  return (await getActorByUserId(user.id))!;
};

/** A placed batch of `count` channel accounts; the first row's recipient is named like a formula. */
async function placedBatch(actor: Actor, count: number) {
  const rows = Array.from({ length: count }, (_, index) => ({
    rowNumber: index + 2,
    order: orderFormSchema.parse(
      rowToFormInput({ rowNumber: index + 2, cells: { ...validRow(index), recipientName: index === 0 ? '=HYPERLINK("x")' : `Åsa Öberg ${index}` } }, 'channel'),
    ),
  }));
  const { id } = await submitBatch(actor, { idempotencyKey: randomUUID(), type: 'channel', fileName: 'tunnukset.xlsx', rows: rows.map(({ rowNumber, order }) => ({ rowNumber, order })) });
  await unsafePlaceBatchOrders(id);
  return id;
}

const download = (batchId: string) =>
  exportBatch(new NextRequest(`http://localhost/orders/batches/${batchId}/export`), { params: Promise.resolve({ batchId }) });

beforeEach(() => {
  signedIn.userId = null;
});

describe("support's queue by batch", () => {
  it("lists only the batch's orders, in the file's order", async () => {
    const partner = await actorOf('partner_admin');
    const agent = await actorOf('support_agent');
    const batchId = await placedBatch(partner, 5);
    await placedBatch(partner, 2);

    const { rows: queue } = await listQueue(agent, { batch: batchId });
    const inFileOrder = await listBatchOrders(batchId);
    expect(queue.map((order) => order.id)).toEqual(inFileOrder.map((order) => order.id));
    expect(queue[0]!.batchNumber).toEqual(expect.any(Number));
    expect(queue.every((order) => order.batchNumber === queue[0]!.batchNumber)).toBe(true);

    // Page by page (two a page), still in the file's order, each order once.
    const paged: string[] = [];
    let after: string | undefined;
    do {
      const page = await listQueue(agent, { batch: batchId, after }, 2);
      paged.push(...page.rows.map((order) => order.id));
      after = page.nextCursor;
    } while (after);
    expect(paged).toEqual(inFileOrder.map((order) => order.id));
  });
});

describe('the CSV export of a batch', () => {
  it('has each order with its state and username once created, never a password, in the reader\'s language', async () => {
    const partner = await actorOf('partner_admin', 'ecr_integrator');
    const agentActor = await actorOf('support_agent');
    const batchId = await placedBatch(partner, 3);
    const [first] = await listBatchOrders(batchId);
    await claimOrder(agentActor, first!.id);
    const password = generatePassword();
    await recordCredentials(agentActor, first!.id, { username: 'kahvila-1', password });

    await setUserLocale(partner.userId, 'fi');
    signedIn.userId = partner.userId;
    const response = await download(batchId);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename="batch-\d+\.csv"/);
    const bytes = Buffer.from(await response.arrayBuffer());
    // The BOM tells Excel the file is UTF-8 (without it, ä and ö come out garbled).
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).not.toContain(password);
    const { data } = Papa.parse<string[]>(text.slice(1), { delimiter: ';', skipEmptyLines: true });
    expect(data[0]).toEqual(['Rivi', 'Tilaus', 'Tila', 'Tyyppi', 'Vastaanottaja', 'Vastaanottajan sähköposti', 'Kauppias', 'Y-tunnus', 'Lähetetty', 'Määräaika', 'Valmistunut', 'Käyttäjätunnus']);
    expect(data.slice(1).map((row) => row[0])).toEqual(['2', '3', '4']);
    expect(data[1]![11]).toBe('kahvila-1');
    expect(data[2]![4]).toBe('Åsa Öberg 1');
    // Excel would run a cell starting with "="; the export writes it as text.
    expect(data[1]![4]).toBe('\'=HYPERLINK("x")');
  });

  it('is a 404 for another organisation, as for a batch that does not exist', async () => {
    const partner = await actorOf('partner_admin');
    const stranger = await actorOf('partner_admin');
    const batchId = await placedBatch(partner, 1);
    signedIn.userId = stranger.userId;
    expect((await download(batchId)).status).toBe(404);
    expect((await download(randomUUID())).status).toBe(404);
    signedIn.userId = null;
    expect((await download(batchId)).status).toBe(401);
  });
});
