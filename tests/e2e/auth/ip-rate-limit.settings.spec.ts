import { expect, requestSignInLink, test } from '../fixtures';

/**
 * Runs with the settings tests, after everything else: it spends this machine's whole per-IP
 * budget of sign-in requests (signInRateLimits.perIp, 30 in 15 minutes), which every other
 * sign-in test shares, as they all come from 127.0.0.1.
 */
test('[AUTH] a client that forges X-Forwarded-For is still counted by its own address', async ({ request }) => {
  test.setTimeout(60_000);
  const statuses: number[] = [];
  // Well past the limit even if a window ends half-way; every request claims another address.
  for (let attempt = 1; attempt <= 70 && statuses.at(-1) !== 429; attempt++) {
    const forged = { 'x-forwarded-for': `198.51.100.${attempt}` };
    statuses.push((await requestSignInLink(request, `nobody-${attempt}@ip-limit.example`, forged)).status());
  }
  expect(statuses.at(-1)).toBe(429);
});
