import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { appendPeerAddressToForwardedFor } from '@/lib/peer-address';
import { clientIp } from '@/lib/rate-limit';

appendPeerAddressToForwardedFor();
let seen: IncomingHttpHeaders = {};
const server = createServer((req, res) => {
  seen = req.headers;
  res.end();
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
afterAll(() => new Promise((resolve) => server.close(resolve)));

const send = (headers: Record<string, string>) =>
  new Promise<void>((resolve, reject) => {
    const { port } = server.address() as AddressInfo;
    request({ host: '127.0.0.1', port, headers }, (res) => res.resume().on('end', resolve)).on('error', reject).end();
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
    appendPeerAddressToForwardedFor();
    await send({ 'x-forwarded-for': '203.0.113.66' });
    expect(seen['x-forwarded-for']).toBe('203.0.113.66, 127.0.0.1');
  });
});
