import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { acceptsConnections, startEmbeddedPostgres, type RunningDatabase } from '@/db/embedded';
import { embeddedDatabaseUrl } from '@/db/url';
import { E2E_PG, E2E_SERVER_LOG } from '@/tests/support/test-env';
import { expect, test } from '../fixtures';

/**
 * The database goes down under a signed-in person, then comes back. Runs last and alone (the
 * `outage` project): every other test needs the database.
 */
test.describe.configure({ mode: 'serial' });

let restarted: RunningDatabase | undefined;
test.afterAll(async () => restarted?.stop());

const databaseUrl = embeddedDatabaseUrl(E2E_PG.port);

const pidFile = path.join(E2E_PG.dir, 'postmaster.pid');

/** Stops the e2e server's cluster the way an operator's fast shutdown would, and waits until it is down. */
async function stopDatabase() {
  process.kill(Number(readFileSync(pidFile, 'utf8').split('\n')[0]), 'SIGINT');
  await expect.poll(() => existsSync(pidFile), { timeout: 20_000 }).toBe(false);
  // Whatever this worker had started is gone now: nothing left to stop after the test.
  restarted = undefined;
}

test('[OUTAGE] pages say "try again" with a 503, actions say nothing was saved, the session survives, and no log holds it', async ({
  page,
  context,
  data,
  signInAs,
}) => {
  test.setTimeout(90_000);
  // A retry finds the database as the failed attempt left it.
  if (!(await acceptsConnections(databaseUrl))) restarted = await startEmbeddedPostgres({ dir: E2E_PG.dir, port: E2E_PG.port });
  const { user } = await data.createPerson('partner_admin');
  await signInAs(user.id);
  const token = (await context.cookies()).find((cookie) => cookie.name === 'next-auth.session-token')!.value;

  await page.goto('/account');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const logBefore = readFileSync(E2E_SERVER_LOG, 'utf8').length;

  await stopDatabase();

  // An action on the page that was open: a retryable error, not a sign-out.
  await page.getByLabel('Name').fill('Name While Down');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('The service is unavailable at the moment, so nothing was saved. Try again in a minute.')).toBeVisible();

  // A page: the outage page with a 503, linking back to where the person was.
  const response = await page.goto('/orders');
  expect(response?.status()).toBe(503);
  await expect(page.getByRole('heading', { name: 'Service unavailable' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Try again' })).toHaveAttribute('href', '/orders');
  const api = await page.request.get('/api/organisations/00000000-0000-4000-8000-000000000000');
  expect(api.status()).toBe(503);

  expect((await context.cookies()).find((cookie) => cookie.name === 'next-auth.session-token')?.value).toBe(token);
  const logDuringOutage = readFileSync(E2E_SERVER_LOG, 'utf8').slice(logBefore);
  expect(logDuringOutage).toMatch(/Query failed \((ECONNREFUSED|57P0\d)\)/);
  expect(logDuringOutage).not.toContain(token);
  expect(logDuringOutage).not.toContain(user.email);

  // Back up: the same session works, nobody had to sign in again.
  restarted = await startEmbeddedPostgres({ dir: E2E_PG.dir, port: E2E_PG.port });
  await page.getByRole('link', { name: 'Try again' }).click();
  await expect(page).toHaveURL(/\/orders$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(readFileSync(E2E_SERVER_LOG, 'utf8')).not.toContain(token);
});
