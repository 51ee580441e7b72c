import 'server-only';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { allowsPrivateWebhookTargets, unsafeGetDeliveryTargets, unsafeRecordWebhookAttempts, type AttemptOutcome, type DeliveryJob } from '@/db/queries/webhooks';
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
const agents = { http: new http.Agent({ keepAlive: true, maxSockets: 64 }), https: new https.Agent({ keepAlive: true, maxSockets: 64 }) };

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
 * Delivery attempts of events to endpoints (a worker's batch of `webhook-delivery` jobs), side by
 * side: one read of the events and endpoints, each body signed with its endpoint's secrets
 * (webhook-id: the event's id, the same on every attempt), each URL checked again (SSRF) and
 * POSTed, then one transaction logging every attempt. One outcome per job, in order: a failed
 * attempt is a rejection, so the queue retries that job with backoff. A job whose endpoint was
 * disabled or deleted meanwhile ends without an attempt.
 */
export async function deliverWebhooks(jobs: DeliveryJob[], { now = () => new Date() }: { now?: () => Date } = {}): Promise<PromiseSettledResult<void>[]> {
  const targets = await unsafeGetDeliveryTargets(jobs, now());
  const allowPrivate = allowsPrivateWebhookTargets();
  const checks = new Map<string, Promise<CheckedUrl>>();
  const attempt = async (target: NonNullable<(typeof targets)[number]>): Promise<AttemptOutcome> => {
    let check = checks.get(target.url);
    if (!check) checks.set(target.url, (check = checkWebhookUrl(target.url, { allowPrivate })));
    const checked = await check;
    if (!checked.ok) return { status: 'failed', error: `refused: ${checked.reason}` };
    return postWebhook(checked, signWebhook({ id: target.eventId, timestamp: now(), body: target.body, secrets: target.secrets }), target.body);
  };
  // One order's events to one endpoint go one after another, oldest first, so that a change and
  // its consequence (the SMS delivered, the order completed) arrive in that order; everything
  // else goes side by side, so a busy endpoint still gets many orders' events at once.
  const outcomes: (AttemptOutcome | undefined)[] = targets.map(() => undefined);
  const payloads = targets.map((target) => (target ? (JSON.parse(target.body) as { timestamp?: string; data?: { orderId?: string } }) : undefined));
  const inTurn = new Map<string, number[]>();
  targets.forEach((target, index) => {
    if (!target) return;
    const lane = `${target.endpointId}/${payloads[index]?.data?.orderId ?? target.eventId}`;
    inTurn.set(lane, [...(inTurn.get(lane) ?? []), index]);
  });
  const happenedAt = (index: number) => String(payloads[index]?.timestamp ?? '');
  await Promise.all(
    [...inTurn.values()].map(async (indices) => {
      for (const index of indices.sort((a, b) => happenedAt(a).localeCompare(happenedAt(b)))) outcomes[index] = await attempt(targets[index]!);
    }),
  );
  await unsafeRecordWebhookAttempts(
    jobs.flatMap((job, index) => {
      const outcome = outcomes[index];
      return outcome ? [{ ...job, outcome }] : [];
    }),
    now(),
  );
  return outcomes.map((outcome) =>
    !outcome || outcome.status === 'succeeded' ? { status: 'fulfilled', value: undefined } : { status: 'rejected', reason: new WebhookAttemptError(outcome.error ?? 'failed') },
  );
}

/** One delivery attempt (deliverWebhooks for one job): throws when it failed. */
export async function deliverWebhook(eventId: string, endpointId: string, options: { now?: () => Date } = {}) {
  const [outcome] = await deliverWebhooks([{ eventId, endpointId }], options);
  if (outcome?.status === 'rejected') throw outcome.reason;
}
