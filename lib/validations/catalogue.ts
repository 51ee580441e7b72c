import { z } from 'zod';
import { checkbox, checkboxList, oneLine } from '@/lib/validations/form-fields';

/**
 * Support admins' ECR catalogue form, shared by the browser and the server action. Messages are
 * keys of the `validation` catalogue.
 */
const required = (message: string) => oneLine().min(1, message).max(200, 'tooLong');

export const catalogueEntrySchema = z
  .object({
    ecrProductId: z.union([z.literal(''), z.uuid()]).default(''),
    supplierName: required('catalogue.supplierNameRequired'),
    ecrName: required('ecrRequired'),
    integrationName: required('catalogue.integrationNameRequired'),
    supplierOrganisationId: z.union([z.literal(''), z.uuid()]).default(''),
    /** The seed's option 3: "3a" the supplier sees its resellers' merchants, "3b" it does not. */
    merchantVisibility: z.enum(['3a', '3b'], { error: 'catalogue.visibilityRequired' }),
    resellerIds: checkboxList(z.uuid()),
    active: checkbox,
  })
  .superRefine((entry, ctx) => {
    // A sub-channel is the supplier's account: without its organisation nobody could order one.
    if (entry.merchantVisibility === '3a' && !entry.supplierOrganisationId)
      ctx.addIssue({ code: 'custom', path: ['supplierOrganisationId'], message: 'catalogue.supplierOrganisationFor3a' });
  })
  .transform(({ ecrProductId, supplierOrganisationId, merchantVisibility, ...entry }) => ({
    ...entry,
    ecrProductId: ecrProductId || null,
    supplierOrganisationId: supplierOrganisationId || null,
    supplierSeesMerchants: merchantVisibility === '3a',
  }));
export type CatalogueEntryInput = z.output<typeof catalogueEntrySchema>;
