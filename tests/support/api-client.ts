import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { NextRequest } from 'next/server';
import { expect } from 'vitest';
import { db } from '@/db';
import { createApiKey } from '@/db/queries/api-keys';
import { getActorByUserId, type Actor } from '@/db/queries/users';
import type { ApiKeyScope } from '@/lib/api-keys';
import type { OrganisationKind } from '@/lib/organisation-kinds';
import { apiRequest, routeParams } from '@/tests/support/api-request';
import { catalogue } from '@/tests/support/catalogues';
import { factories } from '@/tests/support/factories';

/*
 * The partner API as an integrator meets it: a key of a partner organisation, requests to the
 * route handlers themselves (no server), and answers read as a client reads them.
 */

export const data = factories(db);
export const unique = () => randomUUID().slice(0, 8);
export const actorOf = async (userId: string): Promise<Actor> => (await getActorByUserId(userId))!;

/** A partner organisation with an admin, and an API key the admin made with `scopes`. */
export async function partnerWithKey({ kind = 'ecr_integrator', scopes = ['order'], name = 'Backend' }: { kind?: OrganisationKind; scopes?: ApiKeyScope[]; name?: string } = {}) {
  const { user, organisation } = await data.createPerson('partner_admin', kind);
  const admin = await actorOf(user.id);
  const { key, apiKey } = await createApiKey(admin, { organisationId: organisation.id, name, scopes });
  return { key, apiKey, admin, user, organisation };
}

/** Another key for an organisation that already has an admin. */
export async function anotherKey(admin: Actor, scopes: ApiKeyScope[], name = `Key ${unique()}`) {
  return createApiKey(admin, { organisationId: admin.organisationId, name, scopes });
}

type Handler<P> = (req: NextRequest, context: { params: Promise<P> }) => Promise<Response>;

export interface ApiAnswer {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a client reads JSON of any shape
  body: any;
  text: string;
}

/** Calls a route handler as a client would, and reads the whole answer. */
export async function call<P extends Record<string, string>>(
  handler: Handler<P>,
  path: string,
  options: Parameters<typeof apiRequest>[1] & { params?: P } = {},
): Promise<ApiAnswer> {
  const { params, ...request } = options;
  const response = await handler(apiRequest(path, request), routeParams((params ?? {}) as P));
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, body, text };
}

/** An RFC 9457 problem of the given status and kind (`type` ends in the kind's slug). */
export function expectProblem(answer: ApiAnswer, status: number, code?: string) {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.headers.get('content-type')).toBe('application/problem+json');
  expect(answer.body).toMatchObject({ status, title: expect.any(String), type: expect.any(String) });
  if (code) expect(answer.body.type).toBe(`/developers/api#problem-${code.toLowerCase().replaceAll('_', '-')}`);
  return answer.body as { type: string; title: string; status: number; detail?: string; errors?: { pointer: string; detail: string }[] };
}

/** The English text of a `validation` catalogue key ("merchants.terminalTaken|X" passes X as {detail}), as the form shows it. */
export function validationText(message: string) {
  const [key, detail] = message.split('|', 2) as [string, string | undefined];
  let node: unknown = catalogue('en').validation;
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  expect(typeof node, `validation.${key} is in the catalogue`).toBe('string');
  return (node as string).replace('{detail}', detail ?? '');
}

/** An order body for each account type, valid as it stands. */
export const orderBodies = {
  channel: { type: 'channel', recipientName: 'Api Person', recipientEmail: 'api@example.fi', recipientPhone: '+358401234567' },
  merchant: {
    type: 'merchant',
    recipientName: 'Maija Meikäläinen',
    recipientEmail: 'maija@kahvilakulma.example',
    recipientPhone: '+358401234567',
    merchantName: 'Kahvila Kulma Oy',
    merchantBusinessId: '2605261-8',
    merchantCountry: 'FI',
  },
  sub_channel: {
    type: 'sub_channel',
    recipientName: 'Sanna Supplier',
    recipientEmail: 'sanna@supplier.example',
    recipientPhone: '+358401234567',
    ecrSupplierName: 'Retail Systems Nordic Oy',
    ecrName: 'RSN Kassa',
  },
  merchant_rights: {
    type: 'merchant_rights',
    recipientName: 'Laura Koskinen',
    recipientEmail: 'laura@maksupiste.example',
    recipientPhone: '+358 40 123 4567',
    ecrSupplierName: 'Retail Systems Nordic Oy',
    ecrName: 'RSN Kassa',
    merchantName: 'Kahvila Aurinko',
    merchantBusinessId: '2605261-8',
    merchantCountry: 'FI',
    additionalInfo: 'RSN Kassa Cloud',
  },
} as const;

export const count = async (query: ReturnType<typeof sql>) => (await db.execute<{ n: number }>(query)).rows[0]!.n;
export const ordersOf = (organisationId: string) => count(sql`SELECT count(*)::int AS n FROM orders WHERE organisation_id = ${organisationId}`);
export const eventsOf = (orderId: string, kind?: string) =>
  count(sql`SELECT count(*)::int AS n FROM order_events WHERE order_id = ${orderId} ${kind ? sql`AND kind = ${kind}` : sql``}`);
/** "Order received" emails waiting in the job queue for an order (as tests/integration/orders.test.ts counts them). */
export const receivedEmailJobs = (orderId: string) =>
  count(sql`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'order-email' AND data->>'orderId' = ${orderId} AND data->>'kind' = 'received'`);
