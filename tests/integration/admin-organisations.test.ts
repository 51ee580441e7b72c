import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createOrganisation as createOrganisationAction,
  setOrganisationActiveAction,
  updateOrganisation,
} from '@/app/(portal)/admin/actions';
import { db } from '@/db';
import { createPartnerOrganisation, setOrganisationActive, updatePartnerOrganisation } from '@/db/queries/admin-organisations';
import { canSignInWithEmail, getActorByUserId } from '@/db/queries/users';
import { orders, organisations, sessions } from '@/db/schema';
import {
  createPartnerOrganisationSchema,
  updatePartnerOrganisationSchema,
  type CreatePartnerOrganisationFormInput,
} from '@/lib/validations/admin';
import { factories } from '@/tests/support/factories';

// The server actions run here without Next.js (vi.mock is hoisted above the imports): the
// session is whoever `signedIn` names, and translations return their namespaced keys, so the
// tests read what withAction decided.
const signedIn = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock('@/lib/auth', () => ({ getSessionUserId: async () => signedIn.userId }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));
vi.mock('next/navigation', () => ({
  redirect: (url: string) => {
    throw Object.assign(new Error('NEXT_REDIRECT'), { url });
  },
  notFound: () => {
    throw new Error('NEXT_NOT_FOUND');
  },
}));
vi.mock('next-intl/server', () => ({
  getTranslations: async (namespace: string) => Object.assign((key: string) => `${namespace}.${key}`, { has: () => true }),
}));

const data = factories(db);

const form = (overrides: Partial<CreatePartnerOrganisationFormInput> = {}): CreatePartnerOrganisationFormInput => ({
  kind: 'ecr_supplier',
  name: 'Retail Systems Nordic Oy',
  businessId: '2605261-8',
  country: 'FI',
  contactEmail: '',
  ...overrides,
});

const organisationRow = async (id: string) => (await db.select().from(organisations).where(eq(organisations.id, id)))[0]!;

const issuesOf = (input: unknown) =>
  createPartnerOrganisationSchema.safeParse(input).error?.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));

beforeEach(() => {
  signedIn.userId = null;
});

describe('the partner organisation schema', () => {
  it('normalises a Finnish business ID and the contact email, and leaves an empty email unset', () => {
    expect(createPartnerOrganisationSchema.parse(form({ businessId: 'FI 26052618', contactEmail: ' Tuki@RSN.example ' }))).toEqual({
      kind: 'ecr_supplier',
      name: 'Retail Systems Nordic Oy',
      businessId: '2605261-8',
      country: 'FI',
      contactEmail: 'tuki@rsn.example',
    });
    expect(createPartnerOrganisationSchema.parse(form()).contactEmail).toBeNull();
  });

  it('refuses a Finnish business ID with a wrong check digit or shape, beside the field', () => {
    expect(issuesOf(form({ businessId: '2605261-7' }))).toEqual([{ path: 'businessId', message: 'businessIdCheckDigit' }]);
    expect(issuesOf(form({ businessId: '260526' }))).toEqual([{ path: 'businessId', message: 'businessIdShape' }]);
    expect(issuesOf(form({ businessId: '' }))).toEqual([{ path: 'businessId', message: 'admin.businessIdRequired' }]);
  });

  it('keeps another country’s business ID as typed', () => {
    expect(createPartnerOrganisationSchema.parse(form({ country: 'se', businessId: '556677-8899' }))).toMatchObject({
      country: 'SE',
      businessId: '556677-8899',
    });
  });

  it('never creates a Poplapay organisation, and reports every problem at once', () => {
    expect(issuesOf(form({ kind: 'poplapay' as never }))).toEqual([{ path: 'kind', message: 'admin.kindRequired' }]);
    expect(issuesOf({ kind: '', name: ' ', businessId: '1234567-8', country: 'Finland', contactEmail: 'not-an-email' })).toEqual(
      expect.arrayContaining([
        { path: 'kind', message: 'admin.kindRequired' },
        { path: 'name', message: 'admin.nameRequired' },
        { path: 'country', message: 'countryInvalid' },
        { path: 'contactEmail', message: 'emailInvalid' },
      ]),
    );
    expect(issuesOf(form({ kind: '' as never, businessId: '2605261-7' }))).toEqual(
      expect.arrayContaining([{ path: 'businessId', message: 'businessIdCheckDigit' }]),
    );
    expect(issuesOf(form({ name: 'x'.repeat(201) }))).toEqual([{ path: 'name', message: 'tooLong' }]);
  });
});

