import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import { db, type DbOrTx } from '@/db';
import { recordAudit } from '@/db/queries/audit';
import { normaliseEmail, type Actor } from '@/db/queries/users';
import { invitations, memberships, organisations, sessions, users } from '@/db/schema';
import { type Role } from '@/lib/permissions';
import { inTransaction } from '@/db/transaction';
import { localeForCountry, type Locale } from '@/lib/i18n/config';
import { AppError } from '@/lib/errors';
import { adminRoles, isAdminRole, mayManageTeam, roleFitsOrganisation } from '@/lib/permissions';

export const INVITATION_DAYS = 7;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * An active organisation whose people the actor may manage (see mayManageTeam). NOT_FOUND for
 * anyone else, so a stranger's organisation looks the same as none.
 */
async function managedOrganisation(tx: DbOrTx, actor: Actor, organisationId: string) {
  if (!mayManageTeam(actor, organisationId)) throw new AppError('NOT_FOUND');
  const [organisation] = await tx
    .select({ id: organisations.id, kind: organisations.kind, name: organisations.name, country: organisations.country })
    .from(organisations)
    .where(and(eq(organisations.id, organisationId), isNull(organisations.deactivatedAt)));
  if (!organisation) throw new AppError('NOT_FOUND');
  return organisation;
}

/**
 * Invites someone by email. Returns the token for the emailed link; only its hash is kept.
 * Partner organisations take partner roles, Poplapay support roles.
 */
export async function createInvitation(actor: Actor, input: { organisationId: string; email: string; role: Role }) {
  return inTransaction(async (tx) => {
    const organisation = await managedOrganisation(tx, actor, input.organisationId);
    if (!roleFitsOrganisation(input.role, organisation.kind)) throw new AppError('INVALID_INPUT', 'INVALID_INPUT', { role: ['roleInvalid'] });
    // A colleague most likely reads the inviter's language; a new partner organisation its country's.
    const locale = organisation.id === actor.organisationId ? actor.locale : localeForCountry(organisation.country);
    return insertInvitation(tx, actor.userId, organisation, { email: input.email, role: input.role, locale });
  });
}

/**
 * The invitation itself, inside the caller's transaction: refused (a field error on `email`) for
 * someone who already has an account or an open invitation anywhere. Callers have checked that
 * the inviter may invite into `organisation` and that the role fits it; approving a partner
 * application invites its applicant this way, in the transaction that creates the organisation.
 */
export async function insertInvitation(
  tx: DbOrTx,
  invitedByUserId: string,
  organisation: { id: string; name: string },
  input: { email: string; role: Role; locale: Locale },
) {
  const email = normaliseEmail(input.email);
  const [existing] = await tx
    .select({ organisationId: memberships.organisationId })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(eq(users.email, email));
  if (existing) throw new AppError('INVALID_INPUT', 'INVALID_INPUT', { email: ['alreadyMember'] });
  // One open invitation per address, in any organisation: two invitations racing for the same
  // address take this lock in turn, so the second sees the first. An expired one no longer counts.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`invitation:${email}`}))`);
  const [open] = await tx
    .select({ id: invitations.id })
    .from(invitations)
    .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
    .where(
      and(
        eq(invitations.email, email),
        isNull(invitations.acceptedAt),
        gt(invitations.expiresAt, sql`now()`),
        isNull(organisations.deactivatedAt),
      ),
    )
    .limit(1);
  if (open) throw new AppError('INVALID_INPUT', 'INVALID_INPUT', { email: ['invitationOpen'] });
  const token = randomBytes(32).toString('base64url');
  await tx.insert(invitations).values({
    organisationId: organisation.id,
    email,
    role: input.role,
    locale: input.locale,
    tokenHash: hashToken(token),
    invitedByUserId,
    expiresAt: new Date(Date.now() + INVITATION_DAYS * 24 * 3600_000),
  });
  await recordAudit(tx, invitedByUserId, { action: 'invitation.created', organisationId: organisation.id, data: { email, role: input.role } });
  return { token, email, organisationName: organisation.name, role: input.role, locale: input.locale };
}

export type InvitationLookup =
  | { valid: true; email: string; role: Role; organisationName: string }
  | { valid: false; reason: 'unknown' | 'used' | 'expired' };

/** What an invitation link stands for, without using it. */
export async function lookUpInvitation(token: string): Promise<InvitationLookup> {
  const [row] = await db
    .select({ email: invitations.email, role: invitations.role, expiresAt: invitations.expiresAt, acceptedAt: invitations.acceptedAt, organisationName: organisations.name, deactivatedAt: organisations.deactivatedAt })
    .from(invitations)
    .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
    .where(eq(invitations.tokenHash, hashToken(token)));
  if (!row || row.deactivatedAt) return { valid: false, reason: 'unknown' };
  if (row.acceptedAt) return { valid: false, reason: 'used' };
  if (row.expiresAt <= new Date()) return { valid: false, reason: 'expired' };
  return { valid: true, email: row.email, role: row.role, organisationName: row.organisationName };
}

