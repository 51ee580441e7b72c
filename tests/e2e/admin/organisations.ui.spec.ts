import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { organisations } from '@/db/schema';
import { expect, test } from '../fixtures';

test('[ADMIN] a support admin creates an ECR supplier after fixing its business ID, finds it in the list and deactivates it', async ({
  page,
  data,
  signInAs,
}) => {
  const { user } = await data.createPerson('support_admin');
  await signInAs(user.id);
  const name = `Kassatekniikka ${randomUUID().slice(0, 8)} Oy`;
  const byName = () => data.db.select().from(organisations).where(eq(organisations.name, name));

  await page.goto('/admin');
  await page.getByRole('link', { name: 'New partner organisation' }).click();
  await expect(page).toHaveURL(/\/admin\/organisations\/new$/);

  await page.getByLabel('Kind', { exact: true }).selectOption({ label: 'ECR supplier' });
  await page.getByLabel('Name', { exact: true }).fill(name);
  const businessId = page.getByLabel('Business ID', { exact: true });
  await businessId.fill('2605261-7');
  await page.getByLabel('Contact email (optional)').fill('Tuki@Kassatekniikka.example');
  await page.getByRole('button', { name: 'Create organisation' }).click();

  // The wrong check digit is named beside the field; nothing is created and nothing typed is lost.
  const summary = page.getByTestId('error-summary');
  await expect(summary).toBeFocused();
  await expect(businessId).toHaveAttribute('aria-invalid', 'true');
  await summary.getByRole('link', { name: 'The check digit does not match: check the business ID for typos.' }).click();
  await expect(businessId).toBeFocused();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue(name);
  await expect(page).toHaveURL(/\/admin\/organisations\/new$/);
  expect(await byName()).toHaveLength(0);

  // Written the compact way; stored normalised.
  await businessId.fill('26052618');
  await page.getByRole('button', { name: 'Create organisation' }).click();
  await expect(page).toHaveURL(/\/admin\/organisations\/[0-9a-f-]{36}\?created=1$/);
  await expect(page.getByRole('status').filter({ hasText: `${name} created.` })).toBeVisible();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await expect(page.getByLabel('Business ID', { exact: true })).toHaveValue('2605261-8');

  const [created] = await byName();
  expect(created).toMatchObject({
    kind: 'ecr_supplier',
    businessId: '2605261-8',
    country: 'FI',
    contactEmail: 'tuki@kassatekniikka.example',
    deactivatedAt: null,
  });

  await page.goto('/admin');
  const row = page.getByTestId('organisation-list').getByRole('link', { name: new RegExp(name) });
  await expect(row).toContainText('ECR supplier');
  await expect(row).toContainText('2605261-8');
  await expect(row).not.toContainText('Deactivated');

  // Deactivating asks first and says what happens to the people and the orders.
  await row.click();
  await expect(page).toHaveURL(new RegExp(`/admin/organisations/${created!.id}$`));
  await page.getByRole('button', { name: 'Deactivate organisation' }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('can no longer sign in');
  await expect(dialog).toContainText('Its orders are kept');
  await dialog.getByRole('button', { name: 'Keep as it is' }).click();
  await expect(dialog).toHaveCount(0);
  expect((await byName())[0]!.deactivatedAt).toBeNull();

  await page.getByRole('button', { name: 'Deactivate organisation' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Deactivate', exact: true }).click();
  await expect(page.getByTestId('organisation-access')).toContainText('Deactivated on');
  await expect(page.getByRole('button', { name: 'Reactivate organisation' })).toBeVisible();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect.poll(async () => (await byName())[0]!.deactivatedAt).not.toBeNull();

  await page.goto('/admin');
  await expect(page.getByTestId('organisation-list').getByRole('link', { name: new RegExp(name) })).toContainText('Deactivated');
});

test('[ADMIN] support agents and partners get 404 for the organisation admin pages', async ({ page, data, signInAs, browser }) => {
  const partner = await data.createPerson('partner_admin', 'ecr_integrator');
  await signInAs(partner.user.id);
  for (const path of ['/admin/organisations/new', `/admin/organisations/${partner.organisation.id}`]) {
    expect((await page.goto(path))?.status()).toBe(404);
  }
  await expect(page.getByRole('button', { name: 'Deactivate organisation' })).toHaveCount(0);

  const agentContext = await browser.newContext();
  const agent = await data.createPerson('support_agent');
  await signInAs(agent.user.id, agentContext);
  const agentPage = await agentContext.newPage();
  for (const path of ['/admin/organisations/new', `/admin/organisations/${partner.organisation.id}`]) {
    expect((await agentPage.goto(path))?.status()).toBe(404);
  }
  await agentContext.close();
});

test('[ADMIN] Poplapay’s own organisation has no admin page to deactivate it from', async ({ page, data, signInAs }) => {
  const { user, organisation } = await data.createPerson('support_admin');
  await signInAs(user.id);
  expect((await page.goto(`/admin/organisations/${organisation.id}`))?.status()).toBe(404);
});
