import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { listOrdersForActor } from '@/db/queries/orders';
import { listQueue } from '@/db/queries/support';
import { getActorByUserId } from '@/db/queries/users';
import { orderListFiltersSchema } from '@/lib/validations/order';
import { queueFiltersSchema } from '@/lib/validations/support';
import { factories } from '@/tests/support/factories';

const data = factories(db);
const actorOf = async (userId: string) => (await getActorByUserId(userId))!;

// The pages parse their URL with these schemas and hand the result to these queries, as here.
describe('a NUL byte in a URL filter', () => {
  it('is no search on the partner order list, not a database error', async () => {
    const partner = await data.createPerson('partner_admin');
    const order = await data.createOrder({ organisationId: partner.organisation.id, createdByUserId: partner.user.id });
    const page = await listOrdersForActor(await actorOf(partner.user.id), orderListFiltersSchema.parse({ q: 'Anna\u0000', after: '\u0000' }));
    expect(page.rows.map((row) => row.id)).toEqual([order.id]);
  });

  it('is no filter in the support queue, not a database error', async () => {
    const agent = await actorOf((await data.createPerson('support_agent')).user.id);
    await expect(listQueue(agent, queueFiltersSchema.parse({ partner: 'Kassa\u0000', assignee: '\u0000' }))).resolves.toHaveProperty('rows');
  });
});
