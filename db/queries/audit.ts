import { and, desc, eq, lt, or, type SQL } from 'drizzle-orm';
import { db, type DbOrTx } from '@/db';
import { doneBy, type OrganisationActor } from '@/db/queries/users';
import { apiKeys, auditEvents, organisations, users, type AuditAction } from '@/db/schema';

export interface AuditEntry {
  action: AuditAction;
  organisationId?: string | null;
  subjectId?: string | null;
  data?: Record<string, unknown>;
}

/**
 * Records one change in the audit trail. Call it inside the transaction that makes the change,
 * so the trail and the data never disagree.
 */
export async function recordAudit(tx: DbOrTx, by: string | null | OrganisationActor, entry: AuditEntry) {
  await tx.insert(auditEvents).values({
    ...(typeof by === 'object' && by ? doneBy(by) : { actorUserId: by }),
    action: entry.action,
    organisationId: entry.organisationId ?? null,
    subjectId: entry.subjectId ?? null,
    data: entry.data ?? {},
  });
}

export const AUDIT_PAGE_SIZE = 50;

/**
 * The audit trail newest first, for support admins (callers check 'admin:manage'), optionally
 * one organisation's; keyset-paginated by (at, id).
 */
export async function listAuditEvents(options: { organisationId?: string; before?: { at: Date; id: string } } = {}) {
  const conditions: (SQL | undefined)[] = [
    options.organisationId ? eq(auditEvents.organisationId, options.organisationId) : undefined,
    options.before
      ? or(lt(auditEvents.at, options.before.at), and(eq(auditEvents.at, options.before.at), lt(auditEvents.id, options.before.id)))
      : undefined,
  ];
  const rows = await db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      action: auditEvents.action,
      subjectId: auditEvents.subjectId,
      data: auditEvents.data,
      organisationId: auditEvents.organisationId,
      organisationName: organisations.name,
      actorName: users.name,
      actorEmail: users.email,
      actorApiKeyName: apiKeys.name,
    })
    .from(auditEvents)
    .leftJoin(organisations, eq(organisations.id, auditEvents.organisationId))
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .leftJoin(apiKeys, eq(apiKeys.id, auditEvents.actorApiKeyId))
    .where(and(...conditions))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(AUDIT_PAGE_SIZE + 1);
  return { events: rows.slice(0, AUDIT_PAGE_SIZE), hasMore: rows.length > AUDIT_PAGE_SIZE };
}
