import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import {
  askPartner,
  assignOrder,
  claimOrder,
  completeRights,
  getLatestDelivery,
  listQueue,
  listSupportAgents,
  recordCredentials,
  rejectOrder,
} from '@/db/queries/support';
import { getActorByUserId, type Actor } from '@/db/queries/users';
import { credentials, orderEvents, orders } from '@/db/schema';
import { factories } from '@/tests/support/factories';

const data = factories(db);

/**
 * Support's operations called directly with a partner, as if a page or action had forgotten its
 * check: even the partner's own order (which the order queries let it see) is refused.
 */
describe("support's operations check their caller themselves", () => {
  it.each(['partner_admin', 'partner_member'] as const)('refuse a %s, even on its own order, and change nothing', async (role) => {
    const { user, organisation } = await data.createPerson(role, 'reseller');
    const partner = (await getActorByUserId(user.id)) as Actor;
    const order = await data.createOrder({ organisationId: organisation.id, createdByUserId: user.id });
    const agent = await data.createPerson('support_agent');

    const operations: [string, () => Promise<unknown>][] = [
      ['listQueue', () => listQueue(partner, {})],
      ['listSupportAgents', () => listSupportAgents(partner)],
      ['getLatestDelivery', () => getLatestDelivery(partner, order.id)],
      ['claimOrder', () => claimOrder(partner, order.id)],
      ['assignOrder', () => assignOrder(partner, order.id, agent.user.id)],
      ['askPartner', () => askPartner(partner, order.id, 'Asked by the partner itself?')],
      ['rejectOrder', () => rejectOrder(partner, order.id, 'Rejected by the partner itself')],
      ['completeRights', () => completeRights(partner, order.id)],
      ['recordCredentials', () => recordCredentials(partner, order.id, { username: 'forged', password: 'Forged-Password-1' })],
    ];
    for (const [name, operation] of operations) {
      await expect(operation(), name).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }

    const [after] = await db.select().from(orders).where(eq(orders.id, order.id));
    expect(after).toMatchObject({ state: 'submitted', assigneeUserId: null });
    expect((await db.select().from(orderEvents).where(eq(orderEvents.orderId, order.id))).map((event) => event.kind)).toEqual(['submitted']);
    expect(await db.select().from(credentials).where(eq(credentials.orderId, order.id))).toEqual([]);
  });

  it('let support through', async () => {
    const agent = (await getActorByUserId((await data.createPerson('support_agent')).user.id)) as Actor;
    await expect(listSupportAgents(agent)).resolves.toEqual(expect.arrayContaining([expect.objectContaining({ userId: agent.userId })]));
  });
});
