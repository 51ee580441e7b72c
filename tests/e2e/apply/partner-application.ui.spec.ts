import { desc, eq } from 'drizzle-orm';
import { invitations, memberships, orders, organisations, outboxMessages, partnerApplications, users } from '@/db/schema';
import { MIN_FILL_SECONDS } from '@/lib/partner-applications/model';
import { seedPeople, seedPerson } from '../a11y/a11y-helpers';
import { expect, linkIn, test } from '../fixtures';

/** The newest email to `recipient` whose subject is `subject`, once it has arrived. */
async function emailTo(data: Parameters<Parameters<typeof test>[2]>[0]['data'], recipient: string, subject: string) {
  await expect
    .poll(async () => (await data.db.select().from(outboxMessages).where(eq(outboxMessages.recipient, recipient))).map((email) => email.subject), { timeout: 15_000 })
    .toContain(subject);
  const emails = await data.db.select().from(outboxMessages).where(eq(outboxMessages.recipient, recipient)).orderBy(desc(outboxMessages.createdAt));
  return emails.find((email) => email.subject === subject)!;
}

test('[APPLY] a company applies in Finnish, a support admin approves, the applicant accepts, signs in and places a first order', async ({
  browser,
  page,
  data,
  signInAs,
}) => {
  test.setTimeout(120_000);
  const stamp = Date.now();
  const company = `Kassaverstas ${stamp} Oy`;
  const email = `hakija-${stamp}@kassaverstas.example`;

  // The applicant: a Finnish browser, signed out, comes from the sign-in page.
  const applicantContext = await browser.newContext({ locale: 'fi-FI' });
  const applicant = await applicantContext.newPage();
  await applicant.goto('/sign-in');
  await applicant.getByRole('link', { name: 'Hae kumppaniksi' }).click();
  await expect(applicant).toHaveURL(/\/apply$/);
  const opened = Date.now();
  await expect(applicant.getByRole('heading', { name: 'Ryhdy Poplapayn kumppaniksi' })).toBeVisible();

  await applicant.getByRole('radio', { name: /oman kassajärjestelmämme integroinnista/ }).check();
  await applicant.getByLabel('Yrityksen nimi').fill(company);
  await expect(applicant.getByLabel('Maa', { exact: true })).toHaveValue('FI');
  await applicant.getByLabel('Y-tunnus tai ALV-numero').fill('1234567-2');
  await applicant.getByLabel('Yhteyshenkilö').fill('Hilkka Hakija');
  await applicant.getByLabel('Sähköpostiosoite').fill(email);
  await applicant.getByLabel('Puhelinnumero').fill('040 123 4567');
  await applicant.getByLabel('Viesti').fill('Kassajärjestelmämme palvelee 40 kahvilaa.');
  await applicant.getByRole('button', { name: 'Lähetä hakemus' }).click();

  // Refused in the browser, in Finnish, with the error summary first; nothing was sent.
  const summary = applicant.getByTestId('error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: /^Tarkistusnumero ei täsmää/ })).toBeVisible();
  await expect(summary.getByRole('link', { name: /Lisää maatunnus/ })).toBeVisible();
  await applicant.getByLabel('Y-tunnus tai ALV-numero').fill('1234567-1');
  await applicant.getByLabel('Puhelinnumero').fill('+358 40 123 4567');
  // A person takes longer than the minimum fill time; this test is quicker than a person.
  await applicant.waitForTimeout(Math.max(0, MIN_FILL_SECONDS * 1000 + 500 - (Date.now() - opened)));
  await applicant.getByRole('button', { name: 'Lähetä hakemus' }).click();
  await expect(applicant.getByTestId('application-received')).toContainText('Kiitos hakemuksestasi');

  const [stored] = await data.db.select().from(partnerApplications).where(eq(partnerApplications.email, email));
  expect(stored).toMatchObject({ state: 'new', interest: 'ecr_integrator', businessId: '1234567-1', phone: '+358401234567', locale: 'fi' });
  const confirmation = await emailTo(data, email, 'Olemme vastaanottaneet hakemuksesi Poplapayn kumppaniksi');
  expect(confirmation.bodyText).toContain(`Yrityksen nimi: ${company}`);
  expect(confirmation.bodyText).toContain('> Kassajärjestelmämme palvelee 40 kahvilaa.');

  // Support admin: the inbox, the application, approve as an ECR integrator.
  const admin = await seedPerson(data, seedPeople.supportAdmin);
  await signInAs(admin.userId);
  await page.goto('/admin');
  await page.getByRole('link', { name: /^Partner applications \(\d+\)$/ }).click();
  const row = page.getByTestId('application-list').getByRole('link', { name: new RegExp(company) });
  await expect(row).toContainText('New');
  await expect(row).toContainText('Waited 1 h');
  await row.click();
  await expect(page.getByRole('heading', { name: company })).toBeVisible();
  await page.getByRole('button', { name: 'Start review' }).click();
  await expect(page.getByTestId('action-outcome')).toHaveText('The application is in review.');
  await page.getByLabel('Note', { exact: true }).fill('Soitin Hilkalle, kaikki kunnossa.');
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.getByTestId('application-history')).toContainText('Soitin Hilkalle, kaikki kunnossa.');
  const approve = page.getByTestId('approve-form');
  await expect(approve.getByLabel('Kind of organisation')).toHaveValue('ecr_integrator');
  await expect(approve.getByLabel('Organisation name')).toHaveValue(company);
  await approve.getByRole('button', { name: 'Approve and invite' }).click();
  await expect(page.getByTestId('action-outcome')).toHaveText(`Approved. An invitation went to ${email}.`);
  await expect(page.getByTestId('decision')).toContainText(company);
  await expect(page.getByTestId('application-status')).toContainText('Approved');

  const [organisation] = await data.db.select().from(organisations).where(eq(organisations.name, company));
  expect(organisation).toMatchObject({ kind: 'ecr_integrator', businessId: '1234567-1', country: 'FI' });
  const [invitation] = await data.db.select().from(invitations).where(eq(invitations.organisationId, organisation!.id));
  expect(invitation).toMatchObject({ email, role: 'partner_admin', locale: 'fi' });

  // The applicant accepts the invitation (in Finnish) and signs in with the magic link.
  const invitationEmail = await emailTo(data, email, 'Sinut on kutsuttu CloudPOS-tilitilauksiin');
  await applicant.goto(linkIn(invitationEmail.bodyText, '/invitations/')!);
  await applicant.getByLabel('Nimesi').fill('Hilkka Hakija');
  await applicant.getByRole('button', { name: 'Hyväksy ja kirjaudu sisään' }).click();
  await expect(applicant.getByRole('heading', { name: 'Tarkista sähköpostisi' })).toBeVisible();
  const signInEmail = await emailTo(data, email, 'Kirjautumislinkkisi CloudPOS-tilitilauksiin');
  await applicant.goto(linkIn(signInEmail.bodyText, '/api/auth/callback/email')!);
  await expect(applicant).toHaveURL(/\/orders$/);
  await expect(applicant.getByTestId('header-organisation')).toHaveText(company);

  // The first order: a channel account, the recipient defaulting to the new admin.
  await applicant.goto('/orders/new/form?type=channel');
  await expect(applicant.getByLabel('Vastaanottajan nimi')).toHaveValue('Hilkka Hakija');
  await applicant.getByLabel('Vastaanottajan matkapuhelinnumero').fill('+358 40 765 4321');
  await applicant.getByRole('button', { name: 'Tee tilaus' }).click();
  await expect(applicant).toHaveURL(/\/orders\/[0-9a-f-]{36}\?placed=1$/);

  const [user] = await data.db.select({ id: users.id, locale: users.locale }).from(users).where(eq(users.email, email));
  expect(user?.locale).toBe('fi');
  const [membership] = await data.db.select().from(memberships).where(eq(memberships.userId, user!.id));
  expect(membership).toMatchObject({ organisationId: organisation!.id, role: 'partner_admin' });
  const placed = await data.db.select().from(orders).where(eq(orders.organisationId, organisation!.id));
  expect(placed).toHaveLength(1);
  expect(placed[0]).toMatchObject({ type: 'channel', state: 'submitted', recipientEmail: email, recipientPhone: '+358407654321', createdByUserId: user!.id });
  await applicantContext.close();
});
