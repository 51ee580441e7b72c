import { eq } from 'drizzle-orm';
import type { Page } from '@playwright/test';
import { Webhook } from 'standardwebhooks';
import { orders } from '@/db/schema';
import { startWebhookReceiver, type ReceivedWebhook } from '@/tests/doubles/webhook-receiver';
import { doubleMessages, expect, reportSmsStatus, test } from '../fixtures';

/** Adds a webhook endpoint on the organisation's webhooks page, as a partner admin does; returns its signing secret. */
async function addEndpoint(page: Page, organisationId: string, url: string, eventTypes: string[]) {
  await page.goto(`/organisations/${organisationId}/webhooks`);
  const form = page.getByTestId('webhook-form');
  await form.getByLabel('Endpoint URL').fill(url);
  for (const type of eventTypes) await form.locator(`input[name="eventTypes"][value="${type}"]`).check();
  await form.getByRole('button', { name: 'Add endpoint' }).click();
  const secret = await page.getByTestId('webhook-secret').getByLabel('Signing secret').inputValue();
  expect(secret).toMatch(/^whsec_/);
  return secret;
}

/** What a receiver got, each request verified with the standardwebhooks library (throws on a bad signature). */
const verified = (received: ReceivedWebhook[], secret: string) =>
  received.map((request) => ({ id: request.headers['webhook-id']!, ...(new Webhook(secret).verify(request.body, request.headers) as { type: string; data: { orderId: string } }) }));

test('[API] a partner admin creates a key and webhook endpoints in the browser; an order placed through the API is fulfilled by support in the browser; signed webhooks report each step once, in order, and a failing receiver gets its event on the third attempt', async ({
  browser,
  page,
  data,
  signInAs,
  api,
}) => {
  // The third attempt comes after pg-boss's backoff of 15 s, then about 30 s.
  test.setTimeout(180_000);
  const receiver = await startWebhookReceiver();
  const flaky = await startWebhookReceiver({ respondWith: [500, 500] });
  const partner = await data.createPerson('partner_admin', 'ecr_integrator');
  await signInAs(partner.user.id);

  // The key, created on the organisation page and shown once.
  await page.goto(`/organisations/${partner.organisation.id}`);
  const form = page.getByTestId('api-key-form');
  await form.getByLabel('Name').fill('ECR backend');
  await form.getByLabel(/Read and order/).check();
  await form.getByRole('button', { name: 'Create key' }).click();
  const key = await page.getByTestId('new-api-key').getByLabel('Your new API key').inputValue();
  expect(key).toMatch(/^cpos_live_[0-9A-Za-z]{43}$/);

  // Two endpoints: the integrator's receiver for the order's life, and one that fails twice.
  const secret = await addEndpoint(page, partner.organisation.id, receiver.url, ['order.submitted', 'order.account_created', 'sms.delivered', 'order.completed']);
  const flakySecret = await addEndpoint(page, partner.organisation.id, flaky.url, ['order.submitted']);

  // The integrator's system orders an account for its merchant.
  const phone = `+35840${String(Date.now()).slice(-7)}`;
  const placed = await api.withKey(key).post('/orders', {
    headers: { 'Idempotency-Key': `merchant-${phone}` },
    data: {
      type: 'merchant',
      recipientName: 'Maija Meikäläinen',
      recipientEmail: `maija.${phone.slice(-7)}@kahvilakulma.example`,
      recipientPhone: phone,
      merchantName: 'Kahvila Kulma Oy',
      merchantBusinessId: '2961234-2',
    },
  });
  expect(placed.status, JSON.stringify(placed.body)).toBe(201);
  expect(placed.body).toMatchObject({ state: 'submitted', recipientPhone: expect.stringMatching(/^\+358 40/), timeline: [{ kind: 'submitted', actor: { type: 'api_key', name: 'ECR backend' } }] });
  const orderId: string = placed.body.id;

  // The portal shows who placed it, and the page lists the key as used.
  await page.goto(`/orders/${orderId}`);
  await expect(page.getByTestId('timeline')).toContainText('API key “ECR backend”');

  // Support fulfils it in the browser.
  const agent = await data.createPerson('support_agent');
  const support = await browser.newContext();
  await signInAs(agent.user.id, support);
  const supportPage = await support.newPage();
  await supportPage.goto(`/support?partner=${encodeURIComponent(partner.organisation.name)}`);
  await supportPage.getByTestId('queue').getByRole('link', { name: new RegExp(`#${placed.body.number}`) }).click();
  await supportPage.getByRole('button', { name: 'Take it' }).click();
  await expect(supportPage.getByText('You have this order.')).toBeVisible();
  const credentials = supportPage.getByTestId('credentials-form');
  await credentials.getByLabel('CloudPOS username').fill(`kahvila-kulma-${phone.slice(-4)}`);
  await credentials.getByRole('button', { name: 'Generate a password' }).click();
  const password = await credentials.getByLabel('Initial password').inputValue();
  await credentials.getByRole('button', { name: 'Save and text the password' }).click();
  await expect(supportPage.getByTestId('order-status')).toContainText(/Account created|Credentials sent/);

  // Twilio reports the SMS delivered; the order completes.
  await expect.poll(async () => (await doubleMessages()).filter((message) => message.to === phone).length).toBe(1);
  const [sms] = (await doubleMessages()).filter((message) => message.to === phone);
  expect((await reportSmsStatus(sms!, 'sent')).status).toBe(204);
  expect((await reportSmsStatus(sms!, 'delivered')).status).toBe(204);
  await expect.poll(async () => (await data.db.select().from(orders).where(eq(orders.id, orderId)))[0]!.state).toBe('completed');

  // The API tells the same story as the timeline, and the number is masked now.
  const followed = await api.withKey(key).get(`/orders/${orderId}`);
  expect(followed.status).toBe(200);
  expect(followed.body.state).toBe('completed');
  expect(followed.body.recipientPhone).not.toContain(phone.slice(4, -3));
  expect(followed.body.timeline.map((event: { kind: string }) => event.kind)).toEqual(
    expect.arrayContaining(['submitted', 'claimed', 'account_created', 'credentials_sent', 'completed']),
  );
  expect(JSON.stringify(followed.body)).not.toContain(password);
  await support.close();

  // The receiver got each step once, in the order it happened, signed with its endpoint's secret.
  const steps = ['order.submitted', 'order.account_created', 'sms.delivered', 'order.completed'];
  await expect.poll(() => receiver.received.length, { timeout: 30_000 }).toBe(steps.length);
  const events = verified(receiver.received, secret);
  expect(events.map((event) => event.type)).toEqual(steps);
  expect(new Set(events.map((event) => event.id)).size).toBe(steps.length);
  expect(events.every((event) => event.data.orderId === orderId)).toBe(true);
  expect(receiver.received.map((request) => request.body).join('\n')).not.toContain(password);
  expect(receiver.received.map((request) => request.body).join('\n')).not.toContain(phone.slice(4));

  // The receiver that answered 500 twice has the same event three times, accepted the third.
  await expect.poll(() => flaky.received.length, { timeout: 120_000, intervals: [2_000] }).toBe(3);
  const attempts = verified(flaky.received, flakySecret);
  expect(attempts.map((event) => event.type)).toEqual(['order.submitted', 'order.submitted', 'order.submitted']);
  expect(new Set(attempts.map((event) => event.id)).size).toBe(1);
  await page.waitForTimeout(2_000);
  expect(flaky.received).toHaveLength(3);
  await receiver.close();
  await flaky.close();
});
