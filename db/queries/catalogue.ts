import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { db, type DbOrTx } from '@/db';
import { recordAudit } from '@/db/queries/audit';
import { ecrProductResellers, ecrProducts, organisations } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { CatalogueEntryInput } from '@/lib/validations/catalogue';

/*
 * The ECR catalogue as support admins keep it. These functions do not check who calls: callers
 * hold 'admin:manage' (app/(portal)/admin/catalogue/actions.ts does, via withAction).
 */

const resellerNames = sql<string[]>`coalesce((
  select array_agg(r.name order by r.name)
  from ${ecrProductResellers} pr join ${organisations} r on r.id = pr.organisation_id
  where pr.ecr_product_id = ${ecrProducts.id}), '{}')`;

/** Every entry, inactive ones included, with its supplier organisation and resellers by name. */
export async function listCatalogue() {
  return db
    .select({
      id: ecrProducts.id,
      supplierName: ecrProducts.supplierName,
      ecrName: ecrProducts.ecrName,
      integrationName: ecrProducts.integrationName,
      supplierSeesMerchants: ecrProducts.supplierSeesMerchants,
      active: ecrProducts.active,
      supplierOrganisationName: organisations.name,
      resellerNames,
    })
    .from(ecrProducts)
    .leftJoin(organisations, eq(organisations.id, ecrProducts.supplierOrganisationId))
    .orderBy(asc(ecrProducts.supplierName), asc(ecrProducts.ecrName));
}

export async function getCatalogueEntry(id: string) {
  const [entry] = await db.select().from(ecrProducts).where(eq(ecrProducts.id, id));
  if (!entry) return null;
  const resellers = await db.select({ id: ecrProductResellers.organisationId }).from(ecrProductResellers).where(eq(ecrProductResellers.ecrProductId, id));
  return { ...entry, resellerIds: resellers.map((reseller) => reseller.id) };
}

/** The organisations a catalogue entry can name: suppliers (integrators too) and resellers. */
export async function listCatalogueOrganisations() {
  const rows = await db
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
    .from(organisations)
    .where(and(inArray(organisations.kind, ['ecr_supplier', 'ecr_integrator', 'reseller']), isNull(organisations.deactivatedAt)))
    .orderBy(asc(organisations.name));
  return {
    suppliers: rows.filter((row) => row.kind !== 'reseller'),
    resellers: rows.filter((row) => row.kind === 'reseller'),
  };
}

/** The named organisations must be of the right kind (a wrong id is a field error); returns their names. */
async function checkOrganisations(tx: DbOrTx, input: CatalogueEntryInput) {
  const ids = [...input.resellerIds, ...(input.supplierOrganisationId ? [input.supplierOrganisationId] : [])];
  if (ids.length === 0) return new Map<string, string>();
  const found = await tx.select({ id: organisations.id, kind: organisations.kind, name: organisations.name }).from(organisations).where(inArray(organisations.id, ids));
  const kindOf = new Map(found.map((row) => [row.id, row.kind]));
  const supplierKind = input.supplierOrganisationId ? kindOf.get(input.supplierOrganisationId) : undefined;
  if (input.supplierOrganisationId && supplierKind !== 'ecr_supplier' && supplierKind !== 'ecr_integrator')
    throw new AppError('INVALID_INPUT', 'INVALID_INPUT', { supplierOrganisationId: ['catalogue.supplierOrganisationInvalid'] });
  if (input.resellerIds.some((id) => kindOf.get(id) !== 'reseller'))
    throw new AppError('INVALID_INPUT', 'INVALID_INPUT', { resellerIds: ['catalogue.resellerInvalid'] });
  return new Map(found.map((row) => [row.id, row.name]));
}

/** Creates an entry, or replaces one (ecrProductId), with its resellers; one audit event either way. */
export async function saveCatalogueEntry(actorUserId: string | null, input: CatalogueEntryInput) {
  return db.transaction(async (tx) => {
    const names = await checkOrganisations(tx, input);
    const values = {
      supplierName: input.supplierName,
      ecrName: input.ecrName,
      integrationName: input.integrationName,
      supplierOrganisationId: input.supplierOrganisationId,
      supplierSeesMerchants: input.supplierSeesMerchants,
      active: input.active,
    };
    const [duplicate] = await tx
      .select({ id: ecrProducts.id })
      .from(ecrProducts)
      .where(and(sql`lower(${ecrProducts.supplierName}) = lower(${input.supplierName})`, sql`lower(${ecrProducts.ecrName}) = lower(${input.ecrName})`));
    if (duplicate && duplicate.id !== input.ecrProductId) throw new AppError('INVALID_INPUT', 'INVALID_INPUT', { ecrName: ['catalogue.duplicate'] });

    let id = input.ecrProductId;
    if (id) {
      const [updated] = await tx.update(ecrProducts).set(values).where(eq(ecrProducts.id, id)).returning({ id: ecrProducts.id });
      if (!updated) throw new AppError('NOT_FOUND');
      await tx.delete(ecrProductResellers).where(eq(ecrProductResellers.ecrProductId, id));
    } else {
      const [created] = await tx.insert(ecrProducts).values(values).returning({ id: ecrProducts.id });
      id = created!.id;
    }
    if (input.resellerIds.length > 0)
      await tx.insert(ecrProductResellers).values(input.resellerIds.map((organisationId) => ({ ecrProductId: id!, organisationId })));
    await recordAudit(tx, actorUserId, {
      action: input.ecrProductId ? 'catalogue.updated' : 'catalogue.created',
      organisationId: input.supplierOrganisationId,
      subjectId: id,
      data: {
        supplierName: values.supplierName,
        ecrName: values.ecrName,
        integrationName: values.integrationName,
        supplierOrganisation: input.supplierOrganisationId ? names.get(input.supplierOrganisationId) : null,
        supplierSeesMerchants: values.supplierSeesMerchants,
        resellers: input.resellerIds.map((id) => names.get(id)).sort(),
        active: values.active,
      },
    });
    return id;
  });
}
