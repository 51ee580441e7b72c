import { eq } from 'drizzle-orm';
import { ecrProductResellers, ecrProducts } from '@/db/schema';
import { expect, test } from '../fixtures';

test('[CATALOGUE] a refused entry keeps every choice; a saved one shows its stored links after reload', async ({ page, data, signInAs }) => {
  const admin = await data.createPerson('support_admin');
  const supplier = await data.createOrganisation({ kind: 'ecr_supplier' });
  const reseller = await data.createOrganisation({ kind: 'reseller' });
  const ecr = `Kassa ${Date.now()}`;
  await data.db.insert(ecrProducts).values({ supplierName: supplier.name, ecrName: ecr, integrationName: `${ecr} Cloud` });
  await signInAs(admin.user.id);

  await page.goto('/admin/catalogue/new');
  const form = page.getByTestId('catalogue-form');
  await form.getByLabel('ECR supplier').fill(supplier.name);
  await form.getByLabel('ECR', { exact: true }).fill(ecr.toUpperCase());
  await form.getByLabel('Integration name').fill('Second Cloud');
  await form.getByRole('radio', { name: /3a, a sub-channel/ }).check();
  await form.getByRole('button', { name: 'Create entry' }).click();
  // 3a without the supplier's organisation is caught before sending.
  await expect(form.getByTestId('error-summary').getByRole('link', { name: 'A sub-channel (3a) belongs to the supplier: choose its organisation.' })).toBeVisible();
  const supplierSelect = form.getByLabel("Supplier's organisation in the portal");
  await supplierSelect.selectOption({ label: supplier.name });
  await form.getByRole('checkbox', { name: reseller.name }).check();
  await form.getByRole('button', { name: 'Create entry' }).click();

  // The server finds the duplicate (in another case); nothing chosen is lost.
  const summary = form.getByTestId('error-summary');
  await expect(summary).toBeFocused();
  await summary.getByRole('link', { name: 'This supplier already has an ECR by this name in the catalogue.' }).click();
  await expect(form.getByLabel('ECR', { exact: true })).toBeFocused();
  await expect(supplierSelect).toHaveValue(supplier.id);
  await expect(form.getByRole('checkbox', { name: reseller.name })).toBeChecked();
  await expect(form.getByRole('radio', { name: /3a, a sub-channel/ })).toBeChecked();
  expect(await data.db.select().from(ecrProducts).where(eq(ecrProducts.integrationName, 'Second Cloud'))).toHaveLength(0);

  await form.getByLabel('ECR', { exact: true }).fill(`${ecr} Plus`);
  await form.getByRole('button', { name: 'Create entry' }).click();
  await expect(page.getByRole('status')).toContainText('Catalogue entry created.');
  const [created] = await data.db.select().from(ecrProducts).where(eq(ecrProducts.integrationName, 'Second Cloud'));
  expect(created).toMatchObject({ supplierOrganisationId: supplier.id, supplierSeesMerchants: true, active: true });
  expect(await data.db.select().from(ecrProductResellers).where(eq(ecrProductResellers.ecrProductId, created!.id))).toEqual([
    { ecrProductId: created!.id, organisationId: reseller.id },
  ]);

  // Edit: 3b, no resellers, not offered; saved, and the page shows it so after a reload.
  const edit = page.getByTestId('catalogue-form');
  await edit.getByRole('radio', { name: /3b, merchant rights/ }).check();
  await edit.getByRole('checkbox', { name: reseller.name }).uncheck();
  await edit.getByLabel('Offered in the order form').uncheck();
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit.getByText('Saved.')).toBeVisible();
  await expect(edit.getByLabel("Supplier's organisation in the portal")).toHaveValue(supplier.id);
  await page.reload();
  await expect(page.getByRole('radio', { name: /3b, merchant rights/ })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: reseller.name })).not.toBeChecked();
  await expect(page.getByLabel('Offered in the order form')).not.toBeChecked();
  await page.goto('/admin/catalogue');
  await expect(page.getByTestId('catalogue-list').getByRole('link', { name: new RegExp(`${ecr} Plus`) })).toContainText('Inactive');
});
