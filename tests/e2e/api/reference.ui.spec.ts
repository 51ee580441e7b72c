import { test, expect } from '@/tests/e2e/fixtures';

/*
 * The API reference at /developers/api: public, under the page's strict CSP (the `page` fixture
 * fails on any violation), the operations rendered by the bundled Swagger UI, each problem's
 * `type` link landing on its explanation, at desktop and phone widths. Screenshots go to the
 * test's output folder (test-results/) for a person to look at.
 */

/** One block per operation of lib/api/operations.ts. */
const OPERATIONS = 13;
/** Swagger UI parses 1.7 MB of script and resolves the whole document before it shows anything: seconds on a busy machine. */
const RENDERED = { timeout: 30_000 };

for (const { name, width, height } of [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
]) {
  test(`the API reference works without a session on a ${name} (${width} px)`, async ({ page }, testInfo) => {
    test.slow();
    await page.setViewportSize({ width, height });
    await page.goto('/developers/api#problem-invalid-input');
    await expect(page.getByRole('heading', { level: 1, name: 'API reference' })).toBeVisible();
    await expect(page.locator('.swagger-ui .opblock')).toHaveCount(OPERATIONS, RENDERED);
    await expect(page.locator('.swagger-ui .opblock-summary-path').first()).toBeVisible();
    // A problem's `type` link lands on its explanation.
    const explanation = page.locator('#problem-invalid-input');
    await expect(explanation).toContainText('422');
    await expect(explanation).toBeInViewport();
    await page.screenshot({ path: testInfo.outputPath(`reference-${width}-errors.png`) });
    // Nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

    // An operation opens with its code samples.
    await page.locator('.swagger-ui .opblock-summary', { hasText: '/orders' }).filter({ hasText: 'POST' }).first().click();
    const placeOrder = page.locator('.swagger-ui .opblock.is-open').first();
    await expect(placeOrder).toContainText('Idempotency-Key: $(uuidgen)');
    await expect(placeOrder).toContainText('crypto.randomUUID()');
    await placeOrder.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath(`reference-${width}-operation.png`) });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: testInfo.outputPath(`reference-${width}-top.png`), fullPage: false });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  });
}

test('the API keys card links to the reference', async ({ page, data, signInAs }) => {
  test.slow();
  const { user, organisation } = await data.createPerson('partner_admin', 'ecr_integrator');
  await signInAs(user.id);
  await page.goto(`/organisations/${organisation.id}`);
  await page.getByTestId('api-keys').getByRole('link', { name: /API reference/ }).click();
  await expect(page).toHaveURL(/\/developers\/api$/);
  await expect(page.locator('.swagger-ui .opblock')).toHaveCount(OPERATIONS, RENDERED);
});

test('the reference survives hydration when Swagger UI renders first', async ({ page }) => {
  test.slow();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // The app's own scripts come late, so the renderer fills its element before React hydrates.
  let rendered = false;
  await page.route('**/_next/static/chunks/**/*.js', async (route) => {
    for (let waited = 0; !rendered && waited < 20_000; waited += 200) await new Promise((resolve) => setTimeout(resolve, 200));
    await route.continue();
  });
  await page.goto('/developers/api', { waitUntil: 'commit' });
  await expect(page.locator('.swagger-ui .opblock')).toHaveCount(OPERATIONS, RENDERED);
  rendered = true;
  await page.waitForLoadState('load');
  await page.waitForTimeout(1000);
  await expect(page.locator('.swagger-ui .opblock')).toHaveCount(OPERATIONS);
  expect(errors).toEqual([]);
});
