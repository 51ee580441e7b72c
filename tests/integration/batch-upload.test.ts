import { count, eq } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import Papa from 'papaparse';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { randomUUID } from 'node:crypto';
import { POST as checkRoute } from '@/app/api/orders/batches/check/route';
import { POST as submitRoute } from '@/app/api/orders/batches/submit/route';
import { GET as templateRoute } from '@/app/api/orders/batches/template/route';
import { db } from '@/db';
import { orderBatchRows, orderBatches, orders, users } from '@/db/schema';
import { unsafePlaceBatchOrders } from '@/db/queries/batches';
import { columnNames } from '@/lib/batches/column-names';
import { columnsFor, type BatchField } from '@/lib/batches/columns';
import { MAX_BATCH_BYTES } from '@/lib/batches/limits';
import type { BatchPreview } from '@/lib/batches/preview';
import { bodyLimits } from '@/lib/http/body-limit';
import type { CellEdit } from '@/lib/validations/batches';
import { businessId, validRow } from '@/tests/support/batch-file';
import { factories } from '@/tests/support/factories';

// The route handlers run here without Next.js (vi.mock is hoisted above the imports): the session
// is whoever `signedIn` names, and a translation is its key with its values, so the tests read
// which message the handler chose and with what.
const signedIn = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock('@/lib/auth', () => ({ getSessionUserId: async () => signedIn.userId }));
vi.mock('next-intl/server', () => ({
  getTranslations: async (namespace: string) =>
    Object.assign(
      // An empty {detail} is what translateFieldErrors passes to every message.
      (key: string, values?: Record<string, unknown>) => `${namespace}.${key}${values && Object.values(values).some((value) => value !== '') ? ' ' + JSON.stringify(values) : ''}`,
      { has: () => true },
    ),
}));

const data = factories(db);
const noParams = { params: Promise.resolve({}) };

async function signIn(role: 'partner_admin' | 'partner_member' | 'support_agent' | 'support_admin' = 'partner_member') {
  const person = await data.createPerson(role);
  signedIn.userId = person.user.id;
  return person;
}

/** A merchant file in Finnish, rows from validRow(n) with `overrides` per data row. */
function merchantCsv(overrides: Partial<Record<BatchField, string>>[]) {
  const fields = columnsFor('merchant').map((column) => column.field);
  const rows = overrides.map((override, index) => {
    const row = { ...validRow(index), ...override };
    return fields.map((field) => row[field]);
  });
  return Papa.unparse([fields.map((field) => columnNames.fi[field]), ...rows], { delimiter: ';', newline: '\r\n' });
}

function upload(fields: { type?: string; file?: Blob | string; fileName?: string; edits?: CellEdit[] | string; [name: string]: unknown }) {
  const body = new FormData();
  if (fields.type !== undefined) body.set('type', fields.type);
  if (fields.file !== undefined) body.set('file', typeof fields.file === 'string' ? new Blob([fields.file]) : fields.file, fields.fileName ?? 'kauppiaat.csv');
  if (fields.edits !== undefined) body.set('edits', typeof fields.edits === 'string' ? fields.edits : JSON.stringify(fields.edits));
  for (const [name, value] of Object.entries(fields)) if (!['type', 'file', 'fileName', 'edits'].includes(name)) body.set(name, String(value));
  return new NextRequest('http://portal.test/api/orders/batches/check', { method: 'POST', body });
}

async function submit(fields: Parameters<typeof upload>[0]) {
  const response = await submitRoute(upload(fields), noParams);
  return {
    status: response.status,
    body: (await response.json()) as { batch?: { id: string; number: number }; preview?: BatchPreview; error?: { code: string; fieldErrors?: Record<string, string[]> } },
  };
}

const batchesOf = (organisationId: string) => db.select().from(orderBatches).where(eq(orderBatches.organisationId, organisationId));

async function check(request: NextRequest) {
  const response = await checkRoute(request, noParams);
  return { status: response.status, body: (await response.json()) as BatchPreview & { error?: { code: string; fieldErrors?: Record<string, string[]> } } };
}

const orderCount = async () => (await db.select({ n: count() }).from(orders))[0]!.n;
const problemsOf = (preview: BatchPreview, rowNumber: number) =>
  preview.verdicts.find((verdict) => verdict.rowNumber === rowNumber)!.problems.map(({ column, message, values, severity }) => ({ column, message, values, severity }));

beforeEach(() => {
  signedIn.userId = null;
});

