import { test as base, expect, type BrowserContext } from '@playwright/test';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { embeddedDatabaseUrl } from '@/db/url';
import * as schema from '@/db/schema';
import { factories } from '@/tests/support/factories';
import type { TwilioMessage } from '@/tests/doubles/twilio-double';
import { E2E_PG, E2E_URL, TWILIO_DOUBLE_URL } from '@/tests/support/test-env';

export { expect };

/** The first link in an email's text whose path contains `path`. */
export const linkIn = (text: string, path: string) => text.match(new RegExp(`https?://\\S+${path}\\S*`))?.[0];

/** Every message the Twilio double has taken. */
export const doubleMessages = async () => (await (await fetch(`${TWILIO_DOUBLE_URL}/__messages`)).json()) as TwilioMessage[];

type Data = ReturnType<typeof factories> & { db: ReturnType<typeof drizzle<typeof schema>> };

/** Direct access to the e2e server's database for arranging data and checking what changed. */
export const test = base.extend<
  { signInAs: (userId: string, context?: BrowserContext) => Promise<void> },
  { data: Data }
>({
  data: [
    async ({}, use) => {
      const pool = new pg.Pool({ connectionString: embeddedDatabaseUrl(E2E_PG.port), max: 2 });
      const db = drizzle(pool, { schema, casing: 'snake_case' });
      await use({ ...factories(db), db });
      await pool.end();
    },
    { scope: 'worker' },
  ],
  /** Fails a test whose page lacked a message: a namespace missing from the page's ClientMessages. */
  page: async ({ page }, use) => {
    const missing: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes('MISSING_MESSAGE')) missing.push(message.text());
    });
    await use(page);
    expect(missing, "a client component used a namespace missing from its page's <ClientMessages namespaces>").toEqual([]);
  },
  /** Signs a browser context in with a database session, as the magic link would. */
  signInAs: async ({ context, data }, use) => {
    await use(async (userId, target = context) => {
      const token = await data.createSession(userId);
      await target.addCookies([{ name: 'next-auth.session-token', value: token, url: E2E_URL, httpOnly: true, sameSite: 'Lax' }]);
    });
  },
});