/**
 * Uses an invitation: marks it accepted (once, before it expires) and puts the person in the
 * organisation and role. Returns the email, for the magic-link sign-in that follows.
 */
export async function acceptInvitation(token: string, person: { name: string; locale: Locale }) {
  return inTransaction(async (tx) => {
    const [invitation] = await tx
      .update(invitations)
      .set({ acceptedAt: new Date() })
      .where(and(eq(invitations.tokenHash, hashToken(token)), isNull(invitations.acceptedAt), gt(invitations.expiresAt, sql`now()`)))
      .returning();
    if (!invitation) throw new AppError('NOT_FOUND');
    const [organisation] = await tx.select({ deactivatedAt: organisations.deactivatedAt }).from(organisations).where(eq(organisations.id, invitation.organisationId));
    if (!organisation || organisation.deactivatedAt) throw new AppError('NOT_FOUND');
    const [user] = await tx
      .insert(users)
      .values({ email: invitation.email, name: person.name, locale: person.locale })
      .onConflictDoUpdate({ target: users.email, set: { name: person.name, locale: person.locale } })
      .returning({ id: users.id });
    const [member] = await tx.select({ organisationId: memberships.organisationId }).from(memberships).where(eq(memberships.userId, user!.id));
    if (member) throw new AppError('CONFLICT');
    await tx.insert(memberships).values({ userId: user!.id, organisationId: invitation.organisationId, role: invitation.role });
    await recordAudit(tx, user!.id, {
      action: 'invitation.accepted',
      organisationId: invitation.organisationId,
      subjectId: user!.id,
      data: { email: invitation.email, role: invitation.role },
    });
    return { email: invitation.email };
  });
}

export async function listPendingInvitations(actor: Actor, organisationId: string) {
  await managedOrganisation(db, actor, organisationId);
  return db
    .select({ id: invitations.id, email: invitations.email, role: invitations.role, expiresAt: invitations.expiresAt })
    .from(invitations)
    .where(and(eq(invitations.organisationId, organisationId), isNull(invitations.acceptedAt), gt(invitations.expiresAt, sql`now()`)))
    .orderBy(asc(invitations.createdAt));
}

/** The organisation keeps at least one admin: the last one can be neither demoted nor removed. */
async function assertNotLastAdmin(tx: DbOrTx, organisationId: string, userId: string) {
  const admins = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), inArray(memberships.role, [...adminRoles])))
    .for('update');
  if (admins.length === 1 && admins[0]!.userId === userId) throw new AppError('LAST_ADMIN');
}

async function memberOf(tx: DbOrTx, organisationId: string, userId: string) {
  const [member] = await tx
    .select({ role: memberships.role, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)))
    .for('update', { of: memberships });
  if (!member) throw new AppError('NOT_FOUND');
  return member;
}

export async function changeMemberRole(actor: Actor, input: { organisationId: string; userId: string; role: Role }) {
  await inTransaction(async (tx) => {
    const organisation = await managedOrganisation(tx, actor, input.organisationId);
    if (!roleFitsOrganisation(input.role, organisation.kind)) throw new AppError('INVALID_INPUT', 'INVALID_INPUT', { role: ['roleInvalid'] });
    const member = await memberOf(tx, organisation.id, input.userId);
    if (member.role === input.role) return;
    if (!isAdminRole(input.role)) await assertNotLastAdmin(tx, organisation.id, input.userId);
    await tx
      .update(memberships)
      .set({ role: input.role })
      .where(and(eq(memberships.organisationId, organisation.id), eq(memberships.userId, input.userId)));
    await recordAudit(tx, actor.userId, {
      action: 'member.role_changed',
      organisationId: organisation.id,
      subjectId: input.userId,
      data: { email: member.email, from: member.role, to: input.role },
    });
  });
}

/** Removes someone from the organisation; their sessions end with it. Their past orders stay theirs. */
export async function removeMember(actor: Actor, input: { organisationId: string; userId: string }) {
  await inTransaction(async (tx) => {
    const organisation = await managedOrganisation(tx, actor, input.organisationId);
    const member = await memberOf(tx, organisation.id, input.userId);
    await assertNotLastAdmin(tx, organisation.id, input.userId);
    await tx.delete(memberships).where(and(eq(memberships.organisationId, organisation.id), eq(memberships.userId, input.userId)));
    await tx.delete(sessions).where(eq(sessions.userId, input.userId));
    await recordAudit(tx, actor.userId, {
      action: 'member.removed',
      organisationId: organisation.id,
      subjectId: input.userId,
      data: { email: member.email, role: member.role },
    });
  });
}
