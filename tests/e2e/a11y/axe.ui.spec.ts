import { eq } from 'drizzle-orm';
import type { Page } from '@playwright/test';
import { ecrProducts, organisations, partnerApplications, webhookDeliveries, webhookEndpoints, webhookEvents } from '@/db/schema';
import { accountTypes } from '@/lib/orders/model';
import { businessId } from '@/tests/support/business-ids';
import { expect, test } from '../fixtures';
import {
  WIDTHS,
  axeViolations,
  createInvitationToken,
  createOrdersInEveryState,
  seedPeople,
  seedBatch,
  seedPerson,
  seedSubChannelId,
  type Data,
  type OrderPageState,
} from './a11y-helpers';

/**
 * Every page of the portal through axe (WCAG 2.0/2.1 A and AA), for every role that can see it,
 * at 1280 and 390 px: one test per role and width, each signed in once (a database session, as
 * the fixtures do, so no sign-in requests count against the per-IP limit). Every form is also
 * sent empty, and the page checked again with its field errors and error summary showing.
 */

type Role =
  | 'signedOut'
  | 'newPartner' // a partner member of a new organisation without orders (factories)
  | 'partnerMember' // ECR integrator's member (seed: Juha)
  | 'integratorAdmin' // ECR integrator's admin (seed: Aino)
  | 'supplierAdmin' // ECR supplier's admin (seed: Elina)
  | 'resellerAdmin' // reseller's admin (seed: Laura)
  | 'supportAgent' // seed: Mikko
  | 'supportAdmin'; // seed: Saara

const partners: Role[] = ['partnerMember', 'integratorAdmin', 'supplierAdmin', 'resellerAdmin'];
const partnerAdmins: Role[] = ['integratorAdmin', 'supplierAdmin', 'resellerAdmin'];
const support: Role[] = ['supportAgent', 'supportAdmin'];
const signedIn: Role[] = ['newPartner', ...partners, ...support];
const everyone: Role[] = ['signedOut', ...signedIn];
/** Who reaches a sub-channel: its supplier, the resellers connected to it, and support. */
const subChannelRoles: Role[] = ['supplierAdmin', 'resellerAdmin', ...support];

interface Context {
  role: Role;
  organisationId: string;
  /** The orders this role's order pages show: its own as a partner, a partner's as support. */
  orders: Record<OrderPageState | 'in_progress_rights', string>;
  subChannelId: string;
  partnerOrganisationId: string;
  catalogueEntryId: string;
  invitation: { valid: string; expired: string };
  /** A batch made of `orders` (support's: the partner's whose orders it sees). */
  batchId: string;
  /** An endpoint of the partner's organisation (a partner admin's own, or the one support looks at), with a delivery log. */
  webhookEndpointId?: string;
  /** Partner applications a support admin reviews: an open one with a duplicate business ID, and a declined one. */
  applications?: { open: string; declined: string };
}

/** An open application whose business ID a partner already has (the duplicates card shows), and a declined one with a reason. */
async function seedApplications(data: Data, partnerOrganisationId: string) {
  const [partner] = await data.db.select({ businessId: organisations.businessId }).from(organisations).where(eq(organisations.id, partnerOrganisationId));
  const base = { interest: 'reseller' as const, country: 'FI', contactName: 'Aapo Hakija', phone: '+358401234567', locale: 'fi' as const };
  const [open] = await data.db
    .insert(partnerApplications)
    .values({ ...base, companyName: 'Kahvilakassat Oy', businessId: partner!.businessId ?? '1234567-1', email: `open-${Date.now()}@test.example`, message: 'Myymme päätteitä\nkahviloille.' })
    .returning({ id: partnerApplications.id });
  const [declined] = await data.db
    .insert(partnerApplications)
    .values({ ...base, companyName: 'Hylätty Oy', businessId: '1234567-1', email: `declined-${Date.now()}@test.example`, state: 'declined', decidedAt: new Date(), declineReason: 'Ei tällä kertaa.' })
    .returning({ id: partnerApplications.id });
  return { open: open!.id, declined: declined!.id };
}

