import { randomUUID } from 'node:crypto';
import { listen, sendJson } from './http';

export interface ResendEmail {
  id: string;
  apiKey: string;
  idempotencyKey?: string;
  from: string;
  to: string[];
  subject: string;
  html?: string;
  text?: string;
}

/**
 * A local stand-in for Resend's emails API, enough for the real `resend` SDK. `failNext`
 * makes the next call answer with a Resend-style validation error.
 */
export async function startResendDouble() {
  const emails: ResendEmail[] = [];
  let failNext = false;
  const server = await listen((req, body, res) => {
    if (req.method !== 'POST' || req.url !== '/emails') return sendJson(res, 404, { name: 'not_found', message: 'Not found', statusCode: 404 });
    if (failNext) {
      failNext = false;
      return sendJson(res, 422, { name: 'validation_error', message: 'Invalid `to` field.', statusCode: 422 });
    }
    const payload = JSON.parse(body) as Omit<ResendEmail, 'id' | 'apiKey' | 'to'> & { to: string | string[] };
    const email: ResendEmail = {
      ...payload,
      to: Array.isArray(payload.to) ? payload.to : [payload.to],
      id: randomUUID(),
      apiKey: (req.headers.authorization ?? '').replace(/^Bearer /, ''),
      idempotencyKey: req.headers['idempotency-key'] as string | undefined,
    };
    emails.push(email);
    sendJson(res, 200, { id: email.id });
  });
  return {
    ...server,
    emails,
    failNextRequest: () => {
      failNext = true;
    },
  };
}
