import { randomBytes } from 'node:crypto';
import { listen, sendJson } from './http';

export interface TwilioMessage {
  sid: string;
  accountSid: string;
  /** The Basic-auth user the SDK sent. */
  authUser: string;
  to: string;
  from?: string;
  messagingServiceSid?: string;
  body: string;
  statusCallback?: string;
  validityPeriod?: string;
}

/**
 * A local stand-in for Twilio's Messages API (2010-04-01), enough for the real `twilio` SDK:
 * it records what it is sent and answers as Twilio does.
 */
export async function startTwilioDouble() {
  const messages: TwilioMessage[] = [];
  const server = await listen((req, body, res) => {
    const match = req.url?.match(/^\/2010-04-01\/Accounts\/(AC\w+)\/Messages\.json/);
    if (!match || req.method !== 'POST') return sendJson(res, 404, { code: 20404, message: 'The requested resource was not found', status: 404 });
    const authUser = Buffer.from((req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString().split(':')[0] ?? '';
    const form = new URLSearchParams(body);
    const message: TwilioMessage = {
      sid: `SM${randomBytes(16).toString('hex')}`,
      accountSid: match[1]!,
      authUser,
      to: form.get('To') ?? '',
      from: form.get('From') ?? undefined,
      messagingServiceSid: form.get('MessagingServiceSid') ?? undefined,
      body: form.get('Body') ?? '',
      statusCallback: form.get('StatusCallback') ?? undefined,
      validityPeriod: form.get('ValidityPeriod') ?? undefined,
    };
    messages.push(message);
    sendJson(res, 201, {
      sid: message.sid,
      account_sid: message.accountSid,
      to: message.to,
      from: message.from ?? null,
      messaging_service_sid: message.messagingServiceSid ?? null,
      body: message.body,
      status: 'queued',
      direction: 'outbound-api',
      num_segments: '1',
      api_version: '2010-04-01',
      date_created: new Date().toUTCString(),
      uri: `/2010-04-01/Accounts/${message.accountSid}/Messages/${message.sid}.json`,
    });
  });
  return { ...server, messages };
}
