import { randomUUID } from 'node:crypto';
import { expect, test } from '../fixtures';

test('[SUPPORT] the queue filters by partner: suggestions come from the server as one types, and the filter matches part of a name', async ({
  page,
  data,
  signInAs,
}) => {
  const tag = randomUUID().slice(0, 6);
  const wanted = await data.createOrganisation({ kind: 'ecr_integrator', name: `Kassa ${tag} Oy` });
  const wantedAdmin = await data.createMember({ organisationId: wanted.id, role: 'partner_admin' });
  const other = await data.createPerson('partner_admin', 'reseller');
  const wantedOrder = await data.createOrder({ organisationId: wanted.id, createdByUserId: wantedAdmin.id });
  const otherOrder = await data.createOrder({ organisationId: other.organisation.id, createdByUserId: other.user.id });
  const agent = await data.createPerson('support_agent');
  await signInAs(agent.user.id);

  await page.goto('/support');
  const partner = page.getByLabel('Partner');
  await partner.pressSequentially(`assa ${tag}`);
  // The browser's own suggestion list gets the matching partner's full name.
  await expect(page.locator(`datalist option[value="Kassa ${tag} Oy"]`)).toBeAttached();
  await partner.press('Enter');

  await expect(page).toHaveURL(new RegExp(`partner=assa\\+${tag}`));
  const queue = page.getByTestId('queue');
  await expect(queue.getByRole('link', { name: new RegExp(`#${wantedOrder.number}`) })).toBeVisible();
  await expect(queue.getByRole('link', { name: new RegExp(`#${otherOrder.number}`) })).toHaveCount(0);
  await expect(partner).toHaveValue(`assa ${tag}`);
});

test('[SUPPORT] partner suggestions: support only, at least two characters, never Poplapay itself', async ({ page, data, signInAs }) => {
  const tag = randomUUID().slice(0, 6);
  await data.createOrganisation({ kind: 'reseller', name: `Suggest ${tag} Oy` });
  const agent = await data.createPerson('support_agent');
  await signInAs(agent.user.id);

  const found = await page.request.get(`/api/organisations?q=${encodeURIComponent(`suggest ${tag}`)}`);
  expect(found.status()).toBe(200);
  expect((await found.json()).organisations).toEqual([expect.objectContaining({ name: `Suggest ${tag} Oy` })]);

  const poplapay = await page.request.get(`/api/organisations?q=${encodeURIComponent(agent.organisation.name)}`);
  expect((await poplapay.json()).organisations).toEqual([]);

  const short = await page.request.get('/api/organisations?q=S');
  expect(short.status()).toBe(422);
  expect(await short.json()).toEqual({ error: { code: 'INVALID_INPUT', fieldErrors: { q: ['Type at least two characters.'] } } });

  const partner = await data.createPerson('partner_admin');
  await signInAs(partner.user.id);
  const refused = await page.request.get(`/api/organisations?q=${encodeURIComponent(`suggest ${tag}`)}`);
  expect(refused.status()).toBe(403);
});