/** An endpoint with a delivered and a failed attempt in its log, written directly (the page never opens the secret). */
async function seedWebhookEndpoint(data: Data, organisationId: string) {
  const [endpoint] = await data.db
    .insert(webhookEndpoints)
    .values({ organisationId, url: 'https://hooks.example.com/cloudpos', description: 'ERP', eventTypes: ['order.submitted', 'order.completed'], secretSealed: 'not.a.real.secret', failingSince: new Date() })
    .returning({ id: webhookEndpoints.id });
  const [event] = await data.db
    .insert(webhookEvents)
    .values({ organisationId, type: 'order.submitted', payload: { type: 'order.submitted', timestamp: new Date().toISOString(), data: {} } })
    .returning({ id: webhookEvents.id });
  await data.db.insert(webhookDeliveries).values([
    { eventId: event!.id, endpointId: endpoint!.id, attempt: 1, status: 'failed', responseCode: 500, latencyMs: 120, error: 'HTTP 500' },
    { eventId: event!.id, endpointId: endpoint!.id, attempt: 2, status: 'succeeded', responseCode: 200, latencyMs: 45 },
  ]);
  return endpoint!.id;
}

/**
 * A form sent empty: its text fields cleared, then the named button pressed (and, for an action
 * that asks first, the same button in its confirmation dialog).
 */
const submitEmpty = (button: string, options: { confirm?: true } = {}) => ({
  label: `sent empty (${button})`,
  run: async (page: Page) => {
    const submit = page.getByRole('button', { name: button, exact: true }).first();
    const form = submit.locator('xpath=ancestor::form[1]');
    const fields = form.locator('input:not([type=hidden]):not([type=radio]):not([type=checkbox]):not([type=submit]):not([readonly]), textarea');
    for (const field of await fields.all()) if (await field.isVisible()) await field.fill('');
    await submit.click();
    if (options.confirm) await page.getByRole('alertdialog').getByRole('button', { name: button, exact: true }).click();
    // A confirmed action's refusal shows at its fields, which need not share a form with its button.
    const scope = options.confirm ? page.getByRole('main') : form;
    await expect(scope.locator('[aria-invalid="true"], [role="alert"]:not(:empty)').first()).toBeVisible();
  },
});

