import { and, eq } from 'drizzle-orm';
import { orderEvents, orders, outboxMessages } from '@/db/schema';
import { expect, test } from '../fixtures';

// English dates as the portal writes them: day first, 24-hour clock, Helsinki time.
const helsinki = (date: Date) =>
  new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Helsinki', hourCycle: 'h23' }).format(date);

test('[ORDERS] a reseller runs the advisor, fixes the phone number, places one order due in a week and gets the email', async ({
  page,
  data,
  signInAs,
  playwright,
}) => {
  const { user, organisation } = await data.createPerson('partner_admin', 'reseller');
  await signInAs(user.id);
  await page.goto('/orders');
  await page.getByRole('link', { name: 'New order' }).click();

  // The advisor: not our own ECR; the supplier may not see our merchants.
  await expect(page.getByText('Do you sell your own ECR (cash register) system?')).toBeVisible();
  await page.getByRole('button', { name: 'No' }).click();
  await expect(page.getByText('May the ECR supplier see your merchants and their terminals?')).toBeVisible();
  await page.getByRole('button', { name: 'No' }).click();
  await expect(page.getByTestId('advisor-result')).toContainText('We recommend: Merchant rights');
  await expect(page.getByTestId('advisor-result')).toContainText('Poplapay adds the merchant');
  await page.getByRole('link', { name: 'Continue with this type' }).click();
  await expect(page.getByRole('radio', { name: /Merchant rights/ })).toBeChecked();

  // The recipient defaults to the orderer.
  await expect(page.getByLabel("Recipient's name")).toHaveValue('Test Person');
  await expect(page.getByLabel("Recipient's email")).toHaveValue(user.email);

  const phone = page.getByLabel("Recipient's mobile number");
  await phone.fill('040 123 4567');
  await page.getByRole('combobox', { name: 'ECR supplier' }).fill('Retail Systems Nordic Oy');
  await page.getByRole('combobox', { name: 'ECR', exact: true }).fill('RSN Kassa');
  await page.getByLabel('Merchant name').fill('Kahvila Aurinko');
  await page.getByLabel('Business ID').fill('2605261-8');
  await page.getByLabel(/Additional information/).fill('RSN Kassa Cloud');
  await page.getByRole('button', { name: 'Place order' }).click();

  // The error summary takes the focus and links to the field; the error shows beside it too.
  const summary = page.getByTestId('error-summary');
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(/^Error: /);
  const problem = summary.getByRole('link', { name: 'Add the country code: +358 40 123 4567, not 040 123 4567.' });
  await expect(page.getByText('Add the country code: +358 40 123 4567, not 040 123 4567.')).toHaveCount(2);
  await expect(phone).toHaveAttribute('aria-invalid', 'true');
  await problem.click();
  await expect(phone).toBeFocused();
  await expect(page.getByLabel('Merchant name')).toHaveValue('Kahvila Aurinko');
  expect(await data.db.select().from(orders).where(eq(orders.organisationId, organisation.id))).toHaveLength(0);

  await phone.fill('+358 40 123 4567');
  const [actionRequest] = await Promise.all([
    page.waitForRequest((request) => request.method() === 'POST' && request.headers()['next-action'] !== undefined),
    page.getByRole('button', { name: 'Place order' }).dblclick(),
  ]);
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}\?placed=1$/);
  await expect(page.getByRole('status').filter({ hasText: 'placed. Poplapay has it.' })).toBeVisible();

  const placed = await data.db.select().from(orders).where(eq(orders.organisationId, organisation.id));
  expect(placed).toHaveLength(1);
  const order = placed[0]!;
  expect(order).toMatchObject({ type: 'merchant_rights', recipientPhone: '+358401234567', state: 'submitted' });
  expect(order.dueAt.getTime() - order.submittedAt.getTime()).toBe(7 * 24 * 3600_000);
  await expect(page.getByTestId('order-due')).toHaveText(helsinki(order.dueAt));
  // In full to the orderer while the order is open, to catch a typo; never as raw E.164.
  await expect(page.getByText('+358 40 1234567')).toBeVisible();
  await expect(page.getByText('+358401234567')).toHaveCount(0);
  await expect(page.getByTestId('timeline')).toContainText('Test Person placed the order');

  // The same request sent again (a retry, a second tab) still leaves one order.
  const replay = await playwright.request.newContext({ storageState: await page.context().storageState() });
  const headers = await actionRequest.allHeaders();
  delete headers.cookie;
  const again = await replay.post(actionRequest.url(), { headers, data: actionRequest.postDataBuffer() ?? undefined });
  expect(await again.text()).toContain(order.id);
  await replay.dispose();
  expect(await data.db.select().from(orders).where(eq(orders.organisationId, organisation.id))).toHaveLength(1);
  expect(await data.db.select().from(orderEvents).where(eq(orderEvents.orderId, order.id))).toHaveLength(1);

  // The confirmation email, sent by the job queue.
  await expect
    .poll(async () => (await data.db.select().from(outboxMessages).where(eq(outboxMessages.recipient, user.email))).map((message) => message.subject))
    .toEqual([`Order ${order.number} received: Merchant rights`]);
  const [email] = await data.db.select().from(outboxMessages).where(and(eq(outboxMessages.recipient, user.email)));
  expect(email!.bodyText).toContain('(Helsinki time)');

  // And the order is in the list with its time left.
  await page.goto('/orders');
  const row = page.getByTestId('order-list').getByRole('link', { name: new RegExp(`#${order.number}`) });
  await expect(row).toContainText('Kahvila Aurinko');
  await expect(row).toContainText('7 days left');
});

