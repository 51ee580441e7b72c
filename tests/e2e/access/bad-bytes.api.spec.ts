import { expect, test } from '../fixtures';

// A NUL byte is refused by PostgreSQL in text: it must stop at the schema, as a 4xx or as no filter.
const cookie = (token: string) => ({ cookie: `next-auth.session-token=${token}` });

test('[ACCESS] a NUL byte in the partner search is a 422 with the field error, not a 500', async ({ request, data }) => {
  const agent = await data.createPerson('support_agent');
  const response = await request.get('/api/organisations?q=Kassa%00', { headers: cookie(await data.createSession(agent.user.id)) });
  expect(response.status()).toBe(422);
  expect(await response.json()).toEqual({
    error: { code: 'INVALID_INPUT', fieldErrors: { q: ['Remove the control characters (such as invisible or NUL characters) from this field.'] } },
  });
});

test('[ACCESS] a NUL byte in the order list and queue filters is ignored, not a 500', async ({ request, data }) => {
  const partner = await data.createPerson('partner_admin');
  const orders = await request.get('/orders?q=%00', { headers: cookie(await data.createSession(partner.user.id)), maxRedirects: 0 });
  expect(orders.status()).toBe(200);

  const agent = await data.createPerson('support_agent');
  const queue = await request.get('/support?partner=%00&assignee=%00', { headers: cookie(await data.createSession(agent.user.id)), maxRedirects: 0 });
  expect(queue.status()).toBe(200);
});
