import { z } from 'zod';
import { checkboxList, oneLine } from '@/lib/validations/form-fields';
import { webhookEventTypes } from '@/lib/webhooks/events';

/**
 * The webhook forms of the organisation's webhooks page; messages are keys of the `validation`
 * catalogue. The URL's shape is checked here (in the browser too); whether it may be reached
 * (https, a public address) only the server can say, and says as a field error of `url`.
 */
export const webhookEndpointSchema = z.object({
  organisationId: z.uuid(),
  url: oneLine()
    .min(1, 'webhookUrlRequired')
    .max(2000, 'tooLong')
    .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), 'webhookUrlInvalid'),
  description: oneLine().max(200, 'tooLong').default(''),
  eventTypes: checkboxList(z.enum(webhookEventTypes, { error: 'webhookEventsRequired' })).pipe(z.array(z.enum(webhookEventTypes)).min(1, 'webhookEventsRequired')),
});
export type WebhookEndpointInput = z.infer<typeof webhookEndpointSchema>;

export const updateWebhookEndpointSchema = webhookEndpointSchema.extend({ endpointId: z.uuid() });

/** The buttons on one endpoint: rotate, test, delete, enable/disable. */
export const webhookEndpointActionSchema = z.object({ organisationId: z.uuid(), endpointId: z.uuid() });
export const setWebhookEnabledSchema = webhookEndpointActionSchema.extend({ enabled: z.enum(['true', 'false']).transform((value) => value === 'true') });
export const resendWebhookSchema = webhookEndpointActionSchema.extend({ deliveryId: z.uuid() });
