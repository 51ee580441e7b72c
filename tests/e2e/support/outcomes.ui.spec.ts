import { eq } from 'drizzle-orm';
import type { Page } from '@playwright/test';
import { orders } from '@/db/schema';
import { doubleMessages, expect, reportSmsStatus, test } from '../fixtures';


/** The text of what has the focus: after an action, the result. */
const focused = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');

test('[SUPPORT] taking an order and saving credentials move the focus to the result; the SMS status reaches delivered without a reload and Ask disappears', async ({
  page,
  data,
  signInAs,
}) => {
  const partner = await data.createPerson('partner_admin', 'ecr_integrator');
  const phone = `+35840${String(Date.now()).slice(-7)}`;
  const order = await data.createOrder({ organisationId: partner.organisation.id, createdByUserId: partner.user.id, recipientPhone: phone });
  const agent = await data.createPerson('support_agent');
  await signInAs(agent.user.id);

  await page.goto(`/orders/${order.id}`);
  // Support never sees the whole number.
  await expect(page.getByText(phone.slice(6, 10))).toHaveCount(0);
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));

  await page.getByRole('button', { name: 'Take it' }).click();
  await expect(page.getByTestId('action-outcome')).toHaveText('You took the order.');
  await expect.poll(() => focused(page)).toBe('You took the order.');
  await expect(page.getByRole('heading', { name: 'Ask the partner' })).toBeVisible();

  const form = page.getByTestId('credentials-form');
  await form.getByLabel('CloudPOS username').fill('outcomes-channel-01');
  await form.getByRole('button', { name: 'Generate a password' }).click();
  await form.getByRole('button', { name: 'Save and text the password' }).click();
  const saved = 'Saved. The password is on its way by SMS; its status below updates by itself.';
  await expect(page.getByRole('status').filter({ hasText: saved })).toBeVisible();
  await expect.poll(() => focused(page)).toBe(saved);
  await expect(page.getByRole('heading', { name: 'Ask the partner' })).toHaveCount(0);
  await expect(page.getByTestId('support-panel')).toHaveCount(0);

  await expect.poll(async () => (await doubleMessages()).filter((message) => message.to === phone).length).toBe(1);
  const [sms] = (await doubleMessages()).filter((message) => message.to === phone);
  const status = page.getByTestId('delivery-status');
  await expect(status).toHaveAttribute('role', 'status');

  expect((await reportSmsStatus(sms!, 'sent')).status).toBe(204);
  await expect(status).toContainText('sent · attempt 1');
  expect((await reportSmsStatus(sms!, 'delivered')).status).toBe(204);
  await expect(status).toContainText('delivered · attempt 1');
  await expect(page.getByTestId('order-status')).toContainText('Completed');
  // All of it without a reload: the page's own state survived.
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
});

test('[SUPPORT] rejecting asks first; the partner reads the reason at the top of the order', async ({ page, browser, data, signInAs }) => {
  const partner = await data.createPerson('partner_admin', 'reseller');
  const order = await data.createOrder({ organisationId: partner.organisation.id, createdByUserId: partner.user.id });
  const agent = await data.createPerson('support_agent');
  await signInAs(agent.user.id);
  await page.goto(`/orders/${order.id}`);

  const reason = 'The merchant already has an account on this integration.';
  await page.getByLabel('Reason').fill(reason);
  await page.getByRole('button', { name: 'Reject' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Reject the order' });
  await expect(dialog).toContainText(`Reject order ${order.number}?`);
  await dialog.getByRole('button', { name: 'Keep the order' }).click();
  await expect(dialog).toBeHidden();
  expect((await data.db.select().from(orders).where(eq(orders.id, order.id)))[0]!.state).toBe('submitted');

  await page.getByRole('button', { name: 'Reject' }).click();
  await dialog.getByRole('button', { name: 'Reject' }).click();
  const done = 'The order is rejected. The orderer gets your reason by email.';
  await expect(page.getByTestId('action-outcome')).toHaveText(done);
  await expect.poll(() => focused(page)).toBe(done);
  await expect(page.getByTestId('order-status')).toContainText('Rejected');

  const partnerContext = await browser.newContext();
  await signInAs(partner.user.id, partnerContext);
  const partnerPage = await partnerContext.newPage();
  await partnerPage.goto(`/orders/${order.id}`);
  const rejection = partnerPage.getByTestId('rejection');
  await expect(rejection).toContainText('Support rejected this order');
  await expect(rejection).toContainText(reason);
  // At the top: before the order's details and its timeline.
  const top = await rejection.boundingBox();
  const timeline = await partnerPage.getByTestId('timeline').boundingBox();
  const due = await partnerPage.getByTestId('order-due').boundingBox();
  expect(top!.y).toBeLessThan(due!.y);
  expect(top!.y).toBeLessThan(timeline!.y);
  await partnerContext.close();
});

test('[ORDERS] the orderer sees the full number while the order is open and masked once it is done; cancelling moves the focus to the result', async ({
  page,
  data,
  signInAs,
}) => {
  const partner = await data.createPerson('partner_member', 'reseller');
  const open = await data.createOrder({ organisationId: partner.organisation.id, createdByUserId: partner.user.id, recipientPhone: '+358401234567' });
  const done = await data.createOrder({ organisationId: partner.organisation.id, createdByUserId: partner.user.id, recipientPhone: '+358401234567', state: 'completed' });
  await signInAs(partner.user.id);

  await page.goto(`/orders/${done.id}`);
  await expect(page.getByText('+358 •• ••••567')).toBeVisible();
  await expect(page.getByText('1234567')).toHaveCount(0);

  await page.goto(`/orders/${open.id}`);
  await expect(page.getByText('+358 40 1234567')).toBeVisible();
  // A channel account has no ECR, merchant or additional information: left out, not "None".
  await expect(page.getByText('Merchant', { exact: true })).toHaveCount(0);
  await expect(page.getByText('Additional information', { exact: true })).toHaveCount(0);

  await page.getByRole('button', { name: 'Cancel order' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel order' }).click();
  await expect(page.getByTestId('action-outcome')).toHaveText('The order is cancelled.');
  await expect.poll(() => focused(page)).toBe('The order is cancelled.');
  await expect(page.getByTestId('order-status')).toContainText('Cancelled');
  await expect(page.getByText('+358 •• ••••567')).toBeVisible();
});

test('[SUPPORT] the overview fits a 390 px phone, with readable labels and values on the bars', async ({ page, data, signInAs }) => {
  const agent = await data.createPerson('support_agent');
  await signInAs(agent.user.id);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/support/overview');
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  // On failure, the message names the widest elements that stick out.
  const sticking = await page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .map((node) => ({ node, right: node.getBoundingClientRect().right }))
      .filter(({ right }) => right > 390)
      .slice(0, 5)
      .map(({ node, right }) => `${node.tagName.toLowerCase()}.${String(node.getAttribute('class')).slice(0, 60)} → ${Math.round(right)}`),
  );
  expect(await page.evaluate(() => document.documentElement.scrollWidth), sticking.join('\n')).toBeLessThanOrEqual(390);
  const chart = page.getByTestId('bar-chart').first();
  await expect(chart.getByTestId('bar-value').first()).toBeVisible();
  const smallest = await page.evaluate(() =>
    Math.min(...[...document.querySelectorAll('[data-testid="bar-chart"] span')].map((node) => parseFloat(getComputedStyle(node).fontSize))),
  );
  expect(smallest).toBeGreaterThanOrEqual(12);
});
