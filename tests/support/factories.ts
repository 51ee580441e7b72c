import { randomBytes, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { apiKeys, memberships, orderEvents, orders, organisations, sessions, users, type NewOrder } from '@/db/schema';
import { apiKeyPrefix, generateApiKey, hashApiKey, normaliseScopes, type ApiKeyScope } from '@/lib/api-keys';
import { type OrganisationKind } from '@/lib/organisation-kinds';
import { type Role } from '@/lib/permissions';

type AnyDb = NodePgDatabase<Record<string, unknown>>;

/** Fresh organisations, people and sessions for one test; unique names keep tests apart. */
export function factories(db: AnyDb) {
  async function createOrganisation(input: { kind?: OrganisationKind; name?: string; deactivated?: boolean } = {}) {
    const [row] = await db
      .insert(organisations)
      .values({
        kind: input.kind ?? 'reseller',
        name: input.name ?? `Test Org ${randomUUID().slice(0, 8)}`,
        businessId: '2961234-2',
        deactivatedAt: input.deactivated ? new Date() : null,
      })
      .returning();
    return row!;
  }

  async function createMember(input: { organisationId: string; role: Role; name?: string; email?: string }) {
    const email = input.email ?? `person-${randomUUID().slice(0, 8)}@test.example`;
    const [user] = await db
      .insert(users)
      .values({ email, name: input.name ?? 'Test Person' })
      .returning();
    await db.insert(memberships).values({ userId: user!.id, organisationId: input.organisationId, role: input.role });
    return user!;
  }

  /** An organisation of `kind` with one person of `role` in it. */
  async function createPerson(role: Role, kind: OrganisationKind = role.startsWith('support') ? 'poplapay' : 'reseller') {
    const organisation = await createOrganisation({ kind });
    const user = await createMember({ organisationId: organisation.id, role });
    return { organisation, user };
  }

  /** A database session, as next-auth writes one after a sign-in link is used. */
  async function createSession(userId: string) {
    const sessionToken = randomBytes(32).toString('hex');
    await db.insert(sessions).values({ sessionToken, userId, expires: new Date(Date.now() + 24 * 3600 * 1000) });
    return sessionToken;
  }

  /** A submitted order, as the order form would write it (due in seven days). */
  async function createOrder(input: { organisationId: string; createdByUserId: string } & Partial<NewOrder>) {
    const submittedAt = input.submittedAt ?? new Date();
    const [order] = await db
      .insert(orders)
      .values({
        type: 'channel',
        recipientName: 'Riikka Vastaanottaja',
        recipientEmail: `recipient-${randomUUID().slice(0, 8)}@test.example`,
        recipientPhone: '+358401234567',
        dueAt: new Date(submittedAt.getTime() + 7 * 24 * 3600_000),
        idempotencyKey: randomUUID(),
        ...input,
        submittedAt,
      })
      .returning();
    await db.insert(orderEvents).values({ orderId: order!.id, organisationId: input.organisationId, actorUserId: input.createdByUserId, kind: 'submitted', at: submittedAt });
    return order!;
  }

  /** An API key of the organisation, as its admin would create one on the organisation page; returns the key itself. */
  async function createApiKey(input: { organisationId: string; createdByUserId: string; scopes: ApiKeyScope[]; name?: string }) {
    const key = generateApiKey();
    const [row] = await db
      .insert(apiKeys)
      .values({
        organisationId: input.organisationId,
        name: input.name ?? `Test key ${randomUUID().slice(0, 8)}`,
        scopes: normaliseScopes(input.scopes),
        prefix: apiKeyPrefix(key),
        keyHash: hashApiKey(key),
        createdByUserId: input.createdByUserId,
      })
      .returning();
    return { key, apiKey: row! };
  }

  async function getUser(userId: string) {
    const [user] = await db.select().from(users).where(eq(users.id, userId));
    return user;
  }

  return { createOrganisation, createMember, createPerson, createSession, createOrder, createApiKey, getUser };
}
