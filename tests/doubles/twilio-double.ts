import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
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
  status: string;
  dateCreated: string;
  /** True once the body was cleared through the API (as the portal does after delivery). */
  redacted: boolean;
}

/**
 * What the double does with the next create call for a number: fail with a Twilio error
 * (`status` and `code`), or accept the message and then answer 500 (Twilio took it, the answer
 * was lost: the ambiguous case). `refuse-redaction` instead fails the next clearing of a body
 * of a message to that number (with `status` and `code`, 500 by default). Each behaviour is used
 * `times` times.
 */
export interface Behaviour {
  to: string;
  kind: 'error' | 'accept-then-500' | 'refuse-redaction';
  status?: number;
  code?: number;
  times?: number;
}

const resource = (message: TwilioMessage) => ({
  sid: message.sid,
  account_sid: message.accountSid,
  to: message.to,
  from: message.from ?? null,
  messaging_service_sid: message.messagingServiceSid ?? null,
  body: message.body,
  status: message.status,
  direction: 'outbound-api',
  num_segments: '1',
  api_version: '2010-04-01',
  date_created: message.dateCreated,
  date_sent: message.dateCreated,
  error_code: null,
  uri: `/2010-04-01/Accounts/${message.accountSid}/Messages/${message.sid}.json`,
});

const twilioError = (res: ServerResponse, status: number, code: number) =>
  sendJson(res, status, { code, message: `Twilio error ${code}`, more_info: `https://www.twilio.com/docs/errors/${code}`, status });

/**
 * A local stand-in for Twilio's Messages API (2010-04-01), enough for the real `twilio` SDK:
 * create, list (To, DateSent>), fetch and update (redaction). `latencyMs` delays every answer.
 * `/__messages` lists what it received; `/__behaviours` scripts failures (for a separate process).
 */
export async function startTwilioDouble(options: { port?: number; latencyMs?: number } = {}) {
  const messages: TwilioMessage[] = [];
  const behaviours: Behaviour[] = [];
  const latencyMs = options.latencyMs ?? 0;
  const nextBehaviour = (to: string, kinds: Behaviour['kind'][]) =>
    behaviours.find((candidate) => candidate.to === to && kinds.includes(candidate.kind) && (candidate.times ?? 1) > 0);

  const server = await listen(async (req, body, res) => {
    if (latencyMs) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    const url = new URL(req.url ?? '/', 'http://double');

    if (url.pathname === '/__messages') return sendJson(res, 200, messages);
    if (url.pathname === '/__behaviours' && req.method === 'POST') {
      behaviours.push(JSON.parse(body) as Behaviour);
      return sendJson(res, 201, { ok: true });
    }
    if (url.pathname === '/__reset' && req.method === 'POST') {
      messages.length = 0;
      behaviours.length = 0;
      return sendJson(res, 200, { ok: true });
    }

    const list = url.pathname.match(/^\/2010-04-01\/Accounts\/(AC\w+)\/Messages\.json$/);
    const one = url.pathname.match(/^\/2010-04-01\/Accounts\/(AC\w+)\/Messages\/(SM\w+)\.json$/);
    if (list && req.method === 'POST') {
      const form = new URLSearchParams(body);
      const to = form.get('To') ?? '';
      const behaviour = nextBehaviour(to, ['error', 'accept-then-500']);
      if (behaviour) behaviour.times = (behaviour.times ?? 1) - 1;
      if (behaviour?.kind === 'error') return twilioError(res, behaviour.status ?? 400, behaviour.code ?? 21211);
      const message: TwilioMessage = {
        sid: `SM${randomBytes(16).toString('hex')}`,
        accountSid: list[1]!,
        authUser: Buffer.from((req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString().split(':')[0] ?? '',
        to,
        from: form.get('From') ?? undefined,
        messagingServiceSid: form.get('MessagingServiceSid') ?? undefined,
        body: form.get('Body') ?? '',
        statusCallback: form.get('StatusCallback') ?? undefined,
        validityPeriod: form.get('ValidityPeriod') ?? undefined,
        status: 'queued',
        dateCreated: new Date().toUTCString(),
        redacted: false,
      };
      messages.push(message);
      if (behaviour?.kind === 'accept-then-500') return twilioError(res, 500, 20500);
      return sendJson(res, 201, resource(message));
    }
    if (list && req.method === 'GET') {
      const to = url.searchParams.get('To');
      const after = url.searchParams.get('DateSent>');
      const found = messages.filter(
        (message) => (!to || message.to === to) && (!after || new Date(message.dateCreated).getTime() >= new Date(after).getTime() - 1000),
      );
      return sendJson(res, 200, {
        messages: found.map(resource),
        first_page_uri: url.pathname,
        next_page_uri: null,
        previous_page_uri: null,
        page: 0,
        page_size: 50,
        uri: url.pathname,
      });
    }
    if (one) {
      const message = messages.find((candidate) => candidate.sid === one[2]);
      if (!message) return twilioError(res, 404, 20404);
      if (req.method === 'POST') {
        const form = new URLSearchParams(body);
        if (form.has('Body')) {
          const refusal = form.get('Body') === '' ? nextBehaviour(message.to, ['refuse-redaction']) : undefined;
          if (refusal) {
            refusal.times = (refusal.times ?? 1) - 1;
            return twilioError(res, refusal.status ?? 500, refusal.code ?? 20500);
          }
          message.body = form.get('Body') ?? '';
          message.redacted = message.body === '';
        }
        if (form.has('Status')) message.status = form.get('Status')!;
      }
      return sendJson(res, 200, resource(message));
    }
    return twilioError(res, 404, 20404);
  }, options.port);
  return { ...server, messages, behaviours };
}
