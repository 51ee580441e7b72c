import { expect, test } from '../fixtures';

test('[AUTH] a demo user signs in with the link from the outbox, sees their organisation and role, and signs out', async ({ page }) => {
  await page.goto('/orders');
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Forders$/);

  await page.getByLabel('Email address').fill('Aino.Admin@Kassamestarit.example ');
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();

  await page.getByRole('link', { name: 'Open the outbox' }).click();
  const email = page.getByTestId('outbox-message').first();
  await expect(email).toContainText('Your sign-in link to CloudPOS Account Orders');
  await expect(email).toContainText('aino.admin@kassamestarit.example');
  await email.getByRole('link', { name: /\/api\/auth\/callback\/email/ }).click();

  await expect(page).toHaveURL(/\/orders$/);
  await expect(page.getByRole('heading', { name: 'Orders' })).toBeVisible();
  await expect(page.getByTestId('header-organisation')).toHaveText('Kassamestarit Oy');
  await expect(page.getByRole('banner').getByText('Partner admin').first()).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link')).toHaveText(['Orders', 'Organisation', 'Dev outbox']);

  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto('/orders');
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Forders$/);
});

test('[AUTH] a sign-in link works once; used again it says so', async ({ page, data, browser }) => {
  const { user } = await data.createPerson('partner_member');
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(user.email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  await page.goto(`/dev/outbox?recipient=${encodeURIComponent(user.email)}`);
  const link = await page.getByTestId('outbox-message').first().getByRole('link').getAttribute('href');

  await page.goto(link!);
  await expect(page).toHaveURL(/\/orders$/);

  const other = await browser.newContext();
  const second = await other.newPage();
  await second.goto(link!);
  await expect(second.getByRole('alert').filter({ hasText: 'sign-in link' })).toHaveText(/expired or has been used already/);
  await other.close();
});

test('[AUTH] support lands on the queue with support navigation', async ({ page, data, signInAs }) => {
  const { user } = await data.createPerson('support_admin');
  await signInAs(user.id);
  await page.goto('/');
  await expect(page).toHaveURL(/\/support$/);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link')).toHaveText([
    'Support queue',
    'Overview',
    'Sub-channels',
    'Administration',
    'Organisation',
    'Dev outbox',
  ]);
});

test('[AUTH] the sign-in form says what is wrong with an address and keeps it', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill('aino.admin@');
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  // Beside the field and in the error summary, which has the focus and links to the field.
  await expect(page.getByText('Enter an email address such as name@company.fi.')).toHaveCount(2);
  await expect(page.getByTestId('error-summary')).toBeFocused();
  await expect(page).toHaveTitle(/^Error: /);
  await expect(page.getByLabel('Email address')).toHaveValue('aino.admin@');
  await expect(page.getByLabel('Email address')).toHaveAttribute('aria-invalid', 'true');
});
