import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { createPartnerOrganisation, setOrganisationActive } from '@/db/queries/admin-organisations';
import { AUDIT_PAGE_SIZE, listAuditEvents, recordAudit } from '@/db/queries/audit';
import { acceptInvitation, changeMemberRole, createInvitation, removeMember } from '@/db/queries/team';
import { getActorByUserId, type Actor } from '@/db/queries/users';
import { auditEvents, users } from '@/db/schema';
import { createPartnerOrganisationSchema } from '@/lib/validations/admin';
import { factories } from '@/tests/support/factories';

const data = factories(db);
const actorOf = async (userId: string): Promise<Actor> => (await getActorByUserId(userId))!;
const email = () => `invitee-${randomUUID().slice(0, 8)}@test.example`;
const auditOfOrganisation = (organisationId: string) =>
  db.select().from(auditEvents).where(eq(auditEvents.organisationId, organisationId)).orderBy(auditEvents.at);

describe('the audit trail is append-only', () => {
  it('refuses to change, delete or truncate recorded events, and keeps them as they were', async () => {
    const { organisation, user } = await data.createPerson('partner_admin');
    await recordAudit(db, user.id, { action: 'organisation.updated', organisationId: organisation.id, subjectId: organisation.id, data: { name: 'Before' } });
    const [event] = await auditOfOrganisation(organisation.id);

    const refused = (operation: string) => ({ code: '42501', message: expect.stringContaining(`audit_events is append-only: ${operation} is not allowed`) });
    await expect(db.update(auditEvents).set({ data: { name: 'Forged' } }).where(eq(auditEvents.id, event!.id))).rejects.toMatchObject(refused('UPDATE'));
    await expect(db.delete(auditEvents).where(eq(auditEvents.id, event!.id))).rejects.toMatchObject(refused('DELETE'));
    await expect(db.execute(sql`TRUNCATE audit_events`)).rejects.toMatchObject(refused('TRUNCATE'));

    expect(await auditOfOrganisation(organisation.id)).toEqual([event]);
  });
});

