/**
 * npm run bench – the portal at scale, measured against the bare framework (not part of
 * `npm test`). On a cluster of its own (.data/bench-postgres, :54340) it loads a million orders
 * once (kept between runs; --reload loads them again), builds the production server from a copy
 * of the sources (.data/bench-app, :3200), then measures:
 *   HTTP      autocannon at 10 and 50 connections: a bare route handler (the baseline), the
 *             cheapest page (/sign-in, for reference), the signed-in floor (a portal page with the
 *             shell only) and the action floor (a server action: session check, one INSERT), order
 *             submission through the form's server action and through the partner API, the support
 *             queue, the partner list (first page and deep), an order page. Each is reported as a
 *             multiple of the baseline and of its floor (pages: signed-in floor; submissions: action floor);
 *   weight    first-load JavaScript per route, gzipped, from the build's manifests;
 *   plans     EXPLAIN (ANALYZE, BUFFERS) of the pages' queries;
 *   sms       password SMS through the real worker to the Twilio double (:4020), rate limit off and on.
 *   webhooks  order events fanned out as signed webhooks by the real worker to a local receiver
 *             (:4030), counted by webhook-id. Alone (--only=webhooks) it needs no data set.
 *   batches   reading and checking a 1,000-row bulk-order file, then placing its 960 good rows
 *             as orders (orders per second). Alone (--only=batches) it needs no data set.
 * Results: a markdown table on stdout, and bench/results/{<time>.json, latest.json, latest.md, plans-*.txt};
 * each measured page's HTML in .data/bench-pages/<scenario>.html.
 *
 * Flags: --reload  --no-build  --only=http,weight,plans,sms,webhooks,batches  --duration=30  --connections=10,50
 *        --rounds=1 (HTTP: every scenario this many times in turn, each reported by its median round
 *        and its ratio to its floor by the median of the rounds' ratios)
 *        --sms-count=10000  --sms-rate=100  --sms-latency=50
 *        --webhook-count=10000  --webhook-latency=20  --webhook-processes=1
 *        --sms-processes=1 (worker processes side by side)
 *        --profile-worker, --profile-server (V8 CPU profiles in .data/bench-profiles; the server's, one per
 *        scenario, summed up in the results)
 *        --shared-cores (HTTP: the server shares every core with PostgreSQL and autocannon; by default
 *        it has core 0 to itself, see cores.ts)
 *        --scenarios=baseline,floor,signedInFloor,actionFloor,submit,apiSubmit,queue,queueFiltered,list,listDeep,detail (a subset)
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { applyBenchEnv, BENCH_APP_DIR, BENCH_PORT, BENCH_URL, ROOT, TWILIO_DOUBLE_PORT } from './env';
import type { Measurement } from './http';

applyBenchEnv();

const { values: flags } = parseArgs({
  options: {
    reload: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    only: { type: 'string', default: 'http,weight,plans,sms,webhooks,batches' },
    // 30 s, not 10: V8's mark-compact pauses (84-245 ms at 50 connections) come every 12-15 s, and
    // whether a 10-second measurement held one decided its p95 (a page's rounds read 0.7-2.7x its floor).
    duration: { type: 'string', default: '30' },
    rounds: { type: 'string', default: '1' },
    connections: { type: 'string', default: '10,50' },
    'sms-count': { type: 'string', default: '10000' },
    'sms-rate': { type: 'string', default: '100' },
    'sms-latency': { type: 'string', default: '50' },
    'sms-processes': { type: 'string', default: '1' },
    'webhook-count': { type: 'string', default: '10000' },
    'webhook-latency': { type: 'string', default: '20' },
    'webhook-processes': { type: 'string', default: '1' },
    'profile-worker': { type: 'boolean', default: false },
    'profile-server': { type: 'boolean', default: false },
    'shared-cores': { type: 'boolean', default: false },
    scenarios: { type: 'string', default: '' },
  },
});
const parts = new Set(flags.only.split(','));
/** The webhook fan-out and the batches make their own orders: alone, they run on whatever the bench database holds. */
const needsDataset = [...parts].some((part) => part !== 'webhooks' && part !== 'batches');
const duration = Number(flags.duration);
const rounds = Math.max(1, Number(flags.rounds));
const WARM_UP_SECONDS = 5;
const connectionLevels = flags.connections.split(',').map(Number);

