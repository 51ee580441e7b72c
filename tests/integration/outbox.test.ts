import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { unsafeEraseExpiredPasswords } from '@/db/queries/deliveries';
import { insertOutboxMessage, listOutboxMessages } from '@/db/queries/outbox';
import { claimOrder, recordCredentials } from '@/db/queries/support';
import { getActorByUserId } from '@/db/queries/users';
import { credentials, orders, outboxMessages, smsDeliveries } from '@/db/schema';
import { sendEmail } from '@/lib/email/send';
import { sendCredentialsSmsBatch } from '@/lib/sms/credentials-sms';
import { REDACTED_PASSWORD, credentialsSmsText, outboxSmsKey } from '@/lib/sms/credentials-text';
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
      const [delivery] = await db.select().from(smsDeliveries).where(eq(smsDeliveries.id, deliveryIds[index]!));
      // Delivered at once, so the password is already erased there too, as at Twilio.
      expect(messages[0]!.bodyText).not.toContain(`Outbox-Pass-${phone}`);
      expect(messages[0]!.bodyText).toContain(`password of your CloudPOS API account is ${REDACTED_PASSWORD} `);
      expect(messages[0]!.bodyText).toContain(`Ref ${delivery!.reference}`);
      expect(delivery).toMatchObject({ status: 'delivered', twilioSid: `outbox-${delivery!.id}` });
      // Nothing to clear at Twilio: the copy above was redacted with the delivery.
      expect(delivery!.redactedAt).toBeInstanceOf(Date);
      const [order] = await db.select().from(orders).where(eq(orders.id, delivery!.orderId));
      expect(order!.state).toBe('completed');
    }
  });
});

describe('the outbox copy of a password SMS', () => {
  it('keeps no password once the delivery is recorded as delivered, in the same transaction as the erasure', async () => {
    const data = factories(db);
    const actor = (await getActorByUserId((await data.createPerson('support_agent')).user.id))!;
    const partner = await data.createPerson('partner_admin', 'ecr_integrator');
    const order = await data.createOrder({ organisationId: partner.organisation.id, createdByUserId: partner.user.id, recipientPhone: '+358401110003' });
    await claimOrder(actor, order.id);
    await recordCredentials(actor, order.id, { username: 'cp-user', password: 'Delivered-Pass-77' });
    const [delivery] = await db.select().from(smsDeliveries).where(eq(smsDeliveries.orderId, order.id));

    await sendCredentialsSmsBatch([delivery!.id]);
    const rows = await db.select().from(outboxMessages);
    expect(JSON.stringify(rows)).not.toContain('Delivered-Pass-77');
    const [copy] = await db.select().from(outboxMessages).where(eq(outboxMessages.idempotencyKey, outboxSmsKey(delivery!.id)));
    expect(copy!.bodyText).toBe(credentialsSmsText(REDACTED_PASSWORD, delivery!.reference, 'en'));
    const [stored] = await db.select().from(credentials).where(eq(credentials.orderId, order.id));
    expect(stored).toMatchObject({ passwordCiphertext: null, erasedAt: expect.any(Date) });
  });

  it('keeps no password once the password expires undelivered', async () => {
    const data = factories(db);
    const actor = (await getActorByUserId((await data.createPerson('support_agent')).user.id))!;
    const partner = await data.createPerson('partner_admin', 'ecr_integrator');
    const order = await data.createOrder({ organisationId: partner.organisation.id, createdByUserId: partner.user.id, recipientPhone: '+358401110004' });
    await claimOrder(actor, order.id);
    await recordCredentials(actor, order.id, { username: 'cp-user', password: 'Expiring-Pass-88' });
    const [delivery] = await db.select().from(smsDeliveries).where(eq(smsDeliveries.orderId, order.id));
    // A copy written, but its delivery never recorded (the job died after writing it).
    await insertOutboxMessage({
      channel: 'sms',
      recipient: delivery!.toPhone,
      bodyText: credentialsSmsText('Expiring-Pass-88', delivery!.reference, 'en'),
      idempotencyKey: outboxSmsKey(delivery!.id),
    });
    await db.update(credentials).set({ createdAt: sql`now() - interval '73 hours'` }).where(eq(credentials.orderId, order.id));

    expect(await unsafeEraseExpiredPasswords(72)).toBeGreaterThanOrEqual(1);
    const [copy] = await db.select().from(outboxMessages).where(eq(outboxMessages.idempotencyKey, outboxSmsKey(delivery!.id)));
    expect(copy!.bodyText).toBe(credentialsSmsText(REDACTED_PASSWORD, delivery!.reference, 'en'));
  });
});
