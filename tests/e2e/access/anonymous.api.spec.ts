import { expect, test } from '../fixtures';

for (const path of ['/', '/orders', '/support', '/admin', '/admin/applications', '/account', '/organisations/7b0c1e8a-1d6f-4a53-9a0e-2f7d1c3b4a5e']) {
  test(`[ACCESS] an anonymous request to ${path} redirects to sign-in`, async ({ request }) => {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status()).toBe(307);
    const location = new URL(response.headers().location!, 'http://x');
    expect(location.pathname).toBe('/sign-in');
    expect(location.searchParams.get('callbackUrl')).toBe(path);
  });
}

test('[ACCESS] an anonymous call to a protected route handler gets 401 and no data', async ({ request, data }) => {
  const { organisation } = await data.createPerson('partner_admin');
  const response = await request.get(`/api/organisations/${organisation.id}`);
  expect(response.status()).toBe(401);
  expect(await response.json()).toEqual({ error: { code: 'UNAUTHENTICATED' } });
});

test('[ACCESS] a forged session cookie is no session', async ({ request, data }) => {
  const { organisation } = await data.createPerson('partner_admin');
  const response = await request.get(`/api/organisations/${organisation.id}`, {
    headers: { cookie: 'next-auth.session-token=forged-token-that-matches-no-session' },
  });
  expect(response.status()).toBe(401);
});
