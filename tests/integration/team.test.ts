import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { acceptInvitation, changeMemberRole, createInvitation, lookUpInvitation, removeMember } from '@/db/queries/team';
import { canSignInWithEmail, getActorByUserId, type Actor } from '@/db/queries/users';
import { invitations, memberships, users } from '@/db/schema';
import { factories } from '@/tests/support/factories';

const data = factories(db);
const actorOf = async (userId: string): Promise<Actor> => (await getActorByUserId(userId))!;
const roleOf = async (userId: string) => (await db.select().from(memberships).where(eq(memberships.userId, userId)))[0]?.role;
const email = () => `invitee-${Math.random().toString(36).slice(2, 10)}@test.example`;

describe('invitations', () => {
  it('a partner admin invites a colleague, who joins the right organisation in the right role', async () => {
    const { user, organisation } = await data.createPerson('partner_admin', 'reseller');
    const admin = await actorOf(user.id);
    const address = email();
    const { token } = await createInvitation(admin, { organisationId: organisation.id, email: address.toUpperCase(), role: 'partner_member' });
    expect(await lookUpInvitation(token)).toMatchObject({ valid: true, email: address, role: 'partner_member' });
    // Only a hash of the token is stored.
    expect(JSON.stringify(await db.select().from(invitations))).not.toContain(token);

    expect(await canSignInWithEmail(address)).toBe(false);
    await acceptInvitation(token, { name: 'Newcomer', locale: 'en' });
    expect(await canSignInWithEmail(address)).toBe(true);
    const [member] = await db.execute<{ organisation_id: string; role: string }>(
      sql`SELECT m.organisation_id, m.role FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = ${address}`,
    ).then((result) => result.rows);
    expect(member).toEqual({ organisation_id: organisation.id, role: 'partner_member' });
  });

  it('works once: a reused link is refused and says it was used', async () => {
    const { user, organisation } = await data.createPerson('partner_admin');
    const { token } = await createInvitation(await actorOf(user.id), { organisationId: organisation.id, email: email(), role: 'partner_member' });
    await acceptInvitation(token, { name: 'Newcomer', locale: 'en' });
    await expect(acceptInvitation(token, { name: 'Newcomer', locale: 'en' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await lookUpInvitation(token)).toEqual({ valid: false, reason: 'used' });
  });

  it('expires: an old link is refused and says it expired', async () => {
    const { user, organisation } = await data.createPerson('partner_admin');
    const address = email();
    const { token } = await createInvitation(await actorOf(user.id), { organisationId: organisation.id, email: address, role: 'partner_member' });
    await db.update(invitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invitations.email, address));
    expect(await lookUpInvitation(token)).toEqual({ valid: false, reason: 'expired' });
    await expect(acceptInvitation(token, { name: 'Newcomer', locale: 'en' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await canSignInWithEmail(address)).toBe(false);
  });

  it('an unknown token reveals nothing', async () => {
    expect(await lookUpInvitation('x'.repeat(43))).toEqual({ valid: false, reason: 'unknown' });
  });

  it('refuses roles the organisation cannot have and people who already have an account', async () => {
    const { user, organisation } = await data.createPerson('partner_admin');
    const admin = await actorOf(user.id);
    await expect(createInvitation(admin, { organisationId: organisation.id, email: email(), role: 'support_admin' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(createInvitation(admin, { organisationId: organisation.id, email: user.email, role: 'partner_member' })).rejects.toMatchObject({
      fieldErrors: { email: ['alreadyMember'] },
    });
  });

  it('refuses a second invitation to an address while one is open, in any organisation and in any case, until it expires', async () => {
    const { user, organisation } = await data.createPerson('partner_admin', 'reseller');
    const other = await data.createPerson('partner_admin', 'ecr_integrator');
    const admin = await actorOf(user.id);
    const address = email();
    await createInvitation(admin, { organisationId: organisation.id, email: address, role: 'partner_member' });
    const open = { code: 'INVALID_INPUT', fieldErrors: { email: ['invitationOpen'] } };
    await expect(createInvitation(admin, { organisationId: organisation.id, email: address.toUpperCase(), role: 'partner_admin' })).rejects.toMatchObject(open);
    await expect(createInvitation(await actorOf(other.user.id), { organisationId: other.organisation.id, email: address, role: 'partner_member' })).rejects.toMatchObject(open);

    // Expired and never accepted: no longer open, so the address may be invited again.
    await db.update(invitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invitations.email, address));
    const again = await createInvitation(admin, { organisationId: organisation.id, email: address, role: 'partner_member' });
    expect(await lookUpInvitation(again.token)).toMatchObject({ valid: true, email: address });
  });

  it('lets only one of two simultaneous invitations to the same address through', async () => {
    const { user, organisation } = await data.createPerson('partner_admin', 'reseller');
    const admin = await actorOf(user.id);
    const address = email();
    const results = await Promise.allSettled(
      [0, 1, 2].map(() => createInvitation(admin, { organisationId: organisation.id, email: address, role: 'partner_member' })),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const rows = await db.select().from(invitations).where(eq(invitations.email, address));
    expect(rows).toHaveLength(1);
  });

  it('lets a support admin invite the first admin of a partner organisation, and nobody else outside it', async () => {
    const partnerOrg = await data.createOrganisation({ kind: 'ecr_supplier' });
    const supportAdmin = await actorOf((await data.createPerson('support_admin')).user.id);
    const agent = await actorOf((await data.createPerson('support_agent')).user.id);
    const stranger = await actorOf((await data.createPerson('partner_admin', 'reseller')).user.id);
    await expect(createInvitation(supportAdmin, { organisationId: partnerOrg.id, email: email(), role: 'partner_admin' })).resolves.toBeDefined();
    for (const actor of [agent, stranger]) {
      await expect(createInvitation(actor, { organisationId: partnerOrg.id, email: email(), role: 'partner_admin' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
  });
});

describe('languages of invitations and newcomers', () => {
  it("invites a colleague in the inviter's language and a new partner organisation's admin in its country's; the newcomer's own choice then holds", async () => {
    const { user, organisation } = await data.createPerson('partner_admin');
    await db.update(users).set({ locale: 'sv' }).where(eq(users.id, user.id));
    const colleague = await createInvitation(await actorOf(user.id), { organisationId: organisation.id, email: email(), role: 'partner_member' });
    expect(colleague.locale).toBe('sv');

    const support = await data.createPerson('support_admin');
    const finnish = await data.createOrganisation({ kind: 'reseller' });
    const firstAdmin = await createInvitation(await actorOf(support.user.id), { organisationId: finnish.id, email: email(), role: 'partner_admin' });
    expect(firstAdmin.locale).toBe('fi');

    const { email: address } = await acceptInvitation(firstAdmin.token, { name: 'Aino Aloittelija', locale: 'en' });
    const [newcomer] = await db.select({ name: users.name, locale: users.locale }).from(users).where(eq(users.email, address));
    expect(newcomer).toEqual({ name: 'Aino Aloittelija', locale: 'en' });
  });
});

describe('support users', () => {
  it('a support admin manages Poplapay\'s own people in support roles; an agent cannot', async () => {
    const admin = await data.createPerson('support_admin');
    const adminActor = await actorOf(admin.user.id);
    const poplapay = admin.organisation.id;
    await expect(createInvitation(adminActor, { organisationId: poplapay, email: email(), role: 'partner_admin' })).rejects.toMatchObject({
      fieldErrors: { role: ['roleInvalid'] },
    });
    const { token } = await createInvitation(adminActor, { organisationId: poplapay, email: email(), role: 'support_agent' });
    const { email: agentEmail } = await acceptInvitation(token, { name: 'Newcomer', locale: 'en' });
    const [agent] = await db.select().from(users).where(eq(users.email, agentEmail));
    const agentActor = await actorOf(agent!.id);
    expect(agentActor).toMatchObject({ organisationId: poplapay, role: 'support_agent' });
    await expect(changeMemberRole(agentActor, { organisationId: poplapay, userId: admin.user.id, role: 'support_agent' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await changeMemberRole(adminActor, { organisationId: poplapay, userId: agent!.id, role: 'support_admin' });
    expect(await actorOf(agent!.id)).toMatchObject({ role: 'support_admin' });
    await removeMember(adminActor, { organisationId: poplapay, userId: agent!.id });
    expect(await getActorByUserId(agent!.id)).toBeNull();
  });
});

describe('team management', () => {
  it('the last admin can neither demote nor remove themselves; with a second admin they can', async () => {
    const { user, organisation } = await data.createPerson('partner_admin');
    const admin = await actorOf(user.id);
    await expect(changeMemberRole(admin, { organisationId: organisation.id, userId: user.id, role: 'partner_member' })).rejects.toMatchObject({ code: 'LAST_ADMIN' });
    await expect(removeMember(admin, { organisationId: organisation.id, userId: user.id })).rejects.toMatchObject({ code: 'LAST_ADMIN' });
    expect(await roleOf(user.id)).toBe('partner_admin');

    const colleague = await data.createMember({ organisationId: organisation.id, role: 'partner_member' });
    await changeMemberRole(admin, { organisationId: organisation.id, userId: colleague.id, role: 'partner_admin' });
    await changeMemberRole(admin, { organisationId: organisation.id, userId: user.id, role: 'partner_member' });
    expect(await roleOf(user.id)).toBe('partner_member');
  });

  it('a partner admin cannot change or remove a user of another organisation: refused, nothing changed', async () => {
    const mine = await data.createPerson('partner_admin', 'reseller');
    const theirs = await data.createPerson('partner_admin', 'ecr_integrator');
    const victim = await data.createMember({ organisationId: theirs.organisation.id, role: 'partner_member' });
    const admin = await actorOf(mine.user.id);
    for (const organisationId of [theirs.organisation.id, mine.organisation.id]) {
      await expect(changeMemberRole(admin, { organisationId, userId: victim.id, role: 'partner_admin' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(removeMember(admin, { organisationId, userId: victim.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    expect(await roleOf(victim.id)).toBe('partner_member');
  });

  it('a member cannot manage their team', async () => {
    const { organisation } = await data.createPerson('partner_admin');
    const member = await data.createMember({ organisationId: organisation.id, role: 'partner_member' });
    const other = await data.createMember({ organisationId: organisation.id, role: 'partner_member' });
    await expect(removeMember(await actorOf(member.id), { organisationId: organisation.id, userId: other.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await roleOf(other.id)).toBe('partner_member');
  });

  it('a removed member loses access and their sessions', async () => {
    const { user, organisation } = await data.createPerson('partner_admin');
    const member = await data.createMember({ organisationId: organisation.id, role: 'partner_member' });
    await data.createSession(member.id);
    await removeMember(await actorOf(user.id), { organisationId: organisation.id, userId: member.id });
    expect(await getActorByUserId(member.id)).toBeNull();
    expect(await canSignInWithEmail(member.email)).toBe(false);
    const left = await db.execute(sql`SELECT 1 FROM sessions WHERE user_id = ${member.id}`);
    expect(left.rows).toHaveLength(0);
  });
});
