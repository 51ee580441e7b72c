import { eq } from 'drizzle-orm';
import { outboxMessages } from '@/db/schema';
import { inOneWindow, SIGN_IN_WINDOW_SECONDS } from '@/tests/support/rate-limit-window';
import { expect, requestSignInLink as requestLink, test } from '../fixtures';

test('[AUTH] an unknown address gets the same answer as a known one, and no email', async ({ request, data }) => {
  const { user } = await data.createPerson('partner_admin');
  const known = await requestLink(request, user.email);
  const unknown = await requestLink(request, 'nobody-invited-this@test.example');

  expect(unknown.status()).toBe(known.status());
  expect(await unknown.json()).toEqual(await known.json());

  const sentToUnknown = await data.db.select().from(outboxMessages).where(eq(outboxMessages.recipient, 'nobody-invited-this@test.example'));
  expect(sentToUnknown).toHaveLength(0);
  const sentToKnown = await data.db.select().from(outboxMessages).where(eq(outboxMessages.recipient, user.email));
  expect(sentToKnown).toHaveLength(1);
});

test('[AUTH] a person of a deactivated organisation gets no link', async ({ request, data }) => {
  const organisation = await data.createOrganisation({ deactivated: true });
  const user = await data.createMember({ organisationId: organisation.id, role: 'partner_admin' });
  expect((await requestLink(request, user.email)).ok()).toBe(true);
  expect(await data.db.select().from(outboxMessages).where(eq(outboxMessages.recipient, user.email))).toHaveLength(0);
});

test('[AUTH] sign-in requests are rate-limited per address', async ({ request, data }) => {
  const { user } = await data.createPerson('partner_member');
  const statuses = [];
  await inOneWindow(SIGN_IN_WINDOW_SECONDS);
  for (let attempt = 0; attempt < 6; attempt++) statuses.push((await requestLink(request, user.email)).status());
  expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  // Only the allowed requests sent an email.
  expect(await data.db.select().from(outboxMessages).where(eq(outboxMessages.recipient, user.email))).toHaveLength(5);
});
