import { eq } from 'drizzle-orm';
import { users } from '@/db/schema';
import { expect, test } from '../fixtures';

test('[ACCOUNT] a person renames themselves and chooses a language; an empty name is refused beside the field', async ({ page, data, signInAs }) => {
  const { user } = await data.createPerson('partner_member');
  await signInAs(user.id);
  await page.goto('/account');

  const name = page.getByLabel('Name');
  await name.fill('   ');
  await page.getByRole('button', { name: 'Save' }).click();
  const summary = page.getByTestId('error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: 'Enter your name.' })).toBeVisible();
  await expect(page).toHaveTitle(/^Error: /);
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  expect((await data.getUser(user.id))?.name).toBe('Test Person');

  await name.fill('Katja Lehtonen');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('fi');
  await page.getByRole('button', { name: 'Save' }).click();
  // The page answers in the chosen language at once.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Oma profiili');
  expect(await data.getUser(user.id)).toMatchObject({ name: 'Katja Lehtonen', locale: 'fi' });
  await expect(page.getByRole('button', { name: 'Käyttäjävalikko' })).toHaveText('KL');
});

test('[ACCESS] the profile action replayed without a valid session is refused and changes nothing', async ({
  page,
  data,
  signInAs,
  playwright,
}) => {
  const { user } = await data.createPerson('partner_member');
  await signInAs(user.id);
  await page.goto('/account');

  // Capture the browser's real server-action call, then send it again without the session.
  await page.getByLabel('Name').fill('Changed By Someone Else');
  const [actionRequest] = await Promise.all([
    page.waitForRequest((request) => request.method() === 'POST' && request.headers()['next-action'] !== undefined),
    page.getByRole('button', { name: 'Save' }).click(),
  ]);
  await expect(page.getByText('Saved.')).toBeVisible();
  await data.db.update(users).set({ name: 'Original Name' }).where(eq(users.id, user.id));

  const headers = await actionRequest.allHeaders();
  delete headers.cookie;
  const replay = (cookie?: string) =>
    anonymous.post(actionRequest.url(), {
      headers: cookie ? { ...headers, cookie } : headers,
      data: actionRequest.postDataBuffer() ?? undefined,
      maxRedirects: 0,
    });
  const anonymous = await playwright.request.newContext();

  // No cookie at all: sent to sign-in before the action runs.
  const withoutCookie = await replay();
  expect(withoutCookie.status()).toBe(307);
  expect(withoutCookie.headers().location).toContain('/sign-in');

  // A cookie that matches no session (expired, forged): the action itself refuses.
  const withDeadSession = await replay('next-auth.session-token=matches-no-session');
  const body = await withDeadSession.text();
  expect(body).toContain('UNAUTHENTICATED');
  expect(body).not.toContain('"ok":true');

  expect((await data.getUser(user.id))?.name).toBe('Original Name');
  await anonymous.dispose();
});