const started = Date.now();
/** Each measured page's HTML, as the probe received it. */
const PAGES_DIR = path.join(ROOT, '.data/bench-pages');
const log = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

// Everything below reads the configuration set above.
const { default: pg } = await import('pg');
const { getEnv } = await import('@/lib/env');
const { startEmbeddedPostgres } = await import('@/db/embedded');
const { migrateDatabase } = await import('@/db/migrate');
const { EMBEDDED_DATABASE, embeddedDatabaseUrl } = await import('@/db/url');
const { DATASET, benchEmails, datasetLoaded, loadDataset } = await import('./load-data');

const cleanups: (() => Promise<unknown>)[] = [];
async function cleanUp() {
  while (cleanups.length) await cleanups.pop()!().catch((error: unknown) => console.error('cleanup:', error));
}
process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)));

try {
  const env = getEnv();
  log(`Embedded PostgreSQL in ${path.relative(ROOT, env.EMBEDDED_PG_DIR)} on :${env.EMBEDDED_PG_PORT}`);
  const cluster = await startEmbeddedPostgres({ dir: env.EMBEDDED_PG_DIR, port: env.EMBEDDED_PG_PORT });
  cleanups.push(() => cluster.stop());
  let reload = flags.reload;
  if (!reload) {
    try {
      await migrateDatabase(cluster.url);
    } catch (error) {
      // Migrations edited since the data was loaded (a branch in progress): start from scratch.
      log(`The migrations no longer apply to the loaded database (${(error as Error).message.split('\n')[0]}): loading it again`);
      reload = true;
    }
  }
  let client = new pg.Client({ connectionString: cluster.url });
  await client.connect();
  if (!reload && needsDataset && !(await datasetLoaded(client))) reload = true;

  if (reload) {
    await client.end();
    const admin = new pg.Client({ connectionString: embeddedDatabaseUrl(env.EMBEDDED_PG_PORT, 'postgres') });
    await admin.connect();
    // Checkpoints spaced for a bulk load; this cluster is the benchmark's own.
    await admin.query(`ALTER SYSTEM SET max_wal_size = '8GB'`);
    await admin.query('SELECT pg_reload_conf()');
    await admin.query(`DROP DATABASE IF EXISTS ${EMBEDDED_DATABASE} WITH (FORCE)`);
    await admin.end();
    await startEmbeddedPostgres({ dir: env.EMBEDDED_PG_DIR, port: env.EMBEDDED_PG_PORT }); // creates the database again
    await migrateDatabase(cluster.url);
    client = new pg.Client({ connectionString: cluster.url });
    await client.connect();
    log(`Loading ${DATASET.orders.toLocaleString('en')} orders over ${DATASET.organisations.toLocaleString('en')} organisations (a few minutes)…`);
    await loadDataset(client, log);
  } else if (needsDataset) {
    log('Reusing the loaded data set (--reload loads it again); vacuuming what earlier runs changed');
    // Earlier runs updated tens of thousands of orders: vacuum now rather than let autovacuum
    // start in the middle of a measurement.
    await client.query('VACUUM (ANALYZE) orders, order_events, credentials, sms_deliveries, sessions');
  }
  cleanups.push(() => client.end());

  const { pool } = await import('@/db');
  cleanups.push(() => pool.end());
  // The job tables and queues, as a worker installs them (the server runs without workers here).
  const { startJobQueues } = await import('@/lib/jobs/boss');
  const boss = await startJobQueues();
  cleanups.push(() => boss.stop({ graceful: false, wait: true }));

  const dataset = await describeDataset(client);
  log(`Data: ${Object.entries(dataset).map(([key, value]) => `${key} ${value.toLocaleString('en')}`).join(', ')}`);
  // Only the webhook fan-out runs without the data set's people, and it never reads these.
  const people = needsDataset ? await benchPeople(client) : ({} as Awaited<ReturnType<typeof benchPeople>>);
  const inputs = needsDataset ? await benchInputs(client, people) : ({} as Awaited<ReturnType<typeof benchInputs>>);
  const { writeResults, markdown } = await import('./report');
  type Results = Parameters<typeof markdown>[0];
  const results: Results = {
    startedAt: new Date(started).toISOString(),
    machine: await machine(client),
    dataset,
    http: { durationSeconds: duration, rounds, scenarios: [], measurements: [] },
    clientWeight: [],
    clientWeightCheck: [],
    plans: [],
    sms: [],
    webhooks: [],
    profiles: [],
    notes: [],
  };
  let plansText = '(plans not run)';

  try {
    if (parts.has('http') || parts.has('weight')) {
      const { buildApp, hasBuild, startServer } = await import('./app-build');
      if (!flags['no-build'] || !hasBuild()) {
        const seconds = buildApp(log);
        log(`Built in ${seconds.toFixed(0)} s`);
      }
      const { clientWeights, scriptsInHtml } = await import('./client-weight');
      results.clientWeight = clientWeights(path.join(BENCH_APP_DIR, '.next'));

      const { corePlan, pinBenchAndPostgres } = await import('./cores');
      const cores = flags['shared-cores'] ? null : corePlan();
      if (cores) {
        pinBenchAndPostgres(env.EMBEDDED_PG_DIR, cores.rest);
        cleanups.push(async () => pinBenchAndPostgres(env.EMBEDDED_PG_DIR, cores.all));
      }
      const coresNote = cores
        ? `The server ran on core ${cores.server}; PostgreSQL, autocannon and the benchmark on ${cores.rest} (--shared-cores to share them all).`
        : 'The server, PostgreSQL and autocannon shared every core.';
      results.notes.push(coresNote);
      log(`Starting the production server on :${BENCH_PORT}. ${coresNote}`);
      let server = await startServer({ cores });
      cleanups.push(() => server.stop());
      const { measure, probe, scenarios, waitForIdle, warmUp } = await import('./http');
      results.notes.push(`Load average when the HTTP measurements began: ${os.loadavg().map((load) => load.toFixed(2)).join(', ')} (1, 5, 15 min).`);
      const wanted = new Set(flags.scenarios.split(',').filter(Boolean));
    const list = scenarios({
      ...inputs,
      partnerCookie: people.partnerCookie,
      supportCookie: people.supportCookie,
      partnerApiKey: people.partnerApiKey,
      placeOrderActionId: serverActionId('placeOrder', 'app/(portal)/orders/new/form/page'),
      actionFloorActionId: serverActionId('benchActionFloor', 'app/(portal)/bench-floor/action/page'),
    }).filter(
      (scenario) => !wanted.size || wanted.has(scenario.key),
    );
      results.http.scenarios = list.map(({ key, label, route }) => ({ key, label, route }));
      // The action floor's table: the benchmark's own, not the app's (no migration), emptied after.
      await client.query(
        `CREATE TABLE IF NOT EXISTS bench_action_floor (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, user_id uuid NOT NULL, organisation_id uuid NOT NULL, note text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`,
      );
      await client.query('TRUNCATE bench_action_floor');

      const polyfills = new Set(buildManifestPolyfills());
      mkdirSync(PAGES_DIR, { recursive: true });
      for (const scenario of list) {
        await probe(scenario);
        // The manifests' reading of first-load JS, checked against what the page's HTML loads
        // (less the nomodule polyfills, which current browsers skip).
        if (scenario.method === 'GET' && scenario.key !== 'baseline' && !results.clientWeightCheck.some((check) => check.route === scenario.route)) {
          const html = await (await fetch(`${BENCH_URL}${scenario.paths[0]}`, { headers: scenario.headers })).text();
          // Kept for reading what a page sends (its HTML with the inlined RSC payload).
          writeFileSync(path.join(PAGES_DIR, `${scenario.key}.html`), html);
          const inHtml = scriptsInHtml(html).filter((file) => !polyfills.has(file));
          const fromManifest = results.clientWeight.find((weight) => weight.route === scenario.route)?.files ?? [];
          const onlyInHtml = inHtml.filter((file) => !fromManifest.includes(file));
          const onlyInManifest = fromManifest.filter((file) => !inHtml.includes(file));
          results.clientWeightCheck.push({ route: scenario.route, onlyInHtml, onlyInManifest });
        }
      }
      if (parts.has('http')) {
        const { monotonicMicroseconds, profileMarkdown, summariseProfile } = await import('./profile');
        const measured: Measurement[] = [];
        // Every scenario once before the first round: measured first after the server started,
        // the floor ran colder than the pages after it, and every first round flattered them.
        if (!flags['profile-server']) {
          log('Warming every scenario up once');
          for (const scenario of list) for (const connections of connectionLevels) await warmUp(scenario, connections, WARM_UP_SECONDS);
          await waitForIdle(client);
        }
        // Round after round through every scenario, so that a slower minute of a shared machine
        // falls on pages and floors alike; each reports its median round.
        for (let round = 1; round <= rounds; round++) for (const scenario of list) {
          log(`HTTP ${scenario.label}${rounds > 1 ? ` (round ${round} of ${rounds})` : ''}`);
          // Profiled, each scenario gets a server of its own, so that its profile is its alone.
          const profileDir = path.join(ROOT, '.data/bench-profiles', scenario.key);
          if (flags['profile-server']) {
            await server.stop();
            rmSync(profileDir, { recursive: true, force: true });
            server = await startServer({ profileDir, cores });
          }
          let requests = 0;
          const from = monotonicMicroseconds();
          for (const connections of connectionLevels) {
            // Before every measurement, at its own load: with 3 s at 10 connections once, the
            // queue's first round ran a third below its third (62 and then 96 requests a second).
            requests += (await warmUp(scenario, connections, WARM_UP_SECONDS)).requests;
            await waitForIdle(client);
            const cpuBefore = server.cpuMs();
            const measurement = await measure(scenario, connections, duration);
            measurement.cpuMsPerRequest = measurement.requests ? (server.cpuMs() - cpuBefore) / measurement.requests : undefined;
            measured.push(measurement);
            requests += measurement.requests;
            log(`  ${connections} conns: p50 ${measurement.p50} ms, p95 ${measurement.p95} ms, p99 ${measurement.p99} ms, ${measurement.rps} req/s, server CPU ${measurement.cpuMsPerRequest?.toFixed(2)} ms a request${measurement.failures ? `, ${measurement.failures} FAILED` : ''}`);
          }
          if (flags['profile-server']) {
            const to = monotonicMicroseconds();
            await server.stop(); // writes the profile
            const [file] = readdirSync(profileDir).filter((name) => name.endsWith('.cpuprofile'));
            if (file) results.profiles.push(profileMarkdown(`${scenario.label} (${path.relative(ROOT, path.join(profileDir, file))})`, summariseProfile(path.join(profileDir, file), 15, { from, to }), requests));
            server = await startServer({ cores });
          }
        }
        results.http.measurements = medianRounds(measured);
        await waitForIdle(client);
      }
      await server.stop();
      // The SMS and webhook workers that follow get every core, as before.
      if (cores) pinBenchAndPostgres(env.EMBEDDED_PG_DIR, cores.all);
      // The submitted orders would swell the queue run after run: withdraw them.
      const { rowCount } = await client.query(`UPDATE orders SET state = 'cancelled' WHERE recipient_email = 'bench-submit@merchant.example' AND state = 'submitted'`);
      if (rowCount) log(`Cancelled the ${rowCount.toLocaleString('en')} orders the submission runs placed`);
      await client.query('TRUNCATE bench_action_floor');
    }

    // Jobs the measurements queued (order emails) are not what the SMS run is about.
    await boss.purgeQueue('order-email');
    await boss.purgeQueue('credentials-sms');

    if (parts.has('plans')) {
      log('Query plans (EXPLAIN ANALYZE, BUFFERS)');
      const { collectPlans } = await import('./page-queries');
      const { formatPlans } = await import('./plans');
      const plans = await collectPlans(client, pool, { ...people, ...inputs });
      results.plans = plans.map(({ label, executionMs, seqScans, sql }) => ({ label, executionMs, seqScans, sql }));
      plansText = formatPlans(plans, `Query plans at ${results.startedAt}: ${Object.entries(dataset).map(([key, value]) => `${key} ${value}`).join(', ')}`);
      for (const plan of plans) {
        if (plan.seqScans.includes('orders') || plan.seqScans.includes('order_events')) results.notes.push(`Seq Scan on ${plan.seqScans.join(', ')}: ${plan.label} (${plan.executionMs.toFixed(1)} ms)`);
      }
    }

    if (parts.has('sms')) {
      const { startTwilioDouble } = await import('@/tests/doubles/twilio-double');
      const { runSmsDispatch } = await import('./sms');
      const latencyMs = Number(flags['sms-latency']);
      const double = await startTwilioDouble({ port: TWILIO_DOUBLE_PORT, latencyMs });
      cleanups.push(() => double.close());
      const count = Number(flags['sms-count']);
      for (const [label, ratePerSecond] of [
        ['rate limit off', 0],
        ['rate limit on', Number(flags['sms-rate'])],
      ] as const) {
        const profileDir = flags['profile-worker'] ? path.join(ROOT, '.data/bench-profiles') : undefined;
        const processes = Number(flags['sms-processes']);
        const run = await runSmsDispatch({ client, double, agentUserId: people.supportAgent, count, ratePerSecond, latencyMs, label, log, processes, profileDir });
        results.sms.push(run);
        log(`  ${label}: ${run.messagesPerSecond} msg/s, ${run.duplicates} duplicates, ${run.losses} losses${run.timedOut ? ' (TIMED OUT)' : ''}`);
      }
    }

    if (parts.has('webhooks')) {
      const { runWebhookFanOut } = await import('./webhooks');
      await boss.purgeQueue('webhook-delivery');
      log('Webhook fan-out');
      const run = await runWebhookFanOut({
        client,
        count: Number(flags['webhook-count']),
        latencyMs: Number(flags['webhook-latency']),
        processes: Number(flags['webhook-processes']),
        log,
      });
      results.webhooks!.push(run);
      log(`  ${run.eventsPerSecond} events/s, ${run.received.toLocaleString('en')} received, ${run.duplicates} duplicated, ${run.losses} lost, ${run.badSignatures} bad signatures${run.timedOut ? ' (TIMED OUT)' : ''}`);
    }

    if (parts.has('batches')) {
      const { measureBatchCheck, runBatchSubmit } = await import('./batches');
      log('Bulk ordering: reading and checking 1,000 rows');
      const check = await measureBatchCheck();
      log(`  ${Object.entries(check).map(([format, result]) => `${format} ${result.totalMs.toFixed(0)} ms`).join(', ')}`);
      log('Bulk ordering: placing 960 orders');
      results.batches = { check, submit: await runBatchSubmit({ client, log }) };
    }
  } catch (error) {
    // What was measured before the failure is still worth keeping.
    results.notes.push(`The run stopped early: ${(error as Error).message.split('\n')[0]}`);
    writeResults(results, plansText);
    throw error;
  }

  const written = writeResults(results, plansText);
  console.log(`\n${markdown(results)}`);
  log(`Wrote ${written.map((file) => path.relative(ROOT, file)).join(', ')}`);
} finally {
  await cleanUp();
}