describe('POST /api/orders/batches/check', () => {
  it("answers every row's verdict with the form's message under the file's own header, and writes nothing", async () => {
    await signIn();
    const before = await orderCount();
    const wrongDigit = businessId(1).slice(0, -1) + ((Number(businessId(1).at(-1)) + 1) % 10);
    const { status, body } = await check(upload({ type: 'merchant', file: merchantCsv([{}, { merchantBusinessId: wrongDigit, merchantName: 'Äänekosken Öljy & Åland' }, {}]) }));

    expect(status).toBe(200);
    expect(body.verdicts.map((verdict) => [verdict.rowNumber, verdict.verdict])).toEqual([
      [2, 'ok'],
      [3, 'invalid'],
      [4, 'ok'],
    ]);
    expect(problemsOf(body, 3)).toEqual([{ column: 'Y-tunnus', message: 'businessIdCheckDigit', values: undefined, severity: 'error' }]);
    expect(body.rows[1]!.cells.merchantName).toBe('Äänekosken Öljy & Åland');
    // The orders the rows would place stay on the server.
    expect(body.verdicts[0]).not.toHaveProperty('order');
    expect(await orderCount()).toBe(before);
  });

  it('checks the file again with the edits, across rows: a fix clears a problem, an edit into a duplicate makes one', async () => {
    await signIn();
    const file = merchantCsv([{}, { recipientPhone: '040 123 4567' }]);
    const fixed = await check(upload({ type: 'merchant', file, edits: [{ rowNumber: 3, field: 'recipientPhone', value: '+358 40 765 4321' }] }));
    expect(fixed.body.verdicts.map((verdict) => verdict.verdict)).toEqual(['ok', 'ok']);
    expect(fixed.body.rows[1]!.cells.recipientPhone).toBe('+358 40 765 4321');

    const duplicated = await check(
      upload({
        type: 'merchant',
        file,
        edits: [
          { rowNumber: 3, field: 'recipientPhone', value: '+358 40 765 4321' },
          { rowNumber: 3, field: 'merchantBusinessId', value: businessId(0) },
          // Rows and columns the file does not have are not added.
          { rowNumber: 99, field: 'merchantName', value: 'Uusi rivi' },
        ],
      }),
    );
    expect(problemsOf(duplicated.body, 3)).toEqual([{ column: 'Y-tunnus', message: 'batch.duplicateInFile', values: { row: 2 }, severity: 'error' }]);
    expect(duplicated.body.rows).toHaveLength(2);
  });

  it('refuses a missing type or file and malformed edits beside their fields', async () => {
    await signIn();
    const refused = await check(upload({ file: merchantCsv([{}]), edits: 'not json' }));
    expect(refused.status).toBe(422);
    expect(refused.body.error!.fieldErrors).toEqual({ type: ['validation.typeRequired'], edits: ['validation.batch.editsInvalid'] });

    // A form sent without choosing a file carries an empty, nameless one.
    const noFile = await check(upload({ type: 'merchant', file: new Blob([]), fileName: '' }));
    expect(noFile.body.error!.fieldErrors).toEqual({ file: ['validation.batch.fileRequired'] });
  });

  it("refuses a whole file with the parser's reason, a missing column named in the reader's language", async () => {
    await signIn();
    const withoutBusinessId = merchantCsv([{}]).replace(';Y-tunnus', '');
    const { status, body } = await check(upload({ type: 'merchant', file: withoutBusinessId }));
    expect(status).toBe(422);
    expect(body.error!.fieldErrors).toEqual({ file: ['batches.errors.missingColumn {"column":"batches.columns.merchantBusinessId"}'] });

    const headerOnly = await check(upload({ type: 'merchant', file: merchantCsv([]) }));
    expect(headerOnly.body.error!.fieldErrors).toEqual({ file: ['batches.errors.noRows'] });
  });

  it('takes a file of up to 2 MB, refuses a larger one by its size, and stops reading a body past the limit', async () => {
    await signIn();
    // Within the body limit but over the file limit: the parser's own message.
    const overFile = await check(upload({ type: 'merchant', file: new Blob([new Uint8Array(MAX_BATCH_BYTES + 1).fill(0x41)]) }));
    expect(overFile.status).toBe(422);
    expect(overFile.body.error!.fieldErrors).toEqual({ file: ['batches.errors.tooLarge {"maxMegabytes":2}'] });

    // Over the body limit, declared or streamed without a length: 413, never read whole.
    const overBody = await check(upload({ type: 'merchant', file: new Blob([new Uint8Array(bodyLimits.batchUpload + 1)]) }));
    expect(overBody.status).toBe(413);
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 64 * 1024;
        controller.enqueue(new Uint8Array(64 * 1024));
      },
    });
    const streamed = new NextRequest(
      new Request('http://portal.test/api/orders/batches/check', {
        method: 'POST',
        body: endless,
        headers: { 'content-type': 'multipart/form-data; boundary=x' },
        duplex: 'half',
      } as RequestInit),
    );
    expect((await checkRoute(streamed, noParams)).status).toBe(413);
    expect(sent).toBeLessThan(bodyLimits.batchUpload + 256 * 1024);
  });

  it("refuses another site's page posting with the person's cookie", async () => {
    await signIn();
    const body = new FormData();
    body.set('type', 'merchant');
    body.set('file', new Blob([merchantCsv([{}])]), 'kauppiaat.csv');
    const post = (origin: string) => checkRoute(new NextRequest('http://portal.test/api/orders/batches/check', { method: 'POST', body, headers: { origin, host: 'portal.test' } }), noParams);
    expect((await post('https://evil.example')).status).toBe(403);
    expect((await post('http://portal.test')).status).toBe(200);
  });

  it('is for partners who order: signed out is 401, support 403', async () => {
    expect((await check(upload({ type: 'merchant', file: merchantCsv([{}]) }))).status).toBe(401);
    await signIn('support_agent');
    expect((await check(upload({ type: 'merchant', file: merchantCsv([{}]) }))).status).toBe(403);
    await signIn('partner_admin');
    expect((await check(upload({ type: 'merchant', file: merchantCsv([{}]) }))).status).toBe(200);
  });

  it("checks against the caller's own organisation only, whatever the form says", async () => {
    const other = await data.createPerson('partner_admin');
    await data.createOrder({ organisationId: other.organisation.id, createdByUserId: other.user.id, type: 'merchant', merchantBusinessId: businessId(0), merchantName: 'Muu Oy', merchantCountry: 'FI' });
    const me = await signIn();
    // Another organisation's open order for the same merchant is no concern of this file…
    const request = () => upload({ type: 'merchant', file: merchantCsv([{}]), organisationId: other.organisation.id });
    expect(problemsOf((await check(request())).body, 2)).toEqual([]);

    // …while the caller's own is.
    const own = await data.createOrder({ organisationId: me.organisation.id, createdByUserId: me.user.id, type: 'merchant', merchantBusinessId: businessId(0), merchantName: 'Oma Oy', merchantCountry: 'FI' });
    expect(problemsOf((await check(request())).body, 2)).toEqual([
      { column: 'Y-tunnus', message: 'batch.openOrder', values: { number: own.number }, severity: 'error' },
    ]);
  });
});

