import { outboxMessages } from '@/db/schema';
import { expect, test } from '../fixtures';

// The e2e server runs with DEV_OUTBOX=true; that the page is a 404 without it is tested in tests/unit/env.test.ts.

test('[DEV] the outbox filters by recipient, whatever the case', async ({ request, data }) => {
  const { user } = await data.createPerson('partner_member');
  await data.db.insert(outboxMessages).values({ channel: 'email', recipient: user.email, subject: 'Only for the filter', bodyText: 'Hello' });
  const response = await request.get(`/dev/outbox?recipient=${encodeURIComponent(user.email.toUpperCase())}`);
  expect(response.status()).toBe(200);
  expect(await response.text()).toContain('Only for the filter');
});

for (const query of ['recipient=%00', 'recipient=a%01b%40example.com', 'recipient=a%40example.com&recipient=b%40example.com']) {
  test(`[DEV] a recipient no message can have (${query}) is a 404, not a server error`, async ({ request }) => {
    const response = await request.get(`/dev/outbox?${query}`);
    expect(response.status()).toBe(404);
  });
}
