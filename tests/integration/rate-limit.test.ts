import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { withinRateLimit } from '@/lib/rate-limit';

describe('rate limits shared through PostgreSQL', () => {
  it('allows up to the limit in a window and refuses the next', async () => {
    const key = `test:${randomUUID()}`;
    const rule = { limit: 3, windowSeconds: 3600 };
    const results = [];
    for (let attempt = 0; attempt < 5; attempt++) results.push(await withinRateLimit(key, rule));
    expect(results).toEqual([true, true, true, false, false]);
  });

  it('counts each key on its own', async () => {
    const rule = { limit: 1, windowSeconds: 3600 };
    expect(await withinRateLimit(`test:${randomUUID()}`, rule)).toBe(true);
    expect(await withinRateLimit(`test:${randomUUID()}`, rule)).toBe(true);
  });

  it('counts concurrent attempts exactly', async () => {
    const key = `test:${randomUUID()}`;
    const results = await Promise.all(Array.from({ length: 8 }, () => withinRateLimit(key, { limit: 5, windowSeconds: 3600 })));
    expect(results.filter(Boolean)).toHaveLength(5);
  });
});
