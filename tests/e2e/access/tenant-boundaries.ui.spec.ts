import { expect, test } from '../fixtures';

test('[ACCESS] a partner opening another organisation by URL gets 404 and sees nothing of it', async ({ page, data, signInAs }) => {
  const other = await data.createPerson('partner_admin', 'ecr_supplier');
  const me = await data.createPerson('partner_member', 'reseller');
  await signInAs(me.user.id);

  const response = await page.goto(`/organisations/${other.organisation.id}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expect(page.getByText(other.organisation.name)).toHaveCount(0);
  await expect(page.getByText(other.user.email)).toHaveCount(0);

  const own = await page.goto(`/organisations/${me.organisation.id}`);
  expect(own?.status()).toBe(200);
  await expect(page.getByRole('heading', { name: me.organisation.name })).toBeVisible();
});

test('[ACCESS] the organisation API answers 404 across organisations and 200 for one’s own', async ({ page, data, signInAs }) => {
  const other = await data.createPerson('partner_admin', 'ecr_integrator');
  const me = await data.createPerson('partner_admin', 'reseller');
  await signInAs(me.user.id);

  const foreign = await page.request.get(`/api/organisations/${other.organisation.id}`);
  expect(foreign.status()).toBe(404);
  expect(await foreign.text()).not.toContain(other.organisation.name);

  const own = await page.request.get(`/api/organisations/${me.organisation.id}`);
  expect(own.status()).toBe(200);
  const body = (await own.json()) as { organisation: { name: string; members: { email: string }[] } };
  expect(body.organisation.name).toBe(me.organisation.name);
  expect(body.organisation.members.map((member) => member.email)).toEqual([me.user.email]);
});

test('[ACCESS] pages outside a role are 404: partners reach no support or admin page, agents no admin page', async ({
  page,
  data,
  signInAs,
  browser,
}) => {
  const partner = await data.createPerson('partner_admin');
  await signInAs(partner.user.id);
  const applicationPage = '/admin/applications/00000000-0000-4000-8000-000000000000';
  for (const path of ['/support', '/admin', '/admin/applications', applicationPage]) expect((await page.goto(path))?.status()).toBe(404);

  const agentContext = await browser.newContext();
  const agent = await data.createPerson('support_agent');
  await signInAs(agent.user.id, agentContext);
  const agentPage = await agentContext.newPage();
  for (const path of ['/admin', '/admin/applications', applicationPage]) expect((await agentPage.goto(path))?.status()).toBe(404);
  expect((await agentPage.goto('/support'))?.status()).toBe(200);
  // Support reads any organisation.
  expect((await agentPage.goto(`/organisations/${partner.organisation.id}`))?.status()).toBe(200);
  await agentContext.close();
});

test('[ACCESS] support admins see every organisation in administration', async ({ page, data, signInAs }) => {
  const partner = await data.createPerson('partner_admin', 'ecr_supplier');
  const admin = await data.createPerson('support_admin');
  await signInAs(admin.user.id);
  await page.goto('/admin');
  await page.getByRole('link', { name: new RegExp(partner.organisation.name) }).click();
  await expect(page.getByRole('heading', { name: partner.organisation.name })).toBeVisible();
  await expect(page.getByText(partner.user.email)).toBeVisible();
});
