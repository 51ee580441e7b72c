import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { guardIncomingRequests } from '@/lib/http/incoming';
import { clientIp } from '@/lib/rate-limit';

guardIncomingRequests({ https: true });
let seen: IncomingHttpHeaders = {};
let handled = 0;
const server = createServer((req, res) => {
  seen = req.headers;
  handled++;
  res.end();
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
afterAll(() => new Promise((resolve) => server.close(resolve)));

const send = (headers: Record<string, string | number>, options: { path?: string; method?: string } = {}) =>
  new Promise<{ status: number; headers: IncomingHttpHeaders }>((resolve, reject) => {
    const { port } = server.address() as AddressInfo;
    const req = request({ host: '127.0.0.1', port, headers, ...options }, (res) => {
      res.resume().on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on('error', reject);
    // A body declared but only begun: an answer can only come before it is read.
    if (headers['content-length']) req.write(Buffer.alloc(1024));
    else req.end();
  });

describe("the socket's address at the end of X-Forwarded-For", () => {
  it('is appended to whatever the client claimed', async () => {
    await send({ 'x-forwarded-for': '203.0.113.66' });
    expect(seen['x-forwarded-for']).toBe('203.0.113.66, 127.0.0.1');
  });

  it('is the whole chain when the client sent none', async () => {
    await send({});
    expect(seen['x-forwarded-for']).toBe('127.0.0.1');
  });

  it('is the rate limit key with no trusted proxy, whatever the client claims', async () => {
    const keys = new Set<string>();
    for (const claimed of ['10.0.0.1', '10.0.0.2', '10.0.0.3, 10.0.0.4']) {
      await send({ 'x-forwarded-for': claimed });
      keys.add(clientIp(new Headers({ 'x-forwarded-for': String(seen['x-forwarded-for']) }), 0));
    }
    expect([...keys]).toEqual(['127.0.0.1']);
  });

  it('is appended once, however often start-up runs', async () => {
    guardIncomingRequests({ https: true });
    await send({ 'x-forwarded-for': '203.0.113.66' });
    expect(seen['x-forwarded-for']).toBe('203.0.113.66, 127.0.0.1');
  });
});

describe('every response, before the app sees the request', () => {
  it('carries the security headers, and a data-only policy outside pages', async () => {
    const api = await send({}, { path: '/api/health' });
    expect(api.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'strict-transport-security': expect.stringContaining('max-age='),
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    });
    // Pages get their policy, with a nonce, from proxy.ts.
    expect((await send({}, { path: '/orders' })).headers['content-security-policy']).toBeUndefined();
  });

  it("refuses a body declared over its route's limit at once, without handing it on", async () => {
    const before = handled;
    const answer = await send({ 'content-length': 100 * 1024 * 1024 }, { path: '/api/webhooks/twilio/status/x', method: 'POST' });
    expect(answer.status).toBe(413);
    expect(handled).toBe(before);
  });

  it('hands a 2 MB bulk-order file on to its route handler, and refuses the same elsewhere in the API', async () => {
    const twoMegabytes = 2 * 1024 * 1024;
    const before = handled;
    expect((await send({ 'content-length': twoMegabytes }, { path: '/api/orders/batches/check', method: 'POST' })).status).toBe(200);
    expect(handled).toBe(before + 1);
    expect((await send({ 'content-length': twoMegabytes }, { path: '/api/organisations', method: 'POST' })).status).toBe(413);
    expect((await send({ 'content-length': 3 * twoMegabytes }, { path: '/api/orders/batches/submit', method: 'POST' })).status).toBe(413);
  });
});
