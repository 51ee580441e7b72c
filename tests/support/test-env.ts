/** Configuration shared by every test process: secrets for tests only, and ports of their own. */
export const TEST_SECRET = 'test-only-secret-0123456789abcdef0123456789';
export const VITEST_PG = { dir: '.data/test-postgres', port: 54331 };
export const E2E_PG = { dir: '.data/e2e-postgres', port: 54330 };
export const E2E_PORT = 3100;
export const E2E_URL = `http://localhost:${E2E_PORT}`;
export const TEMPLATE_DATABASE = 'cloudpos_template';
