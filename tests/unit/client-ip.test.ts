import { describe, expect, it } from 'vitest';
import { clientIp } from '@/lib/rate-limit';

const headers = (forwardedFor?: string) => new Headers(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {});

describe('client IP for rate limits', () => {
  it.each([
    // The chain always ends with the socket's address, appended by lib/peer-address.ts.
    ['the socket address when nothing is in front', '203.0.113.9', 0, '203.0.113.9'],
    ['the socket address, never a forged entry, when nothing is in front', '1.1.1.1, 203.0.113.9', 0, '203.0.113.9'],
    ['the address one trusted proxy appended, not the forged one', '1.1.1.1, 198.51.100.7, 10.0.0.1', 1, '198.51.100.7'],
    ['the client before two trusted proxies', '1.1.1.1, 198.51.100.7, 10.0.0.2, 10.0.0.1', 2, '198.51.100.7'],
    ['the leftmost entry when fewer hops arrived than configured', '198.51.100.7, 10.0.0.1', 3, '198.51.100.7'],
  ])('takes %s', (_case, forwardedFor, hops, ip) => {
    expect(clientIp(headers(forwardedFor), hops)).toBe(ip);
  });

  it('falls back to a shared bucket without the header', () => {
    expect(clientIp(headers(), 0)).toBe('unknown');
  });
});