describe('team changes are recorded', () => {
  it('an invitation, its acceptance, a role change and a removal each leave one event, by whoever did it', async () => {
    const { user: adminUser, organisation } = await data.createPerson('partner_admin', 'reseller');
    const admin = await actorOf(adminUser.id);
    const address = email();

    const { token } = await createInvitation(admin, { organisationId: organisation.id, email: address, role: 'partner_member' });
    await acceptInvitation(token, { name: 'Newcomer', locale: 'en' });
    const [joined] = await db.select().from(users).where(eq(users.email, address));
    await changeMemberRole(admin, { organisationId: organisation.id, userId: joined!.id, role: 'partner_admin' });
    await removeMember(admin, { organisationId: organisation.id, userId: joined!.id });

    const events = await auditOfOrganisation(organisation.id);
    expect(events.map((event) => event.action)).toEqual(['invitation.created', 'invitation.accepted', 'member.role_changed', 'member.removed']);
    expect(events[0]).toMatchObject({ actorUserId: admin.userId, data: { email: address, role: 'partner_member' } });
    expect(events[1]).toMatchObject({ actorUserId: joined!.id, subjectId: joined!.id, data: { email: address, role: 'partner_member' } });
    expect(events[2]).toMatchObject({ actorUserId: admin.userId, subjectId: joined!.id, data: { email: address, from: 'partner_member', to: 'partner_admin' } });
    expect(events[3]).toMatchObject({ actorUserId: admin.userId, subjectId: joined!.id, data: { email: address, role: 'partner_admin' } });
    // Nothing secret: the invitation token is never in the trail.
    expect(JSON.stringify(events)).not.toContain(token);
  });

  it('a refused or idle change records nothing', async () => {
    const { user, organisation } = await data.createPerson('partner_admin');
    const admin = await actorOf(user.id);
    const member = await data.createMember({ organisationId: organisation.id, role: 'partner_member' });
    await expect(removeMember(admin, { organisationId: organisation.id, userId: user.id })).rejects.toMatchObject({ code: 'LAST_ADMIN' });
    await expect(changeMemberRole(admin, { organisationId: organisation.id, userId: user.id, role: 'partner_member' })).rejects.toMatchObject({ code: 'LAST_ADMIN' });
    await expect(createInvitation(admin, { organisationId: organisation.id, email: member.email, role: 'partner_member' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await changeMemberRole(admin, { organisationId: organisation.id, userId: member.id, role: 'partner_member' });
    expect(await auditOfOrganisation(organisation.id)).toEqual([]);
  });
});

describe('partner organisation changes are recorded', () => {
  it('creating, deactivating and reactivating an organisation each leave one event by the support admin', async () => {
    const { user: admin } = await data.createPerson('support_admin');
    const name = `Retail Systems ${randomUUID().slice(0, 8)}`;
    const id = await createPartnerOrganisation(
      admin.id,
      createPartnerOrganisationSchema.parse({ kind: 'ecr_supplier', name, businessId: '2605261-8', country: 'FI', contactEmail: 'tuki@rsn.example' }),
    );
    await setOrganisationActive(admin.id, id, false);
    await setOrganisationActive(admin.id, id, true);

    const events = await auditOfOrganisation(id);
    expect(events.map((event) => event.action)).toEqual(['organisation.created', 'organisation.deactivated', 'organisation.reactivated']);
    for (const event of events) expect(event).toMatchObject({ actorUserId: admin.id, organisationId: id, subjectId: id });
    expect(events[0]!.data).toMatchObject({ kind: 'ecr_supplier', name, businessId: '2605261-8', country: 'FI', contactEmail: 'tuki@rsn.example' });
  });

  it('Poplapay’s own organisation is not a target, and the refusal records nothing', async () => {
    const { user: admin, organisation: poplapay } = await data.createPerson('support_admin');
    await expect(setOrganisationActive(admin.id, poplapay.id, false)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await auditOfOrganisation(poplapay.id)).toEqual([]);
  });
});

describe('listing the audit trail', () => {
  /** Events for one organisation at the given times (oldest first), recorded by `actorUserId`. */
  async function eventsAt(organisationId: string, actorUserId: string, times: string[]) {
    const rows = await db
      .insert(auditEvents)
      .values(times.map((at, index) => ({ at: sql`${at}::timestamptz`, organisationId, actorUserId, action: 'organisation.updated' as const, data: { n: index } })))
      .returning({ id: auditEvents.id });
    return rows.map((row) => row.id);
  }

  /** Every page, following the "older" link as the audit page builds it. */
  async function allPages(organisationId: string) {
    const pages: { ids: string[]; hasMore: boolean }[] = [];
    let before: { at: Date; id: string } | undefined;
    for (;;) {
      const { events, hasMore } = await listAuditEvents({ organisationId, before });
      pages.push({ ids: events.map((event) => event.id), hasMore });
      const last = events.at(-1);
      if (!hasMore || !last || pages.length > 10) return pages;
      before = { at: new Date(last.at.toISOString()), id: last.id };
    }
  }

  it('shows one organisation’s events, newest first, with who did it and for which organisation', async () => {
    const mine = await data.createPerson('partner_admin');
    const theirs = await data.createPerson('partner_admin');
    await data.createMember({ organisationId: mine.organisation.id, role: 'partner_member' });
    const [older, newer] = await eventsAt(mine.organisation.id, mine.user.id, ['2031-01-01T10:00:00Z', '2031-01-01T11:00:00Z']);
    const [other] = await eventsAt(theirs.organisation.id, theirs.user.id, ['2031-01-01T10:30:00Z']);

    const { events, hasMore } = await listAuditEvents({ organisationId: mine.organisation.id });
    expect(hasMore).toBe(false);
    expect(events.map((event) => event.id)).toEqual([newer, older]);
    expect(events[0]).toMatchObject({
      action: 'organisation.updated',
      organisationId: mine.organisation.id,
      organisationName: mine.organisation.name,
      actorEmail: mine.user.email,
      actorName: mine.user.name,
      data: { n: 1 },
    });

    const everything = (await listAuditEvents()).events.map((event) => event.id);
    expect(everything).toEqual(expect.arrayContaining([newer, older, other]));
    expect(everything.indexOf(newer!)).toBeLessThan(everything.indexOf(other!));
    expect(everything.indexOf(other!)).toBeLessThan(everything.indexOf(older!));
  });

  it('pages through older events with the cursor: every event once, in order', async () => {
    const { organisation, user } = await data.createPerson('partner_admin');
    const total = AUDIT_PAGE_SIZE + 12;
    const times = Array.from({ length: total }, (_, index) => new Date(Date.UTC(2031, 1, 1, 12, 0, index)).toISOString());
    const ids = await eventsAt(organisation.id, user.id, times);

    const pages = await allPages(organisation.id);
    expect(pages.map((page) => [page.ids.length, page.hasMore])).toEqual([
      [AUDIT_PAGE_SIZE, true],
      [12, false],
    ]);
    expect(pages.flatMap((page) => page.ids)).toEqual([...ids].reverse());
  });

  it('keeps events that happened at the same moment apart across pages', async () => {
    const { organisation, user } = await data.createPerson('partner_admin');
    const ids = await eventsAt(organisation.id, user.id, Array.from({ length: AUDIT_PAGE_SIZE + 5 }, () => '2031-03-01T12:00:00.250Z'));
    const seen = (await allPages(organisation.id)).flatMap((page) => page.ids);
    expect(seen).toHaveLength(ids.length);
    expect([...seen].sort()).toEqual([...ids].sort());
  });

  it('does not skip events written within the same millisecond as the last one on a page', async () => {
    // The trail's clock (clock_timestamp()) has microseconds; a burst of changes lands within one millisecond.
    const { organisation, user } = await data.createPerson('partner_admin');
    const total = AUDIT_PAGE_SIZE + 10;
    const times = Array.from({ length: total }, (_, index) => `2031-04-01T12:00:00.100${String(index).padStart(3, '0')}Z`);
    const ids = await eventsAt(organisation.id, user.id, times);

    const pages = await allPages(organisation.id);
    expect(pages[0]).toMatchObject({ hasMore: true });
    const seen = pages.flatMap((page) => page.ids);
    expect(seen).toHaveLength(total);
    expect([...seen].sort()).toEqual([...ids].sort());
  });
});
