import { describe, expect, it } from 'vitest';
import { signInRateLimits } from '@/lib/rate-limit';
import { SIGN_IN_WINDOW_SECONDS } from '@/tests/support/rate-limit-window';

describe('the browser tests’ sign-in window', () => {
  it('is the one the sign-in rules count in', () => {
    expect(SIGN_IN_WINDOW_SECONDS).toBe(signInRateLimits.perEmail.windowSeconds);
    expect(SIGN_IN_WINDOW_SECONDS).toBe(signInRateLimits.perIp.windowSeconds);
  });
});
