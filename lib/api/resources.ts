import type { z } from 'zod';
import type { BatchOrderRow, BatchSummary } from '@/db/queries/batches';
import type { getOrderForActor, listOrdersForActor } from '@/db/queries/orders';
import type { getSubChannel, listSubChannels } from '@/db/queries/sub-channels';
import type { merchant, order, orderBatch, orderSummary, subChannel, timelineEvent } from '@/lib/api/schemas';
import { orderStates, type OrderState } from '@/lib/orders/model';

/*
 * What the API answers, made from what the query functions return: the shapes of
 * lib/api/schemas.ts, nothing more (never a password, a hash, or another organisation's data).
 */

type OrderListRow = Awaited<ReturnType<typeof listOrdersForActor>>['rows'][number];

export function orderSummaryResource(row: OrderListRow): z.input<typeof orderSummary> {
  return {
    id: row.id,
    number: row.number,
    type: row.type,
    state: row.state,
    recipientName: row.recipientName,
    recipientEmail: row.recipientEmail,
    merchantName: row.merchantName,
    submittedAt: row.submittedAt.toISOString(),
    dueAt: row.dueAt.toISOString(),
  };
}

type OrderDetail = NonNullable<Awaited<ReturnType<typeof getOrderForActor>>>;
const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

function timelineResource(event: OrderDetail['events'][number]): z.input<typeof timelineEvent> {
  const actor = event.actorName || event.actorEmail
    ? { type: 'user' as const, name: event.actorName ?? event.actorEmail }
    : event.actorApiKeyName
      ? { type: 'api_key' as const, name: event.actorApiKeyName }
      : { type: 'system' as const, name: null };
  const resource: z.input<typeof timelineEvent> = { id: event.id, kind: event.kind, at: event.at.toISOString(), actor };
  const question = text(event.data.question);
  const answer = text(event.data.answer);
  const reason = text(event.data.reason);
  const smsStatus = text(event.data.status);
  if (question !== undefined) resource.question = question;
  if (answer !== undefined) resource.answer = answer;
  if (reason !== undefined) resource.reason = reason;
  if (smsStatus !== undefined) resource.smsStatus = smsStatus;
  return resource;
}

export function orderResource(detail: OrderDetail): z.input<typeof order> {
  return {
    id: detail.id,
    number: detail.number,
    type: detail.type,
    state: detail.state,
    recipientName: detail.recipientName,
    recipientEmail: detail.recipientEmail,
    recipientPhone: detail.phone.display,
    recipientLocale: detail.recipientLocale,
    ecrSupplierName: detail.ecrSupplierName,
    ecrName: detail.ecrName,
    merchantName: detail.merchantName,
    merchantBusinessId: detail.merchantBusinessId,
    merchantCountry: detail.merchantCountry,
    terminalIds: detail.terminalIds,
    additionalInfo: detail.additionalInfo,
    submittedAt: detail.submittedAt.toISOString(),
    dueAt: detail.dueAt.toISOString(),
    completedAt: detail.completedAt?.toISOString() ?? null,
    deadline: { dueAt: detail.deadline.dueAt.toISOString(), status: detail.deadline.status },
    timeline: detail.events.map(timelineResource),
  };
}

type SubChannelRow = Awaited<ReturnType<typeof listSubChannels>>[number];
type SubChannelDetail = NonNullable<Awaited<ReturnType<typeof getSubChannel>>>;

/** A sub-channel as a partner's key sees it (support's keys do not exist). */
export function subChannelResource(row: SubChannelRow | SubChannelDetail, access: 'supplier' | 'reseller'): z.input<typeof subChannel> {
  return {
    id: row.id,
    number: row.number,
    organisationName: row.organisationName,
    ecrSupplierName: row.ecrSupplierName,
    ecrName: row.ecrName,
    access,
    ...('merchantCount' in row ? { merchantCount: row.merchantCount } : {}),
  };
}

export function merchantResource(row: SubChannelDetail['merchants'][number]): z.input<typeof merchant> {
  return {
    id: row.id,
    name: row.name,
    businessId: row.businessId,
    country: row.country,
    contactName: row.contactName,
    contactEmail: row.contactEmail,
    organisationName: row.organisationName,
    terminalIds: row.terminalIds,
    active: !row.deactivatedAt,
    canManage: row.canManage,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A batch, its orders' count in each state (every state, 0 when none), and its orders so far. */
export function orderBatchResource(batch: BatchSummary, counts: Partial<Record<OrderState, number>>, orders: BatchOrderRow[]): z.input<typeof orderBatch> {
  return {
    id: batch.id,
    number: batch.number,
    type: batch.type,
    state: batch.completedAt ? 'placed' : 'placing',
    rowCount: batch.rowCount,
    placedCount: batch.placed,
    submittedAt: batch.submittedAt.toISOString(),
    completedAt: batch.completedAt?.toISOString() ?? null,
    orderCounts: Object.fromEntries(orderStates.map((state) => [state, counts[state] ?? 0])) as Record<OrderState, number>,
    orders: orders.map((row) => ({ row: row.rowNumber, id: row.id, number: row.number, state: row.state, dueAt: row.dueAt.toISOString() })),
  };
}
