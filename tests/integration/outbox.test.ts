import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { listOutboxMessages } from '@/db/queries/outbox';
import { claimOrder, recordCredentials } from '@/db/queries/support';
import { getActorByUserId } from '@/db/queries/users';
import { orders, smsDeliveries } from '@/db/schema';
import { sendEmail } from '@/lib/email/send';
import { sendCredentialsSmsBatch } from '@/lib/sms/credentials-sms';
import { sendSms } from '@/lib/sms/send';
import { factories } from '@/tests/support/factories';

describe('development outbox (no Resend or Twilio credentials)', () => {
  it('keeps emails and SMS in the database instead of sending them', async () => {
    const email = await sendEmail({ to: 'juha@kassamestarit.example', subject: 'Hello', html: '<p>Hi</p>', text: 'Hi' });
    const sms = await sendSms({ to: '+358401234567', body: 'Code 1234' });
    expect(email.via).toBe('outbox');
    expect(sms.via).toBe('outbox');

    const [latestEmail] = await listOutboxMessages({ limit: 1, recipient: 'juha@kassamestarit.example' });
    expect(latestEmail).toMatchObject({ channel: 'email', subject: 'Hello', bodyText: 'Hi', bodyHtml: '<p>Hi</p>' });
    const [latestSms] = await listOutboxMessages({ limit: 1, recipient: '+358401234567' });
    expect(latestSms).toMatchObject({ channel: 'sms', bodyText: 'Code 1234' });
  });
});

describe('password SMS without Twilio', () => {
  it('puts each password into the outbox once and completes the orders, however often the jobs run', async () => {
    const data = factories(db);
    const actor = (await getActorByUserId((await data.createPerson('support_agent')).user.id))!;
    const partner = await data.createPerson('partner_admin', 'ecr_integrator');
    const phones = ['+358401110001', '+358401110002'];
    const deliveryIds: string[] = [];
    for (const phone of phones) {
      const order = await data.createOrder({ organisationId: partner.organisation.id, createdByUserId: partner.user.id, recipientPhone: phone });
      await claimOrder(actor, order.id);
      await recordCredentials(actor, order.id, { username: 'cp-user', password: `Outbox-Pass-${phone}` });
      const [delivery] = await db.select().from(smsDeliveries).where(eq(smsDeliveries.orderId, order.id));
      deliveryIds.push(delivery!.id);
    }
    await sendCredentialsSmsBatch(deliveryIds);
    await sendCredentialsSmsBatch(deliveryIds);
    for (const [index, phone] of phones.entries()) {
      const messages = await listOutboxMessages({ limit: 5, recipient: phone });
      expect(messages).toHaveLength(1);
      expect(messages[0]!.bodyText).toContain(`Outbox-Pass-${phone}`);
      const [delivery] = await db.select().from(smsDeliveries).where(eq(smsDeliveries.id, deliveryIds[index]!));
      expect(delivery).toMatchObject({ status: 'delivered', twilioSid: `outbox-${delivery!.id}` });
      const [order] = await db.select().from(orders).where(eq(orders.id, delivery!.orderId));
      expect(order!.state).toBe('completed');
    }
  });
});
