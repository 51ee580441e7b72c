import 'server-only';
import { hitRateLimitBucket } from '@/db/queries/rate-limits';

/** Each API key's requests are counted in fixed windows of a minute, shared by every instance. */
export const API_RATE_WINDOW_SECONDS = 60;

export interface ApiRateLimit {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window ends and the count starts again. */
  resetSeconds: number;
}

/** Counts one request of the key. */
export async function hitApiRateLimit(apiKeyId: string, perMinute: number): Promise<ApiRateLimit> {
  const count = await hitRateLimitBucket(`api:${apiKeyId}`, API_RATE_WINDOW_SECONDS);
  const resetSeconds = Math.max(1, API_RATE_WINDOW_SECONDS - (Math.floor(Date.now() / 1000) % API_RATE_WINDOW_SECONDS));
  return { allowed: count <= perMinute, limit: perMinute, remaining: Math.max(0, perMinute - count), resetSeconds };
}

/**
 * The limit as headers, as the IETF's RateLimit header fields draft (and GitHub's and Stripe's
 * clients) read them: the quota, what is left of it, and when it resets.
 */
export function rateLimitHeaders(limit: ApiRateLimit) {
  return new Headers({
    'RateLimit-Limit': String(limit.limit),
    'RateLimit-Remaining': String(limit.remaining),
    'RateLimit-Reset': String(limit.resetSeconds),
    'RateLimit-Policy': `${limit.limit};w=${API_RATE_WINDOW_SECONDS}`,
  });
}
