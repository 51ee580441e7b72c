import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { addNote, approveApplication, declineApplication, startReview } from '@/app/(portal)/admin/applications/actions';
import { submitPartnerApplication } from '@/app/apply/actions';
import { db } from '@/db';
import { listOutboxMessages } from '@/db/queries/outbox';
import {
  addApplicationNote,
  approvePartnerApplication,
  declinePartnerApplication,
  getPartnerApplication,
  listPartnerApplications,
  startReviewingApplication,
} from '@/db/queries/partner-applications';
import { getActorByUserId } from '@/db/queries/users';
import { auditEvents, invitations, organisations, partnerApplications } from '@/db/schema';
import { jobHandlers } from '@/lib/jobs/handlers';
import { baseDueAt } from '@/lib/orders/deadline';
import { issueFormToken, MIN_FILL_SECONDS } from '@/lib/partner-applications/spam';
import { applicationRateLimits } from '@/lib/rate-limit';
import type { Role } from '@/lib/permissions';
import { factories } from '@/tests/support/factories';

// The server actions run here without Next.js (vi.mock is hoisted above the imports): the
// session is whoever `request.userId` names, the request comes from `request.ip` with the
// language cookie `request.locale`, and translations return their namespaced keys.
const request = vi.hoisted(() => ({ userId: null as string | null, ip: '198.51.100.7', locale: 'en' }));
vi.mock('@/lib/auth', () => ({ getSessionUserId: async () => request.userId }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ 'x-forwarded-for': request.ip }),
  cookies: async () => ({ get: (name: string) => (name === 'locale' ? { value: request.locale } : undefined) }),
}));
vi.mock('next-intl/server', () => ({
  getTranslations: async (namespace: string) => Object.assign((key: string) => `${namespace}.${key}`, { has: () => true }),
}));

const data = factories(db);
const HOUR = 3600_000;

/** A token as the page issued it long enough ago for a person to have filled the form. */
const filledToken = () => issueFormToken(new Date(Date.now() - 60_000));

function applicationForm(overrides: Record<string, string> = {}) {
  const form = new FormData();
  const fields = {
    interest: 'reseller',
    companyName: 'Kassakulma Oy',
    businessId: '2605261-8',
    country: 'FI',
    contactName: 'Kaisa Kulma',
    email: `kaisa-${randomUUID().slice(0, 8)}@kassakulma.example`,
    phone: '+358 40 123 4567',
    message: 'Myymme maksupäätteitä\nkahvilaketjuille.',
    leave_empty: '',
    form_token: filledToken(),
    ...overrides,
  };
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return form;
}

/** Everything an application could write: its row, the audit trail, rate-limit counters, jobs and emails. */
async function footprint() {
  const count = async (query: ReturnType<typeof sql>) => (await db.execute<{ n: number }>(query)).rows[0]!.n;
  return {
    applications: await count(sql`SELECT count(*)::int AS n FROM partner_applications`),
    audit: await count(sql`SELECT count(*)::int AS n FROM audit_events`),
    buckets: await count(sql`SELECT count(*)::int AS n FROM rate_limit_buckets`),
    jobs: await count(sql`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'application-email'`),
    outbox: await count(sql`SELECT count(*)::int AS n FROM outbox_messages`),
  };
}

const submit = (form: FormData) => submitPartnerApplication(null, form);

/** An application as /apply stores it, sent `ageHours` ago. */
async function storedApplication(overrides: Partial<typeof partnerApplications.$inferInsert> = {}) {
  const [row] = await db
    .insert(partnerApplications)
    .values({
      interest: 'ecr_integrator',
      companyName: `Applicant ${randomUUID().slice(0, 8)} Oy`,
      businessId: '2961234-2',
      country: 'FI',
      contactName: 'Aapo Hakija',
      email: `applicant-${randomUUID().slice(0, 8)}@test.example`,
      phone: '+358401234567',
      locale: 'fi',
      ...overrides,
    })
    .returning();
  return row!;
}

async function supportAdmin() {
  const { user } = await data.createPerson('support_admin');
  request.userId = user.id;
  return (await getActorByUserId(user.id))!;
}

