import { randomUUID } from 'node:crypto';
import { expect, test } from '../fixtures';

test('[SUPPORT] the queue shows 25 orders a page, soonest due first, and pages on with the filters kept', async ({ page, data, signInAs }) => {
  const partner = await data.createOrganisation({ kind: 'ecr_integrator', name: `Paged ${randomUUID().slice(0, 6)} Oy` });
  const admin = await data.createMember({ organisationId: partner.id, role: 'partner_admin' });
  const soon = Date.now() + 3600_000;
  // Due an hour apart, created in reverse so that the queue's order is its own doing.
  const orders = [];
  for (let index = 26; index >= 0; index--) {
    orders.unshift(await data.createOrder({ organisationId: partner.id, createdByUserId: admin.id, dueAt: new Date(soon + index * 3600_000) }));
  }
  const agent = await data.createPerson('support_agent');
  await signInAs(agent.user.id);

  await page.goto(`/support?partner=${encodeURIComponent(partner.name)}`);
  const rows = page.getByTestId('queue').getByRole('listitem');
  await expect(rows).toHaveCount(25);
  await expect(rows.first()).toContainText(`#${orders[0]!.number}`);
  await expect(rows.last()).toContainText(`#${orders[24]!.number}`);

  await page.getByRole('link', { name: 'Next 25 orders' }).click();
  await expect(page).toHaveURL(/after=/);
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText(`#${orders[25]!.number}`);
  await expect(rows.last()).toContainText(`#${orders[26]!.number}`);
  await expect(page.getByLabel('Partner')).toHaveValue(partner.name);
  await expect(page.getByRole('link', { name: 'Next 25 orders' })).toHaveCount(0);

  await page.getByRole('link', { name: 'Back to the most urgent' }).click();
  await expect(rows).toHaveCount(25);
  await expect(rows.first()).toContainText(`#${orders[0]!.number}`);
});

test('[SUPPORT] a row opens its order inside the app, and with Ctrl in a new tab', async ({ page, context, data, signInAs }) => {
  const partner = await data.createOrganisation({ kind: 'ecr_integrator', name: `Rows ${randomUUID().slice(0, 6)} Oy` });
  const admin = await data.createMember({ organisationId: partner.id, role: 'partner_admin' });
  const order = await data.createOrder({ organisationId: partner.id, createdByUserId: admin.id });
  const agent = await data.createPerson('support_agent');
  await signInAs(agent.user.id);

  await page.goto(`/support?partner=${encodeURIComponent(partner.name)}`);
  const row = page.getByTestId('queue').getByRole('link', { name: new RegExp(`#${order.number}`) });

  // A new tab gets the order's page and leaves the queue where it is.
  const [tab] = await Promise.all([context.waitForEvent('page'), row.click({ modifiers: ['Control'] })]);
  await expect(tab).toHaveURL(new RegExp(`/orders/${order.id}$`));
  await tab.close();
  await expect(page).toHaveURL(/\/support\?/);

  // A plain click navigates within the app: the document (and this marker on it) stays.
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
  await row.click();
  await expect(page).toHaveURL(new RegExp(`/orders/${order.id}$`));
  await expect(page.getByTestId('timeline')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);

  await page.goBack();
  await expect(page.getByTestId('queue')).toContainText(`#${order.number}`);
});
