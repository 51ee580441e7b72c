import { expect, test } from '../fixtures';

test('[SHELL] the first Tab reaches "Skip to content", which moves the focus to the main content', async ({ page, data, signInAs }) => {
  const { user } = await data.createPerson('partner_admin', 'reseller');
  await signInAs(user.id);
  for (const path of ['/orders', '/account']) {
    await page.goto(path);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main')).toBeFocused();
  }
});

test('[SHELL] public pages have the skip link too', async ({ page }) => {
  for (const path of ['/sign-in', '/no-such-page']) {
    await page.goto(path);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main')).toBeFocused();
  }
});

test('[SHELL] the account menu works with the keyboard and gives the focus back to its button', async ({ page, data, signInAs }) => {
  const { user } = await data.createPerson('partner_admin', 'reseller');
  await signInAs(user.id);
  await page.goto('/orders');
  const button = page.getByRole('button', { name: 'Account menu' });
  await button.focus();
  // The menu's code arrives when the button takes the focus; the button then has the menu's state.
  await expect(button).toHaveAttribute('data-state', 'closed');
  await expect(button).toBeFocused();

  await page.keyboard.press('ArrowDown');
  const menu = page.getByRole('menu', { name: 'Account menu' });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: 'Your profile' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Sign out' })).toBeFocused();
  await page.keyboard.press('Home');
  await expect(menu.getByRole('menuitem', { name: 'Your profile' })).toBeFocused();
  await page.keyboard.press('End');
  await expect(menu.getByRole('menuitem', { name: 'Sign out' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(button).toBeFocused();

  // Enter opens it too, and a menu item is followed with Enter.
  await page.keyboard.press('Enter');
  await expect(menu.getByRole('menuitem', { name: 'Your profile' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/account$/);
});

test('[SHELL] on a 390 px phone every navigation item of a support admin is in sight, without sideways scrolling', async ({ page, data, signInAs }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const { user } = await data.createPerson('support_admin');
  await signInAs(user.id);
  await page.goto('/support');
  const links = page.getByRole('navigation', { name: 'Main' }).getByRole('link');
  await expect(links).toHaveText(['Support queue', 'Overview', 'Sub-channels', 'Administration', 'Organisation', 'Dev outbox']);
  for (const link of await links.all()) {
    const box = (await link.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