async function describeDataset(client: InstanceType<typeof pg.Client>) {
  const { rows: [row] } = await client.query<Record<string, string>>(`
    SELECT (SELECT count(*) FROM organisations) AS organisations,
           (SELECT count(*) FROM orders) AS orders,
           (SELECT count(*) FROM orders WHERE state NOT IN ('completed', 'rejected', 'cancelled')) AS "open orders",
           (SELECT count(*) FROM orders WHERE state NOT IN ('completed', 'rejected', 'cancelled', 'needs_info') AND due_at < now()) AS overdue,
           (SELECT count(*) FROM order_events) AS "order events",
           (SELECT count(*) FROM sms_deliveries) AS "SMS deliveries"`);
  return Object.fromEntries(Object.entries(row!).map(([key, value]) => [key, Number(value)]));
}

/** The people the pages are requested as: the biggest partner's admin and a support agent, with sessions. */
async function benchPeople(client: InstanceType<typeof pg.Client>) {
  const idOf = async (email: string) => {
    const { rows } = await client.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [email]);
    if (!rows[0]) throw new Error(`no ${email}: load the data set again with --reload`);
    return rows[0].id;
  };
  const session = async (userId: string) => {
    const token = randomBytes(32).toString('hex');
    await client.query(`INSERT INTO sessions (session_token, user_id, expires) VALUES ($1, $2, now() + interval '1 day')`, [token, userId]);
    // next-auth's cookie name over http (NEXTAUTH_URL is http://…): no __Secure- prefix.
    return `next-auth.session-token=${token}`;
  };
  const partnerAdmin = await idOf(benchEmails.partnerAdmin(1));
  const supportAgent = await idOf(benchEmails.supportAgent(1));
  const { rows: [organisation] } = await client.query<{ id: string; name: string }>(
    'SELECT o.id, o.name FROM memberships m JOIN organisations o ON o.id = m.organisation_id WHERE m.user_id = $1',
    [partnerAdmin],
  );
  // An API key of the partner's, as its admin would create one; stored as the app stores them.
  const { generateApiKey, hashApiKey, apiKeyPrefix } = await import('@/lib/api-keys');
  const partnerApiKey = generateApiKey();
  await client.query(
    `INSERT INTO api_keys (organisation_id, name, scopes, prefix, key_hash, created_by_user_id) VALUES ($1, 'Benchmark', '{read,order}', $2, $3, $4)`,
    [organisation!.id, apiKeyPrefix(partnerApiKey), hashApiKey(partnerApiKey), partnerAdmin],
  );
  return {
    partnerAdmin,
    supportAgent,
    partnerApiKey,
    partnerOrganisationId: organisation!.id,
    partnerName: organisation!.name,
    partnerCookie: await session(partnerAdmin),
    supportCookie: await session(supportAgent),
  };
}
export type BenchPeople = Awaited<ReturnType<typeof benchPeople>>;

