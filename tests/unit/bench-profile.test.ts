import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { summariseProfile } from '@/bench/profile';

/** A profile of 4 ms: the server's start (2 ms in a module's compile) and then 2 ms of rendering. */
function profileFile() {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'profile-')), 'server.cpuprofile');
  const frame = (id: number, functionName: string, url: string) => ({ id, callFrame: { functionName, url, lineNumber: 0 } });
  writeFileSync(
    file,
    JSON.stringify({
      nodes: [
        { ...frame(1, '(root)', ''), children: [2, 3] },
        frame(2, 'wrapSafe', 'node:internal/modules/cjs/loader'),
        frame(3, 'render', 'file:///app/node_modules/next/dist/compiled/next-server/app-page.js'),
      ],
      startTime: 1_000_000,
      samples: [2, 2, 3, 3],
      timeDeltas: [1000, 1000, 1000, 1000],
    }),
  );
  return file;
}

describe('the server profile summary', () => {
  it('sums every sample without a window', () => {
    const summary = summariseProfile(profileFile());
    expect(summary.totalMs).toBe(4);
    expect(summary.parts.map(({ part, ms }) => [part, ms])).toEqual([
      ['Node.js', 2],
      ['Next.js runtime', 2],
    ]);
  });

  it('leaves out what happened before the window, such as the server starting', () => {
    const summary = summariseProfile(profileFile(), 15, { from: 1_002_500, to: 1_010_000 });
    expect(summary.totalMs).toBe(2);
    expect(summary.parts.map(({ part }) => part)).toEqual(['Next.js runtime']);
  });
});
