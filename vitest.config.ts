import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // Outside Next.js the guard has nothing to guard; tests import server modules directly.
      'server-only': path.resolve(import.meta.dirname, 'tests/support/empty-module.ts'),
    },
  },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    globalSetup: ['tests/setup/global-database.ts'],
    setupFiles: ['tests/setup/file-database.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
