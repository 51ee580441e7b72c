import 'server-only';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { z } from 'zod';
import { getBatchForActor } from '@/db/queries/batches';
import { requirePageActor } from '@/lib/authz';

/** The batch if the caller may see it (its organisation, or support); 404 otherwise, as for an order. */
export const loadBatch = cache(async (batchId: string) => {
  const actor = await requirePageActor();
  const id = z.uuid().safeParse(batchId);
  const batch = id.success ? await getBatchForActor(actor, id.data) : null;
  if (!batch) notFound();
  return { actor, batch };
});
