import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { E2E_PG, E2E_PORT, E2E_SERVER_LOG, E2E_URL, TWILIO_DOUBLE_URL, e2eServerEnv } from './tests/support/test-env';


// Debian's Chromium; never a downloaded browser.
const chromium = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
const browser = {
  browserName: 'chromium' as const,
  launchOptions: {
    executablePath: chromium,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  },
};

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  timeout: 30_000,
  use: { baseURL: E2E_URL, trace: 'retain-on-failure' },
  projects: [
    { name: 'setup', testMatch: /.*\.setup\.ts/ },
    { name: 'api', testMatch: /.*\.api\.spec\.ts/, dependencies: ['setup'] },
    { name: 'ui', testMatch: /.*\.ui\.spec\.ts/, dependencies: ['setup'], use: browser },
    // Tests that change settings every other test relies on run alone, after the rest.
    { name: 'settings', testMatch: /.*\.settings\.spec\.ts/, dependencies: ['ui', 'api'], use: browser },
    // Stops and restarts the database under the server: last of all.
    { name: 'outage', testMatch: /.*\.outage\.spec\.ts/, dependencies: ['settings'], use: browser },
    // Two more app instances and two workers on a cluster of their own: after everything else.
    { name: 'instances', testMatch: /.*\.instances\.spec\.ts/, dependencies: ['outage'] },
  ],
  webServer: [
    {
      command: 'npx tsx tests/doubles/serve-twilio.ts',
      url: `${TWILIO_DOUBLE_URL}/__messages`,
      timeout: 60_000,
      reuseExistingServer: false,
    },
    {
      // A fresh cluster per run, so nothing (rate-limit counters included) carries over.
      command: `rm -rf ${E2E_PG.dir} && npm run build && npm run start -- -p ${E2E_PORT} 2>&1 | tee ${E2E_SERVER_LOG}`,
      url: `${E2E_URL}/api/health`,
      // A production build takes 3–5 minutes on two busy cores.
      timeout: 600_000,
      reuseExistingServer: false,
      env: e2eServerEnv,
      stdout: 'pipe',
    },
  ],
});
