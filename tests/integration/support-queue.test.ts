import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { searchPartnersForActor } from '@/db/queries/organisations';
import { listQueue, listSupportAgents } from '@/db/queries/support';
import { getActorByUserId, type Actor } from '@/db/queries/users';
import { organisations } from '@/db/schema';
import { factories } from '@/tests/support/factories';

const { createOrganisation, createMember, createPerson, createOrder } = factories(db);

describe("the support queue's partner filter", () => {
  const tag = randomUUID().slice(0, 6);
  let agent: Actor;
  const numbers: Record<'kassa' | 'percent' | 'other', number> = { kassa: 0, percent: 0, other: 0 };

  beforeAll(async () => {
    const partner = async (name: string, businessId?: string) => {
      const organisation = await createOrganisation({ kind: 'ecr_integrator', name });
      if (businessId) await db.update(organisations).set({ businessId }).where(eq(organisations.id, organisation.id));
      const admin = await createMember({ organisationId: organisation.id, role: 'partner_admin' });
      return (await createOrder({ organisationId: organisation.id, createdByUserId: admin.id })).number;
    };
    numbers.kassa = await partner(`Kassamestarit ${tag} Oy`, '0112038-9');
    numbers.percent = await partner(`100% ${tag} Oy`);
    numbers.other = await partner(`Retail ${tag} Ab`);
    const person = await createPerson('support_agent');
    agent = (await getActorByUserId(person.user.id))!;
  });

  const queueNumbers = async (partner: string) => (await listQueue(agent, { partner })).rows.map((row) => row.number);

  it('matches part of a name in any letter case', async () => {
    expect(await queueNumbers(`MESTARIT ${tag}`)).toEqual([numbers.kassa]);
  });

  it('matches a business ID exactly', async () => {
    expect(await queueNumbers('0112038-9')).toEqual([numbers.kassa]);
    expect(await queueNumbers('0112038')).toEqual([]);
  });

  it('takes % and _ literally', async () => {
    expect(await queueNumbers(`100% ${tag}`)).toEqual([numbers.percent]);
    expect(await queueNumbers(`% ${tag}`)).toEqual([numbers.percent]);
    expect(await queueNumbers(`_ ${tag}`)).toEqual([]);
  });

  it('suggests matching partners by name, never Poplapay', async () => {
    expect((await searchPartnersForActor(agent, tag)).map((row) => row.name)).toEqual([`100% ${tag} Oy`, `Kassamestarit ${tag} Oy`, `Retail ${tag} Ab`]);
    const poplapay = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, agent.organisationId));
    expect(await searchPartnersForActor(agent, poplapay[0]!.name)).toEqual([]);
  });

  it('suggests ten partners at most', async () => {
    const many = `Many ${randomUUID().slice(0, 6)}`;
    for (let index = 0; index < 12; index++) await createOrganisation({ kind: 'reseller', name: `${many} ${index}` });
    expect(await searchPartnersForActor(agent, many)).toHaveLength(10);
  });
});

describe("the support queue's pages", () => {
  it('walk every open order once, soonest due first, orders due at the same moment included', async () => {
    const organisation = await createOrganisation({ kind: 'ecr_integrator', name: `Paged ${randomUUID().slice(0, 6)} Oy` });
    const admin = await createMember({ organisationId: organisation.id, role: 'partner_admin' });
    const agentPerson = await createPerson('support_agent');
    const agent = (await getActorByUserId(agentPerson.user.id))!;
    const soon = new Date(Date.now() + 3600_000);
    // Three share one deadline: the page boundary falls among them. The one due last is the agent's.
    for (const hours of [5, 1, 1, 1, 3, 2, 4]) {
      const assigneeUserId = hours === 5 ? agentPerson.user.id : null;
      await createOrder({ organisationId: organisation.id, createdByUserId: admin.id, dueAt: new Date(soon.getTime() + hours * 3600_000), assigneeUserId });
    }
    await createOrder({ organisationId: organisation.id, createdByUserId: admin.id, state: 'completed' });

    const whole = (await listQueue(agent, { partner: organisation.name }, 100)).rows;
    expect(whole).toHaveLength(7);
    // Each row names its partner and, when taken, who took it.
    expect(whole.every((row) => row.organisationName === organisation.name)).toBe(true);
    expect(whole.map((row) => row.assigneeName)).toEqual([null, null, null, null, null, null, agentPerson.user.name]);
    const dueTimes = whole.map((row) => row.dueAt.getTime());
    expect(dueTimes).toEqual([...dueTimes].sort((a, b) => a - b));

    const pages: number[][] = [];
    let after: string | undefined;
    do {
      const page = await listQueue(agent, { partner: organisation.name, after }, 2);
      pages.push(page.rows.map((row) => row.number));
      after = page.nextCursor;
    } while (after);
    expect(pages.map((page) => page.length)).toEqual([2, 2, 2, 1]);
    expect(pages.flat()).toEqual(whole.map((row) => row.number));
  });

  it('start from the first page when the cursor is not one the queue made', async () => {
    const organisation = await createOrganisation({ kind: 'ecr_integrator', name: `Cursor ${randomUUID().slice(0, 6)} Oy` });
    const admin = await createMember({ organisationId: organisation.id, role: 'partner_admin' });
    for (let index = 0; index < 3; index++) await createOrder({ organisationId: organisation.id, createdByUserId: admin.id });
    const agent = (await getActorByUserId((await createPerson('support_agent')).user.id))!;
    const first = await listQueue(agent, { partner: organisation.name }, 2);
    expect(first.nextCursor).toBeDefined();
    for (const after of ['nonsense', Buffer.from(`2026-01-01T00:00:00.000Z|${'-'.repeat(36)}`).toString('base64url'), '12345']) {
      expect((await listQueue(agent, { partner: organisation.name, after }, 2)).rows.map((row) => row.id)).toEqual(first.rows.map((row) => row.id));
    }
  });
});

describe('the assign menu', () => {
  it("lists the support organisation's agents and admins by name, and nobody of another organisation", async () => {
    const { organisation, user: caller } = await createPerson('support_agent');
    const tag = randomUUID().slice(0, 6);
    await createMember({ organisationId: organisation.id, role: 'support_admin', name: `Aino ${tag}` });
    await createMember({ organisationId: organisation.id, role: 'support_agent', name: `Eero ${tag}` });
    const partner = await createOrganisation({ kind: 'reseller' });
    await createMember({ organisationId: partner.id, role: 'partner_admin', name: `Bertta ${tag}` });
    const other = await createPerson('support_agent');

    const names = async (userId: string) => (await listSupportAgents((await getActorByUserId(userId))!)).map((agent) => agent.name);
    expect(await names(caller.id)).toEqual([`Aino ${tag}`, `Eero ${tag}`, 'Test Person']);
    // Prepared once for every caller: another organisation's agent gets their own colleagues.
    expect(await names(other.user.id)).toEqual(['Test Person']);
  });
});
