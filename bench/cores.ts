/**
 * The measured server on a core of its own, everything else (PostgreSQL, the load generator,
 * this process) on the others: as in production, where the database and the clients are other
 * machines. Sharing two cores, a page's measured time included PostgreSQL running its statements
 * and autocannon sending requests on the server's core (the profiler counted it as `writev`), as
 * much as they happened to run then.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface CorePlan {
  /** taskset's list of cores for the server, and for everything else. */
  server: string;
  rest: string;
  all: string;
}

/** Null on one core, or without taskset (util-linux), where the HTTP measurements share cores as before. */
export function corePlan(): CorePlan | null {
  const count = os.availableParallelism();
  if (count < 2 || spawnSync('taskset', ['--version'], { stdio: 'ignore' }).status !== 0) return null;
  return { server: '0', rest: count === 2 ? '1' : `1-${count - 1}`, all: `0-${count - 1}` };
}

/** Every thread of the process (Node's V8 and libuv threads exist already); children it starts later inherit. */
function pin(pid: number | string, cores: string) {
  return spawnSync('taskset', ['--all-tasks', '--pid', '--cpu-list', cores, String(pid)], { stdio: 'ignore' }).status === 0;
}

/** This process and the PostgreSQL cluster in `dataDir` (its postmaster and every backend) onto `cores`. */
export function pinBenchAndPostgres(dataDir: string, cores: string) {
  const postmaster = readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]!;
  for (const pid of [process.pid, postmaster]) {
    if (!pin(pid, cores)) throw new Error(`taskset could not move process ${pid} to cores ${cores}`);
  }
  // A backend may exit between listing and pinning: that one needs no core.
  const backends = spawnSync('pgrep', ['-P', postmaster], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
  for (const pid of backends) pin(pid, cores);
}

/** The command that starts the server, on the plan's core when there is one. */
export function onServerCore(plan: CorePlan | null, command: string, args: string[]): [string, string[]] {
  return plan ? ['taskset', ['--cpu-list', plan.server, command, ...args]] : [command, args];
}