describe('GET /api/orders/batches/template', () => {
  const template = (query: string) => templateRoute(new NextRequest(`http://portal.test/api/orders/batches/template?${query}`), noParams);

  it("is the type's columns in the reader's language with an example row, as CSV or XLSX", async () => {
    const { user } = await signIn();
    await db.update(users).set({ locale: 'fi' }).where(eq(users.id, user.id));
    const csv = await template('type=merchant_rights&format=csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="cloudpos-merchant-rights-orders.csv"');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await csv.arrayBuffer());
    expect(text.startsWith('\uFEFFVastaanottajan nimi;')).toBe(true);
    expect(text).toContain('Kahvila Aurinko Oy');

    const xlsx = await template('type=merchant&format=xlsx');
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses an unknown type or format, and anyone who does not order', async () => {
    await signIn();
    expect((await template('type=gold&format=csv')).status).toBe(422);
    expect((await template('type=merchant&format=pdf')).status).toBe(422);
    signedIn.userId = null;
    expect((await template('type=merchant&format=csv')).status).toBe(401);
    await signIn('support_admin');
    expect((await template('type=merchant&format=csv')).status).toBe(403);
  });
});

describe('POST /api/orders/batches/submit', () => {
  const wrongDigit = businessId(2).slice(0, -1) + ((Number(businessId(2).at(-1)) + 1) % 10);
  const file = () => merchantCsv([{ merchantName: 'Äijälän Kahvila' }, { merchantName: 'Öljymäen Kukka' }, { merchantBusinessId: wrongDigit }, { merchantName: 'Åbo Glass' }]);

  it('checks every row again and submits only the ready ones, as one batch of the caller\'s organisation', async () => {
    const me = await signIn();
    const other = await data.createPerson('partner_admin');
    const { status, body } = await submit({ type: 'merchant', file: file(), fileName: 'kauppiaat\u0000.csv', clientKey: randomUUID(), readyRows: 3, organisationId: other.organisation.id });
    expect(status).toBe(201);

    const [batch] = await batchesOf(me.organisation.id);
    expect(batch).toMatchObject({ id: body.batch!.id, number: body.batch!.number, type: 'merchant', fileName: 'kauppiaat.csv', rowCount: 3, createdByUserId: me.user.id });
    expect(await batchesOf(other.organisation.id)).toEqual([]);
    const rows = await db.select({ rowNumber: orderBatchRows.rowNumber }).from(orderBatchRows).where(eq(orderBatchRows.batchId, batch!.id));
    expect(rows.map((row) => row.rowNumber).sort()).toEqual([2, 3, 5]);

    await unsafePlaceBatchOrders(batch!.id);
    const placed = await db.select({ name: orders.merchantName, organisationId: orders.organisationId }).from(orders).where(eq(orders.batchId, batch!.id));
    expect(placed.map((order) => order.name).sort()).toEqual(['Äijälän Kahvila', 'Åbo Glass', 'Öljymäen Kukka']);
    expect(placed.every((order) => order.organisationId === me.organisation.id)).toBe(true);
  });

  it('with the fixes made in the preview, and a fixed row then counts', async () => {
    const me = await signIn();
    const edits = [{ rowNumber: 4, field: 'merchantBusinessId' as const, value: businessId(2) }];
    expect((await submit({ type: 'merchant', file: file(), edits, clientKey: randomUUID(), readyRows: 4 })).status).toBe(201);
    expect((await batchesOf(me.organisation.id))[0]!.rowCount).toBe(4);
  });

  it('makes one batch however often the same preview submits, also once its orders are open', async () => {
    const me = await signIn();
    const clientKey = randomUUID();
    const request = () => submit({ type: 'merchant', file: file(), clientKey, readyRows: 3 });
    const [first, second] = await Promise.all([request(), request()]);
    expect([first.status, second.status].sort()).toEqual([200, 201]);
    expect(second.body.batch).toEqual(first.body.batch);

    // Placed, the rows' orders are open orders of the same merchants: a retry still finds the batch.
    await unsafePlaceBatchOrders(first.body.batch!.id);
    const retry = await request();
    expect(retry).toEqual({ status: 200, body: { batch: first.body.batch } });
    expect(await batchesOf(me.organisation.id)).toHaveLength(1);
  });

  it('submits nothing when its check finds other rows ready than the person confirmed, and answers the rows as checked now', async () => {
    const me = await signIn();
    // Meanwhile someone placed an order for the first row's merchant.
    const open = await data.createOrder({ organisationId: me.organisation.id, createdByUserId: me.user.id, type: 'merchant', merchantBusinessId: businessId(0), merchantName: 'Äijälän Kahvila', merchantCountry: 'FI' });
    const { status, body } = await submit({ type: 'merchant', file: file(), clientKey: randomUUID(), readyRows: 3 });
    expect(status).toBe(409);
    expect(body.error!.code).toBe('CONFLICT');
    expect(problemsOf(body.preview!, 2)).toEqual([{ column: 'Y-tunnus', message: 'batch.openOrder', values: { number: open.number }, severity: 'error' }]);
    expect(await batchesOf(me.organisation.id)).toEqual([]);
  });

  it("keeps another organisation's batch out of reach of its key", async () => {
    const clientKey = randomUUID();
    const first = await signIn();
    const theirs = await submit({ type: 'merchant', file: file(), clientKey, readyRows: 3 });
    const second = await signIn();
    const mine = await submit({ type: 'merchant', file: file(), clientKey, readyRows: 3 });
    expect(mine.status).toBe(201);
    expect(mine.body.batch!.id).not.toBe(theirs.body.batch!.id);
    expect(await batchesOf(first.organisation.id)).toHaveLength(1);
    expect(await batchesOf(second.organisation.id)).toHaveLength(1);
  });

  it('refuses without a key or a count, a file over the limit, and anyone who does not order, writing nothing', async () => {
    const me = await signIn();
    const refused = await submit({ type: 'merchant', file: file(), clientKey: 'not-a-uuid' });
    expect(refused.status).toBe(422);
    expect(Object.keys(refused.body.error!.fieldErrors!).sort()).toEqual(['clientKey', 'readyRows']);
    expect((await submit({ type: 'merchant', file: new Blob([new Uint8Array(bodyLimits.batchUpload + 1)]), clientKey: randomUUID(), readyRows: 1 })).status).toBe(413);
    expect(await batchesOf(me.organisation.id)).toEqual([]);

    const support = await signIn('support_admin');
    expect((await submit({ type: 'merchant', file: file(), clientKey: randomUUID(), readyRows: 3 })).status).toBe(403);
    signedIn.userId = null;
    expect((await submit({ type: 'merchant', file: file(), clientKey: randomUUID(), readyRows: 3 })).status).toBe(401);
    expect(await batchesOf(support.organisation.id)).toEqual([]);
  });
});