/** A merchant-rights file with a ready row, a row with an error and one with a warning, checked on the batch page. */
async function uploadBatchFile(page: Page) {
  const header = ['Recipient name', 'Recipient email', 'Recipient mobile number', 'ECR supplier', 'ECR', 'Merchant name', 'Business ID', 'Additional information'];
  const row = (n: number, ecr: string, id: string) => [`Åsa Äijälä ${n}`, `asa${n}@kauppa.example`, `+358 40 765 43${n}0`, 'Retail Systems Nordic Oy', ecr, `Kahvila Öljymäki ${n}`, id, 'RSN Kassa Cloud'];
  const csv = [header, row(1, 'RSN Kassa', businessId(901, 4_000_000)), row(2, 'RSN Kassa', '1234567-8'), row(3, 'Kassa 3000', businessId(902, 4_000_000))].map((cells) => cells.join(';')).join('\r\n');
  await page.getByRole('radio', { name: /Merchant rights/ }).check();
  await page.getByLabel('Your file').setInputFiles({ name: 'kauppiaat.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByTestId('batch-counts')).toBeVisible();
}

interface PageCheck {
  /** The route in app/ this row checks. */
  route: string;
  name: string;
  path: (context: Context) => string;
  roles: Role[];
  /** Further states of the page, each checked too (forms sent empty, a flow stepped through). */
  states?: { label: string; run: (page: Page) => Promise<void> }[];
  /** The page as loaded is another row's check already: only its states count here. */
  statesOnly?: true;
}

/** Every page of app/, with the roles that see it and the states it is checked in. */
const pages: PageCheck[] = [
  { route: '/sign-in', name: 'sign-in', path: () => '/sign-in', roles: ['signedOut'], states: [submitEmpty('Email me a sign-in link')] },
  { route: '/apply', name: 'apply to become a partner', path: () => '/apply', roles: ['signedOut'], states: [submitEmpty('Send application')] },
  { route: '/sign-in', name: 'sign-in, rate limited', path: () => '/sign-in?error=RateLimited', roles: ['signedOut'] },
  { route: '/sign-in/check-email', name: 'check-email', path: () => '/sign-in/check-email?email=someone%40test.example', roles: ['signedOut'] },
  { route: '/sign-in/error', name: 'sign-in error', path: () => '/sign-in/error?error=Verification', roles: ['signedOut'] },
  { route: '/invitations/[token]', name: 'invitation, valid', path: (c) => `/invitations/${c.invitation.valid}`, roles: ['signedOut'], states: [submitEmpty('Accept and sign in')] },
  { route: '/invitations/[token]', name: 'invitation, expired', path: (c) => `/invitations/${c.invitation.expired}`, roles: ['signedOut'] },
  { route: '/invitations/[token]', name: 'invitation, malformed', path: () => '/invitations/not-a-token', roles: ['signedOut'] },
  { route: '/unavailable', name: 'unavailable', path: () => '/unavailable?from=/orders', roles: everyone },
  { route: '/dev/outbox', name: 'dev outbox', path: () => '/dev/outbox', roles: ['signedOut', 'supportAdmin'] },
  // A 404 rendered for a request (an id nobody may see), as every not-found in the portal is.
  { route: 'not-found.tsx', name: '404', path: () => '/organisations/00000000-0000-4000-8000-000000000000', roles: signedIn },
  {
    route: '/',
    name: 'home (redirects to the landing page)',
    path: () => '/',
    roles: signedIn,
    states: [
      {
        label: 'with the account menu open',
        run: async (page) => {
          await page.getByRole('button', { name: 'Account menu' }).click();
          await expect(page.getByRole('menu', { name: 'Account menu' })).toBeVisible();
        },
      },
    ],
  },
  { route: '/orders', name: 'orders, empty', path: () => '/orders', roles: ['newPartner'] },
  { route: '/orders', name: 'orders', path: () => '/orders', roles: partners },
  { route: '/orders', name: 'orders, filtered', path: () => '/orders?state=open&type=channel&q=Riikka', roles: partners },
  { route: '/orders', name: 'orders, no matches', path: () => '/orders?state=cancelled&q=no-such-order', roles: partners },
  {
    route: '/orders/new',
    name: 'new order, advisor',
    path: () => '/orders/new',
    roles: ['newPartner', ...partners],
    states: [
      {
        label: 'with a recommendation',
        run: async (page) => {
          await page.getByRole('button', { name: 'No', exact: true }).click();
          await page.getByRole('button', { name: 'No', exact: true }).click();
          await expect(page.getByTestId('advisor-result')).toBeVisible();
        },
      },
    ],
  },
  { route: '/orders/new/form', name: 'new order, type chooser', path: () => '/orders/new/form', roles: partners, states: [submitEmpty('Place order')] },
  ...accountTypes.map((type) => ({
    route: '/orders/new/form',
    name: `new order, ${type}`,
    path: () => `/orders/new/form?type=${type}`,
    roles: partners,
    states: [submitEmpty('Place order')],
  })),
  {
    route: '/orders/new/batch',
    name: 'new batch, upload',
    path: () => '/orders/new/batch',
    roles: ['newPartner', ...partners],
    states: [
      {
        label: 'sent empty',
        run: async (page) => {
          await page.getByRole('button', { name: 'Check the file' }).click();
          await expect(page.getByTestId('error-summary')).toBeFocused();
        },
      },
      {
        label: 'with a checked file and a cell being fixed',
        run: async (page) => {
          await uploadBatchFile(page);
          await page.getByRole('button', { name: /^Fix / }).first().click();
          await expect(page.getByRole('textbox', { name: /, row \d+$/ })).toBeFocused();
        },
      },
      {
        label: 'with every row shown and the submit confirmation open',
        run: async (page) => {
          await uploadBatchFile(page);
          await page.getByRole('radio', { name: /^All rows/ }).check();
          await page.getByRole('button', { name: /^Submit \d+ orders?$/ }).click();
          await expect(page.getByRole('alertdialog')).toBeVisible();
        },
      },
    ],
  },
  { route: '/orders/batches', name: 'batches, empty', path: () => '/orders/batches', roles: ['newPartner'] },
  { route: '/orders/batches', name: 'batches', path: () => '/orders/batches', roles: partners },
  { route: '/orders/batches/[batchId]', name: 'batch', path: (c) => `/orders/batches/${c.batchId}`, roles: [...partners, ...support] },
  { route: '/orders/batches/[batchId]', name: 'batch, needing an answer', path: (c) => `/orders/batches/${c.batchId}?state=needs_info`, roles: partners },
  { route: '/orders/[orderId]', name: 'order, submitted', path: (c) => `/orders/${c.orders.submitted}`, roles: support },
  {
    route: '/orders/[orderId]',
    name: 'order, submitted',
    path: (c) => `/orders/${c.orders.submitted}`,
    roles: partners,
    states: [
      {
        label: 'with the cancel confirmation open',
        run: async (page) => {
          await page.getByRole('button', { name: 'Cancel order' }).click();
          await expect(page.getByRole('alertdialog')).toBeVisible();
        },
      },
    ],
  },
  {
    route: '/orders/[orderId]',
    name: 'order, in progress',
    path: (c) => `/orders/${c.orders.in_progress}`,
    roles: [...partners, ...support],
  },
  {
    route: '/orders/[orderId]',
    name: 'order, needs info',
    path: (c) => `/orders/${c.orders.needs_info}`,
    roles: [...partners, ...support],
  },
  { route: '/orders/[orderId]', name: 'order, account created', path: (c) => `/orders/${c.orders.account_created}`, roles: [...partners, ...support] },
  { route: '/orders/[orderId]', name: 'order, completed', path: (c) => `/orders/${c.orders.completed}`, roles: [...partners, ...support] },
  { route: '/orders/[orderId]', name: 'order, rejected', path: (c) => `/orders/${c.orders.rejected}`, roles: [...partners, ...support] },
  { route: '/orders/[orderId]', name: 'order, cancelled', path: (c) => `/orders/${c.orders.cancelled}`, roles: [...partners, ...support] },
  { route: '/orders/[orderId]', name: 'order, merchant rights in progress', path: (c) => `/orders/${c.orders.in_progress_rights}`, roles: [...partners, ...support] },
  { route: '/orders/[orderId]', statesOnly: true, name: 'order, question answered empty', path: (c) => `/orders/${c.orders.needs_info}`, roles: partners, states: [submitEmpty('Send answer')] },
  {
    route: '/orders/[orderId]',
    statesOnly: true, name: 'order, credentials sent empty',
    path: (c) => `/orders/${c.orders.in_progress}`,
    roles: support,
    states: [submitEmpty('Save and text the password')],
  },
  { route: '/orders/[orderId]', statesOnly: true, name: 'order, question sent empty', path: (c) => `/orders/${c.orders.in_progress}`, roles: support, states: [submitEmpty('Send question')] },
  { route: '/orders/[orderId]', statesOnly: true, name: 'order, rejection sent empty', path: (c) => `/orders/${c.orders.in_progress}`, roles: support, states: [submitEmpty('Reject', { confirm: true })] },
  {
    route: '/orders/[orderId]/edit',
    name: 'order edit',
    path: (c) => `/orders/${c.orders.needs_info}/edit`,
    roles: partners,
    states: [submitEmpty('Save and send back to support')],
  },
  { route: '/account', name: 'account', path: () => '/account', roles: signedIn, states: [submitEmpty('Save')] },
  { route: '/organisations/[organisationId]', name: 'own organisation, team', path: (c) => `/organisations/${c.organisationId}`, roles: [...partners, ...support] },
  {
    route: '/organisations/[organisationId]',
    statesOnly: true, name: 'own organisation, invitation sent empty',
    path: (c) => `/organisations/${c.organisationId}`,
    roles: [...partnerAdmins, 'supportAdmin'],
    states: [submitEmpty('Send invitation')],
  },
  {
    route: '/organisations/[organisationId]/webhooks',
    name: 'own organisation, webhooks',
    path: (c) => `/organisations/${c.organisationId}/webhooks`,
    roles: partnerAdmins,
    states: [submitEmpty('Add endpoint')],
  },
  { route: '/organisations/[organisationId]/webhooks', name: "a partner's webhooks", path: (c) => `/organisations/${c.partnerOrganisationId}/webhooks`, roles: ['supportAdmin'] },
  {
    route: '/organisations/[organisationId]/webhooks/[endpointId]',
    name: 'own webhook endpoint and its log',
    path: (c) => `/organisations/${c.organisationId}/webhooks/${c.webhookEndpointId}`,
    roles: partnerAdmins,
    states: [submitEmpty('Save changes')],
  },
  {
    route: '/organisations/[organisationId]/webhooks/[endpointId]',
    name: "a partner's webhook endpoint",
    path: (c) => `/organisations/${c.partnerOrganisationId}/webhooks/${c.webhookEndpointId}`,
    roles: ['supportAdmin'],
  },
  { route: '/sub-channels', name: 'sub-channels', path: () => '/sub-channels', roles: subChannelRoles },
  { route: '/sub-channels/[orderId]', name: 'sub-channel', path: (c) => `/sub-channels/${c.subChannelId}`, roles: subChannelRoles },
  {
    route: '/sub-channels/[orderId]',
    statesOnly: true, name: 'sub-channel, merchant sent empty',
    path: (c) => `/sub-channels/${c.subChannelId}`,
    roles: ['supplierAdmin', 'resellerAdmin'],
    states: [submitEmpty('Add merchant')],
  },
  { route: '/support', name: 'support queue', path: () => '/support', roles: support },
  {
    route: '/support',
    name: 'support queue, filtered',
    path: () => '/support?state=submitted&type=channel&assignee=unassigned&risk=at_risk&partner=Kassamestarit',
    roles: support,
  },
  { route: '/support', name: 'support queue, one batch', path: (c) => `/support?batch=${c.batchId}`, roles: support },
  { route: '/support/overview', name: 'support overview', path: () => '/support/overview', roles: support },
  { route: '/admin', name: 'admin home, organisations', path: () => '/admin', roles: ['supportAdmin'] },
  { route: '/admin/organisations/new', name: 'admin, new organisation', path: () => '/admin/organisations/new', roles: ['supportAdmin'], states: [submitEmpty('Create organisation')] },
  {
    route: '/admin/organisations/[organisationId]',
    name: 'admin, organisation',
    path: (c) => `/admin/organisations/${c.partnerOrganisationId}`,
    roles: ['supportAdmin'],
    states: [submitEmpty('Save changes')],
  },
  { route: '/organisations/[organisationId]', name: "a partner's organisation", path: (c) => `/organisations/${c.partnerOrganisationId}`, roles: ['supportAgent'] },
  {
    route: '/organisations/[organisationId]',
    name: "a partner's organisation, invitation sent empty",
    path: (c) => `/organisations/${c.partnerOrganisationId}`,
    roles: ['supportAdmin'],
    states: [submitEmpty('Send invitation')],
  },
  { route: '/admin/catalogue', name: 'admin, catalogue', path: () => '/admin/catalogue', roles: ['supportAdmin'] },
  { route: '/admin/catalogue/new', name: 'admin, new catalogue entry', path: () => '/admin/catalogue/new', roles: ['supportAdmin'], states: [submitEmpty('Create entry')] },
  {
    route: '/admin/catalogue/[ecrProductId]',
    name: 'admin, catalogue entry',
    path: (c) => `/admin/catalogue/${c.catalogueEntryId}`,
    roles: ['supportAdmin'],
    states: [submitEmpty('Save changes')],
  },
  { route: '/admin/applications', name: 'admin, partner applications', path: () => '/admin/applications', roles: ['supportAdmin'] },
  { route: '/admin/applications', name: 'admin, declined partner applications', path: () => '/admin/applications?state=declined', roles: ['supportAdmin'] },
  {
    route: '/admin/applications/[applicationId]',
    name: 'admin, open partner application',
    path: (c) => `/admin/applications/${c.applications!.open}`,
    roles: ['supportAdmin'],
    states: [submitEmpty('Add note'), submitEmpty('Approve and invite')],
  },
  { route: '/admin/applications/[applicationId]', name: 'admin, declined partner application', path: (c) => `/admin/applications/${c.applications!.declined}`, roles: ['supportAdmin'] },
  { route: '/admin/settings', name: 'admin, settings', path: () => '/admin/settings', roles: ['supportAdmin'], states: [submitEmpty('Save')] },
  { route: '/admin/audit', name: 'admin, audit', path: () => '/admin/audit', roles: ['supportAdmin'] },
];

/** Signs `role` in (or not) and writes what its pages show. */
async function arrange(role: Role, data: Data, signInAs: (userId: string) => Promise<void>): Promise<Context> {
  const partnerOrganisationId = (await seedPerson(data, seedPeople.integratorAdmin)).organisationId;
  const [entry] = await data.db.select({ id: ecrProducts.id }).from(ecrProducts).where(eq(ecrProducts.ecrName, 'RSN Kassa'));
  const shared = {
    role,
    subChannelId: await seedSubChannelId(data),
    partnerOrganisationId,
    catalogueEntryId: entry!.id,
    invitation: { valid: await createInvitationToken(data, partnerOrganisationId), expired: await createInvitationToken(data, partnerOrganisationId, true) },
  };
  if (role === 'signedOut') return { ...shared, organisationId: '', orders: {} as Context['orders'], batchId: '' };
  if (role === 'newPartner') {
    const { user, organisation } = await data.createPerson('partner_member', 'ecr_integrator');
    await signInAs(user.id);
    return { ...shared, organisationId: organisation.id, orders: {} as Context['orders'], batchId: '' };
  }
  const person = await seedPerson(data, seedPeople[role]);
  await signInAs(person.userId);
  if (support.includes(role)) {
    // Support's order pages show a partner's orders, the in-progress ones assigned to this agent.
    const { user, organisation } = await data.createPerson('partner_admin', 'ecr_integrator');
    const orders = await createOrdersInEveryState(data, { organisationId: organisation.id, createdByUserId: user.id, assigneeUserId: person.userId });
    const webhookEndpointId = role === 'supportAdmin' ? await seedWebhookEndpoint(data, partnerOrganisationId) : undefined;
    const batchId = await seedBatch(data, { organisationId: organisation.id, createdByUserId: user.id, orderIds: Object.values(orders) });
    const applications = role === 'supportAdmin' ? await seedApplications(data, partnerOrganisationId) : undefined;
    return { ...shared, organisationId: person.organisationId, orders, webhookEndpointId, batchId, applications };
  }
  const orders = await createOrdersInEveryState(data, { organisationId: person.organisationId, createdByUserId: person.userId });
  const webhookEndpointId = partnerAdmins.includes(role) ? await seedWebhookEndpoint(data, person.organisationId) : undefined;
  const batchId = await seedBatch(data, { organisationId: person.organisationId, createdByUserId: person.userId, orderIds: Object.values(orders) });
  return { ...shared, organisationId: person.organisationId, orders, webhookEndpointId, batchId };
}

/** Axe at both widths on the page as it is now: a resize re-lays it out without reloading it. */
async function checkBothWidths(page: Page, label: string) {
  const found: string[] = [];
  for (const viewport of WIDTHS) {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    found.push(...(await axeViolations(page, `${label} @${viewport.width}px`)));
  }
  return found;
}

for (const role of everyone) {
  test(`[A11Y] every page ${role} sees passes axe at ${WIDTHS.map((viewport) => viewport.width).join(' and ')} px`, async ({ page, data, signInAs }) => {
    // Generous: two cores, shared with other checkouts running their suites.
    test.setTimeout(900_000);
    const context = await arrange(role, data, signInAs);
    const found: string[] = [];
    let checks = 0;
    for (const check of pages.filter((entry) => entry.roles.includes(role))) {
      const path = check.path(context);
      const label = `${check.name} ${path}`;
      expect(await page.goto(path), label).not.toBeNull();
      if (!check.statesOnly) {
        found.push(...(await checkBothWidths(page, label)));
        checks += WIDTHS.length;
      }
      for (const [index, state] of (check.states ?? []).entries()) {
        // Each state starts from the page as loaded, so one form's errors do not hide another's.
        if (index > 0) await page.goto(path);
        await state.run(page);
        found.push(...(await checkBothWidths(page, `${label} ${state.label}`)));
        checks += WIDTHS.length;
      }
    }
    test.info().annotations.push({ type: 'axe checks (page or state × width)', description: String(checks) });
    console.log(`[A11Y] ${role}: ${checks} checks`);
    expect(found, `axe found violations for ${role}`).toEqual([]);
  });
}
