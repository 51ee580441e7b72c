import { z } from 'zod';
import { locales } from '@/lib/i18n/config';
import { accountTypes, orderEventKinds, orderStates } from '@/lib/orders/model';
import { problemCodes } from '@/lib/api/problem';
import { MAX_BATCH_ROWS } from '@/lib/batches/limits';
import { oneLine } from '@/lib/validations/form-fields';
import { orderFieldsSchema, orderListStates } from '@/lib/validations/order';
import { addMerchantSchema } from '@/lib/validations/merchants';

/*
 * The partner API's requests and responses. Requests are built from the very schemas the
 * portal's forms use (lib/validations), so the API accepts and refuses exactly what the forms
 * do; the OpenAPI document (lib/api/openapi.ts) is generated from these.
 */

/** Unknown fields are refused (each named by fieldErrorsOf), as Stripe does, so a misspelt field is never silently dropped. */
const refuseUnknown = { error: (issue: { code?: string }) => (issue.code === 'unrecognized_keys' ? 'unknownField' : undefined) };

const timestamp = z.iso.datetime({ offset: true }).meta({ description: 'ISO 8601, UTC', example: '2026-12-04T09:30:00.000Z' });

// ---------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------

/** POST /orders: the order form's fields, with Terminal IDs as a list instead of lines of text. */
export const orderCreateBody = z
  .strictObject(
    {
      ...orderFieldsSchema.omit({ idempotencyKey: true }).shape,
      terminalIds: z.array(z.string().max(32, 'terminalIdInvalid')).max(200, 'tooLong').default([]).meta({ description: 'Terminal IDs, when known', example: ['TID-1001'] }),
    },
    refuseUnknown,
  )
  .meta({
    id: 'OrderCreate',
    description:
      'An order, as in the portal\'s order form. Which fields are required depends on `type` (the same rules as the form): `merchant` needs the merchant, `sub_channel` the ECR, `merchant_rights` both and `additionalInfo`.',
    example: {
      type: 'merchant',
      recipientName: 'Maija Meikäläinen',
      recipientEmail: 'maija@kahvilakulma.fi',
      recipientPhone: '+358401234567',
      recipientLocale: 'fi',
      merchantName: 'Kahvila Kulma Oy',
      merchantBusinessId: '1234567-1',
      merchantCountry: 'FI',
    },
  });

/** A row of POST /order-batches: an order as POST /orders takes it, without `type`, which the batch gives all its rows. */
export const orderBatchRow = orderCreateBody.omit({ type: true }).meta({
  id: 'OrderBatchRow',
  description: 'One order of the batch: the fields of `OrderCreate` without `type`. Which fields are required depends on the batch\'s `type`, as in the order form.',
});

const batchRows = <T extends z.ZodType>(row: T) =>
  z
    .array(row)
    .min(1, 'batch.rowsRequired')
    .max(MAX_BATCH_ROWS, `batch.tooManyRows|${MAX_BATCH_ROWS.toLocaleString('en')}`)
    .meta({ description: `1 to ${MAX_BATCH_ROWS.toLocaleString('en')} orders. Problems name a row by its index from 0 (\`/rows/0/recipientPhone\`); the batch's orders by its \`row\`, counting from 1.` });

/** POST /order-batches: one account type and its orders. */
export const orderBatchCreateBody = z
  .strictObject({ type: orderFieldsSchema.shape.type, rows: batchRows(orderBatchRow) }, refuseUnknown)
  .meta({
    id: 'OrderBatchCreate',
    description: 'Orders of one account type, placed together as one batch, as a file uploaded on the new-order page is.',
    example: {
      type: 'merchant',
      rows: [
        { recipientName: 'Maija Meikäläinen', recipientEmail: 'maija@kahvilakulma.fi', recipientPhone: '+358401234567', merchantName: 'Kahvila Kulma Oy', merchantBusinessId: '1234567-1' },
        { recipientName: 'Matti Virtanen', recipientEmail: 'matti@leipomovirtanen.fi', recipientPhone: '+358501234567', recipientLocale: 'sv', merchantName: 'Leipomo Virtanen Oy', merchantBusinessId: '2605261-8', terminalIds: ['TID-2001'] },
      ],
    },
  });

