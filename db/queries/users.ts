import { and, eq, isNull, sql } from 'drizzle-orm';
import { db, type DbOrTx } from '@/db';
import { memberships, organisations, users } from '@/db/schema';
import type { Locale } from '@/lib/i18n/config';
import { type OrganisationKind } from '@/lib/organisation-kinds';
import { type Role } from '@/lib/permissions';
import type { ApiKeyScope } from '@/lib/api-key-scopes';

/** The signed-in person as every authorization check sees them. */
export interface Actor {
  kind?: 'user';
  userId: string;
  email: string;
  name: string | null;
  locale: Locale;
  role: Role;
  organisationId: string;
  organisationName: string;
  organisationKind: OrganisationKind;
}

/**
 * The caller behind an API key (db/queries/api-keys.ts authenticateApiKey): the key's
 * organisation with a partner member's permissions (`role`), narrowed further by `scopes`.
 * Nobody signed in stands behind it, so there is no user id; `locale` is the key creator's
 * language (or the organisation's country's), used where an order needs a language.
 */
export interface ApiKeyActor {
  kind: 'api_key';
  apiKeyId: string;
  apiKeyName: string;
  role: 'partner_member';
  scopes: ApiKeyScope[];
  locale: Locale;
  organisationId: string;
  organisationName: string;
  organisationKind: OrganisationKind;
}

/**
 * Whoever acts for a partner organisation: a person, or an API key. Only the operations the API
 * offers take one; everything else takes an Actor, so a key cannot reach support's or an
 * admin's operations even by mistake.
 */
export type OrganisationActor = Actor | ApiKeyActor;

export const isApiKeyActor = (actor: OrganisationActor): actor is ApiKeyActor => actor.kind === 'api_key';

/** The columns that record who did something: a person, an API key, or (null) the system. */
export function doneBy(actor: OrganisationActor | null) {
  if (!actor) return { actorUserId: null, actorApiKeyId: null };
  return isApiKeyActor(actor) ? { actorUserId: null, actorApiKeyId: actor.apiKeyId } : { actorUserId: actor.userId, actorApiKeyId: null };
}

/**
 * The actor for a session's user, or null when they have no membership or their organisation
 * is deactivated (such a person can no longer use the portal).
 */
export async function getActorByUserId(userId: string): Promise<Actor | null> {
  const [row] = await db
    .select({
      userId: users.id,
      email: users.email,
      name: users.name,
      locale: users.locale,
      role: memberships.role,
      organisationId: organisations.id,
      organisationName: organisations.name,
      organisationKind: organisations.kind,
    })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(eq(users.id, userId), isNull(organisations.deactivatedAt)))
    .limit(1);
  return row ?? null;
}

/** Whether a sign-in link may be sent to this address: a known user of an active organisation. */
export async function canSignInWithEmail(email: string) {
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(eq(users.email, normaliseEmail(email)), isNull(organisations.deactivatedAt)))
    .limit(1);
  return row !== undefined;
}

export function normaliseEmail(email: string) {
  return email.trim().toLowerCase();
}

export async function updateProfile({ userId, name, locale }: { userId: string; name: string; locale: Locale }) {
  await db.update(users).set({ name, locale }).where(eq(users.id, userId));
}

export async function setUserLocale(userId: string, locale: Locale) {
  await db.update(users).set({ locale }).where(eq(users.id, userId));
}

/** The language of the person with this address; English for an address we do not know. */
export async function localeOfEmail(email: string): Promise<Locale> {
  const [row] = await db.select({ locale: users.locale }).from(users).where(eq(users.email, normaliseEmail(email)));
  return row?.locale ?? 'en';
}

/**
 * Creates a person and their membership, or updates the role of one who exists already.
 * Used by the bootstrap command and the demo seed; invitations (a later issue) build on it.
 */
export async function upsertMember(
  tx: DbOrTx,
  input: { email: string; name: string; organisationId: string; role: Role; locale?: Locale },
) {
  const email = normaliseEmail(input.email);
  const [user] = await tx
    .insert(users)
    .values({ email, name: input.name, locale: input.locale })
    .onConflictDoUpdate({ target: users.email, set: { name: input.name } })
    .returning({ id: users.id });
  if (!user) throw new Error('user upsert returned nothing');
  await tx
    .insert(memberships)
    .values({ userId: user.id, organisationId: input.organisationId, role: input.role })
    .onConflictDoUpdate({ target: memberships.userId, set: { organisationId: input.organisationId, role: input.role } });
  return user.id;
}
