import { expect, test } from '../fixtures';

test('[SUPPORT] an agent sees how the one-week promise is kept, with links into the queue', async ({ page, data, signInAs }) => {
  const agent = await data.createPerson('support_agent');
  await signInAs(agent.user.id);

  await page.goto('/support/overview');
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Orders submitted and completed per week' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Completed in time and late per week' })).toBeVisible();

  const stats = page.getByTestId('overview-stats');
  for (const label of ['Fulfilled within the deadline', 'Median time to fulfil', 'At risk now', 'Overdue now']) {
    await expect(stats.getByText(label, { exact: true })).toBeVisible();
  }
  await expect(stats.getByRole('link', { name: /At risk now/ })).toHaveAttribute('href', '/support?risk=at_risk');
  await expect(stats.getByRole('link', { name: /Overdue now/ })).toHaveAttribute('href', '/support?risk=overdue');
  await expect(page.getByRole('img', { name: /Orders submitted and completed per week/ })).toBeVisible();

  // The overview is its own section of the navigation, not a part of the queue.
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Overview' })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('link', { name: 'Support queue' })).not.toHaveAttribute('aria-current', 'page');
});

test('[SUPPORT] the overview is 404 for a partner', async ({ page, data, signInAs }) => {
  const partner = await data.createPerson('partner_admin');
  await signInAs(partner.user.id);
  expect((await page.goto('/support/overview'))?.status()).toBe(404);
  await expect(page.getByText('Fulfilled within the deadline')).toHaveCount(0);
});
