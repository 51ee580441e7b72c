import { readFileSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import twilio from 'twilio';
import { credentials, orderEvents, orders, outboxMessages, smsDeliveries } from '@/db/schema';
import { E2E_SERVER_LOG, E2E_URL, TEST_TWILIO } from '@/tests/support/test-env';
import { doubleMessages, expect, test } from '../fixtures';


/** A status callback as Twilio sends it: form-encoded, signed over the public URL and the params. */
function callback(deliveryId: string, params: Record<string, string>, signature?: string) {
  const url = `${E2E_URL}/api/webhooks/twilio/status/${deliveryId}`;
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(signature !== undefined ? { 'x-twilio-signature': signature } : {}),
    },
    body: new URLSearchParams(params).toString(),
  });
}
const sign = (deliveryId: string, params: Record<string, string>) =>
  twilio.getExpectedTwilioSignature(TEST_TWILIO.authToken, `${E2E_URL}/api/webhooks/twilio/status/${deliveryId}`, params);

test('[SUPPORT] an agent claims an order and enters credentials; one SMS carries the password; a signed delivered callback completes it', async ({
  page,
  data,
  signInAs,
}) => {
  const partner = await data.createPerson('partner_admin', 'ecr_integrator');
  const phone = `+35840${String(Date.now()).slice(-7)}`;
  const order = await data.createOrder({ organisationId: partner.organisation.id, createdByUserId: partner.user.id, recipientPhone: phone });
  const agent = await data.createPerson('support_agent');
  await signInAs(agent.user.id);

  await page.goto(`/support?partner=${encodeURIComponent(partner.organisation.name)}`);
  await page.getByTestId('queue').getByRole('link', { name: new RegExp(`#${order.number}`) }).click();
  await page.getByRole('button', { name: 'Take it' }).click();
  await expect(page.getByText('You have this order.')).toBeVisible();

  const form = page.getByTestId('credentials-form');
  await form.getByLabel('CloudPOS username').fill('kassamestarit-channel-01');
  await form.getByRole('button', { name: 'Generate a password' }).click();
  const password = await form.getByLabel('Initial password').inputValue();
  expect(password).toHaveLength(16);
  expect(password).not.toMatch(/[0Oo1lI]/);
  await form.getByRole('button', { name: 'Save and text the password' }).click();
  await expect(page.getByTestId('order-status')).toContainText(/Account created|Credentials sent/);
  await expect(page.getByText(password)).toHaveCount(0);

  // Exactly one SMS, to the E.164 number, with the password.
  await expect.poll(async () => (await doubleMessages()).filter((message) => message.to === phone).length).toBe(1);
  const [sms] = (await doubleMessages()).filter((message) => message.to === phone);
  expect(sms!.body).toContain(password);
  expect(sms!.body).not.toContain('kassamestarit-channel-01');
  expect(sms!.validityPeriod).toBe('900');
  const deliveryId = new URL(sms!.statusCallback!).pathname.split('/').at(-1)!;
  expect(sms!.statusCallback).toBe(`${E2E_URL}/api/webhooks/twilio/status/${deliveryId}`);
  await expect.poll(async () => (await data.db.select().from(orders).where(eq(orders.id, order.id)))[0]!.state).toBe('credentials_sent');

  // Unsigned and forged callbacks are refused and change nothing.
  const delivered = { MessageSid: sms!.sid, MessageStatus: 'delivered', AccountSid: TEST_TWILIO.accountSid };
  expect((await callback(deliveryId, delivered)).status).toBe(403);
  expect((await callback(deliveryId, delivered, 'forged-signature')).status).toBe(403);
  expect((await callback(deliveryId, delivered, sign(deliveryId, { ...delivered, MessageStatus: 'sent' }))).status).toBe(403);
  expect((await data.db.select().from(orders).where(eq(orders.id, order.id)))[0]!.state).toBe('credentials_sent');

  // The real, signed delivered callback completes the order and erases the password.
  expect((await callback(deliveryId, delivered, sign(deliveryId, delivered))).status).toBe(204);
  const [completed] = await data.db.select().from(orders).where(eq(orders.id, order.id));
  expect(completed!.state).toBe('completed');
  const [stored] = await data.db.select().from(credentials).where(eq(credentials.orderId, order.id));
  expect(stored).toMatchObject({ username: 'kassamestarit-channel-01', passwordCiphertext: null, passwordIv: null, passwordTag: null });
  expect(stored!.erasedAt).not.toBeNull();
  await expect.poll(async () => (await doubleMessages()).find((message) => message.sid === sms!.sid)?.redacted).toBe(true);

  // A late `sent` after `delivered` changes nothing.
  const events = (await data.db.select().from(orderEvents).where(eq(orderEvents.orderId, order.id))).length;
  const late = { ...delivered, MessageStatus: 'sent' };
  expect((await callback(deliveryId, late, sign(deliveryId, late))).status).toBe(204);
  expect((await data.db.select().from(smsDeliveries).where(eq(smsDeliveries.id, deliveryId)))[0]!.status).toBe('delivered');
  expect(await data.db.select().from(orderEvents).where(eq(orderEvents.orderId, order.id))).toHaveLength(events);

  // The recipient's email names the username and where the password went.
  await expect
    .poll(async () => (await data.db.select().from(outboxMessages).where(eq(outboxMessages.recipient, order.recipientEmail))).length)
    .toBe(1);
  const [email] = await data.db.select().from(outboxMessages).where(eq(outboxMessages.recipient, order.recipientEmail));
  expect(email!.subject).toBe('Your CloudPOS API account');
  expect(email!.bodyText).toContain('kassamestarit-channel-01');
  expect(email!.bodyText).toContain(`ending in ${phone.slice(-3)}`);

  await page.reload();
  await expect(page.getByTestId('order-status')).toContainText('Completed');
  await expect(page.getByTestId('timeline')).toContainText('The stored password was erased');

  // Nowhere afterwards: no table, no email, no page, and no longer at Twilio.
  const tables = await data.db.execute<{ table_schema: string; table_name: string }>(
    sql`SELECT table_schema, table_name FROM information_schema.tables WHERE table_schema IN ('public', 'pgboss') AND table_type = 'BASE TABLE'`,
  );
  expect(tables.rows.length).toBeGreaterThan(10);
  for (const { table_schema, table_name } of tables.rows) {
    const dump = await data.db.execute(sql.raw(`SELECT * FROM "${table_schema}"."${table_name}"`));
    expect(JSON.stringify(dump.rows), `${table_schema}.${table_name}`).not.toContain(password);
  }
  const emails = await data.db.select().from(outboxMessages);
  expect(JSON.stringify(emails)).not.toContain(password);
  for (const path of [`/orders/${order.id}`, '/support', '/dev/outbox']) {
    await page.goto(path);
    expect(await page.content(), path).not.toContain(password);
  }
  expect(JSON.stringify(await doubleMessages())).not.toContain(password);
  const serverLog = readFileSync(E2E_SERVER_LOG, 'utf8');
  expect(serverLog).toContain('Ready');
  expect(serverLog).not.toContain(password);
});