beforeEach(() => {
  request.userId = null;
  request.ip = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
  request.locale = 'en';
});

describe('the public application form', () => {
  it('stores an application, audits it and emails the applicant what they sent, in the language of the page', async () => {
    request.locale = 'fi';
    const form = applicationForm({ businessId: 'FI 26052618' });
    expect(await submit(form)).toEqual({ ok: true, data: null });

    const [stored] = await db.select().from(partnerApplications).where(eq(partnerApplications.email, String(form.get('email'))));
    expect(stored).toMatchObject({ state: 'new', interest: 'reseller', businessId: '2605261-8', phone: '+358401234567', locale: 'fi' });
    const [audit] = await db.select().from(auditEvents).where(and(eq(auditEvents.subjectId, stored!.id), eq(auditEvents.action, 'application.received')));
    expect(audit?.actorUserId).toBeNull();

    await jobHandlers.applicationEmail({ applicationId: stored!.id, kind: 'received' });
    await jobHandlers.applicationEmail({ applicationId: stored!.id, kind: 'received' });
    const emails = await listOutboxMessages({ limit: 5, recipient: stored!.email });
    expect(emails).toHaveLength(1);
    expect(emails[0]!.subject).toBe('Olemme vastaanottaneet hakemuksesi Poplapayn kumppaniksi');
    expect(emails[0]!.bodyText).toContain('Yrityksen nimi: Kassakulma Oy');
    expect(emails[0]!.bodyText).toContain('Y-tunnus: 2605261-8');
    expect(emails[0]!.bodyText).toContain('Puhelinnumero: +358 40 1234567');
    expect(emails[0]!.bodyText).toContain('> Myymme maksupäätteitä\n> kahvilaketjuille.');
  });

  it('takes a foreign company by its VAT number and refuses one without the country code shape', async () => {
    const form = applicationForm({ country: 'SE', businessId: '5566 7788 9901' });
    expect(await submit(form)).toEqual({ ok: true, data: null });
    const [stored] = await db.select().from(partnerApplications).where(eq(partnerApplications.email, String(form.get('email'))));
    expect(stored?.businessId).toBe('SE556677889901');

    const refused = await submit(applicationForm({ country: 'DE', businessId: 'SE556677889901' }));
    expect(refused).toMatchObject({ ok: false, code: 'INVALID_INPUT', fieldErrors: { businessId: ['validation.application.vatNumberShape'] } });
  });

  it('refuses bad input field by field and writes nothing', async () => {
    const before = await footprint();
    const result = await submit(
      applicationForm({ interest: '', businessId: '1234567-1', phone: '040 123 4567', email: 'not an address', country: 'XX' }),
    );
    expect(result).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    const fieldErrors = (result as { fieldErrors: Record<string, string[]> }).fieldErrors;
    expect(Object.keys(fieldErrors).sort()).toEqual(['country', 'email', 'interest', 'phone']);
    expect(fieldErrors.phone).toEqual(['validation.phone.national']);
    expect(await submit(applicationForm({ contactName: 'Kaisa\u0000' }))).toMatchObject({ fieldErrors: { contactName: ['validation.controlCharacters'] } });
    expect(await submit(applicationForm({ companyName: 'Kassa\nKulma' }))).toMatchObject({ fieldErrors: { companyName: ['validation.oneLine'] } });
    expect(await submit(applicationForm({ message: 'x'.repeat(2001) }))).toMatchObject({ fieldErrors: { message: ['validation.application.messageTooLong'] } });
    expect(await submit(applicationForm({ businessId: '1234567-2' }))).toMatchObject({ fieldErrors: { businessId: ['validation.businessIdCheckDigit'] } });
    expect(await footprint()).toEqual(before);
  });

  // Each case's fields are made when it runs: a token made while the file loads would age past the minimum.
  it.each([
    ['the honeypot filled in', () => ({ leave_empty: 'http://spam.example' })],
    ['the honeypot missing', () => ({ leave_empty: undefined })],
    ['the form sent faster than a person can fill it', () => ({ form_token: issueFormToken(new Date(Date.now() - (MIN_FILL_SECONDS * 1000) / 2)) })],
    ['a forged fill-time token', () => ({ form_token: `${Date.now() - 60_000}.forged-signature` })],
    ['a token whose moment was moved back', () => ({ form_token: filledToken().replace(/^\d+/, (issuedAt) => String(Number(issuedAt) - 60_000)) })],
    ['no token at all', () => ({ form_token: undefined })],
  ] as const)('answers %s exactly as it answers a person, and writes nothing', async (_case, overridesOf) => {
    const person = await submit(applicationForm());
    const before = await footprint();
    const form = applicationForm();
    for (const [name, value] of Object.entries(overridesOf() as Record<string, string | undefined>)) {
      if (value === undefined) form.delete(name);
      else form.set(name, value);
    }
    const bot = await submit(form);
    expect(bot).toEqual(person);
    expect(await footprint()).toEqual(before);
  });

  it('asks to reload a form left open for more than a day, and writes nothing', async () => {
    const before = await footprint();
    expect(await submit(applicationForm({ form_token: issueFormToken(new Date(Date.now() - 25 * HOUR)) }))).toEqual({
      ok: false,
      code: 'INVALID_INPUT',
      message: 'apply.expired',
    });
    expect(await footprint()).toEqual(before);
  });

  it(`takes ${applicationRateLimits.perEmail.limit} applications an hour from one address`, async () => {
    const email = `repeat-${randomUUID().slice(0, 8)}@test.example`;
    for (let sent = 0; sent < applicationRateLimits.perEmail.limit; sent++) {
      request.ip = `203.0.113.${sent + 1}`;
      expect(await submit(applicationForm({ email }))).toEqual({ ok: true, data: null });
    }
    request.ip = '203.0.113.99';
    expect(await submit(applicationForm({ email: email.toUpperCase() }))).toEqual({ ok: false, code: 'RATE_LIMITED', message: 'apply.rateLimited' });
    expect(await db.$count(partnerApplications, eq(partnerApplications.email, email))).toBe(applicationRateLimits.perEmail.limit);
  });

  it(`takes ${applicationRateLimits.perIp.limit} applications an hour from one IP address`, async () => {
    request.ip = '192.0.2.44';
    for (let sent = 0; sent < applicationRateLimits.perIp.limit; sent++) expect(await submit(applicationForm())).toEqual({ ok: true, data: null });
    const refused = applicationForm();
    expect(await submit(refused)).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
    expect(await db.$count(partnerApplications, eq(partnerApplications.email, String(refused.get('email'))))).toBe(0);
    request.ip = '192.0.2.45';
    expect(await submit(applicationForm())).toEqual({ ok: true, data: null });
  });
});

