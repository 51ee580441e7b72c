import { eq } from 'drizzle-orm';
import { orders } from '@/db/schema';
import { baseDueAt } from '@/lib/orders/deadline';
import { expect, test } from '../fixtures';

test('[ADMIN] a support admin switches the deadline to business days; open orders are recomputed', async ({ page, data, signInAs }) => {
  const partner = await data.createPerson('partner_admin', 'reseller');
  const submittedAt = new Date('2026-11-16T10:00:00Z'); // a Monday, noon in Helsinki
  const order = await data.createOrder({ organisationId: partner.organisation.id, createdByUserId: partner.user.id, submittedAt });
  const admin = await data.createPerson('support_admin');
  await signInAs(admin.user.id);

  await page.goto('/admin');
  await page.getByRole('link', { name: 'Fulfilment deadline' }).click();
  const form = page.getByTestId('deadline-form');
  await expect(form.getByLabel('Calendar days (the seed\'s one week is 7)')).toBeChecked();
  await form.getByRole('spinbutton', { name: 'Days' }).fill('0');
  await form.getByLabel('Business days on the Finnish holiday calendar').check();
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByTestId('error-summary').getByRole('link', { name: 'Use a whole number of days from 1 to 60.' })).toBeVisible();
  // What was chosen is still there to correct.
  await expect(form.getByLabel('Business days on the Finnish holiday calendar')).toBeChecked();
  await form.getByRole('spinbutton', { name: 'Days' }).fill('3');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByText('Saved.', { exact: false })).toBeVisible();

  const expected = baseDueAt(submittedAt, { mode: 'business_days', days: 3 });
  await expect.poll(async () => (await data.db.select().from(orders).where(eq(orders.id, order.id)))[0]!.dueAt.getTime(), { timeout: 15_000 }).toBe(expected.getTime());

  // Back to the seed's week, so other tests see the default.
  await form.getByLabel('Calendar days (the seed\'s one week is 7)').check();
  await form.getByRole('spinbutton', { name: 'Days' }).fill('7');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByText('Saved.', { exact: false })).toBeVisible();
});

test('[ADMIN] the deadline setting is 404 for support agents and partners', async ({ page, data, signInAs }) => {
  const agent = await data.createPerson('support_agent');
  await signInAs(agent.user.id);
  expect((await page.goto('/admin/settings'))?.status()).toBe(404);
});
