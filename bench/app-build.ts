/**
 * The production build the benchmark measures: a copy of the working tree's sources in
 * .data/bench-app with the benchmark's routes added (the baseline and the floors), built there with `next build`. The checkout's
 * own `.next` (which the e2e suite serves) is never touched, and those routes never
 * enter the app.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { onServerCore, type CorePlan } from './cores';
import { BENCH_APP_DIR, BENCH_PORT, BENCH_URL, ROOT, SERVER_LOG } from './env';

const NEXT_BIN = path.join(ROOT, 'node_modules/.bin/next');

/** Top-level entries that are not sources of the build. */
const skipped = new Set(['node_modules', '.next', '.data', '.git', '.ci', 'bench', 'tests', 'test-results', 'playwright-report', '.env', '.env.local']);

/**
 * Files of bench/ copied into the build's app/, never into the app itself: the baseline (a bare
 * route handler), the signed-in floor (a portal page with the shell only) and the action floor
 * (a server action that checks the session and inserts one row, with the page that carries it).
 */
const BENCH_ROUTES: [source: string, target: string][] = [
  ['bench/baseline-route.ts', 'app/bench-baseline/route.ts'],
  ['bench/signed-in-floor-page.tsx', 'app/(portal)/bench-floor/page.tsx'],
  ['bench/action-floor-page.tsx', 'app/(portal)/bench-floor/action/page.tsx'],
  ['bench/action-floor-actions.ts', 'app/(portal)/bench-floor/action/action-floor-actions.ts'],
];

function copySources() {
  mkdirSync(BENCH_APP_DIR, { recursive: true });
  // The previous build's .next stays: Turbopack's cache makes the next build quicker.
  for (const entry of readdirSync(BENCH_APP_DIR)) {
    if (entry !== '.next') rmSync(path.join(BENCH_APP_DIR, entry), { recursive: true, force: true });
  }
  for (const entry of readdirSync(ROOT)) {
    if (skipped.has(entry) || entry.endsWith('.tsbuildinfo')) continue;
    cpSync(path.join(ROOT, entry), path.join(BENCH_APP_DIR, entry), { recursive: true });
  }
  // The benchmark's own routes: the baseline, and the floors pages and actions are judged against.
  for (const [source, target] of BENCH_ROUTES) {
    mkdirSync(path.dirname(path.join(BENCH_APP_DIR, target)), { recursive: true });
    cpSync(path.join(ROOT, source), path.join(BENCH_APP_DIR, target));
  }
  // The app's configuration, plus what building from a copy needs: modules resolve from the
  // checkout's node_modules (Turbopack's root is the checkout), and type errors are the type
  // checker's business, not the benchmark's (a half-edited file elsewhere should not stop it).
  cpSync(path.join(ROOT, 'next.config.js'), path.join(BENCH_APP_DIR, 'next.config.app.js'));
  writeFileSync(
    path.join(BENCH_APP_DIR, 'next.config.js'),
    `import appConfig from './next.config.app.js';

export default {
  ...appConfig,
  typescript: { ...appConfig.typescript, ignoreBuildErrors: true },
  turbopack: { ...appConfig.turbopack, root: ${JSON.stringify(ROOT)} },
  outputFileTracingRoot: ${JSON.stringify(ROOT)},
};
`,
  );
}

/** Copies the sources and runs `next build`; returns how long it took. */
export function buildApp(log: (line: string) => void) {
  const started = Date.now();
  copySources();
  log(`Building the production bundle in ${path.relative(ROOT, BENCH_APP_DIR)} (a few minutes on two cores)…`);
  const build = spawnSync(NEXT_BIN, ['build'], { cwd: BENCH_APP_DIR, stdio: ['ignore', 'inherit', 'inherit'] });
  if (build.status !== 0) throw new Error(`next build failed (exit ${build.status})`);
  return (Date.now() - started) / 1000;
}

export function hasBuild() {
  return existsSync(path.join(BENCH_APP_DIR, '.next/BUILD_ID'));
}

export interface RunningServer {
  process: ChildProcess;
  stop(): Promise<void>;
  /** The CPU time the server has used so far (user and system, every thread), in milliseconds. */
  cpuMs(): number;
}

const CLOCK_TICKS_PER_SECOND = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/** utime + stime from /proc/PID/stat (fields 14 and 15, counted after the parenthesised command name). */
function processCpuMs(pid: number) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
}

/** The Node.js flags of package.json's start script, so that the server measured runs as production's does. */
export function startNodeFlags() {
  const { scripts } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  return scripts.start!.split(' ').filter((word) => /^--[a-z-]+=\S+$/.test(word));
}

/** `next start` on the benchmark's port, as `npm start` runs it; resolves once /api/health answers. */
export async function startServer(options: { profileDir?: string; cores?: CorePlan | null } = {}): Promise<RunningServer> {
  const logFile = openSync(SERVER_LOG, 'w');
  const profile = options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`] : [];
  const nextScript = path.join(ROOT, 'node_modules/next/dist/bin/next');
  const [command, args] = onServerCore(options.cores ?? null, process.execPath, [...profile, ...startNodeFlags(), nextScript, 'start', '-p', String(BENCH_PORT), '-H', '127.0.0.1']);
  const child = spawn(command, args, {
    cwd: BENCH_APP_DIR,
    stdio: ['ignore', logFile, logFile],
  });
  let exited = false;
  child.once('exit', () => (exited = true));
  const stop = async () => {
    if (exited) return;
    const done = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (!exited) child.kill('SIGKILL');
  };
  for (let attempt = 0; attempt < 240; attempt++) {
    if (exited) throw new Error(`next start exited; see ${path.relative(ROOT, SERVER_LOG)}`);
    try {
      if ((await fetch(`${BENCH_URL}/api/health`)).ok) return { process: child, stop, cpuMs: () => processCpuMs(child.pid!) };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stop();
  throw new Error(`The server did not answer at ${BENCH_URL}/api/health; see ${path.relative(ROOT, SERVER_LOG)}`);
}
