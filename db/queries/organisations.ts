import { and, asc, eq, ilike, ne, or, type SQL } from 'drizzle-orm';
import { db, type DbOrTx } from '@/db';
import { containsPattern } from '@/db/like';
import { memberships, organisations, users, type NewOrganisation } from '@/db/schema';
import type { Actor } from '@/db/queries/users';
import { roleCan } from '@/lib/permissions';

/**
 * The organisations an actor may read: support sees all, a partner only its own.
 * Every organisation query goes through this condition.
 */
function visibleTo(actor: Actor): SQL | undefined {
  return roleCan(actor.role, 'organisations:read-any') ? undefined : eq(organisations.id, actor.organisationId);
}

const organisationColumns = {
  id: organisations.id,
  kind: organisations.kind,
  name: organisations.name,
  businessId: organisations.businessId,
  country: organisations.country,
  contactEmail: organisations.contactEmail,
  deactivatedAt: organisations.deactivatedAt,
  createdAt: organisations.createdAt,
};

/** One organisation with its members, or null when it does not exist or the actor may not see it. */
export async function getOrganisationForActor(actor: Actor, organisationId: string) {
  const [organisation] = await db
    .select(organisationColumns)
    .from(organisations)
    .where(and(eq(organisations.id, organisationId), visibleTo(actor)))
    .limit(1);
  if (!organisation) return null;
  const members = await db
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organisationId, organisation.id))
    .orderBy(asc(users.name), asc(users.email));
  return { ...organisation, members };
}

export async function listOrganisationsForActor(actor: Actor) {
  return db
    .select(organisationColumns)
    .from(organisations)
    .where(visibleTo(actor))
    .orderBy(asc(organisations.kind), asc(organisations.name));
}

/** Partners whose name contains `query`, or whose business ID is `query` (support's partner filter). */
export const partnerMatches = (query: string) =>
  and(ne(organisations.kind, 'poplapay'), or(ilike(organisations.name, containsPattern(query)), eq(organisations.businessId, query)));

/** Suggestions for the partner filter: a few matches, not the whole list of thousands. */
/** Suggestions the queue's partner search shows at once. */
const PARTNER_SUGGESTIONS = 10;

export async function searchPartnersForActor(actor: Actor, query: string, limit = PARTNER_SUGGESTIONS) {
  return db
    .select({ id: organisations.id, name: organisations.name, businessId: organisations.businessId })
    .from(organisations)
    .where(and(partnerMatches(query), visibleTo(actor)))
    .orderBy(asc(organisations.name))
    .limit(limit);
}

/** Finds an organisation by kind and name, creating it when missing (bootstrap and seed). */
export async function ensureOrganisation(tx: DbOrTx, input: NewOrganisation) {
  const [existing] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.kind, input.kind), eq(organisations.name, input.name)))
    .limit(1);
  if (existing) return existing.id;
  const [created] = await tx.insert(organisations).values(input).returning({ id: organisations.id });
  if (!created) throw new Error('organisation insert returned nothing');
  return created.id;
}
