'use server';

import { revalidatePath } from 'next/cache';
import { setUserLocale } from '@/db/queries/users';
import { getActor } from '@/lib/authz';
import { formToObject } from '@/lib/form-data';
import { rememberLocale } from '@/lib/i18n/request-locale';
import { chooseLocaleSchema } from '@/lib/validations/profile';

/**
 * The language switch (public: it is on the sign-in page too). A signed-in person's language,
 * their emails' included, is set; the browser remembers the choice for after signing out.
 */
export async function chooseLocaleAction(input: FormData) {
  const parsed = chooseLocaleSchema.safeParse(formToObject(input));
  if (!parsed.success) return;
  await rememberLocale(parsed.data.locale);
  const actor = await getActor();
  if (actor) await setUserLocale(actor.userId, parsed.data.locale);
  revalidatePath('/', 'layout');
}
