import type { Db } from '@/db';
import { ensureOrganisation } from '@/db/queries/organisations';
import { upsertMember } from '@/db/queries/users';
import { sql } from 'drizzle-orm';
import { ecrProductResellers, ecrProducts, type OrganisationKind, type Role } from '@/db/schema';

interface DemoOrganisation {
  kind: OrganisationKind;
  name: string;
  businessId: string;
  contactEmail: string;
  people: { email: string; name: string; role: Role }[];
}

/** One organisation of each kind, with people in each role their kind allows. */
export const demoOrganisations: DemoOrganisation[] = [
  {
    kind: 'poplapay',
    name: 'Poplapay',
    businessId: '2217574-1',
    contactEmail: 'support@poplapay.example',
    people: [
      { email: 'saara.support-admin@poplapay.example', name: 'Saara Virtanen', role: 'support_admin' },
      { email: 'mikko.support@poplapay.example', name: 'Mikko Laine', role: 'support_agent' },
    ],
  },
  {
    kind: 'ecr_integrator',
    name: 'Kassamestarit Oy',
    businessId: '2605261-8',
    contactEmail: 'tech@kassamestarit.example',
    people: [
      { email: 'aino.admin@kassamestarit.example', name: 'Aino Korhonen', role: 'partner_admin' },
      { email: 'juha@kassamestarit.example', name: 'Juha Nieminen', role: 'partner_member' },
    ],
  },
  {
    kind: 'ecr_supplier',
    name: 'Retail Systems Nordic Oy',
    businessId: '3015678-6',
    contactEmail: 'partners@retailsystems.example',
    people: [
      { email: 'elina.admin@retailsystems.example', name: 'Elina Mäkinen', role: 'partner_admin' },
      { email: 'ville@retailsystems.example', name: 'Ville Heikkinen', role: 'partner_member' },
    ],
  },
  {
    kind: 'reseller',
    name: 'Maksupiste Oy',
    businessId: '2961234-2',
    contactEmail: 'myynti@maksupiste.example',
    people: [
      { email: 'laura.admin@maksupiste.example', name: 'Laura Koskinen', role: 'partner_admin' },
      { email: 'petri@maksupiste.example', name: 'Petri Järvinen', role: 'partner_member' },
    ],
  },
];

/**
 * A realistic ECR catalogue: suppliers, their ECRs and the integration names support uses.
 * Where the supplier is a demo organisation, `supplier` names it, `sees` says 3a (true) or 3b,
 * and `resellers` who sells it.
 */
export const demoCatalogue = [
  { supplierName: 'Retail Systems Nordic Oy', ecrName: 'RSN Kassa', integrationName: 'RSN Kassa Cloud', supplier: 'Retail Systems Nordic Oy', sees: true, resellers: ['Maksupiste Oy'] },
  { supplierName: 'Retail Systems Nordic Oy', ecrName: 'RSN Ravintola', integrationName: 'RSN Ravintola Cloud', supplier: 'Retail Systems Nordic Oy', sees: false, resellers: ['Maksupiste Oy'] },
  { supplierName: 'Kassamestarit Oy', ecrName: 'Mestari POS', integrationName: 'Mestari POS CloudPOS', supplier: 'Kassamestarit Oy', sees: false, resellers: [] },
  { supplierName: 'Vendbase Oy', ecrName: 'Vendbase Retail', integrationName: 'Vendbase CloudPOS' },
  { supplierName: 'Lounasrobotti Oy', ecrName: 'Robotti Ravintola', integrationName: 'Robotti Pay' },
  { supplierName: 'Posify Finland Oy', ecrName: 'Posify Go', integrationName: 'Posify Go Cloud' },
];

/** Writes the demo data; running it again changes nothing. */
export async function seedDemoData(db: Db) {
  await db.transaction(async (tx) => {
    const organisationIds = new Map<string, string>();
    for (const organisation of demoOrganisations) {
      const { people, ...fields } = organisation;
      const organisationId = await ensureOrganisation(tx, fields);
      organisationIds.set(organisation.name, organisationId);
      for (const person of people) await upsertMember(tx, { ...person, organisationId });
    }
    for (const { supplier, sees, resellers, ...entry } of demoCatalogue) {
      const links = { supplierOrganisationId: supplier ? organisationIds.get(supplier) : null, supplierSeesMerchants: sees ?? false };
      const [product] = await tx
        .insert(ecrProducts)
        .values({ ...entry, ...links })
        // An entry from an older demo gets its links; one a support admin has linked keeps theirs.
        .onConflictDoUpdate({
          target: [ecrProducts.supplierName, ecrProducts.ecrName],
          set: {
            supplierOrganisationId: sql`coalesce(${ecrProducts.supplierOrganisationId}, excluded.supplier_organisation_id)`,
            supplierSeesMerchants: sql`case when ${ecrProducts.supplierOrganisationId} is null then excluded.supplier_sees_merchants else ${ecrProducts.supplierSeesMerchants} end`,
          },
        })
        .returning({ id: ecrProducts.id });
      for (const reseller of resellers ?? [])
        await tx.insert(ecrProductResellers).values({ ecrProductId: product!.id, organisationId: organisationIds.get(reseller)! }).onConflictDoNothing();
    }
  });
}