describe('creating and editing a partner organisation', () => {
  it('creates one with the normalised business ID, active', async () => {
    const id = await createPartnerOrganisation(null, createPartnerOrganisationSchema.parse(form({ businessId: '26052618', contactEmail: 'tuki@rsn.example' })));
    expect(await organisationRow(id)).toMatchObject({
      kind: 'ecr_supplier',
      name: 'Retail Systems Nordic Oy',
      businessId: '2605261-8',
      country: 'FI',
      contactEmail: 'tuki@rsn.example',
      deactivatedAt: null,
    });
  });

  it('updates name, business ID, country and contact email, but not the kind', async () => {
    const organisation = await data.createOrganisation({ kind: 'reseller' });
    const { organisationId, ...input } = updatePartnerOrganisationSchema.parse({
      organisationId: organisation.id,
      name: 'Maksupiste Oy',
      businessId: '0112038-9',
      country: 'FI',
      contactEmail: 'info@maksupiste.example',
      kind: 'ecr_integrator',
    });
    await updatePartnerOrganisation(null, organisationId, input);
    expect(await organisationRow(organisation.id)).toMatchObject({
      kind: 'reseller',
      name: 'Maksupiste Oy',
      businessId: '0112038-9',
      contactEmail: 'info@maksupiste.example',
    });

    await updatePartnerOrganisation(null, organisation.id, { ...input, contactEmail: null });
    expect((await organisationRow(organisation.id)).contactEmail).toBeNull();
  });

  it('finds nothing to update for an unknown id', async () => {
    const input = { name: 'Nobody Oy', businessId: '2605261-8', country: 'FI', contactEmail: null };
    await expect(updatePartnerOrganisation(null, randomUUID(), input)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(setOrganisationActive(null, randomUUID(), false)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('deactivating a partner organisation', () => {
  it('stops its people signing in and ends their sessions; reactivating lets them in again', async () => {
    const { organisation, user } = await data.createPerson('partner_admin', 'ecr_integrator');
    await data.createSession(user.id);
    expect(await canSignInWithEmail(user.email)).toBe(true);

    await setOrganisationActive(null, organisation.id, false);
    expect((await organisationRow(organisation.id)).deactivatedAt).toBeInstanceOf(Date);
    expect(await canSignInWithEmail(user.email)).toBe(false);
    expect(await getActorByUserId(user.id)).toBeNull();
    expect(await db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);

    await setOrganisationActive(null, organisation.id, true);
    expect((await organisationRow(organisation.id)).deactivatedAt).toBeNull();
    expect(await canSignInWithEmail(user.email)).toBe(true);
    expect(await getActorByUserId(user.id)).toMatchObject({ organisationId: organisation.id, role: 'partner_admin' });
  });

  it('keeps the first deactivation time when deactivated again', async () => {
    const organisation = await data.createOrganisation({ kind: 'reseller' });
    const first = await setOrganisationActive(null, organisation.id, false);
    const second = await setOrganisationActive(null, organisation.id, false);
    expect(second.deactivatedAt).toEqual(first.deactivatedAt);
  });

  it('keeps its orders', async () => {
    const { organisation, user } = await data.createPerson('partner_member', 'reseller');
    const order = await data.createOrder({ organisationId: organisation.id, createdByUserId: user.id });
    await setOrganisationActive(null, organisation.id, false);
    expect(await db.select().from(orders).where(eq(orders.organisationId, organisation.id))).toEqual([
      expect.objectContaining({ id: order.id, state: 'submitted' }),
    ]);
  });

  it('never touches Poplapay’s own organisation', async () => {
    const { organisation, user } = await data.createPerson('support_admin');
    const input = { name: 'Renamed', businessId: '2605261-8', country: 'FI', contactEmail: null };
    await expect(setOrganisationActive(null, organisation.id, false)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(updatePartnerOrganisation(null, organisation.id, input)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await organisationRow(organisation.id)).toMatchObject({ deactivatedAt: null, name: organisation.name });
    expect(await canSignInWithEmail(user.email)).toBe(true);
  });
});

describe('the admin server actions', () => {
  const formData = (fields: Record<string, string>) => {
    const body = new FormData();
    for (const [key, value] of Object.entries(fields)) body.set(key, value);
    return body;
  };

  it('are refused to support agents and partners, whatever they send', async () => {
    const target = await data.createOrganisation({ kind: 'reseller' });
    for (const role of ['support_agent', 'partner_admin'] as const) {
      signedIn.userId = (await data.createPerson(role)).user.id;
      expect(await createOrganisationAction(null, formData({ ...form(), name: 'Sneaky Oy' }))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(await setOrganisationActiveAction(null, formData({ organisationId: target.id, active: 'false' }))).toMatchObject({
        ok: false,
        code: 'FORBIDDEN',
      });
      expect(
        await updateOrganisation(null, formData({ organisationId: target.id, name: 'Sneaky Oy', businessId: '2605261-8', country: 'FI' })),
      ).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    expect(await db.select().from(organisations).where(eq(organisations.name, 'Sneaky Oy'))).toHaveLength(0);
    expect(await organisationRow(target.id)).toMatchObject({ deactivatedAt: null, name: target.name });
  });

  it('let a support admin create (then open the new organisation), edit and deactivate', async () => {
    signedIn.userId = (await data.createPerson('support_admin')).user.id;
    const name = `Kassapiste ${randomUUID().slice(0, 8)} Oy`;

    const invalid = await createOrganisationAction(null, formData({ ...form(), name, businessId: '2605261-7' }));
    expect(invalid).toMatchObject({ ok: false, code: 'INVALID_INPUT', fieldErrors: { businessId: ['validation.businessIdCheckDigit'] } });

    const redirected = (await createOrganisationAction(null, formData({ ...form(), name })).catch((error: unknown) => error)) as {
      url?: string;
    };
    const [created] = await db.select().from(organisations).where(eq(organisations.name, name));
    expect(redirected.url).toBe(`/admin/organisations/${created!.id}?created=1`);

    expect(
      await updateOrganisation(null, formData({ organisationId: created!.id, name: `${name} Ab`, businessId: '0112038-9', country: 'FI', contactEmail: '' })),
    ).toMatchObject({ ok: true });
    expect(await setOrganisationActiveAction(null, formData({ organisationId: created!.id, active: 'false' }))).toEqual({
      ok: true,
      data: { active: false },
    });
    expect(await organisationRow(created!.id)).toMatchObject({ name: `${name} Ab`, businessId: '0112038-9' });
    expect((await organisationRow(created!.id)).deactivatedAt).toBeInstanceOf(Date);
  });

  it('answer NOT_FOUND for Poplapay’s own organisation', async () => {
    const admin = await data.createPerson('support_admin');
    signedIn.userId = admin.user.id;
    expect(await setOrganisationActiveAction(null, formData({ organisationId: admin.organisation.id, active: 'false' }))).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
  });
});
