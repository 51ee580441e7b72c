import { desc, eq, inArray } from 'drizzle-orm';
import type { Browser, Page } from '@playwright/test';
import { auditEvents, orders, organisations, outboxMessages } from '@/db/schema';
import { doubleMessages, expect, linkIn, reportSmsStatus, test } from '../fixtures';

type Data = Parameters<Parameters<typeof test>[2]>[0]['data'];

const latestEmailTo = async (data: Data, address: string) =>
  (await data.db.select().from(outboxMessages).where(eq(outboxMessages.recipient, address)).orderBy(desc(outboxMessages.createdAt)))[0];

/** A support admin creates a partner organisation through the admin form and invites its first admin. */
async function createPartner(page: Page, data: Data, partner: { kind: string; name: string; businessId: string; adminEmail: string }) {
  await page.goto('/admin/organisations/new');
  await page.getByLabel('Kind').selectOption(partner.kind);
  await page.getByLabel('Name').fill(partner.name);
  await page.getByLabel('Business ID').fill(partner.businessId);
  await page.getByRole('button', { name: 'Create organisation' }).click();
  await expect(page.getByRole('status')).toContainText(`${partner.name} created.`);
  await page.getByRole('link', { name: "Open the organisation's page" }).click();
  const form = page.getByTestId('invite-form');
  await form.getByLabel('Email address').fill(partner.adminEmail);
  await form.getByLabel('Role').selectOption('partner_admin');
  await form.getByRole('button', { name: 'Send invitation' }).click();
  await expect(form.getByText(`Invitation sent to ${partner.adminEmail}.`)).toBeVisible();
  // A new organisation in Finland: its first admin is invited in Finnish.
  await expect.poll(async () => (await latestEmailTo(data, partner.adminEmail))?.subject).toBe('Sinut on kutsuttu CloudPOS-tilitilauksiin');
}

/** The invited admin accepts in a browser of their own and signs in by the magic link. */
async function acceptInvitation(browser: Browser, data: Data, email: string, organisationName: string) {
  const invitation = await latestEmailTo(data, email);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(linkIn(invitation!.bodyText, '/invitations/')!);
  await page.getByLabel('Your name').fill(`Admin of ${organisationName}`);
  await page.getByRole('button', { name: 'Accept and sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  await expect.poll(async () => (await latestEmailTo(data, email))?.subject).toBe('Your sign-in link to CloudPOS Account Orders');
  await page.goto(linkIn((await latestEmailTo(data, email))!.bodyText, '/api/auth/callback/email')!);
  await expect(page.getByTestId('header-organisation')).toHaveText(organisationName);
  await expect(page.getByRole('banner').getByText('Partner admin').first()).toBeVisible();
  return page;
}

/** A support admin adds a catalogue entry linking a supplier and a reseller, as 3a or 3b. */
async function addCatalogueEntry(page: Page, entry: { supplier: string; ecr: string; integration: string; reseller: string; visibility: '3a' | '3b' }) {
  await page.goto('/admin/catalogue/new');
  const form = page.getByTestId('catalogue-form');
  await form.getByLabel('ECR supplier').fill(entry.supplier);
  await form.getByLabel('ECR', { exact: true }).fill(entry.ecr);
  await form.getByLabel('Integration name').fill(entry.integration);
  await form.getByLabel("Supplier's organisation in the portal").selectOption({ label: entry.supplier });
  await form.getByRole('radio', { name: entry.visibility === '3a' ? /3a, a sub-channel/ : /3b, merchant rights/ }).check();
  await form.getByRole('checkbox', { name: entry.reseller }).check();
  await form.getByRole('button', { name: 'Create entry' }).click();
  await expect(page.getByRole('status')).toContainText('Catalogue entry created.');
}

/** A partner fills in and places an order of the given type. */
async function placeOrder(page: Page, order: { type: RegExp; supplier: string; ecr: string; phone: string; merchant?: { name: string; businessId: string }; info?: string }) {
  await page.goto('/orders/new/form');
  await page.getByRole('radio', { name: order.type }).check();
  // A newly invited admin has no name yet, so the recipient's name is not filled in for them.
  await page.getByLabel("Recipient's name").fill('Riikka Vastaanottaja');
  await page.getByLabel("Recipient's mobile number").fill(order.phone);
  await page.getByRole('combobox', { name: 'ECR supplier' }).fill(order.supplier);
  await page.getByRole('combobox', { name: 'ECR', exact: true }).fill(order.ecr);
  if (order.merchant) {
    await page.getByLabel('Merchant name').fill(order.merchant.name);
    await page.getByLabel('Business ID').fill(order.merchant.businessId);
  }
  if (order.info) await page.getByLabel(/Additional information/).fill(order.info);
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}\?placed=1$/);
  return new URL(page.url()).pathname.split('/').at(-1)!;
}