/** Orders of the biggest partner to request by id, and a keyset cursor deep in its list. */
async function benchInputs(client: InstanceType<typeof pg.Client>, people: BenchPeople) {
  const { encodeCursor } = await import('@/db/queries/keyset-cursor');
  const { rows: orders } = await client.query<{ id: string }>(
    `SELECT id FROM orders WHERE organisation_id = $1 AND state = 'completed' AND type <> 'merchant_rights' ORDER BY random() LIMIT 200`,
    [people.partnerOrganisationId],
  );
  const { rows: counted } = await client.query<{ count: string }>('SELECT count(*) FROM orders WHERE organisation_id = $1', [people.partnerOrganisationId]);
  const deepRows = Math.min(15_000, Math.floor(Number(counted[0]!.count) * 0.7));
  const { rows: [deep] } = await client.query<{ id: string; submittedAt: Date }>(
    `SELECT id, submitted_at AS "submittedAt" FROM orders WHERE organisation_id = $1 ORDER BY submitted_at DESC, id DESC OFFSET $2 LIMIT 1`,
    [people.partnerOrganisationId, deepRows],
  );
  return { orderIds: orders.map((order) => order.id), deepCursor: encodeCursor({ at: deep!.submittedAt, id: deep!.id }), deepRows };
}
export type BenchInputs = Awaited<ReturnType<typeof benchInputs>>;

