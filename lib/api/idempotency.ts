import { createHash } from 'node:crypto';
import { ApiProblem } from '@/lib/api/route';
import { idempotencyKeyHeader } from '@/lib/api/schemas';
import { uuidFromText } from '@/lib/uuid-from-text';

/**
 * The API's `Idempotency-Key` as the order's idempotency key: the portal's form sends a UUID of
 * its own, an API client any string, so the client's key becomes a UUID (version 8, made from
 * its SHA-256). Keys are per organisation, as the orders table's unique index says.
 */
export function idempotencyKeyOf(req: Request) {
  const header = req.headers.get('idempotency-key');
  if (header === null || !idempotencyKeyHeader.safeParse(header).success) throw new ApiProblem('IDEMPOTENCY_KEY_REQUIRED');
  return uuidFromText(`api-idempotency-key:${header}`);
}

/** A request's fingerprint: the same body in other whitespace or key order is the same request. */
export function requestHashOf(body: unknown) {
  return createHash('sha256').update(JSON.stringify(body)).digest('hex');
}
