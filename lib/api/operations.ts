import { z } from 'zod';
import type { ApiKeyScope } from '@/lib/api-key-scopes';
import type { ProblemCode } from '@/lib/api/problem';
import {
  answerBody,
  ecrProductList,
  merchant,
  merchantCreateBody,
  merchantList,
  order,
  orderCreateBody,
  orderList,
  orderBatch,
  orderBatchAccepted,
  orderBatchCreateBody,
  orderListQuery,
  subChannelList,
  terminalsCreateBody,
} from '@/lib/api/schemas';
import { MAX_BATCH_ROWS } from '@/lib/batches/limits';
import { bodyLimits } from '@/lib/http/body-limit';
import type { Permission } from '@/lib/permissions';

/*
 * Every operation of the partner API in one place: the route handlers take their access from
 * here (`apiRoute(operations.placeOrder, …)`), and the OpenAPI document (lib/api/openapi.ts) is
 * made from the same entries, so a route cannot change its access or schemas without the
 * document following. tests/unit/openapi.test.ts holds the route files and this list to each
 * other.
 */

export type ApiTag = 'Orders' | 'Batches' | 'Catalogue' | 'Sub-channels' | 'Merchants';

export interface ApiOperation {
  method: 'get' | 'post';
  /** Below /api/v1, with `{name}` for each path parameter. */
  path: string;
  tag: ApiTag;
  summary: string;
  description: string;
  permission: Permission;
  scope: ApiKeyScope;
  pathParams?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Needs an `Idempotency-Key` header. */
  idempotencyKey?: boolean;
  /** The successful answers; `headers` names the response headers of lib/api/openapi.ts that come with them. */
  success: { status: 200 | 201 | 202; description: string; schema: z.ZodType; headers?: ('Location' | 'Idempotent-Replayed')[] }[];
  /** The problems this operation may answer with, besides the ones every operation may (401, 403, 429). */
  problems: ProblemCode[];
}

const uuidPath = (name: string, description: string, example: string) =>
  z.object({ [name]: z.uuid().meta({ description, example }) });

const orderIdPath = uuidPath('orderId', 'The order\'s `id`', '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f');
const subChannelIdPath = uuidPath('subChannelId', 'The sub-channel\'s `id`', '2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d');
const batchIdPath = uuidPath('batchId', 'The batch\'s `id`', '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f');
const merchantIdPath = uuidPath('merchantId', 'The merchant\'s `id`', '7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a');

const maxRows = MAX_BATCH_ROWS.toLocaleString('en');

/** What a request with a JSON body may be refused for. */
const bodyProblems: ProblemCode[] = ['MALFORMED_JSON', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'INVALID_INPUT'];

