'use server';

import { revalidatePath } from 'next/cache';
import { updateProfile as saveProfile } from '@/db/queries/users';
import { withAction } from '@/lib/authz';
import { rememberLocale } from '@/lib/i18n/request-locale';
import { updateProfileSchema } from '@/lib/validations/profile';

/** Renames the caller and sets their language; the user id comes from the session, never from the form. */
export const updateProfile = withAction({ schema: updateProfileSchema, permission: 'profile:edit' }, async (input, actor) => {
  await saveProfile({ userId: actor.userId, name: input.name, locale: input.locale });
  await rememberLocale(input.locale);
  revalidatePath('/', 'layout');
  return { name: input.name, locale: input.locale };
});
