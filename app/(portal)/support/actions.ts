'use server';

import { revalidatePath } from 'next/cache';
import { askPartner, assignOrder, claimOrder, completeRights, recordCredentials, rejectOrder } from '@/db/queries/support';
import { withAction } from '@/lib/authz';
import { orderIdSchema } from '@/lib/validations/order';
import { askQuestionSchema, assignOrderSchema, recordCredentialsSchema, rejectOrderSchema } from '@/lib/validations/support';

const done = (orderId: string) => {
  revalidatePath(`/orders/${orderId}`);
  revalidatePath('/support');
  return null;
};

export const claim = withAction({ schema: orderIdSchema, permission: 'support:queue' }, async ({ orderId }, actor) => {
  await claimOrder(actor, orderId);
  return done(orderId);
});

export const assign = withAction({ schema: assignOrderSchema, permission: 'support:queue' }, async ({ orderId, assigneeUserId }, actor) => {
  await assignOrder(actor, orderId, assigneeUserId);
  return done(orderId);
});

export const ask = withAction({ schema: askQuestionSchema, permission: 'support:queue' }, async ({ orderId, question }, actor) => {
  await askPartner(actor, orderId, question);
  return done(orderId);
});

export const reject = withAction({ schema: rejectOrderSchema, permission: 'support:queue' }, async ({ orderId, reason }, actor) => {
  await rejectOrder(actor, orderId, reason);
  return done(orderId);
});

/** Note: returns nothing of the input: the password goes into the sealed store and nowhere else. */
export const saveCredentials = withAction({ schema: recordCredentialsSchema, permission: 'support:queue' }, async ({ orderId, username, password }, actor) => {
  await recordCredentials(actor, orderId, { username, password });
  return done(orderId);
});

export const markRightsAdded = withAction({ schema: orderIdSchema, permission: 'support:queue' }, async ({ orderId }, actor) => {
  await completeRights(actor, orderId);
  return done(orderId);
});
