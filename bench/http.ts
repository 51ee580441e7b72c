/**
 * The HTTP measurements: autocannon against the production server, each scenario checked once
 * for the answer a browser would get (not a redirect to sign-in, not an error) before it is
 * measured. Latencies are every response's own time, so the percentiles are exact.
 */
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import type pg from 'pg';
import { BENCH_URL } from './env';

export interface Scenario {
  key: string;
  label: string;
  /** The app route it exercises, for the client weight column. */
  route: string;
  method: 'GET' | 'POST';
  /** Paths taken in turn, one per request (a single path is fine). */
  paths: string[];
  headers: Record<string, string>;
  /** A fresh body per request. */
  body?: () => string;
  /** Headers made fresh per request (an Idempotency-Key), on top of `headers`. */
  freshHeaders?: () => Record<string, string>;
  /** Whether a response is the real thing, checked on one request before measuring. */
  expect: { status: number; contains: string };
}

export interface Measurement {
  scenario: string;
  connections: number;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** Responses that were not 2xx, plus connection errors and timeouts. */
  failures: number;
  bytesPerResponse: number;
  /**
   * The server's CPU time (user and system, every thread) over the measurement, per request:
   * what a request costs the server, whether or not a garbage-collection pause fell on its p95.
   */
  cpuMsPerRequest?: number;
  /** With --rounds: every round's p95, rate and CPU (this measurement is the median round). */
  rounds?: Round[];
}

export type Round = Pick<Measurement, 'p95' | 'rps' | 'cpuMsPerRequest'>;

function percentile(sorted: number[], p: number) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** One request as autocannon would send it, with fetch: status and body for the check. */
export async function probe(scenario: Scenario) {
  const response = await fetch(`${BENCH_URL}${scenario.paths[0]}`, {
    method: scenario.method,
    headers: { ...scenario.headers, ...scenario.freshHeaders?.() },
    body: scenario.body?.(),
    redirect: 'manual',
  });
  const text = await response.text();
  if (response.status !== scenario.expect.status || !text.includes(scenario.expect.contains)) {
    throw new Error(
      `${scenario.label}: expected ${scenario.expect.status} containing ${JSON.stringify(scenario.expect.contains)}, got ${response.status}: ${text.slice(0, 400)}`,
    );
  }
  return { status: response.status, bytes: Buffer.byteLength(text) };
}

export async function measure(scenario: Scenario, connections: number, durationSeconds: number): Promise<Measurement> {
  const latencies: number[] = [];
  let bytes = 0;
  let next = 0;
  let finish: (error: unknown, result: autocannon.Result) => void = () => undefined;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = (error, result) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(result));
  });
  const options: autocannon.Options = {
    url: BENCH_URL,
    connections,
    duration: durationSeconds,
    timeout: 30,
    requests: [
      {
        method: scenario.method,
        path: scenario.paths[0],
        headers: scenario.headers,
        setupRequest: (request) => ({
          ...request,
          path: scenario.paths[next++ % scenario.paths.length],
          ...(scenario.body ? { body: scenario.body() } : {}),
          ...(scenario.freshHeaders ? { headers: { ...scenario.headers, ...scenario.freshHeaders() } } : {}),
        }),
      },
    ],
  };
  const instance = autocannon(options, (error: unknown, result: autocannon.Result) => finish(error, result));
  instance.on('response', (_client: unknown, _status: number, resBytes: number, responseTime: number) => {
    latencies.push(responseTime);
    bytes += resBytes;
  });
  const result = await done;
  latencies.sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    scenario: scenario.key,
    connections,
    requests: latencies.length,
    rps: round(latencies.length / result.duration),
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    failures: result.non2xx + result.errors + result.timeouts,
    bytesPerResponse: latencies.length ? Math.round(bytes / latencies.length) : 0,
  };
}

/**
 * Waits until the server has finished what the last measurement left it (autocannon stops
 * sending, but the server still works off requests it accepted): no statement running in the
 * database but ours, and the health check answering promptly.
 */
