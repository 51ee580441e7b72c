import { z } from 'zod';
import { countryCode, oneLine } from '@/lib/validations/form-fields';
import { isValidFinnishBusinessId, normaliseFinnishBusinessId } from '@/lib/business-id';
import { partnerOrganisationKinds } from '@/lib/organisation-kinds';

/**
 * Support admins' partner organisation form, shared by the browser (checked before it is sent)
 * and the server actions, which parse again: the server is the authority. Messages are keys
 * of the `validation` catalogue.
 */

const organisationFields = z.object({
  name: oneLine().min(1, 'admin.nameRequired').max(200, 'tooLong'),
  businessId: oneLine().min(1, 'admin.businessIdRequired').max(40, 'tooLong'),
  country: countryCode,
  // An empty field means "no contact email", so it is not an invalid address.
  contactEmail: oneLine()
    .toLowerCase()
    .max(254, 'tooLong')
    .refine((value) => value === '' || z.email().safeParse(value).success, 'emailInvalid')
    .default(''),
});

type OrganisationFields = z.output<typeof organisationFields>;

/** A Finnish Y-tunnus is checked by its check digit; other countries' IDs are kept as typed. */
export function checkBusinessId(organisation: { businessId: string; country: string }, ctx: z.RefinementCtx) {
  if (organisation.country !== 'FI' || organisation.businessId === '') return;
  const id = normaliseFinnishBusinessId(organisation.businessId);
  const problem = (message: string) => ctx.addIssue({ code: 'custom', path: ['businessId'], message });
  if (!/^\d{7}-\d$/.test(id)) problem('businessIdShape');
  else if (!isValidFinnishBusinessId(id)) problem('businessIdCheckDigit');
}

/**
 * Runs the business ID check even when another field (an unchosen kind) failed, so the form
 * shows every problem at once; it only needs the two strings it reads.
 */
export const businessIdCheckable = (payload: { value: unknown }) => {
  const value = payload.value as Partial<Record<'businessId' | 'country', unknown>> | null;
  return typeof value?.businessId === 'string' && typeof value.country === 'string';
};

const normalise = <T extends OrganisationFields>({ businessId, contactEmail, ...rest }: T) => ({
  ...rest,
  businessId: rest.country === 'FI' ? normaliseFinnishBusinessId(businessId) : businessId,
  contactEmail: contactEmail || null,
});

export const createPartnerOrganisationSchema = organisationFields
  .extend({ kind: z.enum(partnerOrganisationKinds, { error: 'admin.kindRequired' }) })
  .superRefine(checkBusinessId, { when: businessIdCheckable })
  .transform(normalise);
export type CreatePartnerOrganisationFormInput = z.input<typeof createPartnerOrganisationSchema>;
export type CreatePartnerOrganisationInput = z.output<typeof createPartnerOrganisationSchema>;

/** Editing: the same fields except the kind, which does not change once partners order. */
export const updatePartnerOrganisationSchema = organisationFields
  .extend({ organisationId: z.uuid() })
  .superRefine(checkBusinessId, { when: businessIdCheckable })
  .transform(normalise);
export type UpdatePartnerOrganisationInput = z.output<typeof updatePartnerOrganisationSchema>;

export const organisationActiveSchema = z.object({
  organisationId: z.uuid(),
  active: z.enum(['true', 'false']).transform((value) => value === 'true'),
});

/** The fulfilment deadline: calendar or business days, 1 to 60 of them. */
export const deadlineFormSchema = z.object({
  mode: z.enum(['calendar_days', 'business_days'], { error: 'deadlineModeInvalid' }),
  days: z.coerce.number({ error: 'deadlineDaysInvalid' }).int('deadlineDaysInvalid').min(1, 'deadlineDaysInvalid').max(60, 'deadlineDaysInvalid'),
});
