import { createHash, randomBytes, randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { and, eq, inArray } from 'drizzle-orm';
import type { Page } from '@playwright/test';
import { invitations, memberships, orderBatchRows, orderBatches, orderEvents, orders, organisations, users } from '@/db/schema';
import type { test } from '../fixtures';

export type Data = Parameters<Parameters<typeof test>[2]>[0]['data'];

/** The rules the portal promises: WCAG 2.0 and 2.1, levels A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** The two widths every page is checked at: a laptop and a phone. */
export const WIDTHS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/** Axe's findings on the page as it is now, one readable line per rule and element. */
export async function axeViolations(page: Page, label: string) {
  // Only violations, and in the page itself (legacy mode): the default opens a blank page per run to
  // merge frames' results, which the portal (no iframes) does not need; together about 3× faster.
  // (runOnly goes in the same options: AxeBuilder.options() replaces what withTags() set.)
  const { violations } = await new AxeBuilder({ page })
    .options({ runOnly: { type: 'tag', values: WCAG_TAGS }, resultTypes: ['violations'] })
    .setLegacyMode(true)
    .analyze();
  return violations.flatMap((violation) =>
    violation.nodes.map((node) => `${label}: ${violation.id} (${violation.impact}) ${node.target.join(' ')} – ${node.failureSummary?.split('\n').slice(0, 2).join(' ')}`),
  );
}

/** The seed's people (db/seed.ts), by the role they stand for in these tests. */
export const seedPeople = {
  partnerMember: 'juha@kassamestarit.example',
  integratorAdmin: 'aino.admin@kassamestarit.example',
  supplierAdmin: 'elina.admin@retailsystems.example',
  resellerAdmin: 'laura.admin@maksupiste.example',
  supportAgent: 'mikko.support@poplapay.example',
  supportAdmin: 'saara.support-admin@poplapay.example',
} as const;

/** A seed person's user id and organisation id. */
export async function seedPerson(data: Data, email: string) {
  const [row] = await data.db
    .select({ userId: users.id, organisationId: memberships.organisationId })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(eq(users.email, email));
  if (!row) throw new Error(`${email} is not in the seed`);
  return row;
}

/** The seed's completed RSN Kassa sub-channel of Retail Systems Nordic. */
export async function seedSubChannelId(data: Data) {
  const [row] = await data.db
    .select({ id: orders.id })
    .from(orders)
    .innerJoin(organisations, eq(organisations.id, orders.organisationId))
    .where(and(eq(organisations.name, 'Retail Systems Nordic Oy'), eq(orders.type, 'sub_channel'), eq(orders.ecrName, 'RSN Kassa')));
  return row!.id;
}

/** An invitation written as createInvitation writes one; returns the emailed token. */
export async function createInvitationToken(data: Data, organisationId: string, expired = false) {
  const token = randomBytes(32).toString('base64url');
  await data.db.insert(invitations).values({
    organisationId,
    email: `invitee-${randomBytes(4).toString('hex')}@test.example`,
    role: 'partner_member',
    tokenHash: createHash('sha256').update(token).digest('hex'),
    expiresAt: new Date(Date.now() + (expired ? -60_000 : 7 * 24 * 3600_000)),
  });
  return token;
}

/** The states an order page is checked in. */
export const orderPageStates = ['submitted', 'in_progress', 'needs_info', 'account_created', 'completed', 'rejected', 'cancelled'] as const;
export type OrderPageState = (typeof orderPageStates)[number];

/**
 * One order of `organisationId` in each state, with the timeline events its page shows (the
 * question, the rejection reason). In progress ones are assigned to `assigneeUserId`.
 */
export async function createOrdersInEveryState(data: Data, input: { organisationId: string; createdByUserId: string; assigneeUserId?: string }) {
  const ids = {} as Record<OrderPageState | 'in_progress_rights', string>;
  const make = async (key: OrderPageState | 'in_progress_rights', state: OrderPageState, extra: Record<string, unknown> = {}) => {
    const order = await data.createOrder({
      organisationId: input.organisationId,
      createdByUserId: input.createdByUserId,
      state,
      assigneeUserId: state === 'submitted' ? null : (input.assigneeUserId ?? null),
      completedAt: state === 'completed' ? new Date() : null,
      ...extra,
    });
    const event = (kind: typeof orderEvents.$inferInsert.kind, eventData: Record<string, unknown> = {}) =>
      data.db.insert(orderEvents).values({ orderId: order.id, organisationId: input.organisationId, actorUserId: input.assigneeUserId ?? null, kind, data: eventData });
    if (state !== 'submitted') await event('claimed');
    if (state === 'needs_info') await event('question_asked', { question: 'Which ECR integration is this for?' });
    if (state === 'account_created' || state === 'completed') await event('account_created');
    if (state === 'completed') await event('completed');
    if (state === 'rejected') await event('rejected', { reason: 'The merchant is not a customer of ours.' });
    if (state === 'cancelled') await event('cancelled');
    ids[key] = order.id;
  };
  for (const state of orderPageStates) await make(state, state);
  await make('in_progress_rights', 'in_progress', {
    type: 'merchant_rights',
    ecrSupplierName: 'Retail Systems Nordic Oy',
    ecrName: 'RSN Ravintola',
    merchantName: 'Kahvila Aurinko',
    merchantBusinessId: '2605261-8',
    additionalInfo: 'RSN Ravintola Cloud',
  });
  return ids;
}

/** A placed batch made of `orderIds` (rows 2, 3, … in that order), as the batch job leaves one. */
export async function seedBatch(data: Data, input: { organisationId: string; createdByUserId: string; orderIds: string[] }) {
  const [batch] = await data.db
    .insert(orderBatches)
    .values({ organisationId: input.organisationId, createdByUserId: input.createdByUserId, type: 'channel', fileName: 'tunnukset.csv', idempotencyKey: randomUUID(), rowCount: input.orderIds.length, completedAt: new Date() })
    .returning({ id: orderBatches.id });
  await data.db.update(orders).set({ batchId: batch!.id }).where(inArray(orders.id, input.orderIds));
  await data.db.insert(orderBatchRows).values(input.orderIds.map((orderId, index) => ({ batchId: batch!.id, rowNumber: index + 2, orderId })));
  return batch!.id;
}
