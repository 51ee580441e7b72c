import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { getOrganisationForActor, listOrganisationsForActor } from '@/db/queries/organisations';
import { canSignInWithEmail, getActorByUserId, type Actor } from '@/db/queries/users';
import { factories } from '@/tests/support/factories';

const { createOrganisation, createMember, createPerson } = factories(db);

async function actorFor(userId: string): Promise<Actor> {
  const actor = await getActorByUserId(userId);
  if (!actor) throw new Error('expected an actor');
  return actor;
}

describe('organisation data is scoped to the caller', () => {
  it('gives a partner its own organisation and nothing of another', async () => {
    const a = await createPerson('partner_admin', 'ecr_integrator');
    const b = await createPerson('partner_member', 'reseller');
    const actorB = await actorFor(b.user.id);

    expect(await getOrganisationForActor(actorB, a.organisation.id)).toBeNull();
    const own = await getOrganisationForActor(actorB, b.organisation.id);
    expect(own?.members.map((member) => member.email)).toEqual([b.user.email]);

    const listed = await listOrganisationsForActor(actorB);
    expect(listed.map((organisation) => organisation.id)).toEqual([b.organisation.id]);
  });

  it('lets support read every organisation', async () => {
    const partner = await createPerson('partner_admin');
    const agent = await createPerson('support_agent');
    const actor = await actorFor(agent.user.id);
    expect((await getOrganisationForActor(actor, partner.organisation.id))?.name).toBe(partner.organisation.name);
    const listed = (await listOrganisationsForActor(actor)).map((organisation) => organisation.id);
    expect(listed).toEqual(expect.arrayContaining([partner.organisation.id, agent.organisation.id]));
  });
});

describe('who may sign in', () => {
  it('allows a member of an active organisation, whatever the case of the address', async () => {
    const { user } = await createPerson('partner_member');
    expect(await canSignInWithEmail(user.email.toUpperCase())).toBe(true);
  });

  it('refuses an address nobody invited', async () => {
    expect(await canSignInWithEmail('stranger@nowhere.example')).toBe(false);
  });

  it('refuses, and resolves no actor for, a person of a deactivated organisation', async () => {
    const organisation = await createOrganisation({ deactivated: true });
    const user = await createMember({ organisationId: organisation.id, role: 'partner_admin' });
    expect(await canSignInWithEmail(user.email)).toBe(false);
    expect(await getActorByUserId(user.id)).toBeNull();
  });
});
