import { z } from 'zod';
import { isValidFinnishBusinessId, normaliseFinnishBusinessId } from '@/lib/business-id';
import { partnerOrganisationKinds } from '@/lib/organisation-kinds';
import { applicationCountries, isVatNumberShape, normaliseVatNumber } from '@/lib/partner-applications/countries';
import { parseContactPhone } from '@/lib/phone';
import { emailAddress, multiLine, oneLine } from '@/lib/validations/form-fields';

/**
 * The public application form (/apply), checked in the browser before it is sent and parsed
 * again by the server action. Messages are keys of the `validation` catalogue.
 *
 * Business ID: a company in Finland gives its Y-tunnus, checked by its check digit; a company
 * elsewhere gives its VAT number, which must start with its country's code (EL for Greece).
 * The honeypot and the fill-time token are not fields of this schema: the action looks at them
 * before anything else (lib/partner-applications/spam.ts).
 */
export const MESSAGE_MAX_LENGTH = 2000;

const applicationFields = z.object({
  interest: z.enum(partnerOrganisationKinds, { error: 'application.interestRequired' }),
  companyName: oneLine().min(1, 'application.companyNameRequired').max(200, 'tooLong'),
  businessId: oneLine().min(1, 'application.businessIdRequired').max(40, 'tooLong'),
  country: z.enum(applicationCountries, { error: 'application.countryRequired' }),
  contactName: oneLine().min(1, 'application.contactNameRequired').max(100, 'nameTooLong'),
  email: emailAddress().pipe(z.string().max(254, 'tooLong')),
  phone: oneLine().max(40, 'tooLong'),
  message: multiLine().max(MESSAGE_MAX_LENGTH, 'application.messageTooLong').default(''),
});

/** Runs the business ID and phone checks even when another field failed, so every problem shows at once. */
const crossFieldCheckable = (payload: { value: unknown }) => {
  const value = payload.value as Partial<Record<'businessId' | 'country' | 'phone', unknown>> | null;
  return typeof value?.businessId === 'string' && typeof value.country === 'string' && typeof value.phone === 'string';
};
const isApplicationCountry = (value: string) => (applicationCountries as readonly string[]).includes(value);

export const partnerApplicationSchema = applicationFields
  .superRefine((application, ctx) => {
    const problem = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (application.businessId !== '' && isApplicationCountry(application.country)) {
      if (application.country === 'FI') {
        const id = normaliseFinnishBusinessId(application.businessId);
        if (!/^\d{7}-\d$/.test(id)) problem('businessId', 'businessIdShape');
        else if (!isValidFinnishBusinessId(id)) problem('businessId', 'businessIdCheckDigit');
      } else if (!isVatNumberShape(normaliseVatNumber(application.businessId, application.country), application.country)) {
        problem('businessId', 'application.vatNumberShape');
      }
    }
    const phone = parseContactPhone(application.phone);
    if (!phone.ok) problem('phone', phone.problem === 'required' ? 'application.phoneRequired' : `phone.${phone.problem}`);
  }, { when: crossFieldCheckable })
  .transform(({ businessId, phone, ...rest }) => {
    const parsed = parseContactPhone(phone);
    return {
      ...rest,
      businessId: rest.country === 'FI' ? normaliseFinnishBusinessId(businessId) : normaliseVatNumber(businessId, rest.country),
      phone: parsed.ok ? parsed.e164 : phone,
    };
  });
export type PartnerApplicationInput = z.output<typeof partnerApplicationSchema>;

/** The inbox's filter: one state, or the open ones (new and in review) by default. */
export const applicationListFilterSchema = z.object({
  state: z.enum(['open', 'new', 'in_review', 'approved', 'declined']).catch('open'),
});

const applicationId = z.uuid();

export const applicationNoteSchema = z.object({
  applicationId,
  note: multiLine().min(1, 'application.noteRequired').max(2000, 'tooLong'),
});

export const applicationReviewSchema = z.object({ applicationId });

/** Approving: the organisation's kind (the applicant's interest, unless support chooses another) and its name as it will be shown. */
export const approveApplicationSchema = z.object({
  applicationId,
  kind: z.enum(partnerOrganisationKinds, { error: 'admin.kindRequired' }),
  name: oneLine().min(1, 'admin.nameRequired').max(200, 'tooLong'),
});

export const declineApplicationSchema = z.object({
  applicationId,
  reason: multiLine().max(2000, 'tooLong').default(''),
});
