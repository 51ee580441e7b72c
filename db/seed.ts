import type { Db } from '@/db';
import { ensureOrganisation } from '@/db/queries/organisations';
import { upsertMember } from '@/db/queries/users';
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { apiKeys, ecrProductResellers, ecrProducts, merchants, orders, terminals } from '@/db/schema';
import { appendOrderEvents } from '@/db/queries/order-events';
import { apiKeyPrefix, hashApiKey } from '@/lib/api-keys';
import { type OrganisationKind } from '@/lib/organisation-kinds';
import { type Role } from '@/lib/permissions';

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
/** Whose key `npm run demo` prints, so the README's curl works at once. */
export const DEMO_API_KEY_OWNER = { organisation: 'Retail Systems Nordic Oy', creator: 'elina.admin@retailsystems.example', name: 'Demo key (npm run demo)' };

/**
 * `apiKey`: a key for the demo's ECR supplier with `order` access (npm run demo keeps one in the
 * git-ignored .env as DEMO_API_KEY and prints it); never given outside the local demo.
 */
export async function seedDemoData(db: Db, { apiKey }: { apiKey?: string } = {}) {
  await db.transaction(async (tx) => {
    const organisationIds = new Map<string, string>();
    const userIds = new Map<string, string>();
    for (const organisation of demoOrganisations) {
      const { people, ...fields } = organisation;
      const organisationId = await ensureOrganisation(tx, fields);
      organisationIds.set(organisation.name, organisationId);
      for (const person of people) userIds.set(person.email, await upsertMember(tx, { ...person, organisationId }));
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
    await seedDemoSubChannel(tx, organisationIds, userIds);
    if (apiKey !== undefined) {
      await tx
        .insert(apiKeys)
        .values({
          organisationId: organisationIds.get(DEMO_API_KEY_OWNER.organisation)!,
          name: DEMO_API_KEY_OWNER.name,
          scopes: ['read', 'order'],
          prefix: apiKeyPrefix(apiKey),
          keyHash: hashApiKey(apiKey),
          createdByUserId: userIds.get(DEMO_API_KEY_OWNER.creator)!,
        })
        // Revoked in an earlier demo: stays revoked, as a revoked key must.
        .onConflictDoNothing({ target: apiKeys.keyHash });
    }
  });
}

/**
 * Retail Systems Nordic's completed RSN Kassa sub-channel (3a), with a merchant of its own and
 * one Maksupiste connected, so the demo shows what the supplier and the reseller each see.
 */
async function seedDemoSubChannel(tx: DbOrTx, organisationIds: Map<string, string>, userIds: Map<string, string>) {
  const supplierId = organisationIds.get('Retail Systems Nordic Oy')!;
  const [existing] = await tx.select({ id: orders.id }).from(orders).where(and(eq(orders.organisationId, supplierId), eq(orders.type, 'sub_channel')));
  if (existing) return;
  const [product] = await tx.select({ id: ecrProducts.id }).from(ecrProducts).where(and(eq(ecrProducts.supplierName, 'Retail Systems Nordic Oy'), eq(ecrProducts.ecrName, 'RSN Kassa')));
  const orderer = userIds.get('elina.admin@retailsystems.example')!;
  const agent = userIds.get('mikko.support@poplapay.example')!;
  const reseller = { organisationId: organisationIds.get('Maksupiste Oy')!, userId: userIds.get('laura.admin@maksupiste.example')! };
  const day = 24 * 3600_000;
  const submittedAt = new Date(Date.now() - 20 * day);
  const [order] = await tx
    .insert(orders)
    .values({
      organisationId: supplierId,
      createdByUserId: orderer,
      assigneeUserId: agent,
      type: 'sub_channel',
      state: 'completed',
      recipientName: 'Elina Mäkinen',
      recipientEmail: 'elina.admin@retailsystems.example',
      recipientPhone: '+358401234567',
      ecrProductId: product?.id,
      ecrSupplierName: 'Retail Systems Nordic Oy',
      ecrName: 'RSN Kassa',
      submittedAt,
      dueAt: new Date(submittedAt.getTime() + 7 * day),
      completedAt: new Date(submittedAt.getTime() + 3 * day),
      idempotencyKey: randomUUID(),
    })
    .returning({ id: orders.id });
  const event = (kind: 'submitted' | 'claimed' | 'account_created' | 'completed', actorUserId: string | null, after: number) => ({
    orderId: order!.id,
    organisationId: supplierId,
    actorUserId,
    kind,
    at: new Date(submittedAt.getTime() + after),
  });
  await appendOrderEvents(tx, [event('submitted', orderer, 0), event('claimed', agent, day), event('account_created', agent, 2 * day), event('completed', null, 3 * day)]);
  const demoMerchants = [
    { ...reseller, name: 'Kahvila Aurinko', businessId: '2605261-8', contactName: 'Aino Aurinko', contactEmail: 'aino@kahvila-aurinko.example', terminalIds: ['TID-20001', 'TID-20002'] },
    { organisationId: supplierId, userId: orderer, name: 'Kirjakauppa Sivu', businessId: '3015678-6', contactName: 'Sami Sivu', contactEmail: 'sami@sivu.example', terminalIds: ['TID-10001'] },
  ];
  for (const { userId, terminalIds, ...merchant } of demoMerchants) {
    const [row] = await tx.insert(merchants).values({ ...merchant, subChannelOrderId: order!.id, createdByUserId: userId }).returning({ id: merchants.id });
    await tx.insert(terminals).values(terminalIds.map((terminalId) => ({ merchantId: row!.id, subChannelOrderId: order!.id, terminalId, createdByUserId: userId })));
  }
}
