import { z } from 'zod';
import { oneLine } from '@/lib/validations/form-fields';

/** Your profile; messages are keys of the `validation` catalogue. */
export const updateProfileSchema = z.object({
  name: oneLine().min(1, 'nameRequired').max(100, 'nameTooLong'),
});
export type UpdateProfileInput = z.infer<typeof updateProfileSchema>;