function buildManifestPolyfills() {
  const manifest = JSON.parse(readFileSync(path.join(BENCH_APP_DIR, '.next/build-manifest.json'), 'utf8')) as { polyfillFiles?: string[] };
  return manifest.polyfillFiles ?? [];
}

/** A server action as the build named it (what the browser puts in Next-Action), by its export and the page that carries it. */
function serverActionId(exportedName: string, worker: string) {
  const manifest = JSON.parse(readFileSync(path.join(BENCH_APP_DIR, '.next/server/server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { exportedName?: string; workers: Record<string, unknown> }>;
  };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === exportedName && worker in entry.workers);
  if (!found) throw new Error(`${exportedName} (${worker}) is not in the build’s server-reference manifest`);
  return found[0];
}

async function machine(client: InstanceType<typeof pg.Client>) {
  const { rows } = await client.query<{ version: string }>('SELECT version()');
  return {
    cores: os.cpus().length,
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    node: process.version,
    postgres: rows[0]!.version.split(' on ')[0]!,
  };
}

/** Per scenario and connection count, the round with the median p95 (a real round, not a blend of several). */
function medianRounds(measured: Measurement[]) {
  const groups = new Map<string, Measurement[]>();
  for (const measurement of measured) {
    const key = `${measurement.scenario} ${measurement.connections}`;
    groups.set(key, [...(groups.get(key) ?? []), measurement]);
  }
  return [...groups.values()].map((group) => {
    const sorted = [...group].sort((a, b) => a.p95 - b.p95);
    return { ...sorted[Math.floor((sorted.length - 1) / 2)]!, rounds: group.map(({ p95, rps, cpuMsPerRequest }) => ({ p95, rps, cpuMsPerRequest })) };
  });
}
