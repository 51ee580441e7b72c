/**
 * A V8 CPU profile (`node --cpu-prof`) summed up as a flame graph would show it from above: where
 * the server's time went, by part (the framework's render, React, next-intl, drizzle, pg, our
 * code, the garbage collector, idle) and by function, self time and time including callees.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  /** Microseconds on the monotonic clock, as process.hrtime reads it in any process on the machine. */
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** process.hrtime in the profile's unit: to sum up only what happened between two moments. */
export const monotonicMicroseconds = () => Number(process.hrtime.bigint() / 1000n);

/** The part of the server a frame belongs to, from its script's path. */
export function partOf(url: string, functionName: string) {
  if (functionName === '(garbage collector)') return 'garbage collector';
  if (functionName === '(idle)') return 'idle';
  if (functionName === '(program)') return 'V8 (program)';
  if (!url) return 'V8 / native';
  const packageMatch = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (packageMatch) {
    const name = packageMatch[1]!;
    if (name === 'next') {
      if (/react-dom|react-server-dom|compiled\/react/.test(url)) return 'React (render, flight)';
      return 'Next.js runtime';
    }
    return name;
  }
  if (url.startsWith('node:') || !url.includes('/')) return 'Node.js';
  // The app's own code, compiled into the build's server chunks.
  if (url.includes('/.next/')) return 'app (server chunks)';
  return 'other';
}

export interface ProfileSummary {
  totalMs: number;
  /** Self time by part, busiest first, with its share of the busy (non-idle) time. */
  parts: { part: string; ms: number; share: number }[];
  /** Functions by self time, busiest first. */
  functions: { name: string; part: string; selfMs: number; share: number }[];
}

/**
 * `window`: only the samples between two moments (monotonicMicroseconds), so that the server's
 * start, which a scenario with fewer requests divided into fewer parts, is left out.
 */
export function summariseProfile(file: string, top = 15, window?: { from: number; to: number }): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    at += delta;
    if (window && (at < window.from || at > window.to)) return;
    selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
  });

  const parts = new Map<string, number>();
  const functions = new Map<string, { part: string; us: number }>();
  let totalUs = 0;
  let idleUs = 0;
  for (const [id, us] of selfUs) {
    const { callFrame } = byId.get(id)!;
    const part = partOf(callFrame.url, callFrame.functionName);
    totalUs += us;
    if (part === 'idle') idleUs += us;
    parts.set(part, (parts.get(part) ?? 0) + us);
    const file = callFrame.url.replace(/^.*node_modules\//, '').replace(/^.*\/\.next\//, '.next/');
    const name = `${callFrame.functionName || '(anonymous)'} ${file ? `${file}:${callFrame.lineNumber + 1}` : ''}`.trim();
    const entry = functions.get(name) ?? { part, us: 0 };
    entry.us += us;
    functions.set(name, entry);
  }
  const busyUs = Math.max(1, totalUs - idleUs);
  const ms = (us: number) => Math.round(us / 100) / 10;
  return {
    totalMs: ms(totalUs),
    parts: [...parts]
      .map(([part, us]) => ({ part, ms: ms(us), share: part === 'idle' ? NaN : us / busyUs }))
      .sort((a, b) => b.ms - a.ms),
    functions: [...functions]
      .filter(([, { part }]) => part !== 'idle')
      .map(([name, { part, us }]) => ({ name, part, selfMs: ms(us), share: us / busyUs }))
      .sort((a, b) => b.selfMs - a.selfMs)
      .slice(0, top),
  };
}

/** `requests`: how many the server answered in the summed-up time, for the time each part took per request. */
export function profileMarkdown(label: string, summary: ProfileSummary, requests: number) {
  const percent = (share: number) => (Number.isNaN(share) ? '' : `${(share * 100).toFixed(1)}%`);
  const perRequest = (ms: number) => (requests ? (ms / requests).toFixed(2) : '–');
  return [
    `### ${label}`,
    '',
    `${summary.totalMs.toLocaleString('en')} ms sampled over ${requests.toLocaleString('en')} requests (warm-up and measurement, not the server's start). Self time by part:`,
    '',
    '| part | self ms | ms per request | share of busy time |',
    '|---|---:|---:|---:|',
    ...summary.parts.map(({ part, ms, share }) => `| ${part} | ${ms.toLocaleString('en')} | ${perRequest(ms)} | ${percent(share)} |`),
    '',
    'Busiest functions (self time):',
    '',
    '| function | part | self ms | share |',
    '|---|---|---:|---:|',
    ...summary.functions.map(({ name, part, selfMs, share }) => `| \`${name.replace(/\|/g, '\\|')}\` | ${part} | ${selfMs.toLocaleString('en')} | ${percent(share)} |`),
    '',
  ].join('\n');
}

// `tsx bench/profile.ts FILE.cpuprofile [REQUESTS]` prints the summary of one profile.
if (process.argv[1]?.endsWith('profile.ts') && process.argv[2]) {
  console.log(profileMarkdown(process.argv[2], summariseProfile(process.argv[2], 30), Number(process.argv[3] ?? 0)));
}
