import { readFileSync } from 'node:fs';
import type { APIRequestContext } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { outboxMessages } from '@/db/schema';
import { inOneWindow, SIGN_IN_WINDOW_SECONDS } from '@/tests/support/rate-limit-window';
import { E2E_PORT } from '@/tests/support/test-env';
import { expect, requestSignInLink, test } from '../fixtures';
import { startUpload } from '../start-upload';

/** The id of one of the build's server actions, as the browser would send it. */
function actionId(name: string) {
  const manifest = JSON.parse(readFileSync('.next/server/server-reference-manifest.json', 'utf8')) as {
    node: Record<string, { exportedName?: string }>;
  };
  const id = Object.entries(manifest.node).find(([, action]) => action.exportedName === name)?.[0];
  if (!id) throw new Error(`no server action ${name} in the build`);
  return id;
}


test.describe('security headers', () => {
  test('[SECURITY] pages, API answers and static files carry them; scripts run only with the nonce', async ({ request }) => {
    const page = await request.get('/sign-in');
    const policy = page.headers()['content-security-policy'] ?? '';
    const nonce = policy.match(/'nonce-([^']+)'/)?.[1];
    expect(nonce).toBeTruthy();
    expect(policy).toContain("frame-ancestors 'none'");
    const html = await page.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);

    const staticFile = html.match(/\/_next\/static\/[^"]+\.js/)?.[0];
    const api = await request.get('/api/health');
    const script = await request.get(staticFile!);
    for (const response of [page, api, script]) {
      expect(response.headers()).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'referrer-policy': 'strict-origin-when-cross-origin',
        'permissions-policy': expect.stringContaining('camera=()'),
      });
      // Served over http here: HSTS only when NEXTAUTH_URL is https (tests/unit/incoming.test.ts).
      expect(response.headers()['strict-transport-security']).toBeUndefined();
    }
    // What is not a page may run nothing at all.
    for (const response of [api, script]) expect(response.headers()['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    const another = (await request.get('/sign-in')).headers()['content-security-policy'];
    expect(another).not.toContain(nonce);
  });
});

test.describe('bodies are bounded before they are read', () => {
  const callback = '/api/webhooks/twilio/status/00000000-0000-4000-8000-000000000000';

  test('[SECURITY] a callback declaring 100 MB is refused with 413 before it is sent', async () => {
    expect(await startUpload(callback, 100 * 1024 * 1024)).toBe(413);
  });

  test('[SECURITY] a chunked callback is cut off with 413 once past the limit', async () => {
    expect(await startUpload(callback)).toBe(413);
  });
});

test.describe('malformed server action requests are 4xx', () => {
  async function postAction(request: APIRequestContext, cookie: string, body: string | Buffer, headers: Record<string, string>) {
    return request.post('/account', {
      data: body,
      headers: { cookie, 'next-action': actionId('updateProfile'), origin: `http://localhost:${E2E_PORT}`, 'content-type': 'text/plain;charset=UTF-8', ...headers },
      maxRedirects: 0,
    });
  }

  test('[SECURITY] garbage, deep nesting, 2 MB and other sites are refused, and nothing changes', async ({ request, data }) => {
    const { user } = await data.createPerson('partner_member');
    const cookie = `next-auth.session-token=${await data.createSession(user.id)}`;
    const cases: [string, string | Buffer, Record<string, string>, number][] = [
      ['garbage multipart', 'garbage', { 'content-type': 'multipart/form-data; boundary=xyz' }, 400],
      ['garbage text', 'garbage{', {}, 400],
      ['JSON nested 5,000 deep', '['.repeat(5000) + ']'.repeat(5000), {}, 400],
      ['another site', '["$K1"]', { origin: 'https://evil.example' }, 403],
      ['a JSON content type', '{}', { 'content-type': 'application/json' }, 400],
    ];
    for (const [name, body, headers, status] of cases) {
      expect((await postAction(request, cookie, body, headers)).status(), name).toBe(status);
    }
    // A 2 MB body is refused while it is still on its way (a client that insists on writing all of
    // it meets a closed connection).
    const action = { cookie, 'next-action': actionId('updateProfile'), origin: `http://localhost:${E2E_PORT}`, 'content-type': 'text/plain;charset=UTF-8' };
    expect(await startUpload('/account', 2 * 1024 * 1024, action), 'a 2 MB body').toBe(413);
    // A multipart POST without an action header is still treated as an action by Next.js.
    const headerless = await request.post('/orders', { data: 'garbage', headers: { cookie, 'content-type': 'multipart/form-data; boundary=xyz' } });
    expect(headerless.status()).toBe(400);
    expect((await data.getUser(user.id))?.name).toBe('Test Person');
  });
});

test.describe('sign-in links', () => {
  const requestLink = requestSignInLink;

  test('[AUTH] an address next-auth would rewrite is refused and sends nothing', async ({ request, data }) => {
    const { user } = await data.createPerson('partner_member');
    for (const variant of [`${user.email},v1`, `${user.email},v2`, `"${user.email}"`, `${user.email}\u0000`]) {
      expect((await requestLink(request, variant)).status(), variant).toBe(400);
    }
    const garbage = await request.post('/api/auth/signin/email', { data: 'junk', headers: { 'content-type': 'multipart/form-data; boundary=x' } });
    expect(garbage.status(), 'a body that is no form').toBe(400);
    expect(await data.db.select().from(outboxMessages).where(eq(outboxMessages.recipient, user.email))).toHaveLength(0);
  });

  test('[AUTH] spellings of one address share its limit', async ({ request, data }) => {
    const { user } = await data.createPerson('partner_member');
    const spellings = [user.email, user.email.toUpperCase(), ` ${user.email} `, user.email, user.email, user.email];
    const statuses = [];
    await inOneWindow(SIGN_IN_WINDOW_SECONDS);
    for (const spelling of spellings) statuses.push((await requestLink(request, spelling)).status());
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect(await data.db.select().from(outboxMessages).where(eq(outboxMessages.recipient, user.email))).toHaveLength(5);
  });
});
