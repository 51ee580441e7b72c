import { readFile } from 'node:fs/promises';
import { eq } from 'drizzle-orm';
import Papa from 'papaparse';
import { orders } from '@/db/schema';
import { businessId as nthBusinessId } from '@/tests/support/business-ids';
import { expect, test } from '../fixtures';

/** Business IDs of this run: no open order of an earlier run's partner is the same merchant. */
const businessId = (n: number) => nthBusinessId(n, 3_000_000 + (Math.floor(Date.now() / 1000) % 500_000) * 3);

/** A phone number of this run, so two runs against one database never share a recipient. */
const phone = (n: number) => `+358 40 ${String((Date.now() + n) % 10_000_000).padStart(7, '0')}`;

test('[ORDERS] a partner downloads the template, uploads a file, fixes the bad cell in place and submits the batch', async ({ page, data, signInAs }) => {
  test.setTimeout(120_000);
  const { user, organisation } = await data.createPerson('partner_admin', 'reseller');
  await signInAs(user.id);

  // From the new-order page to the bulk page.
  await page.goto('/orders/new');
  await page.getByRole('link', { name: 'Order many at once: upload a file' }).click();
  await expect(page).toHaveURL(/\/orders\/new\/batch$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Order many at once' })).toBeVisible();

  // The template of the chosen type, named in the user's language (English here), with an example row.
  await page.getByRole('radio', { name: /Merchant account/ }).check();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Template (CSV)' }).click()]);
  expect(download.suggestedFilename()).toBe('cloudpos-merchant-orders.csv');
  const template = Papa.parse<string[]>((await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
  const header = template[0]!;
  expect(header).toEqual(['Recipient name', 'Recipient email', 'Recipient mobile number', 'Recipient language', 'ECR supplier', 'ECR', 'Merchant name', 'Business ID', 'Country', 'Terminal IDs', 'Additional information']);
  expect(template[1]).toContain('Kahvila Aurinko Oy');

  // The partner's file: three good rows and one with a wrong check digit, names with ä, ö and å.
  const goodId = businessId(41);
  const badId = goodId.slice(0, -1) + ((Number(goodId.at(-1)) + 1) % 10);
  const row = (n: number, name: string, id: string) => [`Åsa Äijälä ${n}`, `asa${n}.${Date.now()}@kauppa.example`, phone(n), 'fi', '', '', name, id, 'FI', '', ''];
  const csv = Papa.unparse(
    [header, row(1, 'Kahvila Öljymäki', businessId(11)), row(2, 'Pörssi Åbo', businessId(21)), row(3, 'Jäätelö Ähtäri', badId), row(4, 'Kukka-Ässä', businessId(31))],
    { delimiter: ';', newline: '\r\n' },
  );

  // A file that is not a batch is refused whole, in the form's error summary.
  await page.getByLabel('Your file').setInputFiles({ name: 'kauppiaat.csv', mimeType: 'text/csv', buffer: Buffer.from('Nimi;Puhelin\r\nMaija;+358401234567\r\n') });
  await page.getByRole('button', { name: 'Check the file' }).click();
  const summary = page.getByTestId('error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('The column “Nimi” is not one of the template\'s columns. Rename or remove it.');

  await page.getByLabel('Your file').setInputFiles({ name: 'kauppiaat.csv', mimeType: 'text/csv', buffer: Buffer.from('\uFEFF' + csv) });
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(summary).toBeHidden();
  const counts = page.getByTestId('batch-counts');
  await expect(counts).toContainText('Rows4');
  await expect(counts).toContainText('Ready3');
  await expect(counts).toContainText('With problems1');

  // Only rows with problems are shown at first: the bad one, with the form's own message.
  await expect(page.getByRole('radio', { name: 'Rows with problems (1)' })).toBeChecked();
  const table = page.getByRole('table', { name: 'Rows of kauppiaat.csv and their problems' });
  await expect(table.getByRole('row')).toHaveCount(2);
  const badRow = table.getByRole('row', { name: /^4 / });
  await expect(badRow).toContainText('Jäätelö Ähtäri');
  await expect(badRow).toContainText('Error. Business ID: The check digit does not match: check the business ID for typos.');
  await expect(page.getByRole('button', { name: 'Submit 3 orders' })).toBeVisible();
  await expect(page.getByText('1 row with problems is left out.')).toBeVisible();
  expect(await data.db.select().from(orders).where(eq(orders.organisationId, organisation.id))).toHaveLength(0);

  // Fixed in place with the keyboard: the cell's button, the field, Enter.
  await page.getByRole('button', { name: 'Fix Business ID in row 4' }).press('Enter');
  const cell = page.getByRole('textbox', { name: 'Business ID, row 4' });
  await expect(cell).toBeFocused();
  await expect(cell).toHaveValue(badId);
  await cell.fill(goodId);
  await cell.press('Enter');
  await expect(badRow).toContainText('Ready');
  await expect(page.getByRole('status').filter({ hasText: 'Row 4 checked again: Ready.' })).toBeVisible();
  await expect(counts).toContainText('Ready4');
  await expect(page.getByText(/left out/)).toHaveCount(0);

  // All rows, for a look at the good ones.
  await page.getByRole('radio', { name: 'All rows (4)' }).check();
  await expect(table.getByRole('row')).toHaveCount(5);
  await expect(table).toContainText('Pörssi Åbo');

  // Submit, confirmed; a double click on the confirmation still makes one batch.
  await page.getByRole('button', { name: 'Submit 4 orders' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Submit 4 orders?' });
  await expect(dialog).toContainText('one summary email');
  await dialog.getByRole('button', { name: 'Submit', exact: true }).dblclick();
  await expect(page).toHaveURL(/\/orders\/batches\/[0-9a-f-]{36}$/);

  // The batch page follows the rows as they become orders, without a reload.
  await expect(page.getByRole('heading', { level: 1, name: /^Batch \d+$/ })).toBeVisible();
  await expect(page.getByText('File kauppiaat.csv')).toBeVisible();
  await expect(page.getByText('All 4 orders placed. Poplapay has them.')).toBeVisible({ timeout: 30_000 });
  const batchCounts = page.getByTestId('batch-counts');
  await expect(batchCounts).toContainText('Submitted');
  await expect(batchCounts).toContainText('4');
  const listed = page.getByTestId('batch-orders');
  await expect(listed.getByRole('listitem')).toHaveCount(4);
  await expect(listed).toContainText('Jäätelö Ähtäri');
  await expect(listed).toContainText(goodId);

  // One batch of four ordinary orders, the fixed cell as fixed.
  const placed = await data.db.select({ name: orders.merchantName, businessId: orders.merchantBusinessId, state: orders.state }).from(orders).where(eq(orders.organisationId, organisation.id));
  expect(placed.map((order) => order.name).sort()).toEqual(['Jäätelö Ähtäri', 'Kahvila Öljymäki', 'Kukka-Ässä', 'Pörssi Åbo']);
  expect(placed.every((order) => order.state === 'submitted')).toBe(true);
  expect(placed.find((order) => order.name === 'Jäätelö Ähtäri')!.businessId).toBe(goodId);
});
