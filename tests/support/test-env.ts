/** Configuration shared by every test process: secrets for tests only, and ports of their own. */
export const TEST_SECRET = 'test-only-secret-0123456789abcdef0123456789';
export const VITEST_PG = { dir: '.data/test-postgres', port: 54331 };
export const E2E_PG = { dir: '.data/e2e-postgres', port: 54330 };
export const E2E_PORT = 3100;
export const E2E_URL = `http://localhost:${E2E_PORT}`;
export const TEMPLATE_DATABASE = 'cloudpos_template';

/** The server under test: the production build on the embedded database, email and SMS to the outbox. */
export const e2eServerEnv: Record<string, string> = {
  NEXT_TELEMETRY_DISABLED: '1',
  APP_ENV: 'local',
  NEXTAUTH_URL: E2E_URL,
  NEXTAUTH_SECRET: TEST_SECRET,
  EMBEDDED_PG_DIR: E2E_PG.dir,
  EMBEDDED_PG_PORT: String(E2E_PG.port),
  // Empty means unset: never a developer's real database, Resend or Twilio.
  DATABASE_URL: '',
  RESEND_API_KEY: '',
  TWILIO_ACCOUNT_SID: '',
  TWILIO_AUTH_TOKEN: '',
};
