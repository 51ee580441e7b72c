/**
 * npm run bench:batches – reading and checking a 1,000-row bulk-order file (CSV and XLSX), the
 * work the upload page does before it shows the preview. No database: the catalogue and open
 * orders are given, as db/queries/batches.ts would fetch them in two queries. `measureBatchCheck`
 * is what bench/run.ts can call when batches join the main benchmark.
 */
import { performance } from 'node:perf_hooks';
import writeXlsxFile from 'write-excel-file/universal';
import { columnNames } from '@/lib/batches/column-names';
import { checkBatchRows } from '@/lib/batches/check';
import { parseBatchFile } from '@/lib/batches/parse';
import { CATALOGUE, generateBatch, OPEN_ORDER_BUSINESS_ID } from '@/tests/support/batch-file';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

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
  const results: Record<string, { bytes: number; parseMs: number; checkMs: number; totalMs: number; firstRunMs: number }> = {};
  for (const [format, bytes] of Object.entries(files)) {
    const parse: number[] = [];
    const check: number[] = [];
    for (let run = 0; run <= runs; run++) {
      const start = performance.now();
      const file = await parseBatchFile(bytes, { type: 'merchant_rights', columnNames });
      const parsed = performance.now();
      checkBatchRows(file, context);
      parse.push(parsed - start);
      check.push(performance.now() - parsed);
    }
    // The first run loads libphonenumber's metadata and warms the JIT: reported apart.
    const firstRunMs = parse[0]! + check[0]!;
    results[format] = { bytes: bytes.byteLength, parseMs: median(parse.slice(1)), checkMs: median(check.slice(1)), totalMs: median(parse.slice(1).map((ms, i) => ms + check[i + 1]!)), firstRunMs };
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = await measureBatchCheck();
  console.log('| 1,000 rows | size | parse (median) | check (median) | total (median) | first run |');
  console.log('|---|---|---|---|---|---|');
  for (const [format, result] of Object.entries(results)) {
    const ms = (value: number) => `${value.toFixed(1)} ms`;
    console.log(`| ${format} | ${(result.bytes / 1024).toFixed(0)} KiB | ${ms(result.parseMs)} | ${ms(result.checkMs)} | ${ms(result.totalMs)} | ${ms(result.firstRunMs)} |`);
  }
}
