import { z } from 'zod';
import { countryCode, emailAddress, multiLine, oneLine } from '@/lib/validations/form-fields';
import { parseContactPhone } from '@/lib/phone';
import { businessIdCheckable, checkBusinessId } from '@/lib/validations/admin';
import { splitTerminalIds, terminalIdPattern } from '@/lib/validations/order';
import { normaliseFinnishBusinessId } from '@/lib/business-id';

/**
 * Merchants and Terminal IDs under a sub-channel, shared by the browser and the server actions.
 * Messages are keys of the `validation` catalogue.
 */

/** Terminal IDs as typed (one per line, or separated by commas or spaces), upper-cased. */
const terminalIdList = (options: { min: number }) =>
  multiLine()
    .max(2000, 'tooLong')
    .default('')
    .transform((value) => splitTerminalIds(value.toUpperCase()))
    .superRefine((ids, ctx) => {
      if (ids.length < options.min) ctx.addIssue({ code: 'custom', message: 'merchants.terminalIdRequired' });
      else if (ids.some((id) => !terminalIdPattern.test(id))) ctx.addIssue({ code: 'custom', message: 'terminalIdInvalid' });
      else if (ids.length > 50) ctx.addIssue({ code: 'custom', message: 'merchants.tooManyTerminals' });
    });

export const addMerchantSchema = z
  .object({
    subChannelOrderId: z.uuid(),
    name: oneLine().min(1, 'merchantNameRequired').max(200, 'tooLong'),
    businessId: oneLine().min(1, 'businessIdRequired').max(40, 'tooLong'),
    country: countryCode,
    contactName: oneLine().min(1, 'merchants.contactNameRequired').max(200, 'tooLong'),
    contactEmail: emailAddress(),
    contactPhone: oneLine().max(40, 'tooLong').default(''),
    terminalIds: terminalIdList({ min: 0 }),
  })
  .superRefine(checkBusinessId, { when: businessIdCheckable })
  .superRefine(
    (merchant, ctx) => {
      if (!merchant.contactPhone) return;
      const phone = parseContactPhone(merchant.contactPhone);
      if (!phone.ok) ctx.addIssue({ code: 'custom', path: ['contactPhone'], message: `phone.${phone.problem}` });
    },
    // Shown with the other fields' problems, not only once they are fixed.
    { when: (payload) => typeof (payload.value as { contactPhone?: unknown } | null)?.contactPhone === 'string' },
  )
  .transform((merchant) => ({
    ...merchant,
    businessId: merchant.country === 'FI' ? normaliseFinnishBusinessId(merchant.businessId) : merchant.businessId,
    contactPhone: merchant.contactPhone ? (parseContactPhone(merchant.contactPhone) as { e164: string }).e164 : null,
  }));
export type AddMerchantInput = z.output<typeof addMerchantSchema>;

export const addTerminalsSchema = z.object({ merchantId: z.uuid(), terminalIds: terminalIdList({ min: 1 }) });

export const deactivateMerchantSchema = z.object({ merchantId: z.uuid() });
