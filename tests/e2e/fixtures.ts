import { test as base, expect, type APIRequestContext, type BrowserContext } from '@playwright/test';
import twilio from 'twilio';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { embeddedDatabaseUrl } from '@/db/url';
import * as schema from '@/db/schema';
import { factories } from '@/tests/support/factories';
import type { TwilioMessage } from '@/tests/doubles/twilio-double';
import { E2E_PG, E2E_URL, TEST_TWILIO, TWILIO_DOUBLE_URL } from '@/tests/support/test-env';
import type { OpenApiValidator } from '@/tests/support/openapi-validate';
import { apiClient, servedOpenApiValidator, type ApiClient } from './api-client';

export { expect };
export type { ApiCallOptions, ApiClient, ApiResult } from './api-client';

/** The first link in an email's text whose path contains `path`. */
export const linkIn = (text: string, path: string) => text.match(new RegExp(`https?://\\S+${path}\\S*`))?.[0];

/** Every message the Twilio double has taken. */
export const doubleMessages = async () => (await (await fetch(`${TWILIO_DOUBLE_URL}/__messages`)).json()) as TwilioMessage[];

/** Twilio's status callback for a message the double took, signed as Twilio signs it. */
export function reportSmsStatus(sms: TwilioMessage, status: string) {
  const url = sms.statusCallback!;
  const params = { MessageSid: sms.sid, MessageStatus: status, AccountSid: TEST_TWILIO.accountSid };
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilio.getExpectedTwilioSignature(TEST_TWILIO.authToken, url, params) },
    body: new URLSearchParams(params).toString(),
  });
}

/** Asks for a sign-in link the way next-auth's client does. */
export async function requestSignInLink(request: APIRequestContext, email: string, headers: Record<string, string> = {}) {
  const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  return request.post('/api/auth/signin/email', { form: { email, csrfToken, callbackUrl: '/', json: 'true' }, headers, maxRedirects: 0 });
}

type Data = ReturnType<typeof factories> & { db: ReturnType<typeof drizzle<typeof schema>> };

/** Direct access to the e2e server's database for arranging data and checking what changed. */
export const test = base.extend<
  {
    signInAs: (userId: string, context?: BrowserContext) => Promise<void>;
    /** The partner API over HTTP; every answer is validated against /api/v1/openapi.json (tests/e2e/api-client.ts). */
    api: ApiClient;
  },
  { data: Data; openApi: OpenApiValidator }
>({
  data: [
    async ({}, use) => {
      const pool = new pg.Pool({ connectionString: embeddedDatabaseUrl(E2E_PG.port), max: 2 });
      // The outage test stops the database under idle connections: not a reason to crash the worker.
      pool.on('error', () => undefined);
      const db = drizzle(pool, { schema, casing: 'snake_case' });
      await use({ ...factories(db), db });
      await pool.end();
    },
    { scope: 'worker' },
  ],
  openApi: [async ({}, use) => use(await servedOpenApiValidator()), { scope: 'worker' }],
  api: async ({ request, openApi }, use) => use(apiClient(request, openApi)),
  /**
   * Fails a test whose page lacked a message (a namespace missing from the page's ClientMessages)
   * or broke the Content-Security-Policy: every page of the suite runs under the real policy.
   */
  page: async ({ page }, use) => {
    const missing: string[] = [];
    const violations: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes('MISSING_MESSAGE')) missing.push(message.text());
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await use(page);
    expect(missing, "a client component used a namespace missing from its page's <ClientMessages namespaces>").toEqual([]);
    expect(violations, 'the page broke its Content-Security-Policy').toEqual([]);
  },
  /** Signs a browser context in with a database session, as the magic link would. */
  signInAs: async ({ context, data }, use) => {
    await use(async (userId, target = context) => {
      const token = await data.createSession(userId);
      await target.addCookies([{ name: 'next-auth.session-token', value: token, url: E2E_URL, httpOnly: true, sameSite: 'Lax' }]);
    });
  },
});
