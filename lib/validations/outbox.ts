import { z } from 'zod';

/**
 * No control characters: PostgreSQL refuses a NUL in text, and no address holds one.
 * Note: lib/validations/form-fields.ts is getting a shared check for this; use it once it lands.
 */
const noControlCharacters = /^[^\p{Cc}]*$/u;

/** The development outbox's filter, as it arrives in the query string. */
export const outboxFilterSchema = z.object({
  recipient: z
    .string()
    .trim()
    .toLowerCase()
    .max(320)
    .regex(noControlCharacters)
    .optional()
    .transform((value) => value || undefined),
});
