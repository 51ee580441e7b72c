import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { searchPartnersForActor } from '@/db/queries/organisations';
import { listQueue } from '@/db/queries/support';
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

  const queueNumbers = async (partner: string) => (await listQueue(agent, { partner })).map((row) => row.number);

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
