import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { db, type DbOrTx } from '@/db';
import { recordAudit } from '@/db/queries/audit';
import { insertInvitation } from '@/db/queries/team';
import type { Actor } from '@/db/queries/users';
import { auditEvents, organisations, partnerApplications, users } from '@/db/schema';
import { inTransaction } from '@/db/transaction';
import { AppError } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/config';
import { enqueueJob } from '@/lib/jobs/boss';
import type { PartnerOrganisationKind } from '@/lib/organisation-kinds';
import { openApplicationStates, type ApplicationState } from '@/lib/partner-applications/model';
import { waitingTooLong } from '@/lib/partner-applications/waiting';
import { assertCan } from '@/lib/permissions';
import type { PartnerApplicationInput } from '@/lib/validations/partner-application';

/*
 * Partner applications: written by the public /apply page (no caller), read and decided by
 * support admins. Every operation that takes a caller checks 'applications:review' itself,
 * whatever the page or action already checked. Every step goes to the audit trail with the
 * application as its subject, in the transaction that makes it; notes are audit entries too, so
 * the application's history is one list.
 */

/**
 * Business IDs as compared for duplicates: upper case without spaces, dots or hyphens, and a
 * Finnish VAT number (FI12345678) the same company as its Y-tunnus (1234567-8). Organisations
 * made by hand keep their IDs as typed, so the comparison normalises both sides.
 */
const businessIdKeySql = (column: SQL | typeof organisations.businessId) =>
  sql`regexp_replace(regexp_replace(upper(${column}), '[[:space:].-]', '', 'g'), '^FI([0-9]{8})$', '\\1')`;

const open = inArray(partnerApplications.state, [...openApplicationStates]);

/** Stores an application from /apply, its audit entry and the applicant's confirmation email job, together. */
export async function createPartnerApplication(input: PartnerApplicationInput, locale: Locale) {
  return inTransaction(async (tx, jobSql) => {
    const [row] = await tx
      .insert(partnerApplications)
      .values({ ...input, locale })
      .returning({ id: partnerApplications.id });
    if (!row) throw new Error('application insert returned nothing');
    await recordAudit(tx, null, {
      action: 'application.received',
      subjectId: row.id,
      data: { name: input.companyName, businessId: input.businessId, email: input.email },
    });
    await enqueueJob('applicationEmail', { applicationId: row.id, kind: 'received' }, jobSql);
    return row.id;
  });
}

/**
 * The listed application's own columns, qualified: drizzle writes a one-table select's columns
 * bare, which inside a subquery would name the subquery's own table.
 */
const outer = (column: string) => sql`${partnerApplications}.${sql.identifier(column)}`;

/** Organisations (other than the one this application created) whose business ID is the application's. */
const duplicateOrganisations = sql<{ id: string; name: string }[]>`coalesce((
  select json_agg(json_build_object('id', o.id, 'name', o.name) order by o.name)
  from ${organisations} o
  where o.business_id is not null
    and ${businessIdKeySql(sql`o.business_id`)} = ${businessIdKeySql(outer('business_id'))}
    and o.id is distinct from ${outer('organisation_id')}
), '[]'::json)`;

/** Other open applications with the same business ID. */
const duplicateApplications = sql<{ id: string; companyName: string }[]>`coalesce((
  select json_agg(json_build_object('id', other.id, 'companyName', other.company_name) order by other.submitted_at)
  from ${partnerApplications} other
  where other.state in ('new', 'in_review')
    and other.id <> ${outer('id')}
    and ${businessIdKeySql(sql`other.business_id`)} = ${businessIdKeySql(outer('business_id'))}
), '[]'::json)`;

export type ApplicationListFilter = 'open' | ApplicationState;

export const APPLICATIONS_PAGE_SIZE = 100;

/** The inbox: open applications oldest first (the longest waiting on top), decided ones newest first. */
export async function listPartnerApplications(actor: Actor, filter: ApplicationListFilter) {
  assertCan(actor, 'applications:review');
  const decided = filter === 'approved' || filter === 'declined';
  return db
    .select({
      id: partnerApplications.id,
      state: partnerApplications.state,
      interest: partnerApplications.interest,
      companyName: partnerApplications.companyName,
      businessId: partnerApplications.businessId,
      country: partnerApplications.country,
      contactName: partnerApplications.contactName,
      submittedAt: partnerApplications.submittedAt,
      decidedAt: partnerApplications.decidedAt,
      duplicateOrganisations,
      duplicateApplications,
    })
    .from(partnerApplications)
    .where(filter === 'open' ? open : eq(partnerApplications.state, filter))
    .orderBy(decided ? desc(partnerApplications.decidedAt) : asc(partnerApplications.submittedAt), asc(partnerApplications.id))
    .limit(APPLICATIONS_PAGE_SIZE);
}

/** How many applications wait for a decision, for the administration page's link. */
export async function countOpenPartnerApplications(actor: Actor) {
  assertCan(actor, 'applications:review');
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(partnerApplications).where(open);
  return row?.count ?? 0;
}

/** One application with its duplicates and its history (steps and notes, oldest first). NOT_FOUND for an unknown id. */
export async function getPartnerApplication(actor: Actor, applicationId: string) {
  assertCan(actor, 'applications:review');
  const [application] = await db
    .select({
      application: partnerApplications,
      decidedByName: users.name,
      organisationName: organisations.name,
      duplicateOrganisations,
      duplicateApplications,
    })
    .from(partnerApplications)
    .leftJoin(users, eq(users.id, partnerApplications.decidedByUserId))
    .leftJoin(organisations, eq(organisations.id, partnerApplications.organisationId))
    .where(eq(partnerApplications.id, applicationId));
  if (!application) throw new AppError('NOT_FOUND');
  const history = await db
    .select({ id: auditEvents.id, at: auditEvents.at, action: auditEvents.action, data: auditEvents.data, actorName: users.name, actorEmail: users.email })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(and(eq(auditEvents.subjectId, applicationId), sql`${auditEvents.action}::text like 'application.%'`))
    .orderBy(asc(auditEvents.at), asc(auditEvents.id));
  return { ...application, history };
}