/**
 * The same body with its rows not yet read: the handler reads each row on its own
 * (orderBatchRow), so one refused row does not hide what the other rows would be told.
 */
export const orderBatchEnvelope = orderBatchCreateBody.extend({ rows: batchRows(z.unknown()) });

export const idempotencyKeyHeader = z
  .string()
  .regex(/^[\x21-\x7e]{1,255}$/)
  .meta({ description: 'Any unique string of 1 to 255 visible ASCII characters, such as a UUID: a retried request with the same key and body returns what the first one made.', example: '0b6f1f5e-5c1a-4d8e-9f3e-2a7c1d9e4b10' });

export const orderListQuery = z
  .object({
    state: z.enum(orderListStates).optional().meta({ description: '`open` is every state not yet final' }),
    type: z.enum(accountTypes).optional(),
    // One line without control characters, as the UI's search: PostgreSQL refuses a NUL byte (a 500 otherwise).
    q: oneLine().max(100, 'tooLong').optional().meta({ description: 'Recipient name or email, merchant name, or order number' }),
    limit: z.coerce.number().int().min(1).max(100).default(25),
    cursor: z.string().max(200, 'cursorInvalid').optional().meta({ description: 'The `nextCursor` of the previous page' }),
  })
  .strict();

export const answerBody = z.strictObject({ answer: z.string() }, refuseUnknown).meta({ id: 'Answer', example: { answer: 'The merchant\'s correct number is +358 40 765 4321.' } });

const { subChannelOrderId: _subChannel, terminalIds: _terminalText, ...merchantFields } = addMerchantSchema.in.shape;
export const merchantCreateBody = z
  .strictObject({ ...merchantFields, terminalIds: z.array(z.string().max(32, 'terminalIdInvalid')).max(50, 'merchants.tooManyTerminals').default([]) }, refuseUnknown)
  .meta({ id: 'MerchantCreate', example: { name: 'Kahvila Kulma Oy', businessId: '1234567-1', country: 'FI', contactName: 'Maija Meikäläinen', contactEmail: 'maija@kahvilakulma.fi', terminalIds: ['TID-1001'] } });

export const terminalsCreateBody = z
  .strictObject({ terminalIds: z.array(z.string().max(32, 'terminalIdInvalid')).max(50, 'merchants.tooManyTerminals') }, refuseUnknown)
  .meta({ id: 'TerminalsCreate', example: { terminalIds: ['TID-1002', 'TID-1003'] } });

// ---------------------------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------------------------

const orderFields = {
  id: z.uuid(),
  number: z.number().int().meta({ description: 'What people say: "order 1042"' }),
  type: z.enum(accountTypes),
  state: z.enum(orderStates),
  recipientName: z.string(),
  recipientEmail: z.string(),
  submittedAt: timestamp,
  dueAt: timestamp.meta({ description: 'When the one-week deadline falls (paused while support waits for an answer)' }),
};

export const orderSummary = z.object({ ...orderFields, merchantName: z.string().nullable() }).meta({ id: 'OrderSummary' });

export const orderList = z
  .object({ data: z.array(orderSummary), nextCursor: z.string().nullable().meta({ description: 'Pass as `cursor` for the next page; null on the last page' }) })
  .meta({ id: 'OrderList' });

export const timelineEvent = z
  .object({
    id: z.uuid(),
    kind: z.enum(orderEventKinds),
    at: timestamp,
    actor: z.object({ type: z.enum(['user', 'api_key', 'system']), name: z.string().nullable() }),
    question: z.string().optional(),
    answer: z.string().optional(),
    reason: z.string().optional(),
    smsStatus: z.string().optional(),
  })
  .meta({ id: 'TimelineEvent', description: 'One step of the order, as its timeline in the portal shows it' });

export const order = z
  .object({
    ...orderFields,
    recipientPhone: z.string().meta({ description: 'In full while the order is open; masked once it is completed, rejected or cancelled' }),
    recipientLocale: z.enum(locales),
    ecrSupplierName: z.string().nullable(),
    ecrName: z.string().nullable(),
    merchantName: z.string().nullable(),
    merchantBusinessId: z.string().nullable(),
    merchantCountry: z.string().nullable(),
    terminalIds: z.array(z.string()),
    additionalInfo: z.string().nullable(),
    completedAt: timestamp.nullable(),
    deadline: z.object({
      dueAt: timestamp,
      status: z.enum(['on_track', 'at_risk', 'overdue', 'paused', 'met', 'missed', 'stopped']),
    }),
    timeline: z.array(timelineEvent),
  })
  .meta({ id: 'Order' });

