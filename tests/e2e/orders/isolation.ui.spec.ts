import type { Page } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { orders } from '@/db/schema';
import { expect, test } from '../fixtures';

/** Places a channel order through the form and returns its id. */
async function placeChannelOrder(page: Page) {
  await page.goto('/orders/new/form?type=channel');
  await page.getByLabel("Recipient's mobile number").fill('+358 40 765 4321');
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}/);
  return new URL(page.url()).pathname.split('/').at(-1)!;
}

test('[ORDERS] another organisation’s order is 404 by URL, and cancelling it by id changes nothing', async ({ page, data, signInAs, browser }) => {
  const owner = await data.createPerson('partner_admin', 'reseller');
  await signInAs(owner.user.id);
  const victimId = await placeChannelOrder(page);

  const strangerContext = await browser.newContext();
  const stranger = await data.createPerson('partner_admin', 'ecr_integrator');
  await signInAs(stranger.user.id, strangerContext);
  const strangerPage = await strangerContext.newPage();

  for (const path of [`/orders/${victimId}`, `/orders/${victimId}/edit`]) {
    const response = await strangerPage.goto(path);
    expect(response?.status()).toBe(404);
  }

  // The stranger cancels an order of their own, and we send the same request naming the victim's order.
  const ownId = await placeChannelOrder(strangerPage);
  await strangerPage.getByRole('button', { name: 'Cancel order' }).click();
  const [cancelRequest] = await Promise.all([
    strangerPage.waitForRequest((request) => request.method() === 'POST' && request.headers()['next-action'] !== undefined),
    strangerPage.getByRole('alertdialog').getByRole('button', { name: 'Cancel order' }).click(),
  ]);
  await expect(strangerPage.getByTestId('order-status')).toContainText('Cancelled');

  const headers = await cancelRequest.allHeaders();
  const forged = (cancelRequest.postDataBuffer() ?? Buffer.alloc(0)).toString('latin1').replaceAll(ownId, victimId);
  const response = await strangerContext.request.post(cancelRequest.url(), { headers, data: Buffer.from(forged, 'latin1') });
  const body = await response.text();
  expect(body).toContain('NOT_FOUND');
  expect(body).not.toContain('"ok":true');

  const [victim] = await data.db.select().from(orders).where(eq(orders.id, victimId));
  expect(victim!.state).toBe('submitted');

  // Nor does the stranger's list or search reveal it.
  await strangerPage.goto(`/orders?q=${victim!.number}`);
  await expect(strangerPage.getByRole('heading', { name: 'Orders' })).toBeVisible();
  await expect(strangerPage.locator(`a[href="/orders/${victimId}"]`)).toHaveCount(0);
  await strangerPage.goto('/orders');
  await expect(strangerPage.locator(`a[href="/orders/${ownId}"]`)).toHaveCount(1);
  await expect(strangerPage.locator(`a[href="/orders/${victimId}"]`)).toHaveCount(0);
  await strangerContext.close();
});

test('[ORDERS] the server re-validates: a crafted request with a national-format phone is refused field by field and writes nothing', async ({
  page,
  data,
  signInAs,
}) => {
  const { user, organisation } = await data.createPerson('partner_member', 'reseller');
  await signInAs(user.id);
  await page.goto('/orders/new/form?type=channel');
  await page.getByLabel("Recipient's mobile number").fill('+358 40 765 4321');
  // Hold the browser's request back and send a tampered copy of it instead.
  let tampered = '';
  await page.route('**/orders/new/form*', async (route) => {
    const request = route.request();
    if (request.method() !== 'POST') return route.continue();
    const body = (request.postData() ?? '').replace('+358 40 765 4321', '040 765 4321').replace('"Test Person"', '""');
    const response = await route.fetch({ postData: body });
    tampered = await response.text();
    await route.fulfill({ response });
  });
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect.poll(() => tampered).toContain('INVALID_INPUT');
  expect(tampered).toContain('Add the country code');
  expect(tampered).toContain("Enter the recipient's name.");
  // The server's refusal shows like the browser's: in the error summary and beside the fields.
  const summary = page.getByTestId('error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: 'Add the country code: +358 40 123 4567, not 040 123 4567.' })).toBeVisible();
  await expect(summary.getByRole('link', { name: "Enter the recipient's name." })).toBeVisible();
  expect(await data.db.select().from(orders).where(eq(orders.organisationId, organisation.id))).toHaveLength(0);
});