export async function waitForIdle(client: pg.Client, timeoutSeconds = 180) {
  const deadline = Date.now() + timeoutSeconds * 1000;
  while (Date.now() < deadline) {
    const { rows } = await client.query<{ active: string }>(
      `SELECT count(*) AS active FROM pg_stat_activity
       WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
    );
    const started = Date.now();
    const healthy = (await fetch(`${BENCH_URL}/api/health`)).ok && Date.now() - started < 100;
    if (Number(rows[0]!.active) === 0 && healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the server was still busy ${timeoutSeconds} s after a measurement`);
}

/** A short run first, so the measurement starts with warm caches and JIT-compiled code. */
export async function warmUp(scenario: Scenario, connections: number, seconds: number) {
  return measure(scenario, connections, seconds);
}

export interface ScenarioInputs {
  partnerCookie: string;
  supportCookie: string;
  /** Orders of the partner: the baseline reads them by id, the detail page shows them. */
  orderIds: string[];
  /** Keyset cursor deep in the partner's list. */
  deepCursor: string;
  deepRows: number;
  placeOrderActionId: string;
  /** The action floor's server action (bench/action-floor-actions.ts), as the build named it. */
  actionFloorActionId: string;
  /** An `order` API key of the same partner, for the API's submission. */
  partnerApiKey: string;
}

const page = (cookie: string) => ({ cookie, accept: 'text/html,application/xhtml+xml' });

/** What the order form sends: every field as typed, and a new idempotency key per form. */
function orderFormValues() {
  return {
    type: 'merchant',
    recipientName: 'Benchmark Recipient',
    recipientEmail: 'bench-submit@merchant.example',
    recipientPhone: '+358 40 123 4567',
    ecrSupplierName: '',
    ecrName: '',
    merchantName: 'Benchmark Merchant Oy',
    merchantBusinessId: '2961234-2',
    merchantCountry: 'FI',
    terminalIds: 'BENCH-0001, BENCH-0002',
    additionalInfo: '',
    idempotencyKey: randomUUID(),
  };
}

/**
 * The router state the browser sends with a server action: the page it is on (segments under
 * the root, then the page's own segment and URL), so the answer re-renders only that page after
 * the action revalidates.
 */
const nest = (segment: string, child: unknown) => [segment, { children: child }];
const routerState = (segments: string[], pageSegment: string, url: string) =>
  encodeURIComponent(
    JSON.stringify(['', { children: segments.reduceRight<unknown>((child, segment) => nest(segment, child), [pageSegment, {}, url, 'refresh']) }, null, null, true]),
  );
const formRouterState = routerState(['(portal)', 'orders', 'new', 'form'], '__PAGE__?{"type":"merchant"}', '/orders/new/form?type=merchant');
const actionFloorRouterState = routerState(['(portal)', 'bench-floor', 'action'], '__PAGE__', '/bench-floor/action');

/** The headers of a server action posted from a page, as the browser sends them. */
const actionHeaders = (cookie: string, actionId: string, state: string) => ({
  cookie,
  accept: 'text/x-component',
  'content-type': 'text/plain;charset=UTF-8',
  'next-action': actionId,
  'next-router-state-tree': state,
  origin: BENCH_URL,
});

/**
 * Which floor each scenario is judged against (issue 17): pages against the signed-in floor
 * (session lookup and the portal's layout, which any page pays), submissions against the action
 * floor (session check and one inserted row, which any write pays).
 */
export const floorOf: Record<string, string> = {
  queue: 'signedInFloor',
  queueFiltered: 'signedInFloor',
  list: 'signedInFloor',
  listDeep: 'signedInFloor',
  detail: 'signedInFloor',
  submit: 'actionFloor',
  apiSubmit: 'actionFloor',
};

export function scenarios(inputs: ScenarioInputs): Scenario[] {
  return [
    {
      key: 'baseline',
      label: '(a) baseline: route handler, one indexed SELECT',
      route: '/bench-baseline',
      method: 'GET',
      paths: inputs.orderIds.map((id) => `/bench-baseline?id=${id}`),
      headers: {},
      expect: { status: 200, contains: '"number"' },
    },
    {
      // Not in the list: what rendering any page costs here, with no session and no query.
      key: 'floor',
      label: '(a) reference: a page, /sign-in signed out (no query)',
      route: '/sign-in',
      method: 'GET',
      paths: ['/sign-in'],
      headers: { accept: 'text/html,application/xhtml+xml' },
      expect: { status: 200, contains: 'type="email"' },
    },
    {
      // The cheapest page signed in: the portal's layout (session, actor, header) around nothing.
      // As the partner, like the list and order pages (the support agent's header has three more links).
      key: 'signedInFloor',
      label: '(a) signed-in floor: a portal page with the shell only',
      route: '/bench-floor',
      method: 'GET',
      paths: ['/bench-floor'],
      headers: page(inputs.partnerCookie),
      expect: { status: 200, contains: 'data-testid="bench-signed-in-floor"' },
    },
    {
      // The cheapest write: the order form's action wrapper (session, actor, permission, parsing)
      // around one INSERT, posted the way the form posts placeOrder.
      key: 'actionFloor',
      label: '(a) action floor: server action, session check and one INSERT',
      route: '/bench-floor/action',
      method: 'POST',
      paths: ['/bench-floor/action'],
      headers: actionHeaders(inputs.partnerCookie, inputs.actionFloorActionId, actionFloorRouterState),
      body: () => JSON.stringify([{ note: randomUUID() }]),
      expect: { status: 200, contains: '"ok":true' },
    },
    {
      key: 'submit',
      label: '(b) order submission (server action placeOrder)',
      route: '/orders/new/form',
      method: 'POST',
      paths: ['/orders/new/form?type=merchant'],
      headers: actionHeaders(inputs.partnerCookie, inputs.placeOrderActionId, formRouterState),
      body: () => JSON.stringify([orderFormValues()]),
      expect: { status: 200, contains: '"ok":true' },
    },
    {
      key: 'apiSubmit',
      label: '(b) order submission through the API (POST /api/v1/orders)',
      route: '/api/v1/orders',
      method: 'POST',
      paths: ['/api/v1/orders'],
      headers: { authorization: `Bearer ${inputs.partnerApiKey}`, 'content-type': 'application/json', accept: 'application/json' },
      freshHeaders: () => ({ 'idempotency-key': randomUUID() }),
      // The same order as the form's, as the API takes it: Terminal IDs as a list, no form key.
      body: () => {
        const { idempotencyKey: _key, terminalIds, ...fields } = orderFormValues();
        return JSON.stringify({ ...fields, terminalIds: terminalIds.split(', ') });
      },
      expect: { status: 201, contains: '"state":"submitted"' },
    },
    {
      key: 'queue',
      label: '(c) support queue, first page',
      route: '/support',
      method: 'GET',
      paths: ['/support'],
      headers: page(inputs.supportCookie),
      expect: { status: 200, contains: 'data-testid="queue"' },
    },
    {
      key: 'queueFiltered',
      label: '(c) support queue, filtered (overdue)',
      route: '/support',
      method: 'GET',
      paths: ['/support?risk=overdue'],
      headers: page(inputs.supportCookie),
      expect: { status: 200, contains: 'data-testid="queue"' },
    },
    {
      key: 'list',
      label: '(d) partner order list, first page',
      route: '/orders',
      method: 'GET',
      paths: ['/orders'],
      headers: page(inputs.partnerCookie),
      expect: { status: 200, contains: 'data-testid="order-list"' },
    },
    {
      key: 'listDeep',
      label: `(d) partner order list, ${inputs.deepRows.toLocaleString('en')} rows deep`,
      route: '/orders',
      method: 'GET',
      paths: [`/orders?after=${inputs.deepCursor}`],
      headers: page(inputs.partnerCookie),
      expect: { status: 200, contains: 'data-testid="order-list"' },
    },
    {
      key: 'detail',
      label: '(e) order detail (partner, completed order, 8 events)',
      route: '/orders/[orderId]',
      method: 'GET',
      paths: inputs.orderIds.map((id) => `/orders/${id}`),
      headers: page(inputs.partnerCookie),
      expect: { status: 200, contains: 'data-testid="timeline"' },
    },
  ];
}
