import { signInRateLimits } from '@/lib/rate-limit';
import { expect, requestSignInLink, test } from '../fixtures';

/**
 * Runs with the settings tests, after everything else: it spends this machine's whole per-IP
 * budget of sign-in requests, which every other sign-in test shares (they all come from 127.0.0.1).
 */
test('[AUTH] a client that forges X-Forwarded-For is still counted by its own address', async ({ request }) => {
  test.setTimeout(60_000);
  // The limit's windows are fixed: start well inside one, so that all requests fall in it.
  const windowMs = signInRateLimits.perIp.windowSeconds * 1000;
  const leftInWindow = windowMs - (Date.now() % windowMs);
  if (leftInWindow < 20_000) await new Promise((resolve) => setTimeout(resolve, leftInWindow + 500));

  const statuses: number[] = [];
  for (let attempt = 0; attempt <= signInRateLimits.perIp.limit; attempt++) {
    const forged = { 'x-forwarded-for': `198.51.100.${attempt + 1}` };
    statuses.push((await requestSignInLink(request, `nobody-${attempt}@ip-limit.example`, forged)).status());
  }
  expect(statuses.at(-1)).toBe(429);
});
