import { z } from 'zod';

/**
 * Every background job: a queue name, its payload schema and its retry policy. Handlers live
 * in lib/jobs/handlers.ts and are idempotent, because a queue delivers at least once.
 */
export const orderEmailKinds = ['received'] as const;
export type OrderEmailKind = (typeof orderEmailKinds)[number];

export const jobDefinitions = {
  orderEmail: {
    name: 'order-email',
    payload: z.object({ orderId: z.uuid(), kind: z.enum(orderEmailKinds) }),
    options: { retryLimit: 10, retryDelay: 30, retryBackoff: true },
  },
} as const;

export type JobName = keyof typeof jobDefinitions;
export type JobPayload<N extends JobName> = z.infer<(typeof jobDefinitions)[N]['payload']>;
