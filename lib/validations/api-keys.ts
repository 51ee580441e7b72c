import { z } from 'zod';
import { oneLine } from '@/lib/validations/form-fields';

/**
 * The API key forms of the organisation page; messages are keys of the `validation` catalogue.
 * The form offers one choice of access: `read`, or `order` (which includes read).
 */
export const createApiKeySchema = z.object({
  organisationId: z.uuid(),
  name: oneLine().min(1, 'apiKeyNameRequired').max(100, 'nameTooLong'),
  access: z.enum(['read', 'order'], { error: 'apiKeyAccessInvalid' }),
});

export const revokeApiKeySchema = z.object({ organisationId: z.uuid(), keyId: z.uuid() });
