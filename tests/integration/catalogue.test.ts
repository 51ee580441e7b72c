import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { getCatalogueEntry, listCatalogue, listCatalogueOrganisations, saveCatalogueEntry } from '@/db/queries/catalogue';
import { auditEvents, ecrProductResellers, ecrProducts } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { catalogueEntrySchema } from '@/lib/validations/catalogue';
import { factories } from '@/tests/support/factories';

const data = factories(db);
const unique = () => randomUUID().slice(0, 8);

/** The catalogue form as the browser sends it: checkboxes as "on" or absent, a list as one string or several. */
const form = (overrides: Record<string, unknown> = {}) => ({
  supplierName: `Retail Systems ${unique()}`,
  ecrName: 'RSN Kassa',
  integrationName: 'RSN Kassa Cloud',
  supplierOrganisationId: '',
  merchantVisibility: '3b',
  active: 'on',
  ...overrides,
});

const issuesOf = (input: unknown) =>
  catalogueEntrySchema.safeParse(input).error?.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));

const save = (actorUserId: string | null, overrides: Record<string, unknown>) => saveCatalogueEntry(actorUserId, catalogueEntrySchema.parse(form(overrides)));

const supportAdmin = async () => (await data.createPerson('support_admin')).user;

const auditOf = (subjectId: string) => db.select().from(auditEvents).where(eq(auditEvents.subjectId, subjectId)).orderBy(auditEvents.at);
const auditCount = async () => (await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_events`)).rows[0]!.n;
const entriesNamed = (supplierName: string) => db.select().from(ecrProducts).where(eq(ecrProducts.supplierName, supplierName));

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('the catalogue entry schema', () => {
  it('refuses 3a without a supplier organisation, beside that field; 3b needs none', () => {
    expect(issuesOf(form({ merchantVisibility: '3a' }))).toEqual([
      { path: 'supplierOrganisationId', message: 'catalogue.supplierOrganisationFor3a' },
    ]);
    expect(catalogueEntrySchema.parse(form({ merchantVisibility: '3b' }))).toMatchObject({
      supplierOrganisationId: null,
      supplierSeesMerchants: false,
      ecrProductId: null,
    });
    const supplier = randomUUID();
    expect(catalogueEntrySchema.parse(form({ merchantVisibility: '3a', supplierOrganisationId: supplier }))).toMatchObject({
      supplierOrganisationId: supplier,
      supplierSeesMerchants: true,
    });
  });

  it('requires a choice of merchant visibility and the names', () => {
    const issues = issuesOf(form({ merchantVisibility: undefined, supplierName: '  ', integrationName: '' }));
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'merchantVisibility', message: 'catalogue.visibilityRequired' },
        { path: 'supplierName', message: 'catalogue.supplierNameRequired' },
        { path: 'integrationName', message: 'catalogue.integrationNameRequired' },
      ]),
    );
  });

  it('reads the reseller checkboxes as a list however many were ticked', () => {
    const [a, b] = [randomUUID(), randomUUID()];
    expect(catalogueEntrySchema.parse(form()).resellerIds).toEqual([]);
    expect(catalogueEntrySchema.parse(form({ resellerIds: '' })).resellerIds).toEqual([]);
    expect(catalogueEntrySchema.parse(form({ resellerIds: a })).resellerIds).toEqual([a]);
    expect(catalogueEntrySchema.parse(form({ resellerIds: [a, b] })).resellerIds).toEqual([a, b]);
    expect(issuesOf(form({ resellerIds: ['not-an-id'] }))?.[0]?.path).toBe('resellerIds.0');
  });

  it('reads the active checkbox: "on" is active, absent is not', () => {
    expect(catalogueEntrySchema.parse(form({ active: 'on' })).active).toBe(true);
    expect(catalogueEntrySchema.parse(form({ active: undefined })).active).toBe(false);
  });
});

describe('saving catalogue entries', () => {
  it('creates an entry with its supplier organisation and resellers, and reads it back', async () => {
    const admin = await supportAdmin();
    const supplier = await data.createOrganisation({ kind: 'ecr_supplier', name: `Supplier ${unique()}` });
    const resellerB = await data.createOrganisation({ kind: 'reseller', name: `B Reseller ${unique()}` });
    const resellerA = await data.createOrganisation({ kind: 'reseller', name: `A Reseller ${unique()}` });
    const supplierName = `Retail Systems ${unique()}`;

    const id = await save(admin.id, {
      supplierName: `  ${supplierName} `,
      merchantVisibility: '3a',
      supplierOrganisationId: supplier.id,
      resellerIds: [resellerB.id, resellerA.id],
    });

    const entry = await getCatalogueEntry(id);
    expect(entry).toMatchObject({
      id,
      supplierName,
      ecrName: 'RSN Kassa',
      integrationName: 'RSN Kassa Cloud',
      supplierOrganisationId: supplier.id,
      supplierSeesMerchants: true,
      active: true,
    });
    expect([...entry!.resellerIds].sort()).toEqual([resellerA.id, resellerB.id].sort());

    const listed = (await listCatalogue()).find((row) => row.id === id);
    expect(listed).toMatchObject({
      supplierName,
      supplierOrganisationName: supplier.name,
      supplierSeesMerchants: true,
      active: true,
      resellerNames: [resellerA.name, resellerB.name],
    });
  });

  it('lists inactive entries and entries without resellers or supplier organisation too', async () => {
    const admin = await supportAdmin();
    const id = await save(admin.id, { active: undefined });
    const listed = (await listCatalogue()).find((row) => row.id === id);
    expect(listed).toMatchObject({ active: false, supplierOrganisationName: null, resellerNames: [], supplierSeesMerchants: false });
  });

  it('an unknown entry is not found', async () => {
    expect(await getCatalogueEntry(randomUUID())).toBeNull();
    const admin = await supportAdmin();
    expect((await refusal(save(admin.id, { ecrProductId: randomUUID() }))).code).toBe('NOT_FOUND');
  });

  it('updating replaces the fields and the reseller links', async () => {
    const admin = await supportAdmin();
    const supplier = await data.createOrganisation({ kind: 'ecr_supplier' });
    const [r1, r2, r3] = [
      await data.createOrganisation({ kind: 'reseller' }),
      await data.createOrganisation({ kind: 'reseller' }),
      await data.createOrganisation({ kind: 'reseller' }),
    ];
    const supplierName = `Retail Systems ${unique()}`;
    const base = { supplierName, merchantVisibility: '3a', supplierOrganisationId: supplier.id };
    const id = await save(admin.id, { ...base, resellerIds: [r1!.id, r2!.id] });

    expect(await save(admin.id, { ...base, ecrProductId: id, integrationName: 'RSN Kassa Cloud 2', merchantVisibility: '3b', resellerIds: r3!.id })).toBe(id);

    const entry = await getCatalogueEntry(id);
    expect(entry).toMatchObject({ integrationName: 'RSN Kassa Cloud 2', supplierSeesMerchants: false, resellerIds: [r3!.id] });
    const links = await db.select().from(ecrProductResellers).where(eq(ecrProductResellers.ecrProductId, id));
    expect(links.map((link) => link.organisationId)).toEqual([r3!.id]);
    expect(await entriesNamed(supplierName)).toHaveLength(1);

    // Unticking every reseller leaves none.
    await save(admin.id, { ...base, ecrProductId: id });
    expect((await getCatalogueEntry(id))!.resellerIds).toEqual([]);
  });

  it('refuses a second entry for the same supplier and ECR, whatever the case, beside the ECR name', async () => {
    const admin = await supportAdmin();
    const supplierName = `Retail Systems ${unique()}`;
    const id = await save(admin.id, { supplierName, ecrName: 'RSN Kassa' });
    const before = await auditCount();

    const error = await refusal(save(admin.id, { supplierName: supplierName.toUpperCase(), ecrName: 'rsn kassa', integrationName: 'Other' }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.fieldErrors).toEqual({ ecrName: ['catalogue.duplicate'] });
    expect(await db.select().from(ecrProducts).where(sql`lower(${ecrProducts.supplierName}) = lower(${supplierName})`)).toHaveLength(1);
    expect(await auditCount()).toBe(before);

    // Another ECR of the same supplier is fine, and an entry may keep its own name when edited.
    const other = await save(admin.id, { supplierName, ecrName: 'RSN Kassa Mini' });
    expect(other).not.toBe(id);
    await expect(save(admin.id, { ecrProductId: id, supplierName, ecrName: 'RSN KASSA' })).resolves.toBe(id);
    // ...but cannot be renamed onto another entry.
    const renamed = await refusal(save(admin.id, { ecrProductId: other, supplierName, ecrName: 'rsn kassa' }));
    expect(renamed.fieldErrors).toEqual({ ecrName: ['catalogue.duplicate'] });
    expect((await getCatalogueEntry(other))!.ecrName).toBe('RSN Kassa Mini');
  });

  it('refuses a supplier organisation that is a reseller, and writes nothing', async () => {
    const admin = await supportAdmin();
    const reseller = await data.createOrganisation({ kind: 'reseller' });
    const supplierName = `Retail Systems ${unique()}`;
    const before = await auditCount();
    const error = await refusal(save(admin.id, { supplierName, merchantVisibility: '3a', supplierOrganisationId: reseller.id }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.fieldErrors).toEqual({ supplierOrganisationId: ['catalogue.supplierOrganisationInvalid'] });
    expect(await entriesNamed(supplierName)).toHaveLength(0);
    expect(await auditCount()).toBe(before);
  });

  it('refuses a reseller that is an ECR supplier, or unknown, and writes nothing, also when editing', async () => {
    const admin = await supportAdmin();
    const supplier = await data.createOrganisation({ kind: 'ecr_supplier' });
    const reseller = await data.createOrganisation({ kind: 'reseller' });
    const supplierName = `Retail Systems ${unique()}`;
    const before = await auditCount();
    for (const resellerIds of [[reseller.id, supplier.id], [randomUUID()]]) {
      const error = await refusal(save(admin.id, { supplierName, merchantVisibility: '3a', supplierOrganisationId: supplier.id, resellerIds }));
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.fieldErrors).toEqual({ resellerIds: ['catalogue.resellerInvalid'] });
    }
    expect(await entriesNamed(supplierName)).toHaveLength(0);
    expect(await db.select().from(ecrProductResellers).where(eq(ecrProductResellers.organisationId, reseller.id))).toHaveLength(0);
    expect(await auditCount()).toBe(before);

    const id = await save(admin.id, { supplierName, resellerIds: [reseller.id] });
    await refusal(save(admin.id, { ecrProductId: id, supplierName, integrationName: 'Changed', resellerIds: [supplier.id] }));
    expect(await getCatalogueEntry(id)).toMatchObject({ integrationName: 'RSN Kassa Cloud', resellerIds: [reseller.id] });
    expect(await auditOf(id)).toHaveLength(1);
  });

  it('records each save once in the audit trail, in words: names, not ids', async () => {
    const admin = await supportAdmin();
    const supplier = await data.createOrganisation({ kind: 'ecr_integrator', name: `Integrator ${unique()}` });
    const resellerB = await data.createOrganisation({ kind: 'reseller', name: `B Reseller ${unique()}` });
    const resellerA = await data.createOrganisation({ kind: 'reseller', name: `A Reseller ${unique()}` });
    const supplierName = `Retail Systems ${unique()}`;
    const base = { supplierName, merchantVisibility: '3a', supplierOrganisationId: supplier.id };

    const id = await save(admin.id, { ...base, resellerIds: [resellerB.id, resellerA.id] });
    const created = await auditOf(id);
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({
      action: 'catalogue.created',
      actorUserId: admin.id,
      organisationId: supplier.id,
      subjectId: id,
      data: {
        supplierName,
        ecrName: 'RSN Kassa',
        integrationName: 'RSN Kassa Cloud',
        supplierOrganisation: supplier.name,
        supplierSeesMerchants: true,
        resellers: [resellerA.name, resellerB.name],
        active: true,
      },
    });
    const written = JSON.stringify(created[0]!.data);
    for (const organisationId of [supplier.id, resellerA.id, resellerB.id]) expect(written).not.toContain(organisationId);

    await save(admin.id, { ...base, ecrProductId: id, merchantVisibility: '3b', supplierOrganisationId: '', resellerIds: resellerA.id, active: undefined });
    const events = await auditOf(id);
    expect(events.map((event) => event.action)).toEqual(['catalogue.created', 'catalogue.updated']);
    expect(events[1]).toMatchObject({
      actorUserId: admin.id,
      organisationId: null,
      data: { supplierOrganisation: null, supplierSeesMerchants: false, resellers: [resellerA.name], active: false },
    });
  });
});

describe('organisations a catalogue entry can name', () => {
  it('offers active suppliers and integrators as suppliers, active resellers as resellers, and never Poplapay', async () => {
    const supplier = await data.createOrganisation({ kind: 'ecr_supplier' });
    const integrator = await data.createOrganisation({ kind: 'ecr_integrator' });
    const reseller = await data.createOrganisation({ kind: 'reseller' });
    const gone = await data.createOrganisation({ kind: 'reseller', deactivated: true });
    const poplapay = await data.createOrganisation({ kind: 'poplapay' });

    const { suppliers, resellers } = await listCatalogueOrganisations();
    const supplierIds = suppliers.map((row) => row.id);
    const resellerIds = resellers.map((row) => row.id);
    expect(supplierIds).toEqual(expect.arrayContaining([supplier.id, integrator.id]));
    expect(supplierIds).not.toContain(reseller.id);
    expect(resellerIds).toContain(reseller.id);
    expect(resellerIds).not.toContain(supplier.id);
    for (const id of [gone.id, poplapay.id]) expect([...supplierIds, ...resellerIds]).not.toContain(id);
  });
});
