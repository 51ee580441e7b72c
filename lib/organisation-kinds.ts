/** The kinds of organisation; the database's `organisation_kind` enum is made from this list. */
export const organisationKinds = ['ecr_integrator', 'ecr_supplier', 'reseller', 'poplapay'] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

/**
 * The kinds support may create. Poplapay's own organisation is never made or edited here.
 * Apart from the schemas (lib/validations/admin.ts), so the form's menu needs no zod.
 */
export const partnerOrganisationKinds = ['ecr_integrator', 'ecr_supplier', 'reseller'] as const satisfies readonly OrganisationKind[];
export type PartnerOrganisationKind = (typeof partnerOrganisationKinds)[number];
