import { listen } from './http';

export interface ReceivedWebhook {
  path: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * A partner's webhook receiver on loopback: records every request, and answers with the next
 * status of `respondWith` (then 200), or what `setStatus` says. `delayMs` holds each answer back.
 */
export async function startWebhookReceiver(options: { respondWith?: number[]; delayMs?: number } = {}) {
  const received: ReceivedWebhook[] = [];
  const queue = [...(options.respondWith ?? [])];
  let status = 200;
  const server = await listen(async (req, body, res) => {
    received.push({
      path: req.url ?? '/',
      headers: Object.fromEntries(Object.entries(req.headers).map(([key, value]) => [key, Array.isArray(value) ? value.join(', ') : (value ?? '')])),
      body,
    });
    if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
    res.writeHead(queue.shift() ?? status, { 'content-type': 'text/plain' });
    res.end('ok');
  });
  return {
    url: `${server.url}/hooks/cloudpos`,
    received,
    setStatus: (next: number) => void (status = next),
    respondWith: (...statuses: number[]) => void queue.push(...statuses),
    close: server.close,
  };
}
