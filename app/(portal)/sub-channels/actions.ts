'use server';

import { revalidatePath } from 'next/cache';
import { addMerchant, addTerminals, deactivateMerchant } from '@/db/queries/sub-channels';
import { withAction } from '@/lib/authz';
import { addMerchantSchema, addTerminalsSchema, deactivateMerchantSchema } from '@/lib/validations/merchants';

// Who may touch which sub-channel and merchant is decided in db/queries/sub-channels.ts.

export const addMerchantAction = withAction({ schema: addMerchantSchema, permission: 'orders:own' }, async (input, actor) => {
  await addMerchant(actor, input);
  revalidatePath(`/sub-channels/${input.subChannelOrderId}`);
  return { name: input.name };
});

export const addTerminalsAction = withAction({ schema: addTerminalsSchema, permission: 'orders:own' }, async (input, actor) => {
  await addTerminals(actor, input);
  revalidatePath('/sub-channels', 'layout');
  return { terminalIds: input.terminalIds };
});

export const deactivateMerchantAction = withAction({ schema: deactivateMerchantSchema, permission: 'orders:own' }, async (input, actor) => {
  await deactivateMerchant(actor, input);
  revalidatePath('/sub-channels', 'layout');
  return null;
});
