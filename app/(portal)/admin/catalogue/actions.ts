'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { saveCatalogueEntry } from '@/db/queries/catalogue';
import { withAction } from '@/lib/authz';
import { catalogueEntrySchema } from '@/lib/validations/catalogue';

// For support admins only: withAction checks 'admin:manage' on the server.
const saveAction = withAction({ schema: catalogueEntrySchema, permission: 'admin:manage' }, async (input, actor) => {
  const id = await saveCatalogueEntry(actor.userId, input);
  revalidatePath('/admin/catalogue');
  revalidatePath('/sub-channels');
  return { id, created: !input.ecrProductId };
});

/** Saves an entry; a new one then opens its own page (redirect throws, so it is outside withAction). */
export async function saveCatalogueEntryAction(previous: unknown, input: FormData) {
  const result = await saveAction(previous, input);
  if (result.ok && result.data.created) redirect(`/admin/catalogue/${result.data.id}?created=1`);
  return result;
}
