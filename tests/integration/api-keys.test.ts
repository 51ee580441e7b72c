import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { authenticateApiKey, createApiKey, listApiKeys, revokeApiKey } from '@/db/queries/api-keys';
import { getActorByUserId, type Actor } from '@/db/queries/users';
import { apiKeys, auditEvents, organisations } from '@/db/schema';
import { hashApiKey } from '@/lib/api-keys';
import { factories } from '@/tests/support/factories';

const data = factories(db);
const actorOf = async (userId: string): Promise<Actor> => (await getActorByUserId(userId))!;

async function partnerAdmin() {
  const { user, organisation } = await data.createPerson('partner_admin', 'ecr_integrator');
  return { admin: await actorOf(user.id), organisation };
}

describe('API keys', () => {
  it('are shown once: the table keeps the hash and the prefix, never the key', async () => {
    const { admin, organisation } = await partnerAdmin();
    const { key, apiKey } = await createApiKey(admin, { organisationId: organisation.id, name: 'ECR backend', scopes: ['order'] });
    expect(key).toMatch(/^cpos_live_/);
    expect(apiKey).toMatchObject({ name: 'ECR backend', scopes: ['read', 'order'], prefix: key.slice(0, 14) });

    const stored = await db.select().from(apiKeys).where(eq(apiKeys.organisationId, organisation.id));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.keyHash).toBe(hashApiKey(key));
    expect(JSON.stringify(stored)).not.toContain(key);
    const everything = await db.execute(sql`select * from api_keys`);
    expect(JSON.stringify(everything.rows)).not.toContain(key);

    const listed = await listApiKeys(admin, organisation.id);
    expect(listed).toEqual([expect.objectContaining({ id: apiKey.id, name: 'ECR backend', prefix: key.slice(0, 14), lastUsedAt: null, revokedAt: null })]);
    expect(JSON.stringify(listed)).not.toContain(hashApiKey(key));
    expect(listed[0]).not.toHaveProperty('keyHash');
  });

  it('authenticate as their organisation, with their scopes', async () => {
    const { admin, organisation } = await partnerAdmin();
    const { key, apiKey } = await createApiKey(admin, { organisationId: organisation.id, name: 'Reader', scopes: ['read'] });
    expect(await authenticateApiKey(key)).toEqual({
      kind: 'api_key',
      apiKeyId: apiKey.id,
      apiKeyName: 'Reader',
      role: 'partner_member',
      scopes: ['read'],
      // The key creator's language: orders placed with the key default their SMS to it.
      locale: admin.locale,
      organisationId: organisation.id,
      organisationName: organisation.name,
      organisationKind: 'ecr_integrator',
    });
  });

  it('refuse a wrong, malformed, revoked key and a key of a deactivated organisation', async () => {
    const { admin, organisation } = await partnerAdmin();
    const { key, apiKey } = await createApiKey(admin, { organisationId: organisation.id, name: 'Backend', scopes: ['order'] });
    const last = key.at(-1) === 'a' ? 'b' : 'a';
    expect(await authenticateApiKey(`${key.slice(0, -1)}${last}`)).toBeNull();
    expect(await authenticateApiKey('not a key')).toBeNull();
    expect(await authenticateApiKey(hashApiKey(key))).toBeNull();

    const other = await createApiKey(admin, { organisationId: organisation.id, name: 'Other', scopes: ['read'] });
    await revokeApiKey(admin, { organisationId: organisation.id, keyId: apiKey.id });
    expect(await authenticateApiKey(key)).toBeNull();
    expect(await authenticateApiKey(other.key)).not.toBeNull();

    await db.update(organisations).set({ deactivatedAt: new Date() }).where(eq(organisations.id, organisation.id));
    expect(await authenticateApiKey(other.key)).toBeNull();
  });

  it('record their last use at most once a minute', async () => {
    const { admin, organisation } = await partnerAdmin();
    const { key, apiKey } = await createApiKey(admin, { organisationId: organisation.id, name: 'Busy', scopes: ['read'] });
    const lastUsed = async () => (await db.select({ at: apiKeys.lastUsedAt }).from(apiKeys).where(eq(apiKeys.id, apiKey.id)))[0]!.at;
    expect(await lastUsed()).toBeNull();

    await authenticateApiKey(key);
    const first = await lastUsed();
    expect(first).toBeInstanceOf(Date);
    await authenticateApiKey(key);
    await authenticateApiKey(key);
    expect(await lastUsed()).toEqual(first);

    // A minute on, the next use is recorded again.
    const earlier = new Date(Date.now() - 61_000);
    await db.update(apiKeys).set({ lastUsedAt: earlier }).where(eq(apiKeys.id, apiKey.id));
    await authenticateApiKey(key);
    const second = await lastUsed();
    expect(second!.getTime()).toBeGreaterThan(earlier.getTime() + 30_000);
  });

  it("are another organisation's secret: a partner admin can neither list, create nor revoke them", async () => {
    const mine = await partnerAdmin();
    const theirs = await partnerAdmin();
    const { apiKey } = await createApiKey(theirs.admin, { organisationId: theirs.organisation.id, name: 'Theirs', scopes: ['read'] });
    const notFound = { code: 'NOT_FOUND' };
    await expect(listApiKeys(mine.admin, theirs.organisation.id)).rejects.toMatchObject(notFound);
    await expect(createApiKey(mine.admin, { organisationId: theirs.organisation.id, name: 'Sneaky', scopes: ['order'] })).rejects.toMatchObject(notFound);
    await expect(revokeApiKey(mine.admin, { organisationId: theirs.organisation.id, keyId: apiKey.id })).rejects.toMatchObject(notFound);
    // Their key under my organisation's id is not found either.
    await expect(revokeApiKey(mine.admin, { organisationId: mine.organisation.id, keyId: apiKey.id })).rejects.toMatchObject(notFound);
    expect((await listApiKeys(theirs.admin, theirs.organisation.id))[0]!.revokedAt).toBeNull();
  });

  it('are managed by admins only: a partner member and a support agent cannot', async () => {
    const { admin, organisation } = await partnerAdmin();
    const { apiKey } = await createApiKey(admin, { organisationId: organisation.id, name: 'Backend', scopes: ['read'] });
    const member = await actorOf((await data.createMember({ organisationId: organisation.id, role: 'partner_member' })).id);
    const agent = await actorOf((await data.createPerson('support_agent')).user.id);
    for (const actor of [member, agent]) {
      await expect(listApiKeys(actor, organisation.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(createApiKey(actor, { organisationId: organisation.id, name: 'Mine', scopes: ['read'] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(revokeApiKey(actor, { organisationId: organisation.id, keyId: apiKey.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
  });

  it('of any organisation are listed and revoked by a support admin, even once it is deactivated', async () => {
    const { admin, organisation } = await partnerAdmin();
    const { key, apiKey } = await createApiKey(admin, { organisationId: organisation.id, name: 'Leaked', scopes: ['order'] });
    const support = await actorOf((await data.createPerson('support_admin')).user.id);
    expect((await listApiKeys(support, organisation.id)).map((row) => row.id)).toEqual([apiKey.id]);
    await db.update(organisations).set({ deactivatedAt: new Date() }).where(eq(organisations.id, organisation.id));
    await revokeApiKey(support, { organisationId: organisation.id, keyId: apiKey.id });
    await db.update(organisations).set({ deactivatedAt: null }).where(eq(organisations.id, organisation.id));
    expect(await authenticateApiKey(key)).toBeNull();
    expect((await listApiKeys(support, organisation.id))[0]!.revokedAt).toBeInstanceOf(Date);
    // Poplapay itself has no keys: the API acts as a partner.
    await expect(createApiKey(support, { organisationId: support.organisationId, name: 'Ours', scopes: ['read'] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('are created only for an active organisation', async () => {
    const { admin, organisation } = await partnerAdmin();
    const support = await actorOf((await data.createPerson('support_admin')).user.id);
    await db.update(organisations).set({ deactivatedAt: new Date() }).where(eq(organisations.id, organisation.id));
    await expect(createApiKey(support, { organisationId: organisation.id, name: 'Late', scopes: ['read'] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(createApiKey(admin, { organisationId: organisation.id, name: 'Late', scopes: ['read'] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('write their creation and revocation to the audit trail, once, without the key', async () => {
    const { admin, organisation } = await partnerAdmin();
    const { key, apiKey } = await createApiKey(admin, { organisationId: organisation.id, name: 'Audited', scopes: ['order'] });
    await revokeApiKey(admin, { organisationId: organisation.id, keyId: apiKey.id });
    await revokeApiKey(admin, { organisationId: organisation.id, keyId: apiKey.id });
    const events = await db
      .select({ action: auditEvents.action, actorUserId: auditEvents.actorUserId, subjectId: auditEvents.subjectId, data: auditEvents.data })
      .from(auditEvents)
      .where(eq(auditEvents.organisationId, organisation.id))
      .orderBy(auditEvents.at);
    expect(events).toEqual([
      { action: 'api_key.created', actorUserId: admin.userId, subjectId: apiKey.id, data: { name: 'Audited', prefix: apiKey.prefix, scopes: ['read', 'order'] } },
      { action: 'api_key.revoked', actorUserId: admin.userId, subjectId: apiKey.id, data: { name: 'Audited', prefix: apiKey.prefix } },
    ]);
    expect(JSON.stringify(events)).not.toContain(key);
    expect(JSON.stringify(events)).not.toContain(hashApiKey(key));
  });

  it('roll back with their audit event: a key whose audit write fails is not created', async () => {
    const { admin, organisation } = await partnerAdmin();
    // This test file has a database of its own: a trigger there makes the audit insert fail.
    await db.execute(sql`
      create function refuse_audit() returns trigger language plpgsql as $$
      begin
        if new.data->>'name' = 'Refused by audit' then raise exception 'audit refused'; end if;
        return new;
      end $$`);
    await db.execute(sql`create trigger refuse_audit before insert on audit_events for each row execute function refuse_audit()`);
    await expect(createApiKey(admin, { organisationId: organisation.id, name: 'Refused by audit', scopes: ['read'] })).rejects.toThrow();
    expect(await db.select().from(apiKeys).where(eq(apiKeys.organisationId, organisation.id))).toEqual([]);
  });
});