/** Twilio's signed `delivered` callback for the SMS sent to a phone. */
async function deliverSmsTo(phone: string) {
  await expect.poll(async () => (await doubleMessages()).filter((message) => message.to === phone).length).toBe(1);
  const sms = (await doubleMessages()).find((message) => message.to === phone)!;
  expect((await reportSmsStatus(sms, 'delivered')).status).toBe(204);
}

const stamp = () => String(Date.now()).slice(-6);
const mobile = () => `+35840${String(Date.now()).slice(-7)}`;

test('[SUB-CHANNELS] 3a: support links a new supplier and reseller; the reseller connects a merchant to the supplier\'s sub-channel without an order, and the supplier sees it', async ({
  page,
  data,
  signInAs,
  browser,
}) => {
  test.setTimeout(120_000);
  const id = stamp();
  const supplier = { kind: 'ecr_supplier', name: `Kassatehdas ${id} Oy`, businessId: '3015678-6', adminEmail: `admin-${id}@kassatehdas.example` };
  const reseller = { kind: 'reseller', name: `Maksutalo ${id} Oy`, businessId: '2961234-2', adminEmail: `admin-${id}@maksutalo.example` };
  const ecr = `Tehdaskassa ${id}`;
  const admin = await data.createPerson('support_admin');
  await signInAs(admin.user.id);

  // Support admin: two partners, their first admins invited, and a 3a catalogue entry linking them.
  await createPartner(page, data, supplier);
  await createPartner(page, data, reseller);
  await addCatalogueEntry(page, { supplier: supplier.name, ecr, integration: `${ecr} Cloud`, reseller: reseller.name, visibility: '3a' });
  await page.goto('/admin/catalogue');
  await expect(page.getByTestId('catalogue-list')).toContainText(`sold by ${reseller.name}`);

  // Both admins accept and are signed in, in their own organisations.
  const supplierPage = await acceptInvitation(browser, data, supplier.adminEmail, supplier.name);
  const resellerPage = await acceptInvitation(browser, data, reseller.adminEmail, reseller.name);

  // Before the sub-channel exists, the reseller has nothing to connect merchants to.
  await resellerPage.goto('/sub-channels');
  await expect(resellerPage.getByText('No sub-channels yet')).toBeVisible();

  // The supplier orders its sub-channel; support fulfils it and the SMS is delivered.
  const phone = mobile();
  const orderId = await placeOrder(supplierPage, { type: /Sub-channel/, supplier: supplier.name, ecr, phone });
  await page.goto(`/orders/${orderId}`);
  await page.getByRole('button', { name: 'Take it' }).click();
  const credentials = page.getByTestId('credentials-form');
  await credentials.getByLabel('CloudPOS username').fill(`kassatehdas-${id}-sub`);
  await credentials.getByRole('button', { name: 'Generate a password' }).click();
  await credentials.getByRole('button', { name: 'Save and text the password' }).click();
  await deliverSmsTo(phone);
  await page.reload();
  await expect(page.getByTestId('order-status')).toContainText('Completed');

  // The reseller finds the sub-channel and adds a merchant with two Terminal IDs: no new order.
  const partnerIds = data.db.select({ id: organisations.id }).from(organisations).where(inArray(organisations.name, [supplier.name, reseller.name]));
  const partnerOrders = async () => (await data.db.select().from(orders).where(inArray(orders.organisationId, partnerIds))).length;
  expect(await partnerOrders()).toBe(1);
  await resellerPage.goto('/sub-channels');
  await resellerPage.getByTestId('sub-channel-list').getByRole('link', { name: new RegExp(ecr) }).click();
  await expect(resellerPage.getByRole('heading', { name: `${supplier.name} · ${ecr}` })).toBeVisible();
  const merchantForm = resellerPage.getByTestId('merchant-form');
  await merchantForm.getByLabel("Merchant's name").fill('Kahvila Kuu');
  await merchantForm.getByLabel('Business ID').fill('2605261-9');
  await merchantForm.getByLabel('Contact person').fill('Kaisa Kuu');
  await merchantForm.getByLabel('Contact email').fill('kaisa@kahvilakuu.example');
  await merchantForm.getByLabel('Terminal IDs').fill('tid-8801\nTID-8802');
  await merchantForm.getByRole('button', { name: 'Add merchant' }).click();
  // A wrong check digit is caught before anything is sent, and what was typed stays.
  await expect(merchantForm.getByTestId('error-summary').getByRole('link', { name: /The check digit does not match/ })).toBeVisible();
  await expect(merchantForm.getByLabel('Terminal IDs')).toHaveValue('tid-8801\nTID-8802');
  await merchantForm.getByLabel('Business ID').fill('2605261-8');
  await merchantForm.getByRole('button', { name: 'Add merchant' }).click();
  await expect(merchantForm.getByText('Kahvila Kuu added.')).toBeVisible();
  const merchant = resellerPage.getByTestId('merchant').filter({ hasText: 'Kahvila Kuu' });
  await expect(merchant).toContainText('TID-8801');
  await expect(merchant).toContainText('TID-8802');
  expect(await partnerOrders()).toBe(1);

  // The supplier sees the merchant and its terminals, marked as the reseller's, read-only.
  await supplierPage.goto('/sub-channels');
  await expect(supplierPage.getByTestId('sub-channel-list')).toContainText('1 merchant');
  await supplierPage.getByTestId('sub-channel-list').getByRole('link', { name: new RegExp(ecr) }).click();
  const seen = supplierPage.getByTestId('merchant').filter({ hasText: 'Kahvila Kuu' });
  await expect(seen).toContainText('TID-8801');
  await expect(seen).toContainText('TID-8802');
  await expect(seen).toContainText(`Added by ${reseller.name}`);
  await expect(seen.getByRole('button', { name: /Deactivate/ })).toHaveCount(0);

  // Everything above is in the audit trail.
  const trail = await data.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.actorUserId, admin.user.id));
  expect(trail.map((event) => event.action)).toEqual(expect.arrayContaining(['organisation.created', 'invitation.created', 'catalogue.created']));
  await page.goto('/admin/audit');
  await expect(page.getByTestId('audit-list')).toContainText('Merchant added to a sub-channel');
  await expect(page.getByTestId('audit-list')).toContainText('TID-8801, TID-8802');
  await supplierPage.context().close();
  await resellerPage.context().close();
});

