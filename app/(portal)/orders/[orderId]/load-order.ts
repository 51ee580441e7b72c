import 'server-only';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { z } from 'zod';
import { getOrderForActor } from '@/db/queries/orders';
import { requirePageActor } from '@/lib/authz';

/** The order if the caller may see it; 404 otherwise, so another organisation's id reveals nothing. */
export const loadOrder = cache(async (orderId: string) => {
  const actor = await requirePageActor();
  const id = z.uuid().safeParse(orderId);
  const order = id.success ? await getOrderForActor(actor, id.data) : null;
  if (!order) notFound();
  return { actor, order };
});
