'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { setDeadlineSetting } from '@/db/queries/settings';
import { withAction } from '@/lib/authz';

const deadlineFormSchema = z.object({
  mode: z.enum(['calendar_days', 'business_days'], { error: 'deadlineModeInvalid' }),
  days: z.coerce.number({ error: 'deadlineDaysInvalid' }).int('deadlineDaysInvalid').min(1, 'deadlineDaysInvalid').max(60, 'deadlineDaysInvalid'),
});

/** Changes the fulfilment deadline; open orders' due dates are recomputed by a job. */
export const saveDeadlineSetting = withAction({ schema: deadlineFormSchema, permission: 'admin:manage' }, async (input) => {
  const setting = await setDeadlineSetting(input);
  revalidatePath('/', 'layout');
  return setting;
});
