import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as EmailModule from '@/lib/email/send';
import type * as SmsModule from '@/lib/sms/send';
import { startResendDouble } from '@/tests/doubles/resend-double';
import { startTwilioDouble } from '@/tests/doubles/twilio-double';

const ACCOUNT_SID = `AC${'1'.repeat(32)}`;

let twilio: Awaited<ReturnType<typeof startTwilioDouble>>;
let resend: Awaited<ReturnType<typeof startResendDouble>>;
// Imported after the environment points the SDKs at the doubles (the Resend SDK reads it on load).
let sendSms: typeof SmsModule.sendSms;
let sendEmail: typeof EmailModule.sendEmail;
let EmailDeliveryError: typeof EmailModule.EmailDeliveryError;

beforeAll(async () => {
  [twilio, resend] = await Promise.all([startTwilioDouble(), startResendDouble()]);
  vi.stubEnv('TWILIO_ACCOUNT_SID', ACCOUNT_SID);
  vi.stubEnv('TWILIO_AUTH_TOKEN', 'a-test-auth-token-of-enough-length');
  vi.stubEnv('TWILIO_FROM_NUMBER', '+358451234567');
  vi.stubEnv('TWILIO_API_URL', twilio.url);
  vi.stubEnv('RESEND_API_KEY', 're_test_key');
  vi.stubEnv('RESEND_BASE_URL', resend.url);
  vi.stubEnv('EMAIL_FROM', 'Poplapay Orders <orders@poplapay.example>');
  ({ sendSms } = await import('@/lib/sms/send'));
  ({ sendEmail, EmailDeliveryError } = await import('@/lib/email/send'));
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await Promise.all([twilio.close(), resend.close()]);
});

describe('SMS through the real twilio SDK', () => {
  it('reaches the Twilio double with the body, the E.164 recipient, the sender and the callback', async () => {
    const sent = await sendSms({
      to: '+358401234567',
      body: 'Your CloudPOS password: Xy7-kP9q',
      statusCallback: 'https://orders.example.com/api/webhooks/twilio/d_123',
      validityPeriodSeconds: 3600,
    });
    expect(sent.via).toBe('twilio');
    expect(sent.status).toBe('queued');
    const received = twilio.messages.find((message) => message.sid === sent.sid);
    expect(received).toMatchObject({
      accountSid: ACCOUNT_SID,
      authUser: ACCOUNT_SID,
      to: '+358401234567',
      from: '+358451234567',
      body: 'Your CloudPOS password: Xy7-kP9q',
      statusCallback: 'https://orders.example.com/api/webhooks/twilio/d_123',
      validityPeriod: '3600',
    });
  });
});

describe('email through the real resend SDK', () => {
  it('reaches the Resend double with the recipient, subject, sender and idempotency key', async () => {
    const sent = await sendEmail({
      to: 'aino@kassamestarit.example',
      subject: 'Order received',
      html: '<p>Thanks</p>',
      text: 'Thanks',
      idempotencyKey: 'order-1/received',
    });
    expect(sent.via).toBe('resend');
    const received = resend.emails.find((email) => email.id === sent.id);
    expect(received).toMatchObject({
      apiKey: 're_test_key',
      from: 'Poplapay Orders <orders@poplapay.example>',
      to: ['aino@kassamestarit.example'],
      subject: 'Order received',
      text: 'Thanks',
      idempotencyKey: 'order-1/received',
    });
  });

  it('throws when Resend answers with an error, which the SDK returns instead of throwing', async () => {
    resend.failNextRequest();
    await expect(sendEmail({ to: 'bad', subject: 's', html: 'h', text: 't' })).rejects.toBeInstanceOf(EmailDeliveryError);
  });
});
