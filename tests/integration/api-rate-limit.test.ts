import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it, vi } from 'vitest';

// getEnv() reads the environment once per test file, at the first import that needs it: the
// small limit must be in place before any app module loads (vi.hoisted runs before the imports).
const previous = vi.hoisted(() => {
  const value = process.env.API_RATE_LIMIT_PER_MINUTE;
  process.env.API_RATE_LIMIT_PER_MINUTE = '3';
  return value;
});
afterAll(() => {
  if (previous === undefined) delete process.env.API_RATE_LIMIT_PER_MINUTE;
  else process.env.API_RATE_LIMIT_PER_MINUTE = previous;
});

import { GET as listOrders, POST as placeOrder } from '@/app/api/v1/orders/route';
import { anotherKey, call, expectProblem, orderBodies, ordersOf, partnerWithKey } from '@/tests/support/api-client';
import { inOneWindow } from '@/tests/support/rate-limit-window';

/** The limit counts in fixed minutes: a whole test must fit in one, or a new minute resets the count. */
const freshWindow = () => inOneWindow(60, 8);

describe('the per-key rate limit', () => {
  it('shows the quota on every answer, then refuses with 429, Retry-After and RateLimit-Remaining 0', async () => {
    const { key, admin, organisation } = await partnerWithKey();
    await freshWindow();
    for (const remaining of [2, 1, 0]) {
      const answer = await call(listOrders, '/api/v1/orders', { key });
      expect(answer.status, answer.text).toBe(200);
      expect(answer.headers.get('ratelimit-limit')).toBe('3');
      expect(answer.headers.get('ratelimit-remaining')).toBe(String(remaining));
      expect(answer.headers.get('ratelimit-policy')).toBe('3;w=60');
      const reset = Number(answer.headers.get('ratelimit-reset'));
      expect(reset).toBeGreaterThanOrEqual(1);
      expect(reset).toBeLessThanOrEqual(60);
      expect(answer.headers.get('retry-after')).toBeNull();
    }

    for (const refused of [
      await call(listOrders, '/api/v1/orders', { key }),
      await call(placeOrder, '/api/v1/orders', { key, method: 'POST', body: orderBodies.channel, headers: { 'idempotency-key': randomUUID() } }),
    ]) {
      expectProblem(refused, 429, 'RATE_LIMITED');
      expect(refused.headers.get('ratelimit-remaining')).toBe('0');
      expect(refused.headers.get('ratelimit-limit')).toBe('3');
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(refused.headers.get('retry-after')).toBe(refused.headers.get('ratelimit-reset'));
    }
    // The refused order was not placed.
    expect(await ordersOf(organisation.id)).toBe(0);

    // Each key counts on its own.
    const other = await anotherKey(admin, ['read']);
    const fresh = await call(listOrders, '/api/v1/orders', { key: other.key });
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('ratelimit-remaining')).toBe('2');
  });

  it('counts refused requests too: a 403 or 422 uses the quota', async () => {
    const { admin } = await partnerWithKey();
    const reader = await anotherKey(admin, ['read']);
    await freshWindow();
    const forbidden = await call(placeOrder, '/api/v1/orders', { key: reader.key, method: 'POST', body: orderBodies.channel, headers: { 'idempotency-key': randomUUID() } });
    expectProblem(forbidden, 403, 'FORBIDDEN');
    expect(forbidden.headers.get('ratelimit-remaining')).toBe('2');
    const invalid = await call(listOrders, '/api/v1/orders?limit=0', { key: reader.key });
    expectProblem(invalid, 422, 'INVALID_INPUT');
    expect(invalid.headers.get('ratelimit-remaining')).toBe('1');
  });
});