/** The open application, locked for a decision; NOT_FOUND when unknown, CONFLICT when already decided. */
async function openApplicationForUpdate(tx: DbOrTx, applicationId: string) {
  const [row] = await tx.select().from(partnerApplications).where(eq(partnerApplications.id, applicationId)).for('update');
  if (!row) throw new AppError('NOT_FOUND');
  if (!(openApplicationStates as readonly ApplicationState[]).includes(row.state)) throw new AppError('CONFLICT');
  return row;
}

/** Support has started looking at it: new → in review. Already in review changes nothing. */
export async function startReviewingApplication(actor: Actor, applicationId: string) {
  assertCan(actor, 'applications:review');
  await inTransaction(async (tx) => {
    const application = await openApplicationForUpdate(tx, applicationId);
    if (application.state === 'in_review') return;
    await tx.update(partnerApplications).set({ state: 'in_review' }).where(eq(partnerApplications.id, applicationId));
    await recordAudit(tx, actor.userId, { action: 'application.in_review', subjectId: applicationId, data: { name: application.companyName } });
  });
}

/** A note for support's eyes only; kept in the application's history (the audit trail). */
export async function addApplicationNote(actor: Actor, applicationId: string, note: string) {
  assertCan(actor, 'applications:review');
  await inTransaction(async (tx) => {
    const [application] = await tx.select({ id: partnerApplications.id, organisationId: partnerApplications.organisationId }).from(partnerApplications).where(eq(partnerApplications.id, applicationId));
    if (!application) throw new AppError('NOT_FOUND');
    await recordAudit(tx, actor.userId, { action: 'application.note_added', organisationId: application.organisationId, subjectId: applicationId, data: { note } });
  });
}

/**
 * Approves: creates the partner organisation of `kind` and invites the applicant as its first
 * admin, in the applicant's language, in one transaction with the application's decision and
 * every audit entry. Nothing of it stays if any step is refused (the applicant already has an
 * account, or an open invitation: a field error on `email`). Returns the invitation's token for
 * the email, which only the caller sends, after the commit.
 */
export async function approvePartnerApplication(actor: Actor, input: { applicationId: string; kind: PartnerOrganisationKind; name: string }) {
  assertCan(actor, 'applications:review');
  return inTransaction(async (tx) => {
    const application = await openApplicationForUpdate(tx, input.applicationId);
    const values = { kind: input.kind, name: input.name, businessId: application.businessId, country: application.country, contactEmail: application.email };
    const [organisation] = await tx.insert(organisations).values(values).returning({ id: organisations.id, name: organisations.name });
    if (!organisation) throw new Error('organisation insert returned nothing');
    await recordAudit(tx, actor.userId, { action: 'organisation.created', organisationId: organisation.id, subjectId: organisation.id, data: values });
    const invitation = await insertInvitation(tx, actor.userId, organisation, { email: application.email, role: 'partner_admin', locale: application.locale });
    await tx
      .update(partnerApplications)
      .set({ state: 'approved', decidedAt: new Date(), decidedByUserId: actor.userId, organisationId: organisation.id })
      .where(eq(partnerApplications.id, application.id));
    await recordAudit(tx, actor.userId, {
      action: 'application.approved',
      organisationId: organisation.id,
      subjectId: application.id,
      data: { name: organisation.name, kind: input.kind, email: invitation.email },
    });
    return { organisationId: organisation.id, invitation };
  });
}

/** Declines, with an optional reason for the applicant; their email (in their language) is queued in the same transaction. */
export async function declinePartnerApplication(actor: Actor, input: { applicationId: string; reason: string }) {
  assertCan(actor, 'applications:review');
  await inTransaction(async (tx, jobSql) => {
    const application = await openApplicationForUpdate(tx, input.applicationId);
    const reason = input.reason || null;
    await tx
      .update(partnerApplications)
      .set({ state: 'declined', decidedAt: new Date(), decidedByUserId: actor.userId, declineReason: reason })
      .where(eq(partnerApplications.id, application.id));
    await recordAudit(tx, actor.userId, {
      action: 'application.declined',
      subjectId: application.id,
      data: { name: application.companyName, ...(reason ? { reason } : {}) },
    });
    await enqueueJob('applicationEmail', { applicationId: application.id, kind: 'declined' }, jobSql);
  });
}

/** For the applicant's emails (a job, no caller): the application as sent, with its decision. */
export async function unsafeGetPartnerApplicationForJob(applicationId: string) {
  const [row] = await db.select().from(partnerApplications).where(eq(partnerApplications.id, applicationId));
  return row ?? null;
}

/**
 * For the daily digest (a job, no caller): open applications that have waited more than two
 * Finnish business days, the longest waiting first. Open applications are few, so the business-day
 * rule runs in TypeScript, the deadline's own (lib/partner-applications/waiting.ts).
 */
export async function listApplicationsWaitingTooLong(now: Date) {
  const rows = await db
    .select({ id: partnerApplications.id, companyName: partnerApplications.companyName, interest: partnerApplications.interest, submittedAt: partnerApplications.submittedAt })
    .from(partnerApplications)
    .where(open)
    .orderBy(asc(partnerApplications.submittedAt));
  return rows.filter((row) => waitingTooLong(row.submittedAt, now));
}
