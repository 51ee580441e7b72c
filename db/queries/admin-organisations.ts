import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { db } from '@/db';
import { memberships, organisations, sessions } from '@/db/schema';
import { recordAudit } from '@/db/queries/audit';
import { AppError } from '@/lib/errors';
import type { CreatePartnerOrganisationInput, UpdatePartnerOrganisationInput } from '@/lib/validations/admin';

/*
 * Support admins' writes to partner organisations. These functions do not check who calls:
 * callers must hold 'admin:manage' (the server actions in app/(portal)/admin do, via withAction).
 * Poplapay's own organisation is never a target: every write names `kind <> 'poplapay'` in its
 * WHERE, so its id finds nothing, exactly like an unknown id (NOT_FOUND). Each write records who
 * made it (`actorUserId`, null for the system) in the audit trail.
 */

const partnerOrganisation = (organisationId: string) =>
  and(eq(organisations.id, organisationId), ne(organisations.kind, 'poplapay'));

/** Creates a partner organisation; the schema has already refused kind 'poplapay'. */
export async function createPartnerOrganisation(actorUserId: string | null, input: CreatePartnerOrganisationInput) {
  return db.transaction(async (tx) => {
    const values = { kind: input.kind, name: input.name, businessId: input.businessId, country: input.country, contactEmail: input.contactEmail };
    const [created] = await tx.insert(organisations).values(values).returning({ id: organisations.id });
    if (!created) throw new Error('organisation insert returned nothing');
    await recordAudit(tx, actorUserId, { action: 'organisation.created', organisationId: created.id, subjectId: created.id, data: values });
    return created.id;
  });
}

/** Edits a partner organisation's details; its kind stays what it was created as. */
export async function updatePartnerOrganisation(
  actorUserId: string | null,
  organisationId: string,
  input: Omit<UpdatePartnerOrganisationInput, 'organisationId'>,
) {
  return db.transaction(async (tx) => {
    const values = { name: input.name, businessId: input.businessId, country: input.country, contactEmail: input.contactEmail };
    const [updated] = await tx.update(organisations).set(values).where(partnerOrganisation(organisationId)).returning({ id: organisations.id });
    if (!updated) throw new AppError('NOT_FOUND');
    await recordAudit(tx, actorUserId, { action: 'organisation.updated', organisationId, subjectId: organisationId, data: values });
    return updated.id;
  });
}

/**
 * Deactivates or reactivates a partner organisation. Its people can no longer sign in or use a
 * session (getActorByUserId and canSignInWithEmail ignore deactivated organisations); its orders
 * and people stay, so reactivating brings everything back. Deactivating also ends the people's
 * sessions, so that a later reactivation does not revive sessions from before it.
 */
export async function setOrganisationActive(actorUserId: string | null, organisationId: string, active: boolean) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(organisations)
      // Deactivating twice keeps the first time: it records when access actually ended.
      .set({ deactivatedAt: active ? null : sql`coalesce(${organisations.deactivatedAt}, now())` })
      .where(partnerOrganisation(organisationId))
      .returning({ id: organisations.id, deactivatedAt: organisations.deactivatedAt });
    if (!row) throw new AppError('NOT_FOUND');
    if (!active) {
      const members = tx.select({ userId: memberships.userId }).from(memberships).where(eq(memberships.organisationId, organisationId));
      await tx.delete(sessions).where(inArray(sessions.userId, members));
    }
    await recordAudit(tx, actorUserId, { action: active ? 'organisation.reactivated' : 'organisation.deactivated', organisationId, subjectId: organisationId });
    return row;
  });
}
