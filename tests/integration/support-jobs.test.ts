import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { listOutboxMessages } from '@/db/queries/outbox';
import { setDeadlineSetting } from '@/db/queries/settings';
import { orders } from '@/db/schema';
import { jobHandlers } from '@/lib/jobs/handlers';
import { baseDueAt } from '@/lib/orders/deadline';
import { factories } from '@/tests/support/factories';

const { createPerson, createOrder } = factories(db);
const HOUR = 3600_000;

describe('the daily digest to support', () => {
  it('lists overdue and at-risk orders (not on-track or paused ones) to every support person, once a day', async () => {
    const agent = await createPerson('support_agent');
    const admin = await createPerson('support_admin');
    const partner = await createPerson('partner_admin', 'reseller');
    const base = { organisationId: partner.organisation.id, createdByUserId: partner.user.id };
    const now = Date.now();
    const overdue = await createOrder({ ...base, submittedAt: new Date(now - 8 * 24 * HOUR), dueAt: new Date(now - 24 * HOUR) });
    const atRisk = await createOrder({ ...base, submittedAt: new Date(now - 6.5 * 24 * HOUR), dueAt: new Date(now + 12 * HOUR) });
    const onTrack = await createOrder({ ...base });
    const paused = await createOrder({ ...base, state: 'needs_info', submittedAt: new Date(now - 9 * 24 * HOUR), dueAt: new Date(now - 2 * 24 * HOUR) });

    await jobHandlers.supportDigest({});
    await jobHandlers.supportDigest({});
    for (const person of [agent, admin]) {
      const emails = await listOutboxMessages({ limit: 10, recipient: person.user.email });
      expect(emails).toHaveLength(1);
      expect(emails[0]!.subject).toBe('CloudPOS orders: 1 overdue, 1 at risk');
      const body = emails[0]!.bodyText;
      expect(body).toContain(`#${overdue.number} `);
      expect(body).toContain(`#${atRisk.number} `);
      expect(body).not.toContain(`#${onTrack.number} `);
      expect(body).not.toContain(`#${paused.number} `);
      expect(body.indexOf('Overdue:')).toBeLessThan(body.indexOf('At risk'));
    }
    expect(await listOutboxMessages({ limit: 10, recipient: partner.user.email })).toHaveLength(0);
  });
});

describe('a changed deadline setting', () => {
  it('recomputes the due date of every open order, and leaves finished ones alone', async () => {
    const partner = await createPerson('partner_admin', 'ecr_integrator');
    const base = { organisationId: partner.organisation.id, createdByUserId: partner.user.id };
    // Monday 12:00 Helsinki: three business days later is Thursday 12:00.
    const submittedAt = new Date('2026-11-16T10:00:00Z');
    const open = await createOrder({ ...base, submittedAt });
    const done = await createOrder({ ...base, submittedAt, state: 'completed', completedAt: new Date('2026-11-18T10:00:00Z') });

    await setDeadlineSetting(null, { mode: 'business_days', days: 3 });
    await jobHandlers.recomputeDeadlines({});
    const [openAfter] = await db.select().from(orders).where(eq(orders.id, open.id));
    const [doneAfter] = await db.select().from(orders).where(eq(orders.id, done.id));
    expect(openAfter!.dueAt).toEqual(baseDueAt(submittedAt, { mode: 'business_days', days: 3 }));
    expect(openAfter!.dueAt.toISOString()).toBe('2026-11-19T10:00:00.000Z');
    expect(doneAfter!.dueAt).toEqual(done.dueAt);
    await setDeadlineSetting(null, { mode: 'calendar_days', days: 7 });
    await jobHandlers.recomputeDeadlines({});
  });
});
