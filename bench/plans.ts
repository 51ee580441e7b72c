/**
 * Query plans at full size: the app's own query functions run once with the pool's `query`
 * recording every statement and its parameters, then each statement is run again under
 * EXPLAIN (ANALYZE, BUFFERS). The plans are of the exact SQL the pages send.
 */
import type pg from 'pg';

export interface RecordedQuery {
  text: string;
  values: unknown[];
}

export interface Plan {
  /** Which page or function, and which statement of it. */
  label: string;
  sql: string;
  plan: string;
  executionMs: number;
  /** Relations read by a sequential scan (any, not only orders). */
  seqScans: string[];
}

/** Runs `work` and returns what it sent through `pool.query`. */
export async function recordQueries(pool: pg.Pool, work: () => Promise<unknown>): Promise<RecordedQuery[]> {
  const recorded: RecordedQuery[] = [];
  const original = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
  const patched = (config: unknown, values?: unknown) => {
    const text = typeof config === 'string' ? config : (config as { text: string }).text;
    const params = (Array.isArray(values) ? values : ((config as { values?: unknown[] })?.values ?? [])) as unknown[];
    recorded.push({ text, values: params });
    return original(config, values);
  };
  (pool as unknown as { query: typeof patched }).query = patched;
  try {
    await work();
  } finally {
    (pool as unknown as { query: typeof original }).query = original;
  }
  return recorded;
}

export async function explain(client: pg.Client, label: string, query: RecordedQuery): Promise<Plan> {
  const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${query.text}`, query.values);
  const plan = rows.map((row) => row['QUERY PLAN']).join('\n');
  const executionMs = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? NaN);
  const seqScans = [...plan.matchAll(/Seq Scan on (\w+)/g)].map((match) => match[1]!);
  return { label, sql: inlineParameters(query), plan, executionMs, seqScans: [...new Set(seqScans)] };
}

/** The statement with its parameters written in, for reading (and pasting into psql). */
function inlineParameters(query: RecordedQuery) {
  return query.text.replace(/\$(\d+)/g, (_, index: string) => {
    const value = query.values[Number(index) - 1];
    if (value === null || value === undefined) return 'NULL';
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    const text = value instanceof Date ? value.toISOString() : String(value);
    return `'${text.replaceAll("'", "''")}'`;
  });
}

/** Plans as a text file: a summary first (time, sequential scans), then each plan in full. */
export function formatPlans(plans: Plan[], header: string) {
  const summary = plans.map((plan) => {
    const flag = plan.seqScans.includes('orders') || plan.seqScans.includes('order_events') ? '  <-- SEQ SCAN ON ' + plan.seqScans.filter((name) => name === 'orders' || name === 'order_events').join(', ') : '';
    const others = plan.seqScans.filter((name) => name !== 'orders' && name !== 'order_events');
    return `${plan.executionMs.toFixed(2).padStart(9)} ms  ${plan.label}${others.length ? `  (seq scan: ${others.join(', ')})` : ''}${flag}`;
  });
  const details = plans.map((plan) => `-- ${plan.label}\n${plan.sql};\n\n${plan.plan}\n`);
  return `${header}\n\n${summary.join('\n')}\n\n${'='.repeat(100)}\n\n${details.join(`\n${'-'.repeat(100)}\n\n`)}`;
}
