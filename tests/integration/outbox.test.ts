import { describe, expect, it } from 'vitest';
import { listOutboxMessages } from '@/db/queries/outbox';
import { sendEmail } from '@/lib/email/send';
import { sendSms } from '@/lib/sms/send';

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
