import { and, desc, eq } from 'drizzle-orm';
import { invitations, outboxMessages, users } from '@/db/schema';
import { expect, linkIn, test } from '../fixtures';


test('[TEAM] a partner admin invites a colleague, who accepts, signs in by magic link and lands in the right organisation and role', async ({
  page,
  data,
  signInAs,
  browser,
}) => {
  const { user, organisation } = await data.createPerson('partner_admin', 'reseller');
  await signInAs(user.id);
  const invitee = `colleague-${Date.now()}@test.example`;

  await page.goto(`/organisations/${organisation.id}`);
  const form = page.getByTestId('invite-form');
  await form.getByLabel('Email address').fill(invitee);
  await form.getByLabel('Role').selectOption('partner_member');
  await form.getByRole('button', { name: 'Send invitation' }).click();
  await expect(form.getByText(`Invitation sent to ${invitee}.`)).toBeVisible();
  await expect(page.getByTestId('pending-invitations')).toContainText(invitee);

  await expect.poll(async () => (await data.db.select().from(outboxMessages).where(eq(outboxMessages.recipient, invitee))).length).toBe(1);
  const [email] = await data.db.select().from(outboxMessages).where(eq(outboxMessages.recipient, invitee));
  const invitationUrl = linkIn(email!.bodyText, '/invitations/')!;
  expect(email!.subject).toBe('You are invited to CloudPOS Account Orders');

  const context = await browser.newContext();
  const newcomer = await context.newPage();
  await newcomer.goto(invitationUrl);
  await expect(newcomer.getByText(`${organisation.name} invites ${invitee} to the portal as Partner member.`)).toBeVisible();
  // The browser asks for English: offered first, but the newcomer chooses Swedish.
  await expect(newcomer.getByRole('combobox', { name: 'Language' })).toHaveValue('en');
  await newcomer.getByRole('button', { name: 'Accept and sign in' }).click();
  const summary = newcomer.getByTestId('error-summary');
  await expect(summary).toBeFocused();
  await summary.getByRole('link', { name: 'Enter your name.' }).click();
  await expect(newcomer.getByLabel('Your name')).toBeFocused();
  await newcomer.getByLabel('Your name').fill('Nea Newcomer');
  await newcomer.getByRole('combobox', { name: 'Language' }).selectOption('sv');
  await newcomer.getByRole('button', { name: 'Accept and sign in' }).click();
  await expect(newcomer.getByRole('heading', { name: 'Kontrollera din e-post' })).toBeVisible();

  await expect
    .poll(async () => (await data.db.select().from(outboxMessages).where(eq(outboxMessages.recipient, invitee)).orderBy(desc(outboxMessages.createdAt)))[0]?.subject)
    .toBe('Din inloggningslänk till CloudPOS Account Orders');
  const [newcomerRow] = await data.db.select({ name: users.name, locale: users.locale }).from(users).where(eq(users.email, invitee));
  expect(newcomerRow).toEqual({ name: 'Nea Newcomer', locale: 'sv' });
  const [signInEmail] = await data.db.select().from(outboxMessages).where(eq(outboxMessages.recipient, invitee)).orderBy(desc(outboxMessages.createdAt));
  await newcomer.goto(linkIn(signInEmail!.bodyText, '/api/auth/callback/email')!);
  await expect(newcomer).toHaveURL(/\/orders$/);
  await expect(newcomer.getByTestId('header-organisation')).toHaveText(organisation.name);
  await expect(newcomer.getByRole('banner').getByText('Partnermedlem').first()).toBeVisible();

  // Used: it says so and offers nothing else.
  await newcomer.goto(invitationUrl);
  await expect(newcomer.getByRole('alert').filter({ hasText: 'redan använts' })).toBeVisible();
  await expect(newcomer.getByRole('main').getByRole('button')).toHaveCount(0);
  await context.close();
});

test('[TEAM] an expired invitation says so and offers nothing else', async ({ page, data, signInAs, browser }) => {
  const { user, organisation } = await data.createPerson('partner_admin', 'ecr_integrator');
  await signInAs(user.id);
  const invitee = `late-${Date.now()}@test.example`;
  await page.goto(`/organisations/${organisation.id}`);
  await page.getByTestId('invite-form').getByLabel('Email address').fill(invitee);
  await page.getByTestId('invite-form').getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByText(`Invitation sent to ${invitee}.`)).toBeVisible();
  await data.db.update(invitations).set({ expiresAt: new Date(Date.now() - 60_000) }).where(and(eq(invitations.email, invitee)));
  const [email] = await data.db.select().from(outboxMessages).where(eq(outboxMessages.recipient, invitee));

  const context = await browser.newContext();
  const late = await context.newPage();
  await late.goto(linkIn(email!.bodyText, '/invitations/')!);
  await expect(late.getByRole('alert').filter({ hasText: 'expired' })).toBeVisible();
  await expect(late.getByRole('main').getByRole('button')).toHaveCount(0);
  await context.close();
});

test('[TEAM] the last admin cannot demote themselves; the page says why', async ({ page, data, signInAs }) => {
  const { user, organisation } = await data.createPerson('partner_admin', 'reseller');
  await signInAs(user.id);
  await page.goto(`/organisations/${organisation.id}`);
  await page.getByLabel('Change role').selectOption('partner_member');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'needs at least one admin' })).toBeVisible();
});
