import { z } from 'zod';

/** Your profile; messages are keys of the `validation` catalogue. */
export const updateProfileSchema = z.object({
  name: z.string().trim().min(1, 'nameRequired').max(100, 'nameTooLong'),
});
export type UpdateProfileInput = z.infer<typeof updateProfileSchema>;
