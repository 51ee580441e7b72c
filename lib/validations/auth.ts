import { z } from 'zod';
import { emailAddress } from '@/lib/validations/form-fields';

/** The sign-in form; messages are keys of the `validation` catalogue. */
export const signInSchema = z.object({
  email: emailAddress(),
});
export type SignInInput = z.infer<typeof signInSchema>;
