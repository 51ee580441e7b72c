'use server';

import { revalidatePath } from 'next/cache';
import { setDeadlineSetting } from '@/db/queries/settings';
import { withAction } from '@/lib/authz';
import { deadlineFormSchema } from '@/lib/validations/admin';


/** Changes the fulfilment deadline; open orders' due dates are recomputed by a job. */
export const saveDeadlineSetting = withAction({ schema: deadlineFormSchema, permission: 'admin:manage' }, async (input, actor) => {
  const setting = await setDeadlineSetting(actor.userId, input);
  revalidatePath('/', 'layout');
  return setting;
});
