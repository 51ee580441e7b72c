// Adds up what vitest and Playwright reported into one closing line: "N passed, N failed".
import { readFileSync } from 'node:fs';

const [logPath, status] = process.argv.slice(2);
const log = readFileSync(logPath, 'utf8').replace(/\x1b\[[0-9;]*m/g, '');
let passed = 0;
let failed = 0;
const count = (line, word) => Number(line.match(new RegExp(`(\\d+) ${word}`))?.[1] ?? 0);
for (const line of log.split('\n')) {
  if (/^\s*Tests\s/.test(line)) {
    // vitest: "Tests  2 failed | 67 passed (69)"
    passed += count(line, 'passed');
    failed += count(line, 'failed');
  } else if (/^\s+\d+ (passed|failed|flaky)( \(|$)/.test(line)) {
    // Playwright: "  26 passed (42s)", "  1 failed", "  1 flaky"
    passed += count(line, 'passed') + count(line, 'flaky');
    failed += count(line, 'failed');
  }
}
if (status !== '0' && failed === 0) failed = 1; // a failure before any test ran (types, lint, build)
console.log(`${passed} passed, ${failed} failed`);
