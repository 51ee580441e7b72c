import { eq } from 'drizzle-orm';
import { orders } from '@/db/schema';
import { E2E_URL } from '@/tests/support/test-env';
import { doubleMessages, expect, reportSmsStatus, test } from '../fixtures';

/** A call to the partner API as an integrator's system makes it. */
async function api(key: string, path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const response = await fetch(`${E2E_URL}/api/v1${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${key}`, ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}), ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

test('[API] a partner admin creates a key in the browser; an order placed through the API is fulfilled by support in the browser and the API follows it to the end', async ({
  browser,
  page,
  data,
  signInAs,
}) => {
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

  // The integrator's system orders an account for its merchant.
  const phone = `+35840${String(Date.now()).slice(-7)}`;
  const placed = await api(key, '/orders', {
    method: 'POST',
    headers: { 'idempotency-key': `merchant-${phone}` },
    body: {
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
  const followed = await api(key, `/orders/${orderId}`);
  expect(followed.status).toBe(200);
  expect(followed.body.state).toBe('completed');
  expect(followed.body.recipientPhone).not.toContain(phone.slice(4, -3));
  expect(followed.body.timeline.map((event: { kind: string }) => event.kind)).toEqual(
    expect.arrayContaining(['submitted', 'claimed', 'account_created', 'credentials_sent', 'completed']),
  );
  expect(JSON.stringify(followed.body)).not.toContain(password);
  await support.close();
});
