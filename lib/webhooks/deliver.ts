import 'server-only';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { allowsPrivateWebhookTargets, unsafeGetDeliveryTarget, unsafeRecordWebhookAttempt, type AttemptOutcome } from '@/db/queries/webhooks';
import { checkWebhookUrl, type CheckedUrl } from './address';
import { WEBHOOK_TIMEOUT_MS } from './events';
import { signWebhook } from './secrets';

/** A failed attempt: the job fails with it, and pg-boss retries with backoff. */
export class WebhookAttemptError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookAttemptError';
  }
}

// Kept-alive connections: a busy endpoint gets its events over a few sockets, not one handshake each.
const agents = { http: new http.Agent({ keepAlive: true, maxSockets: 32 }), https: new https.Agent({ keepAlive: true, maxSockets: 32 }) };

/**
 * POSTs `body` to the checked URL, connecting to the checked address (not to whatever the name
 * resolves to now), with the hostname kept for TLS (SNI and certificate) and the Host header.
 * Never follows a redirect: a 3xx is a failed attempt like any other non-2xx.
 */
export function postWebhook(target: Extract<CheckedUrl, { ok: true }>, headers: Record<string, string>, body: string, timeoutMs = WEBHOOK_TIMEOUT_MS) {
  const { url, address } = target;
  const secure = url.protocol === 'https:';
  const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const started = performance.now();
  return new Promise<AttemptOutcome>((resolve) => {
    const request = (secure ? https : http).request({
      host: address,
      port: url.port || (secure ? 443 : 80),
      path: `${url.pathname}${url.search}`,
      method: 'POST',
      agent: secure ? agents.https : agents.http,
      ...(secure && !isIP(hostname) ? { servername: hostname } : {}),
      headers: {
        ...headers,
        host: url.host,
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
        'user-agent': 'CloudPOS-Account-Orders-Webhooks/1',
      },
    });
    const latency = () => Math.round(performance.now() - started);
    // One deadline for connecting, sending and the answer's headers together.
    const timer = setTimeout(() => request.destroy(new Error('timeout')), timeoutMs);
    request.on('response', (response) => {
      clearTimeout(timer);
      const status = response.statusCode ?? 0;
      // The answer's body is not read into anything: drained, so the connection can be reused.
      response.resume();
      const ok = status >= 200 && status < 300;
      resolve({ status: ok ? 'succeeded' : 'failed', responseCode: status, latencyMs: latency(), ...(ok ? {} : { error: `HTTP ${status}` }) });
    });
    request.on('error', (error) => {
      clearTimeout(timer);
      const code = (error as NodeJS.ErrnoException).code;
      resolve({ status: 'failed', latencyMs: latency(), error: error.message === 'timeout' ? 'timeout' : `connection error${code ? ` (${code})` : ''}` });
    });
    request.end(body);
  });
}

/**
 * One delivery attempt of an event to an endpoint (the `webhook-delivery` job). Signs the stored
 * body with the endpoint's secrets (webhook-id: the event's id, the same on every attempt),
 * checks the URL again (SSRF), POSTs, and logs the attempt. Throws on failure so the queue retries.
 * An endpoint disabled or deleted meanwhile ends the job without an attempt.
 */
export async function deliverWebhook(eventId: string, endpointId: string, { now = () => new Date() }: { now?: () => Date } = {}) {
  const target = await unsafeGetDeliveryTarget(eventId, endpointId, now());
  if (!target) return;
  const checked = await checkWebhookUrl(target.url, { allowPrivate: allowsPrivateWebhookTargets() });
  const outcome: AttemptOutcome = checked.ok
    ? await postWebhook(checked, signWebhook({ id: target.eventId, timestamp: now(), body: target.body, secrets: target.secrets }), target.body)
    : { status: 'failed', error: `refused: ${checked.reason}` };
  await unsafeRecordWebhookAttempt(eventId, endpointId, outcome, now());
  if (outcome.status !== 'succeeded') throw new WebhookAttemptError(outcome.error ?? 'failed');
}