export const operations = {
  listOrders: {
    method: 'get',
    path: '/orders',
    tag: 'Orders',
    summary: 'List orders',
    description: 'The organisation\'s orders, newest first, a page at a time. Pass `nextCursor` as `cursor` for the next page.',
    permission: 'orders:own',
    scope: 'read',
    query: orderListQuery,
    success: [{ status: 200, description: 'A page of orders', schema: orderList }],
    problems: ['INVALID_INPUT'],
  },
  placeOrder: {
    method: 'post',
    path: '/orders',
    tag: 'Orders',
    summary: 'Place an order',
    description:
      'Places an order, as the portal\'s order form does, and sends the same emails. Needs an `Idempotency-Key`: a retry with the same key and body answers `200` with the first order and `Idempotent-Replayed: true`; the same key with another body is a `409`.',
    permission: 'orders:own',
    scope: 'order',
    body: orderCreateBody,
    idempotencyKey: true,
    success: [
      { status: 201, description: 'The order was placed', schema: order, headers: ['Location'] },
      { status: 200, description: 'A retry of an order already placed with this Idempotency-Key: the first order', schema: order, headers: ['Location', 'Idempotent-Replayed'] },
    ],
    problems: [...bodyProblems, 'IDEMPOTENCY_KEY_REQUIRED', 'IDEMPOTENCY_KEY_REUSED', 'NOT_FOUND'],
  },
  getOrder: {
    method: 'get',
    path: '/orders/{orderId}',
    tag: 'Orders',
    summary: 'Read an order',
    description: 'One order of the organisation, with its timeline.',
    permission: 'orders:own',
    scope: 'read',
    pathParams: orderIdPath,
    success: [{ status: 200, description: 'The order', schema: order }],
    problems: ['NOT_FOUND'],
  },
  cancelOrder: {
    method: 'post',
    path: '/orders/{orderId}/cancel',
    tag: 'Orders',
    summary: 'Cancel an order',
    description: 'Cancels an order that support has not finished; a completed, rejected or cancelled order is a `409`.',
    permission: 'orders:own',
    scope: 'order',
    pathParams: orderIdPath,
    success: [{ status: 200, description: 'The cancelled order', schema: order }],
    problems: ['NOT_FOUND', 'CONFLICT'],
  },
  answerOrder: {
    method: 'post',
    path: '/orders/{orderId}/answer',
    tag: 'Orders',
    summary: 'Answer support\'s question',
    description: 'Answers the question support asked about the order (state `waiting_for_info`); the order returns to support\'s queue. An order nobody asked about is a `409`.',
    permission: 'orders:own',
    scope: 'order',
    pathParams: orderIdPath,
    body: answerBody,
    success: [{ status: 200, description: 'The order, back in the queue', schema: order }],
    problems: [...bodyProblems, 'NOT_FOUND', 'CONFLICT'],
  },
  placeOrderBatch: {
    method: 'post',
    path: '/order-batches',
    tag: 'Batches',
    summary: 'Place orders as a batch',
    description: [
      `Places up to ${maxRows} orders of one account type as one batch, as a file uploaded on the new-order page is: each row is checked with the order form's rules, and a row that orders what another row of the request orders, or what the organisation already has an open order for (the same business ID and type), is refused.`,
      '',
      '**All or nothing.** If any row has a problem, the answer is a `422` naming every problem of every row (`/rows/{index}/{field}`, the index counting from 0) with the order form\'s messages, and nothing is placed: fix the rows and send the batch again with the same `Idempotency-Key`. Otherwise the answer is `202 Accepted` with the batch and `Location`: its rows become ordinary orders in the background (the same timeline, deadline and emails, but one summary email for the batch), usually within seconds; follow it with `GET /order-batches/{batchId}` until `state` is `placed`. What the form would point out but accepts comes back under `warnings`.',
      '',
      `Needs an \`Idempotency-Key\`: a retry with the same key and body answers \`200\` with the batch and \`Idempotent-Replayed: true\`; the same key with another body is a \`409\`. The body may be up to ${bodyLimits.orderBatch / 1024 / 1024} MB.`,
    ].join('\n'),
    permission: 'orders:own',
    scope: 'order',
    body: orderBatchCreateBody,
    idempotencyKey: true,
    success: [
      { status: 202, description: 'The batch was accepted; its rows are becoming orders', schema: orderBatchAccepted, headers: ['Location'] },
      { status: 200, description: 'A retry of a batch already accepted with this Idempotency-Key: that batch as it is now', schema: orderBatchAccepted, headers: ['Location', 'Idempotent-Replayed'] },
    ],
    problems: [...bodyProblems, 'IDEMPOTENCY_KEY_REQUIRED', 'IDEMPOTENCY_KEY_REUSED'],
  },
  getOrderBatch: {
    method: 'get',
    path: '/order-batches/{batchId}',
    tag: 'Batches',
    summary: 'Read a batch',
    description: `A batch of the organisation, placed through the API or uploaded in the portal: whether every row is an order yet, how many of its orders are in each state, and each order's row, number, state and deadline (all of them; a batch has at most ${maxRows}).`,
    permission: 'orders:own',
    scope: 'read',
    pathParams: batchIdPath,
    success: [{ status: 200, description: 'The batch', schema: orderBatch }],
    problems: ['NOT_FOUND'],
  },
  listEcrProducts: {
    method: 'get',
    path: '/ecr-products',
    tag: 'Catalogue',
    summary: 'List ECR products',
    description: 'The ECR catalogue the order form offers: the supplier and ECR names that `sub_channel` and `merchant_rights` orders name.',
    permission: 'orders:own',
    scope: 'read',
    success: [{ status: 200, description: 'The active ECR products', schema: ecrProductList }],
    problems: [],
  },
  listSubChannels: {
    method: 'get',
    path: '/sub-channels',
    tag: 'Sub-channels',
    summary: 'List sub-channels',
    description: 'The sub-channels the organisation supplies or resells, with how many merchants it sees in each.',
    permission: 'orders:own',
    scope: 'read',
    success: [{ status: 200, description: 'The sub-channels', schema: subChannelList }],
    problems: [],
  },
  listMerchants: {
    method: 'get',
    path: '/sub-channels/{subChannelId}/merchants',
    tag: 'Merchants',
    summary: 'List a sub-channel\'s merchants',
    description: 'The merchants of a sub-channel the organisation sees: a reseller its own, a supplier its resellers\' too.',
    permission: 'orders:own',
    scope: 'read',
    pathParams: subChannelIdPath,
    success: [{ status: 200, description: 'The merchants', schema: merchantList }],
    problems: ['NOT_FOUND'],
  },
  addMerchant: {
    method: 'post',
    path: '/sub-channels/{subChannelId}/merchants',
    tag: 'Merchants',
    summary: 'Connect a merchant',
    description: 'Connects a merchant and its first Terminal IDs to a sub-channel, as the sub-channel page does.',
    permission: 'orders:own',
    scope: 'order',
    pathParams: subChannelIdPath,
    body: merchantCreateBody,
    success: [{ status: 201, description: 'The merchant was connected', schema: merchant }],
    problems: [...bodyProblems, 'NOT_FOUND'],
  },
  addTerminals: {
    method: 'post',
    path: '/merchants/{merchantId}/terminals',
    tag: 'Merchants',
    summary: 'Add Terminal IDs',
    description: 'Adds Terminal IDs to a merchant the organisation connected.',
    permission: 'orders:own',
    scope: 'order',
    pathParams: merchantIdPath,
    body: terminalsCreateBody,
    success: [{ status: 200, description: 'The merchant, with its Terminal IDs', schema: merchant }],
    problems: [...bodyProblems, 'NOT_FOUND', 'CONFLICT'],
  },
  deactivateMerchant: {
    method: 'post',
    path: '/merchants/{merchantId}/deactivate',
    tag: 'Merchants',
    summary: 'Deactivate a merchant',
    description: 'Disconnects a merchant the organisation connected; its Terminal IDs are released. A merchant already deactivated is a `409`.',
    permission: 'orders:own',
    scope: 'order',
    pathParams: merchantIdPath,
    success: [{ status: 200, description: 'The deactivated merchant', schema: merchant }],
    problems: ['NOT_FOUND', 'CONFLICT'],
  },
} satisfies Record<string, ApiOperation>;

export type OperationId = keyof typeof operations;
