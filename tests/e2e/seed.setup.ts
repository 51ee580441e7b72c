import { execFileSync } from 'node:child_process';
import { test } from '@playwright/test';
import { e2eServerEnv } from '@/tests/support/test-env';

test('seed the demo data through the real command', () => {
  execFileSync('npm', ['run', '--silent', 'db:seed'], { env: { ...process.env, ...e2eServerEnv }, stdio: 'pipe' });
});
