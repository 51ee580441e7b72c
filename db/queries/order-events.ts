import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { activeEndpointsOf, recordWebhookEvents, subscribedAmong, type OutboxEvent } from '@/db/queries/webhooks';
import { orderEvents, orders } from '@/db/schema';
import { orderEventPayload, webhookTypeForOrderEvent } from '@/lib/webhooks/events';

export type NewOrderEventRow = typeof orderEvents.$inferInsert;

/**
 * The one write of the order timeline. Inserts the rows into `order_events` and, in the same
 * transaction, the webhook event each reportable row maps to (lib/webhooks/events.ts), with a
 * delivery job for every active endpoint of the order's organisation subscribed to that type.
 * So what a webhook reports is exactly what the timeline shows, and neither exists without the
 * other: a rolled-back change leaves no event and sends nothing.
 *
 * Call it with the transaction of the change; with `db` itself each statement commits alone.
 */
export async function appendOrderEvents(tx: DbOrTx, rows: NewOrderEventRow[]) {
  if (!rows.length) return [];
  // Who listens comes back with the rows: a read of its own was one more statement on every write.
  const insertedWithEndpoints = await tx
    .insert(orderEvents)
    .values(rows)
    .returning({
      id: orderEvents.id,
      orderId: orderEvents.orderId,
      organisationId: orderEvents.organisationId,
      kind: orderEvents.kind,
      data: orderEvents.data,
      at: orderEvents.at,
      endpoints: activeEndpointsOf(orderEvents.organisationId),
    });
  const inserted = insertedWithEndpoints.map(({ endpoints: _endpoints, ...row }) => row);
  const reportable = inserted.flatMap((row) => {
    const type = webhookTypeForOrderEvent(row.kind, row.data);
    return type ? [{ row, type, organisationId: row.organisationId }] : [];
  });
  if (!reportable.length) return inserted;
  const endpoints = [...new Map(insertedWithEndpoints.flatMap((row) => row.endpoints).map((endpoint) => [endpoint.id, endpoint])).values()];
  const subscribed = subscribedAmong(reportable, endpoints);
  if (!subscribed.length) return inserted;
  // The order as the change left it (this transaction's writes are visible here).
  const current = await tx
    .select({ id: orders.id, number: orders.number, state: orders.state, type: orders.type, dueAt: orders.dueAt })
    .from(orders)
    .where(inArray(orders.id, [...new Set(subscribed.map(({ event }) => event.row.orderId))]));
  const byId = new Map(current.map((order) => [order.id, order]));
  const events = subscribed.flatMap(({ event, endpointIds }) => {
    const order = byId.get(event.row.orderId);
    if (!order) return [];
    const outbox: OutboxEvent = {
      organisationId: event.organisationId,
      orderEventId: event.row.id,
      body: orderEventPayload(event.type, order, event.row.data, event.row.at) as OutboxEvent['body'],
    };
    return [{ event: outbox, endpointIds }];
  });
  await recordWebhookEvents(tx, events.map(({ event }) => event), events);
  return inserted;
}
