import 'server-only';
import { createHash } from 'node:crypto';
import { hitRateLimitBucket } from '@/db/queries/rate-limits';

export interface RateLimit {
  limit: number;
  windowSeconds: number;
}

/** Sign-in links: a few per address, more per IP (an office shares one). */
export const signInRateLimits = {
  perEmail: { limit: 5, windowSeconds: 15 * 60 },
  perIp: { limit: 30, windowSeconds: 15 * 60 },
} satisfies Record<string, RateLimit>;

/**
 * Partner applications from the public /apply page: a company applies once, perhaps again after
 * a typo; an office behind one address may send a few.
 */
export const applicationRateLimits = {
  perEmail: { limit: 3, windowSeconds: 60 * 60 },
  perIp: { limit: 10, windowSeconds: 60 * 60 },
} satisfies Record<string, RateLimit>;

/**
 * "Send test event" and "Send again", per endpoint: each one is a POST to a partner's server, and
 * a held-down button should not become a flood.
 */
export const webhookManualSendRateLimit: RateLimit = { limit: 20, windowSeconds: 60 };

/** No rule counts further back than this, so older buckets can go (lib/housekeeping.ts). */
export const LONGEST_RATE_LIMIT_WINDOW_SECONDS = Math.max(
  ...[...Object.values(signInRateLimits), ...Object.values(applicationRateLimits), webhookManualSendRateLimit].map((rule) => rule.windowSeconds),
);

/** Counts one attempt; true while the key is within its limit. */
export async function withinRateLimit(key: string, rule: RateLimit) {
  return (await hitRateLimitBucket(key, rule.windowSeconds)) <= rule.limit;
}

/** Keys carry a hash, not the address itself. */
export const rateLimitKey = (scope: string, value: string) =>
  `${scope}:${createHash('sha256').update(value).digest('hex').slice(0, 32)}`;

/**
 * The caller's IP address from `X-Forwarded-For`.
 *
 * Note: each trusted proxy appends the address it saw, and this process appends the socket's
 * (lib/peer-address.ts), so the chain always ends with the peer. The client is the entry
 * `trustedProxyHops` before that: the peer itself when nothing is in front. Entries further left
 * are whatever the client claimed, and are never used.
 */
export function clientIp(headers: Headers, trustedProxyHops: number) {
  const entries = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  return entries[entries.length - 1 - trustedProxyHops] ?? entries[0] ?? 'unknown';
}
