import { z } from 'zod';

/** The sign-in form; messages are keys of the `validation` catalogue. */
export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email('emailInvalid')),
});
export type SignInInput = z.infer<typeof signInSchema>;
