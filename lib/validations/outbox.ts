import { z } from 'zod';
import { oneLine } from '@/lib/validations/form-fields';

/** The development outbox's filter, as it arrives in the query string. */
export const outboxFilterSchema = z.object({
  recipient: oneLine()
    .toLowerCase()
    .max(320)
    .optional()
    .transform((value) => value || undefined),
});