describe('the applications inbox', () => {
  it('flags an application whose business ID an organisation or another open application has', async () => {
    const actor = await supportAdmin();
    const [existing] = await db.insert(organisations).values({ kind: 'reseller', name: 'Already Here Oy', businessId: '0112038-9' }).returning();
    const knownCompany = await storedApplication({ businessId: '0112038-9' });
    const first = await storedApplication({ businessId: '2216695-9' });
    const second = await storedApplication({ businessId: 'FI22166959', country: 'FI', state: 'in_review' });
    await storedApplication({ businessId: '2216695-9', state: 'declined', decidedAt: new Date() });
    const unique = await storedApplication({ businessId: '2727735-4' });

    const open = await listPartnerApplications(actor, 'open');
    const byId = new Map(open.map((row) => [row.id, row]));
    expect(byId.get(knownCompany.id)?.duplicateOrganisations).toEqual([{ id: existing!.id, name: 'Already Here Oy' }]);
    expect(byId.get(first.id)?.duplicateApplications).toEqual([{ id: second.id, companyName: second.companyName }]);
    expect(byId.get(second.id)?.duplicateApplications).toEqual([{ id: first.id, companyName: first.companyName }]);
    expect(byId.get(unique.id)).toMatchObject({ duplicateOrganisations: [], duplicateApplications: [] });
    expect((await getPartnerApplication(actor, knownCompany.id)).duplicateOrganisations).toHaveLength(1);
  });

  it('approves: the organisation of the chosen kind and its first admin invitation, in the applicant language, audited', async () => {
    const actor = await supportAdmin();
    const application = await storedApplication({ interest: 'reseller', locale: 'sv', country: 'SE', businessId: 'SE556677889901' });
    expect(await startReview(null, { applicationId: application.id })).toEqual({ ok: true, data: null });
    expect(await addNote(null, { applicationId: application.id, note: 'Soitettu, sopii.' })).toEqual({ ok: true, data: null });

    const result = await approveApplication(null, { applicationId: application.id, kind: 'ecr_integrator', name: 'Kassa Sverige AB' });
    expect(result).toMatchObject({ ok: true, data: { email: application.email } });
    const organisationId = (result as { data: { organisationId: string } }).data.organisationId;

    const [organisation] = await db.select().from(organisations).where(eq(organisations.id, organisationId));
    expect(organisation).toMatchObject({ kind: 'ecr_integrator', name: 'Kassa Sverige AB', businessId: 'SE556677889901', country: 'SE', contactEmail: application.email });
    const [invitation] = await db.select().from(invitations).where(eq(invitations.organisationId, organisationId));
    expect(invitation).toMatchObject({ email: application.email, role: 'partner_admin', locale: 'sv', invitedByUserId: actor.userId, acceptedAt: null });
    const [stored] = await db.select().from(partnerApplications).where(eq(partnerApplications.id, application.id));
    expect(stored).toMatchObject({ state: 'approved', organisationId, decidedByUserId: actor.userId });

    const [email] = await listOutboxMessages({ limit: 5, recipient: application.email });
    expect(email?.subject).toBe('Du har bjudits in till CloudPOS Account Orders');
    expect(email?.bodyText).toMatch(/\/invitations\/[\w-]{43}/);

    const steps = (await getPartnerApplication(actor, application.id)).history.map((entry) => entry.action);
    expect(steps).toEqual(['application.in_review', 'application.note_added', 'application.approved']);
    const organisationTrail = await db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.organisationId, organisationId));
    expect(organisationTrail.map((entry) => entry.action).sort()).toEqual(['application.approved', 'invitation.created', 'organisation.created']);

    // Decided: neither approved again nor declined.
    expect(await approveApplication(null, { applicationId: application.id, kind: 'reseller', name: 'Again' })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await declineApplication(null, { applicationId: application.id, reason: '' })).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('approves all or nothing: an applicant who already has an account leaves no organisation, invitation or decision behind', async () => {
    await supportAdmin();
    const { user } = await data.createPerson('partner_member', 'reseller');
    const application = await storedApplication({ email: user.email, businessId: '1572860-0' });
    const before = { organisations: await db.$count(organisations), invitations: await db.$count(invitations), audit: await db.$count(auditEvents) };

    const result = await approveApplication(null, { applicationId: application.id, kind: 'reseller', name: application.companyName });
    expect(result).toMatchObject({ ok: false, code: 'INVALID_INPUT', fieldErrors: { form: ['validation.application.applicantHasAccount'] } });
    expect({ organisations: await db.$count(organisations), invitations: await db.$count(invitations), audit: await db.$count(auditEvents) }).toEqual(before);
    expect((await db.select().from(partnerApplications).where(eq(partnerApplications.id, application.id)))[0]?.state).toBe('new');
  });

  it('declines with a polite email in the applicant language, quoting the reason', async () => {
    const actor = await supportAdmin();
    const application = await storedApplication({ locale: 'sv', companyName: 'Nej Tack AB' });
    expect(await declineApplication(null, { applicationId: application.id, reason: 'Vi har redan en partner\ni er region.' })).toEqual({ ok: true, data: null });
    const [stored] = await db.select().from(partnerApplications).where(eq(partnerApplications.id, application.id));
    expect(stored).toMatchObject({ state: 'declined', declineReason: 'Vi har redan en partner\ni er region.', decidedByUserId: actor.userId, organisationId: null });

    await jobHandlers.applicationEmail({ applicationId: application.id, kind: 'declined' });
    const [email] = await listOutboxMessages({ limit: 5, recipient: application.email });
    expect(email?.subject).toBe('Din ansökan om att bli Poplapay-partner');
    expect(email?.bodyText).toContain('Angående er ansökan, Nej Tack AB');
    expect(email?.bodyText).toContain('> Vi har redan en partner\n> i er region.');
    expect((await getPartnerApplication(actor, application.id)).history.at(-1)).toMatchObject({ action: 'application.declined', data: { reason: 'Vi har redan en partner\ni er region.' } });

    // Without a reason: the email says no reason, in English for an English applicant.
    const plain = await storedApplication({ locale: 'en' });
    await declinePartnerApplication(actor, { applicationId: plain.id, reason: '' });
    await jobHandlers.applicationEmail({ applicationId: plain.id, kind: 'declined' });
    const [english] = await listOutboxMessages({ limit: 5, recipient: plain.email });
    expect(english?.subject).toBe('Your application to become a Poplapay partner');
    expect(english?.bodyText).not.toContain('reasoning');
  });

  it.each<Role>(['partner_admin', 'partner_member', 'support_agent'])('refuses a %s every page query and action', async (role) => {
    const application = await storedApplication();
    const { user } = await data.createPerson(role, role.startsWith('support') ? 'poplapay' : 'reseller');
    request.userId = user.id;
    const actor = (await getActorByUserId(user.id))!;
    const before = await footprint();

    const forbidden = { ok: false, code: 'FORBIDDEN' };
    expect(await startReview(null, { applicationId: application.id })).toMatchObject(forbidden);
    expect(await addNote(null, { applicationId: application.id, note: 'x' })).toMatchObject(forbidden);
    expect(await approveApplication(null, { applicationId: application.id, kind: 'reseller', name: 'X' })).toMatchObject(forbidden);
    expect(await declineApplication(null, { applicationId: application.id, reason: '' })).toMatchObject(forbidden);

    await expect(listPartnerApplications(actor, 'open')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(getPartnerApplication(actor, application.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(startReviewingApplication(actor, application.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(addApplicationNote(actor, application.id, 'x')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(approvePartnerApplication(actor, { applicationId: application.id, kind: 'reseller', name: 'X' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(declinePartnerApplication(actor, { applicationId: application.id, reason: '' })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    expect(await footprint()).toEqual(before);
    expect((await db.select().from(partnerApplications).where(eq(partnerApplications.id, application.id)))[0]?.state).toBe('new');
  });

  it('refuses signed-out callers', async () => {
    const application = await storedApplication();
    expect(await declineApplication(null, { applicationId: application.id, reason: '' })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });
});

describe('the daily digest', () => {
  it('lists applications waiting more than two business days, to support admins only', async () => {
    const admin = await data.createPerson('support_admin');
    const agent = await data.createPerson('support_agent');
    const now = new Date();
    // Just past two business days ago, and just within: the deadline's own calendar decides.
    let late = new Date(now.getTime() - 2 * 24 * HOUR);
    while (baseDueAt(late, { mode: 'business_days', days: 2 }) >= now) late = new Date(late.getTime() - HOUR);
    const waiting = await storedApplication({ companyName: 'Odottaja Oy', submittedAt: late, interest: 'ecr_supplier' });
    const fresh = await storedApplication({ companyName: 'Tuore Oy', submittedAt: new Date(now.getTime() - HOUR) });
    await storedApplication({ companyName: 'Ratkaistu Oy', submittedAt: late, state: 'declined', decidedAt: now });

    await jobHandlers.supportDigest({});
    const [digest] = await listOutboxMessages({ limit: 5, recipient: admin.user.email });
    expect(digest?.subject).toBe('CloudPOS orders: 0 overdue, 0 at risk; 1 partner application waiting');
    expect(digest?.bodyText).toContain(`${waiting.companyName}, Supplying an ECR that resellers of our own sell: waited `);
    expect(digest?.bodyText).not.toContain(fresh.companyName);
    expect(digest?.bodyText).not.toContain('Ratkaistu Oy');
    expect(digest?.bodyText).toContain('/admin/applications');
    // An agent cannot act on applications, and no order needs anyone: no digest at all.
    expect(await listOutboxMessages({ limit: 5, recipient: agent.user.email })).toHaveLength(0);
  });
});
