/**
 * Bulk ordering at its largest. `measureBatchCheck` (alone: npm run bench:batches, no database)
 * reads and checks a 1,000-row file (CSV and XLSX), the work the upload does before the preview,
 * with the catalogue and open orders given as db/queries/batches.ts fetches them in two queries;
 * it also reports the longest the server's event loop was blocked meanwhile, which is how long
 * other requests to that server would wait. `runBatchSubmit` (npm run bench, part `batches`)
 * submits the file's 960 good rows for a fresh partner and runs the placing job until the last
 * row is an order: orders per second.
 */
import { randomUUID } from 'node:crypto';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type pg from 'pg';
import writeXlsxFile from 'write-excel-file/universal';
import { columnNames } from '@/lib/batches/column-names';
import { checkBatchRows } from '@/lib/batches/check';
import { parseBatchFile } from '@/lib/batches/parse';
import { CATALOGUE, generateBatch, OPEN_ORDER_BUSINESS_ID } from '@/tests/support/batch-file';
import { median } from './stats';

async function xlsxOf(rows: string[][]) {
  const blob = await writeXlsxFile(rows.map((row) => row.map((value) => ({ value, type: String })))).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}

export async function measureBatchCheck({ runs = 10 } = {}) {
  const { csv, header, data, fields } = generateBatch();
  const files = {
    csv: new TextEncoder().encode(csv),
    xlsx: await xlsxOf([header, ...data.map((row) => fields.map((field) => row[field]))]),
  };
  const context = { type: 'merchant_rights' as const, catalogue: CATALOGUE, openOrders: [{ merchantBusinessId: OPEN_ORDER_BUSINESS_ID, number: 1 }] };
  const results: Record<string, { bytes: number; parseMs: number; checkMs: number; totalMs: number; firstRunMs: number; longestBlockMs: number }> = {};
  for (const [format, bytes] of Object.entries(files)) {
    const parse: number[] = [];
    const check: number[] = [];
    const blocked = monitorEventLoopDelay({ resolution: 10 });
    for (let run = 0; run <= runs; run++) {
      // A turn of the event loop between runs, as between two requests; the cold first run is reported apart.
      await new Promise((resolve) => setImmediate(resolve));
      if (run === 1) blocked.enable();
      const start = performance.now();
      const file = await parseBatchFile(bytes, { type: 'merchant_rights', columnNames });
      const parsed = performance.now();
      await checkBatchRows(file, context);
      parse.push(parsed - start);
      check.push(performance.now() - parsed);
    }
    // The first run loads libphonenumber's metadata and warms the JIT: reported apart.
    const firstRunMs = parse[0]! + check[0]!;
    blocked.disable();
    results[format] = {
      bytes: bytes.byteLength,
      parseMs: median(parse.slice(1)),
      checkMs: median(check.slice(1)),
      totalMs: median(parse.slice(1).map((ms, i) => ms + check[i + 1]!)),
      firstRunMs,
      longestBlockMs: blocked.max / 1e6,
    };
  }
  return results;
}

export interface BatchSubmitResult {
  rows: number;
  /** submitBatch: the batch, its rows and its job in one transaction. */
  submitMs: number;
  /** From the submit to the last row placed, by the job's handler in this process. */
  placeSeconds: number;
  ordersPerSecond: number;
  orders: number;
}

/** Submits the generated file's good rows for a fresh partner and places them: `runs` times. */
export async function runBatchSubmit({ client, runs = 3, log }: { client: pg.Client; runs?: number; log: (line: string) => void }) {
  const [{ benchPartner }, { checkBatchForActor, submitBatch, unsafePlaceBatchOrders }, { getActorByUserId }] = await Promise.all([
    import('./bench-partner'),
    import('@/db/queries/batches'),
    import('@/db/queries/users'),
  ]);
  const results: BatchSubmitResult[] = [];
  for (let run = 0; run < runs; run++) {
    // A partner of its own each run: the last run's orders would be open orders matching every row.
    const partner = await benchPartner(client, { label: `Batch ${randomUUID().slice(0, 8)}`, slug: `batch-${randomUUID().slice(0, 8)}` });
    const actor = (await getActorByUserId(partner.userId))!;
    const file = await parseBatchFile(new TextEncoder().encode(generateBatch().csv), { type: 'merchant_rights', columnNames });
    const verdicts = await checkBatchForActor(actor, file, 'merchant_rights');
    const rows = verdicts.flatMap((verdict) => (verdict.order ? [{ rowNumber: verdict.rowNumber, order: verdict.order }] : []));
    const started = performance.now();
    const batch = await submitBatch(actor, { idempotencyKey: randomUUID(), type: 'merchant_rights', fileName: 'bench.csv', rows });
    const submitted = performance.now();
    await unsafePlaceBatchOrders(batch.id);
    const placed = performance.now();
    const { rows: [count] } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM orders WHERE batch_id = $1', [batch.id]);
    const placeSeconds = (placed - started) / 1000;
    results.push({ rows: rows.length, submitMs: Math.round(submitted - started), placeSeconds: Number(placeSeconds.toFixed(2)), ordersPerSecond: Math.round(count!.n / placeSeconds), orders: count!.n });
    log(`  batch ${run + 1}: ${count!.n} orders in ${placeSeconds.toFixed(2)} s (${Math.round(count!.n / placeSeconds)}/s)`);
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = await measureBatchCheck();
  const { batchCheckTable } = await import('./report');
  console.log(batchCheckTable(results));
}
