import { z } from 'zod';
import { locales } from '@/lib/i18n/config';
import { oneLine } from '@/lib/validations/form-fields';

/** A language the portal speaks; messages are keys of the `validation` catalogue. */
export const localeField = z.enum(locales, { error: 'localeRequired' });

/** Your profile; messages are keys of the `validation` catalogue. */
export const updateProfileSchema = z.object({
  name: oneLine().min(1, 'nameRequired').max(100, 'nameTooLong'),
  locale: localeField,
});
export type UpdateProfileInput = z.infer<typeof updateProfileSchema>;

/** The language switch on every page, signed in or not. */
export const chooseLocaleSchema = z.object({ locale: localeField });
