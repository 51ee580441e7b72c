'use server';

import { revalidatePath } from 'next/cache';
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  resendWebhookDelivery,
  rotateWebhookSecret,
  sendWebhookTestEvent,
  setWebhookEndpointEnabled,
  updateWebhookEndpoint,
} from '@/db/queries/webhooks';
import { withAction } from '@/lib/authz';
import {
  resendWebhookSchema,
  setWebhookEnabledSchema,
  updateWebhookEndpointSchema,
  webhookEndpointActionSchema,
  webhookEndpointSchema,
} from '@/lib/validations/webhooks';

// Whose endpoints the caller may see or change is decided in db/queries/webhooks.ts (a partner
// admin their own organisation's, support may look and switch off); the permission here only
// keeps everyone else out early.
const listPath = (organisationId: string) => `/organisations/${organisationId}/webhooks`;

export const createEndpoint = withAction({ schema: webhookEndpointSchema, permission: 'organisation:read-own' }, async (input, actor) => {
  const { secret, endpoint } = await createWebhookEndpoint(actor, input);
  revalidatePath(listPath(input.organisationId));
  // The one time the secret leaves the server on creation: the form shows it once.
  return { secret, endpointId: endpoint.id, url: endpoint.url };
});

export const updateEndpoint = withAction({ schema: updateWebhookEndpointSchema, permission: 'organisation:read-own' }, async (input, actor) => {
  await updateWebhookEndpoint(actor, input);
  revalidatePath(listPath(input.organisationId), 'layout');
  return null;
});

export const rotateSecret = withAction({ schema: webhookEndpointActionSchema, permission: 'organisation:read-own' }, async (input, actor) => {
  const { secret, previousSecretUntil } = await rotateWebhookSecret(actor, input);
  revalidatePath(listPath(input.organisationId), 'layout');
  return { secret, previousSecretUntil: previousSecretUntil.toISOString() };
});

export const setEndpointEnabled = withAction({ schema: setWebhookEnabledSchema, permission: 'organisation:read-own' }, async (input, actor) => {
  await setWebhookEndpointEnabled(actor, input);
  revalidatePath(listPath(input.organisationId), 'layout');
  return null;
});

export const deleteEndpoint = withAction({ schema: webhookEndpointActionSchema, permission: 'organisation:read-own' }, async (input, actor) => {
  await deleteWebhookEndpoint(actor, input);
  revalidatePath(listPath(input.organisationId));
  return null;
});

export const sendTestEvent = withAction({ schema: webhookEndpointActionSchema, permission: 'organisation:read-own' }, async (input, actor) => {
  await sendWebhookTestEvent(actor, input);
  return null;
});

export const sendAgain = withAction({ schema: resendWebhookSchema, permission: 'organisation:read-own' }, async (input, actor) => {
  await resendWebhookDelivery(actor, input);
  return null;
});
