import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { answerQuestionForActor } from '@/db/queries/orders';
import { listOutboxMessages } from '@/db/queries/outbox';
import { askPartner, assignOrder, claimOrder, completeRights, recordCredentials, rejectOrder } from '@/db/queries/support';
import { getActorByUserId } from '@/db/queries/users';
import { credentials, orderEvents, orders } from '@/db/schema';
import { jobHandlers } from '@/lib/jobs/handlers';
import { factories } from '@/tests/support/factories';

const data = factories(db);
const actorOf = async (userId: string) => (await getActorByUserId(userId))!;

async function setUp(type: 'channel' | 'merchant_rights' = 'channel') {
  const partner = await data.createPerson('partner_admin', 'reseller');
  const order = await data.createOrder({ organisationId: partner.organisation.id, createdByUserId: partner.user.id, type });
  const agent = await actorOf((await data.createPerson('support_agent')).user.id);
  return { partner, order, agent, orderer: await actorOf(partner.user.id) };
}
const stateOf = async (id: string) => (await db.select().from(orders).where(eq(orders.id, id)))[0]!;

describe('support’s steps', () => {
  it('a question pauses the order and emails it to the orderer; the answer returns it to the agent who had it', async () => {
    const { order, agent, orderer, partner } = await setUp();
    await claimOrder(agent, order.id);
    await askPartner(agent, order.id, 'Is 040 123 4567 the right number?');
    expect((await stateOf(order.id)).state).toBe('needs_info');
    await jobHandlers.orderEmail({ orderId: order.id, kind: 'question' });
    const [email] = await listOutboxMessages({ limit: 5, recipient: partner.user.email });
    expect(email!.subject).toBe(`Order ${order.number}: a question from Poplapay support`);
    expect(email!.bodyText).toContain('Is 040 123 4567 the right number?');

    await answerQuestionForActor(orderer, order.id, 'Yes it is.');
    expect(await stateOf(order.id)).toMatchObject({ state: 'in_progress', assigneeUserId: agent.userId });
  });

  it('assigns only to support people, and records who assigned whom', async () => {
    const { order, agent, orderer } = await setUp();
    const colleague = await actorOf((await data.createPerson('support_admin')).user.id);
    await expect(assignOrder(agent, order.id, orderer.userId)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await assignOrder(agent, order.id, colleague.userId);
    expect(await stateOf(order.id)).toMatchObject({ state: 'in_progress', assigneeUserId: colleague.userId });
    const [event] = await db.select().from(orderEvents).where(and(eq(orderEvents.orderId, order.id), eq(orderEvents.kind, 'assigned')));
    expect(event).toMatchObject({ actorUserId: agent.userId, data: { assigneeUserId: colleague.userId } });
  });

  it('a rejection emails the reason to the orderer and ends the order', async () => {
    const { order, agent, partner } = await setUp();
    await rejectOrder(agent, order.id, 'This integrator already has a channel account.');
    expect((await stateOf(order.id)).state).toBe('rejected');
    await jobHandlers.orderEmail({ orderId: order.id, kind: 'rejected' });
    const [email] = await listOutboxMessages({ limit: 5, recipient: partner.user.email });
    expect(email!.subject).toBe(`Order ${order.number} was rejected`);
    expect(email!.bodyText).toContain('This integrator already has a channel account.');
    await expect(claimOrder(agent, order.id)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('merchant rights complete without credentials or SMS, with an email to the orderer', async () => {
    const { order, agent, partner } = await setUp('merchant_rights');
    await claimOrder(agent, order.id);
    await expect(recordCredentials(agent, order.id, { username: 'x', password: 'Tq7#Kx2p-Rm9vWn4' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await completeRights(agent, order.id);
    const done = await stateOf(order.id);
    expect(done.state).toBe('completed');
    expect(done.completedAt).not.toBeNull();
    expect(await db.select().from(credentials).where(eq(credentials.orderId, order.id))).toHaveLength(0);
    await jobHandlers.orderEmail({ orderId: order.id, kind: 'completed' });
    const [email] = await listOutboxMessages({ limit: 5, recipient: partner.user.email });
    expect(email!.subject).toBe(`Order ${order.number} is done`);
  });

  it('refuses to complete a credentials order as merchant rights', async () => {
    const { order, agent } = await setUp('channel');
    await claimOrder(agent, order.id);
    await expect(completeRights(agent, order.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await stateOf(order.id)).state).toBe('in_progress');
  });
});
