import 'server-only';
import { insertOutboxMessage } from '@/db/queries/outbox';
import { getEnv, usesOutbox } from '@/lib/env';
import { getTwilioClient } from './twilio-client';

export interface SmsMessage {
  /** E.164, e.g. +358401234567. */
  to: string;
  body: string;
  /** Twilio posts delivery statuses here. */
  statusCallback?: string;
  /** Twilio drops the message if it is still queued after this many seconds. */
  validityPeriodSeconds?: number;
  /** The outbox keeps one copy per key, however often a job runs. */
  idempotencyKey?: string;
}

export interface SentSms {
  sid: string;
  status: string;
  via: 'twilio' | 'outbox';
}

/**
 * Sends one SMS through Twilio, or into the development outbox when Twilio is not configured:
 * the one way the portal sends a text (the password SMS included, lib/sms/credentials-sms.ts).
 * Twilio's errors are thrown as the SDK throws them, for the caller to classify.
 */
export async function sendSms(message: SmsMessage): Promise<SentSms> {
  const env = getEnv();
  if (usesOutbox(env).sms) {
    const id = await insertOutboxMessage({ channel: 'sms', recipient: message.to, bodyText: message.body, idempotencyKey: message.idempotencyKey });
    return { sid: id, status: 'delivered', via: 'outbox' };
  }
  const created = await getTwilioClient().messages.create({
    to: message.to,
    body: message.body,
    ...(env.TWILIO_MESSAGING_SERVICE_SID ? { messagingServiceSid: env.TWILIO_MESSAGING_SERVICE_SID } : { from: env.TWILIO_FROM_NUMBER }),
    ...(message.statusCallback ? { statusCallback: message.statusCallback } : {}),
    ...(message.validityPeriodSeconds ? { validityPeriod: message.validityPeriodSeconds } : {}),
  });
  return { sid: created.sid, status: created.status, via: 'twilio' };
}
