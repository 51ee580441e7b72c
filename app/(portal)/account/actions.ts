'use server';

import { revalidatePath } from 'next/cache';
import { updateUserName } from '@/db/queries/users';
import { withAction } from '@/lib/authz';
import { updateProfileSchema } from '@/lib/validations/profile';

/** Renames the caller; the user id comes from the session, never from the form. */
export const updateProfile = withAction({ schema: updateProfileSchema, permission: 'profile:edit' }, async (input, actor) => {
  await updateUserName({ userId: actor.userId, name: input.name });
  revalidatePath('/', 'layout');
  return { name: input.name };
});