export const ecrProductList = z
  .object({ data: z.array(z.object({ supplierName: z.string(), ecrName: z.string(), integrationName: z.string().nullable() }).meta({ id: 'EcrProduct' })) })
  .meta({ id: 'EcrProductList' });

export const merchant = z
  .object({
    id: z.uuid(),
    name: z.string(),
    businessId: z.string(),
    country: z.string(),
    contactName: z.string(),
    contactEmail: z.string(),
    organisationName: z.string().meta({ description: 'Who connected the merchant: the supplier or one of its resellers' }),
    terminalIds: z.array(z.string()),
    active: z.boolean(),
    canManage: z.boolean().meta({ description: 'Whether this key\'s organisation may add terminals to it or deactivate it' }),
    createdAt: timestamp,
  })
  .meta({ id: 'Merchant' });

export const subChannel = z
  .object({
    id: z.uuid().meta({ description: 'The completed `sub_channel` order\'s id' }),
    number: z.number().int(),
    organisationName: z.string().meta({ description: 'The ECR supplier that ordered it' }),
    ecrSupplierName: z.string().nullable(),
    ecrName: z.string().nullable(),
    access: z.enum(['supplier', 'reseller']),
    merchantCount: z.number().int().optional(),
  })
  .meta({ id: 'SubChannel' });

export const subChannelList = z.object({ data: z.array(subChannel) }).meta({ id: 'SubChannelList' });
export const merchantList = z.object({ data: z.array(merchant) }).meta({ id: 'MerchantList' });

/** A field's problem: where it is, and the message the order form gives for it. */
const fieldProblem = z.object({ pointer: z.string().meta({ description: 'JSON Pointer to the field' }), detail: z.string() });

export const orderBatchOrder = z
  .object({
    row: z.number().int().min(1).meta({ description: 'The row that became this order: `rows[row - 1]` of the request (for a batch uploaded as a file, the row of the file, the header being row 1)' }),
    id: z.uuid(),
    number: z.number().int(),
    state: z.enum(orderStates),
    dueAt: timestamp,
  })
  .meta({ id: 'OrderBatchOrder' });

export const orderBatch = z
  .object({
    id: z.uuid(),
    number: z.number().int().meta({ description: 'What people say: "batch 12"' }),
    type: z.enum(accountTypes),
    state: z.enum(['placing', 'placed']).meta({ description: '`placing` while its rows become orders (in the background, seconds for a full batch); `placed` once every row is an order' }),
    rowCount: z.number().int(),
    placedCount: z.number().int().meta({ description: 'Rows that are orders so far' }),
    submittedAt: timestamp,
    completedAt: timestamp.nullable().meta({ description: 'When the last row became an order' }),
    orderCounts: z.object(Object.fromEntries(orderStates.map((state) => [state, z.number().int().min(0)])) as Record<(typeof orderStates)[number], z.ZodNumber>).meta({
      description: 'How many of its orders are in each state',
    }),
    orders: z.array(orderBatchOrder).meta({ description: 'Its orders so far, in row order; all of them in one answer, as a batch has at most 1,000 rows. Read one with `GET /orders/{orderId}`.' }),
  })
  .meta({ id: 'OrderBatch' });

export const orderBatchAccepted = orderBatch
  .extend({
    warnings: z.array(fieldProblem).meta({ description: 'What the order form would point out but accepts, per row (an ECR not in the catalogue is taken as a new one)' }),
  })
  .meta({ id: 'OrderBatchAccepted' });

export const problem = z
  .object({
    type: z.string().meta({ description: 'A link to this kind of problem in the API reference' }),
    title: z.string(),
    status: z.number().int().min(400).max(599),
    detail: z.string().optional(),
    errors: z.array(fieldProblem).optional(),
  })
  .meta({ id: 'Problem', description: `RFC 9457 problem details. Kinds: ${problemCodes.join(', ')}` });