test('[SUB-CHANNELS] 3b: the reseller orders merchant rights, support completes them, and the supplier sees nothing of that merchant', async ({
  page,
  data,
  signInAs,
  browser,
}) => {
  test.setTimeout(90_000);
  const id = stamp();
  const supplier = await data.createPerson('partner_admin', 'ecr_supplier');
  const reseller = await data.createPerson('partner_admin', 'reseller');
  const ecr = `Salakassa ${id}`;
  const admin = await data.createPerson('support_admin');
  await signInAs(admin.user.id);
  await addCatalogueEntry(page, { supplier: supplier.organisation.name, ecr, integration: `${ecr} Cloud`, reseller: reseller.organisation.name, visibility: '3b' });

  // The reseller orders merchant rights, naming the integration.
  const resellerContext = await browser.newContext();
  await signInAs(reseller.user.id, resellerContext);
  const resellerPage = await resellerContext.newPage();
  const merchantName = `Piilokahvila ${id}`;
  const orderId = await placeOrder(resellerPage, {
    type: /Merchant rights/,
    supplier: supplier.organisation.name,
    ecr,
    phone: mobile(),
    merchant: { name: merchantName, businessId: '2605261-8' },
    info: `${ecr} Cloud`,
  });

  // Support adds the rights and completes the order.
  await page.goto(`/orders/${orderId}`);
  await page.getByRole('button', { name: 'Take it' }).click();
  await page.getByRole('button', { name: 'Complete the order' }).click();
  await expect(page.getByTestId('order-status')).toContainText('Completed');
  await resellerPage.goto(`/orders/${orderId}`);
  await expect(resellerPage.getByTestId('order-status')).toContainText('Completed');
  await expect(resellerPage.getByText(merchantName).first()).toBeVisible();

  // The supplier: no sub-channel to see it under, not in its orders, and the order itself is a 404.
  const supplierContext = await browser.newContext();
  await signInAs(supplier.user.id, supplierContext);
  const supplierPage = await supplierContext.newPage();
  for (const path of ['/sub-channels', '/orders']) {
    await supplierPage.goto(path);
    await expect(supplierPage.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await supplierPage.content(), path).not.toContain(merchantName);
  }
  const response = await supplierPage.goto(`/orders/${orderId}`);
  expect(response?.status()).toBe(404);
  expect(await supplierPage.content()).not.toContain(merchantName);
  // Nor can the reseller use a sub-channel for a 3b integration.
  await resellerPage.goto('/sub-channels');
  await expect(resellerPage.getByText('No sub-channels yet')).toBeVisible();
  await resellerContext.close();
  await supplierContext.close();
});
