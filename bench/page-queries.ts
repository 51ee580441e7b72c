/**
 * The queries behind the measured pages, run through the app's own query functions (so the
 * plans are of the SQL the pages send), with the filters people use most.
 */
import type pg from 'pg';
import { unsafeEraseExpiredPasswords, unsafeListStuckDeliveries } from '@/db/queries/deliveries';
import { getOrderForActor, listOrdersForActor } from '@/db/queries/orders';
import { searchPartnersForActor } from '@/db/queries/organisations';
import { getLatestDelivery, listOrdersNeedingAttention, listQueue, listSupportAgents } from '@/db/queries/support';
import { getActorByUserId } from '@/db/queries/users';
import { explain, recordQueries, type Plan } from './plans';

export async function collectPlans(
  client: pg.Client,
  pool: pg.Pool,
  people: { partnerAdmin: string; supportAgent: string; partnerOrganisationId: string; partnerName: string; orderIds: string[]; deepCursor: string; deepRows: number },
): Promise<Plan[]> {
  const partner = await getActorByUserId(people.partnerAdmin);
  const agent = await getActorByUserId(people.supportAgent);
  if (!partner || !agent) throw new Error('bench people have no membership');
  const orderId = people.orderIds[0]!;

  const pages: [label: string, work: () => Promise<unknown>][] = [
    ['session: getActorByUserId (every page)', () => getActorByUserId(people.partnerAdmin)],
    ['(c) queue first page: listQueue {}', () => listQueue(agent, {})],
    ['(c) queue filtered: listQueue {risk: overdue}', () => listQueue(agent, { risk: 'overdue' })],
    ['(c) queue filter: listQueue {risk: at_risk}', () => listQueue(agent, { risk: 'at_risk' })],
    ['(c) queue filter: listQueue {state: in_progress}', () => listQueue(agent, { state: 'in_progress' })],
    ['(c) queue filter: listQueue {type: merchant}', () => listQueue(agent, { type: 'merchant' })],
    ['(c) queue filter: listQueue {assignee: me}', () => listQueue(agent, { assignee: 'me' })],
    ['(c) queue filter: listQueue {assignee: unassigned}', () => listQueue(agent, { assignee: 'unassigned' })],
    ['(c) queue filter: listQueue {partner: biggest partner\'s name}', () => listQueue(agent, { partner: people.partnerName })],
    ['(c) queue filter: listQueue {partner: "Partner 001" (10 partners)}', () => listQueue(agent, { partner: 'Partner 001' })],
    ['(c) partner suggestions: searchPartnersForActor "Partner 00"', () => searchPartnersForActor(agent, 'Partner 00')],
    ['(c) queue page: listSupportAgents (assignee menu)', () => listSupportAgents(agent)],
    ['(d) list first page: listOrdersForActor {}', () => listOrdersForActor(partner, {})],
    [`(d) list ${people.deepRows.toLocaleString('en')} rows deep: listOrdersForActor {after}`, () => listOrdersForActor(partner, { after: people.deepCursor })],
    ['(d) list filter: listOrdersForActor {state: open}', () => listOrdersForActor(partner, { state: 'open' })],
    ['(d) list filter: listOrdersForActor {state: needs_info}', () => listOrdersForActor(partner, { state: 'needs_info' })],
    ['(d) list search: listOrdersForActor {q: "Recipient 4711"}', () => listOrdersForActor(partner, { q: 'Recipient 4711' })],
    ['(e) detail: getOrderForActor', () => getOrderForActor(partner, orderId)],
    ['(e) detail, support view: getLatestDelivery', () => getLatestDelivery(agent, orderId)],
    ['daily digest: listOrdersNeedingAttention', () => listOrdersNeedingAttention()],
    // Every two minutes (reconcile-sms). Nothing in the data set is past retention: no writes.
    ['reconcile job: unsafeEraseExpiredPasswords (its SELECT)', () => unsafeEraseExpiredPasswords(72)],
    ['reconcile job: unsafeListStuckDeliveries', () => unsafeListStuckDeliveries(120)],
  ];

  const plans: Plan[] = [];
  for (const [label, work] of pages) {
    const queries = await recordQueries(pool, work);
    for (const [index, query] of queries.entries()) {
      plans.push(await explain(client, queries.length > 1 ? `${label} #${index + 1}` : label, query));
    }
  }
  return plans;
}
