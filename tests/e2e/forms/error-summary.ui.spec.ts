import { eq } from 'drizzle-orm';
import { orders } from '@/db/schema';
import { expect, test } from '../fixtures';

test('[FORMS] the order form sent empty shows an error summary that has the focus and links to every field; fixed, the order is placed', async ({
  page,
  data,
  signInAs,
}) => {
  const { user, organisation } = await data.createPerson('partner_member', 'ecr_integrator');
  await signInAs(user.id);
  await page.goto('/orders/new/form?type=merchant');
  const title = await page.title();
  await page.getByLabel("Recipient's name").fill('');
  await page.getByLabel("Recipient's email").fill('');
  await page.getByRole('button', { name: 'Place order' }).click();

  const summary = page.getByTestId('error-summary');
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
  await expect(page).toHaveTitle(`Error: ${title}`);
  const problems = [
    "Enter the recipient's name.",
    'Enter an email address such as name@company.fi.',
    "Enter the recipient's mobile number.",
    "Enter the merchant's name.",
    "Enter the merchant's business ID.",
  ];
  // In the order of the fields, each once, and beside its field too.
  await expect(summary.getByRole('listitem')).toHaveText(problems);
  for (const problem of problems) await expect(page.getByText(problem, { exact: true })).toHaveCount(2);

  // Each link moves the focus to its field.
  const fields = ["Recipient's name", "Recipient's email", "Recipient's mobile number", 'Merchant name', 'Business ID'];
  for (const [index, problem] of problems.entries()) {
    await summary.getByRole('link', { name: problem }).click();
    await expect(page.getByLabel(fields[index]!, { exact: true })).toBeFocused();
    await expect(page.getByLabel(fields[index]!, { exact: true })).toHaveAttribute('aria-invalid', 'true');
  }

  // Fixed and sent again: nothing to summarise, and the order is placed.
  await page.getByLabel("Recipient's name").fill('Maija Meikäläinen');
  await page.getByLabel("Recipient's email").fill('maija@kahvila.example');
  await page.getByLabel("Recipient's mobile number").fill('+358 40 123 4567');
  await page.getByLabel('Merchant name').fill('Kahvila Aurinko');
  await page.getByLabel('Business ID').fill('2605261-8');
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}\?placed=1$/);
  await expect(page).not.toHaveTitle(/^Error/);
  const placed = await data.db.select().from(orders).where(eq(orders.organisationId, organisation.id));
  expect(placed).toMatchObject([{ recipientName: 'Maija Meikäläinen', merchantName: 'Kahvila Aurinko' }]);
});

test('[FORMS] the server refusing a field shows the same summary; the values stay', async ({ page, data, signInAs }) => {
  const { user, organisation } = await data.createPerson('partner_admin', 'reseller');
  await signInAs(user.id);
  await page.goto(`/organisations/${organisation.id}`);
  const form = page.getByTestId('invite-form');
  const title = await page.title();

  await form.getByRole('button', { name: 'Send invitation' }).click();
  const summary = form.getByTestId('error-summary');
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(`Error: ${title}`);
  await expect(summary.getByRole('listitem')).toHaveText(['Enter an email address such as name@company.fi.']);
  await summary.getByRole('link', { name: 'Enter an email address such as name@company.fi.' }).click();
  await expect(form.getByLabel('Email address')).toBeFocused();

  // The address of someone who already has an account: only the server knows.
  await form.getByLabel('Email address').fill(user.email);
  await form.getByRole('button', { name: 'Send invitation' }).click();
  await expect(summary.getByRole('link', { name: 'This person already has an account in the portal.' })).toBeVisible();
  await expect(summary).toBeFocused();
  await expect(form.getByLabel('Email address')).toHaveValue(user.email);

  const invitee = `summary-${Date.now()}@test.example`;
  await form.getByLabel('Email address').fill(invitee);
  await form.getByRole('button', { name: 'Send invitation' }).click();
  await expect(form.getByText(`Invitation sent to ${invitee}.`)).toBeVisible();
  await expect(summary).toHaveCount(0);
  await expect(page).toHaveTitle(title);
});
