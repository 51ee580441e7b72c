import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { db, type DbOrTx } from '@/db';
import { recordAudit } from '@/db/queries/audit';
import type { Actor, ApiKeyActor } from '@/db/queries/users';
export type { ApiKeyActor } from '@/db/queries/users';
import { apiKeys, organisations, users } from '@/db/schema';
import { localeForCountry } from '@/lib/i18n/config';
import { inTransaction } from '@/db/transaction';
import { apiKeyPrefix, generateApiKey, hashApiKey, looksLikeApiKey, normaliseScopes, type ApiKeyScope } from '@/lib/api-keys';
import { AppError } from '@/lib/errors';
import { mayManageApiKeys } from '@/lib/permissions';

/** last_used_at is written at most this often per key: a busy key does not write on every request. */
export const LAST_USED_RESOLUTION_MS = 60_000;


/**
 * A partner organisation whose keys the actor may manage (mayManageApiKeys). NOT_FOUND for anyone
 * else, so a stranger's organisation looks the same as none. Poplapay itself has no API keys:
 * the API acts as a partner.
 */
async function managedOrganisation(tx: DbOrTx, actor: Actor, organisationId: string, { active }: { active: boolean }) {
  if (!mayManageApiKeys(actor, organisationId)) throw new AppError('NOT_FOUND');
  const [organisation] = await tx
    .select({ id: organisations.id, kind: organisations.kind, deactivatedAt: organisations.deactivatedAt })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (!organisation || organisation.kind === 'poplapay' || (active && organisation.deactivatedAt)) throw new AppError('NOT_FOUND');
  return organisation;
}

/**
 * Creates a key for an active partner organisation. The plaintext key is in the result once and
 * nowhere else: the table keeps its hash and its first characters. Written with its audit event.
 */
export async function createApiKey(actor: Actor, input: { organisationId: string; name: string; scopes: readonly ApiKeyScope[] }) {
  const scopes = normaliseScopes(input.scopes);
  if (scopes.length === 0) throw new AppError('INVALID_INPUT', 'INVALID_INPUT', { access: ['apiKeyAccessInvalid'] });
  return inTransaction(async (tx) => {
    const organisation = await managedOrganisation(tx, actor, input.organisationId, { active: true });
    const key = generateApiKey();
    const [row] = await tx
      .insert(apiKeys)
      .values({
        organisationId: organisation.id,
        name: input.name,
        scopes,
        prefix: apiKeyPrefix(key),
        keyHash: hashApiKey(key),
        createdByUserId: actor.userId,
      })
      .returning({
        id: apiKeys.id,
        organisationId: apiKeys.organisationId,
        name: apiKeys.name,
        scopes: apiKeys.scopes,
        prefix: apiKeys.prefix,
        createdAt: apiKeys.createdAt,
      });
    await recordAudit(tx, actor.userId, {
      action: 'api_key.created',
      organisationId: organisation.id,
      subjectId: row!.id,
      data: { name: row!.name, prefix: row!.prefix, scopes },
    });
    return { key, apiKey: row! };
  });
}

/** An organisation's keys, newest first, revoked ones included; never their hashes. */
export async function listApiKeys(actor: Actor, organisationId: string) {
  await managedOrganisation(db, actor, organisationId, { active: false });
  return db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      scopes: apiKeys.scopes,
      prefix: apiKeys.prefix,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .where(eq(apiKeys.organisationId, organisationId))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
}
export type ApiKeyListItem = Awaited<ReturnType<typeof listApiKeys>>[number];

/**
 * Revokes a key of the organisation, from the next request on; written with its audit event.
 * Revoking a revoked key changes nothing. Also works on a deactivated organisation's keys.
 */
export async function revokeApiKey(actor: Actor, input: { organisationId: string; keyId: string }) {
  return inTransaction(async (tx) => {
    const organisation = await managedOrganisation(tx, actor, input.organisationId, { active: false });
    const [key] = await tx
      .select({ id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix, revokedAt: apiKeys.revokedAt })
      .from(apiKeys)
      .where(and(eq(apiKeys.id, input.keyId), eq(apiKeys.organisationId, organisation.id)))
      .for('update');
    if (!key) throw new AppError('NOT_FOUND');
    if (key.revokedAt) return { id: key.id, name: key.name, revokedAt: key.revokedAt };
    const [revoked] = await tx
      .update(apiKeys)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(apiKeys.id, key.id), isNull(apiKeys.revokedAt)))
      .returning({ revokedAt: apiKeys.revokedAt });
    await recordAudit(tx, actor.userId, {
      action: 'api_key.revoked',
      organisationId: organisation.id,
      subjectId: key.id,
      data: { name: key.name, prefix: key.prefix },
    });
    return { id: key.id, name: key.name, revokedAt: revoked!.revokedAt! };
  });
}

/**
 * The caller behind a presented key, or null for a malformed, unknown or revoked key or one of a
 * deactivated organisation. Records the use in last_used_at, at most once a minute per key.
 */
export async function authenticateApiKey(presented: string): Promise<ApiKeyActor | null> {
  if (!looksLikeApiKey(presented)) return null;
  const [row] = await db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      scopes: apiKeys.scopes,
      lastUsedAt: apiKeys.lastUsedAt,
      organisationId: organisations.id,
      organisationName: organisations.name,
      organisationKind: organisations.kind,
      organisationCountry: organisations.country,
      creatorLocale: users.locale,
    })
    .from(apiKeys)
    .innerJoin(organisations, eq(organisations.id, apiKeys.organisationId))
    .leftJoin(users, eq(users.id, apiKeys.createdByUserId))
    .where(and(eq(apiKeys.keyHash, hashApiKey(presented)), isNull(apiKeys.revokedAt), isNull(organisations.deactivatedAt)));
  if (!row) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    // Conditional, so instances answering the same key at once write it once.
    await db
      .update(apiKeys)
      .set({ lastUsedAt: sql`now()` })
      .where(
        and(
          eq(apiKeys.id, row.id),
          sql`(${apiKeys.lastUsedAt} is null or ${apiKeys.lastUsedAt} <= now() - make_interval(secs => ${LAST_USED_RESOLUTION_MS / 1000}))`,
        ),
      );
  }
  return {
    kind: 'api_key',
    apiKeyId: row.id,
    apiKeyName: row.name,
    role: 'partner_member',
    scopes: normaliseScopes(row.scopes),
    locale: row.creatorLocale ?? localeForCountry(row.organisationCountry),
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    organisationKind: row.organisationKind,
  };
}
