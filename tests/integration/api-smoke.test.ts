import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { createApiKey } from '@/db/queries/api-keys';
import { getActorByUserId } from '@/db/queries/users';
import { GET as listOrders, POST as placeOrder } from '@/app/api/v1/orders/route';
import { GET as getOrder } from '@/app/api/v1/orders/[orderId]/route';
import { factories } from '@/tests/support/factories';
import { apiRequest, noParams, routeParams } from '@/tests/support/api-request';

const data = factories(db);

describe('partner API smoke', () => {
  it('places, lists and reads an order', async () => {
    const { user, organisation } = await data.createPerson('partner_admin', 'ecr_integrator');
    const admin = (await getActorByUserId(user.id))!;
    const { key } = await createApiKey(admin, { organisationId: organisation.id, name: 'Backend', scopes: ['order'] });
    const body = { type: 'channel', recipientName: 'Api Person', recipientEmail: 'api@example.fi', recipientPhone: '+358401234567' };
    const placed = await placeOrder(apiRequest('/api/v1/orders', { key, method: 'POST', body, headers: { 'idempotency-key': 'k1' } }), noParams);
    const created = await placed.json();
    expect(placed.status, JSON.stringify(created)).toBe(201);
    expect(created.timeline[0]).toMatchObject({ kind: 'submitted', actor: { type: 'api_key', name: 'Backend' } });
    const again = await placeOrder(apiRequest('/api/v1/orders', { key, method: 'POST', body, headers: { 'idempotency-key': 'k1' } }), noParams);
    expect(again.status).toBe(200);
    expect((await again.json()).id).toBe(created.id);
    const other = await placeOrder(apiRequest('/api/v1/orders', { key, method: 'POST', body: { ...body, recipientName: 'X' }, headers: { 'idempotency-key': 'k1' } }), noParams);
    expect(other.status).toBe(409);
    expect(other.headers.get('content-type')).toBe('application/problem+json');
    const bad = await placeOrder(apiRequest('/api/v1/orders', { key, method: 'POST', body: { ...body, recipientEmail: 'nope', extra: 1 }, headers: { 'idempotency-key': 'k2' } }), noParams);
    const problem = await bad.json();
    expect(bad.status).toBe(422);
    console.log(problem);
    const list = await listOrders(apiRequest('/api/v1/orders?limit=1', { key }), noParams);
    expect((await list.json()).data).toHaveLength(1);
    expect(list.headers.get('ratelimit-limit')).toBe('600');
    const one = await getOrder(apiRequest(`/api/v1/orders/${created.id}`, { key }), routeParams({ orderId: created.id }));
    expect((await one.json()).recipientPhone).toBe('+358 40 1234567');
  });
});