test('[ORDERS] the form refuses a landline and a wrong business ID check digit beside the fields', async ({ page, data, signInAs }) => {
  const { user } = await data.createPerson('partner_member', 'ecr_integrator');
  await signInAs(user.id);
  await page.goto('/orders/new/form?type=merchant');
  await page.getByLabel("Recipient's mobile number").fill('+358 9 1234567');
  await page.getByLabel('Merchant name').fill('Kukkakauppa Ruusu');
  await page.getByLabel('Business ID').fill('2605261-7');
  await page.getByRole('button', { name: 'Place order' }).click();
  const summary = page.getByTestId('error-summary');
  await expect(summary.getByRole('link', { name: 'This looks like a landline. The number must be able to receive SMS: use a mobile number.' })).toBeVisible();
  await expect(summary.getByRole('link', { name: 'The check digit does not match: check the business ID for typos.' })).toBeVisible();
  await expect(page).toHaveURL(/\/orders\/new\/form/);
});

test('[ORDERS] a partner cancels an order before fulfilment; the timeline says so', async ({ page, data, signInAs }) => {
  const { user, organisation } = await data.createPerson('partner_member', 'ecr_integrator');
  await signInAs(user.id);
  await page.goto('/orders/new/form?type=channel');
  await page.getByLabel("Recipient's mobile number").fill('+46 70 123 45 67');
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}/);

  await page.getByRole('button', { name: 'Cancel order' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel order' }).click();
  await expect(page.getByTestId('order-status')).toContainText('Cancelled');
  await expect(page.getByTestId('timeline')).toContainText('Test Person cancelled the order');
  await expect(page.getByRole('button', { name: 'Cancel order' })).toHaveCount(0);
  const [order] = await data.db.select().from(orders).where(eq(orders.organisationId, organisation.id));
  expect(order!.state).toBe('cancelled');
});

test('[ORDERS] when support asks, the partner answers and the order goes back to the queue', async ({ page, data, signInAs }) => {
  const { user, organisation } = await data.createPerson('partner_admin', 'ecr_supplier');
  await signInAs(user.id);
  await page.goto('/orders/new/form?type=sub_channel');
  await page.getByLabel("Recipient's mobile number").fill('+358 50 1234567');
  await page.getByRole('combobox', { name: 'ECR supplier' }).fill('Retail Systems Nordic Oy');
  await page.getByRole('combobox', { name: 'ECR', exact: true }).fill('RSN Kassa');
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}/);
  const [order] = await data.db.select().from(orders).where(eq(orders.organisationId, organisation.id));

  // Support's question, as the fulfilment work records it.
  await data.db.update(orders).set({ state: 'needs_info' }).where(eq(orders.id, order!.id));
  await data.db.insert(orderEvents).values({ orderId: order!.id, organisationId: organisation.id, kind: 'question_asked', data: { question: 'Which resellers use this sub-channel?' } });

  await page.reload();
  await expect(page.getByText('Which resellers use this sub-channel?').first()).toBeVisible();
  await expect(page.getByText('Clock paused: waiting for your answer')).toBeVisible();
  await page.getByRole('button', { name: 'Send answer' }).click();
  await expect(page.getByTestId('error-summary').getByRole('link', { name: 'Write your answer.' })).toBeVisible();
  await expect(page.getByTestId('error-summary')).toBeFocused();
  await page.getByLabel('Your answer').fill('Maksupiste Oy and Kassapiste Oy.');
  await page.getByRole('button', { name: 'Send answer' }).click();
  await expect(page.getByTestId('order-status')).toContainText('Submitted');
  await expect(page.getByTestId('timeline')).toContainText('Test Person answered');
  await expect(page.getByTestId('timeline')).toContainText('Maksupiste Oy and Kassapiste Oy.');
  await expect(page.getByText('Clock paused')).toHaveCount(0);
});
