/** Configuration shared by every test process: secrets for tests only, and ports of their own. */
export const TEST_SECRET = 'test-only-secret-0123456789abcdef0123456789';
/** A keyring for tests only: "id:base64 of 32 bytes". */
export const TEST_CREDENTIALS_KEYS = `test1:${Buffer.alloc(32, 7).toString('base64')}`;
/** Shifts every test port, so two checkouts on one machine can run their suites side by side. */
export const PORT_OFFSET = Number(process.env.TEST_PORT_OFFSET ?? 0);
export const VITEST_PG = { dir: '.data/test-postgres', port: 54331 + PORT_OFFSET };
export const E2E_PG = { dir: '.data/e2e-postgres', port: 54330 + PORT_OFFSET };
export const E2E_PORT = 3100 + PORT_OFFSET;
export const E2E_URL = `http://localhost:${E2E_PORT}`;
/** Everything the end-to-end server prints, so tests can check what reached its logs. */
export const E2E_SERVER_LOG = '.data/e2e-server.log';
export const TWILIO_DOUBLE_PORT = 4010 + PORT_OFFSET;
export const TWILIO_DOUBLE_URL = `http://127.0.0.1:${TWILIO_DOUBLE_PORT}`;
/** Test-only Twilio credentials; the double accepts any. */
export const TEST_TWILIO = { accountSid: `AC${'e2e0'.repeat(8)}`, authToken: 'e2e-twilio-auth-token-0123456789', from: '+358451110000' };

/** The server under test: the production build on the embedded database, email to the outbox. */
export const e2eServerEnv: Record<string, string> = {
  NEXT_TELEMETRY_DISABLED: '1',
  APP_ENV: 'local',
  // Tests sign in with links they read in the outbox, and check what /dev/outbox shows.
  DEV_OUTBOX: 'true',
  NEXTAUTH_URL: E2E_URL,
  NEXTAUTH_SECRET: TEST_SECRET,
  CREDENTIALS_ENCRYPTION_KEYS: TEST_CREDENTIALS_KEYS,
  EMBEDDED_PG_DIR: E2E_PG.dir,
  EMBEDDED_PG_PORT: String(E2E_PG.port),
  // Empty means unset: never a developer's real database or Resend. Email goes to the outbox;
  // SMS goes through the real twilio SDK to the local Twilio double.
  DATABASE_URL: '',
  RESEND_API_KEY: '',
  TWILIO_ACCOUNT_SID: TEST_TWILIO.accountSid,
  TWILIO_AUTH_TOKEN: TEST_TWILIO.authToken,
  TWILIO_FROM_NUMBER: TEST_TWILIO.from,
  TWILIO_MESSAGING_SERVICE_SID: '',
  TWILIO_API_URL: TWILIO_DOUBLE_URL,
};
