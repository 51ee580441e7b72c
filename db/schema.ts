import { relations, sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  customType,
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { accountTypes, openStates, orderEventKinds, orderStates } from '@/lib/orders/model';
import { organisationKinds, type PartnerOrganisationKind } from '@/lib/organisation-kinds';
import { applicationStates } from '@/lib/partner-applications/model';
import { locales } from '@/lib/i18n/config';
import { roles } from '@/lib/permissions';
import { apiKeyScopes } from '@/lib/api-key-scopes';
import { smsStatuses } from '@/lib/sms/delivery-rules';
import { storedWebhookEventTypes } from '@/lib/webhooks/events';

const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
const updatedAt = () =>
  timestamp({ withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());

// ---------------------------------------------------------------------------------------------
// Organisations and who belongs to them
// ---------------------------------------------------------------------------------------------

export const organisationKind = pgEnum('organisation_kind', organisationKinds);
/** A person's language, and an order's for its SMS and recipient email. */
export const locale = pgEnum('locale', locales);

export const organisations = pgTable(
  'organisations',
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: organisationKind().notNull(),
    name: text().notNull(),
    businessId: text(),
    country: text().notNull().default('FI'),
    contactEmail: text(),
    deactivatedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index().on(table.kind)],
);
export type Organisation = typeof organisations.$inferSelect;
export type NewOrganisation = typeof organisations.$inferInsert;

export const role = pgEnum('role', roles);

// Note: a person belongs to exactly one organisation (unique user_id); the session resolves
// the caller's organisation from here and never from anything the browser sends.
export const memberships = pgTable(
  'memberships',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: text()
      .notNull()
      .unique()
      .references(() => users.id, { onDelete: 'cascade' }),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'restrict' }),
    role: role().notNull(),
    createdAt: createdAt(),
  },
  (table) => [index().on(table.organisationId)],
);
export type Membership = typeof memberships.$inferSelect;

/**
 * An invitation to join an organisation in a role. Only a hash of its token is stored; the
 * link works once (acceptedAt) and until expiresAt.
 */
export const invitations = pgTable(
  'invitations',
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    email: text().notNull(),
    role: role().notNull(),
    /** The invitation email's language, and the first choice offered on accepting it. */
    locale: locale().notNull().default('en'),
    tokenHash: text().notNull().unique(),
    invitedByUserId: text().references(() => users.id, { onDelete: 'set null' }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    acceptedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [index().on(table.organisationId), index().on(table.invitedByUserId)],
);
export type Invitation = typeof invitations.$inferSelect;

export const partnerApplicationState = pgEnum('partner_application_state', applicationStates);

/**
 * An application to become a partner, sent from the public /apply page. Support admins review it
 * in the applications inbox; approving it creates `organisationId` (and invites the applicant as
 * its first admin), declining it emails the applicant. Notes and every step are audit events
 * whose subject is the application.
 */
export const partnerApplications = pgTable(
  'partner_applications',
  {
    id: uuid().primaryKey().defaultRandom(),
    state: partnerApplicationState().notNull().default('new'),
    /** What the applicant is interested in: the kind of organisation approval creates by default. */
    interest: organisationKind().$type<PartnerOrganisationKind>().notNull(),
    companyName: text().notNull(),
    /** A Finnish Y-tunnus (normalised, 1234567-8) for Finland, a VAT number for other countries. */
    businessId: text().notNull(),
    country: text().notNull(),
    contactName: text().notNull(),
    email: text().notNull(),
    /** E.164. */
    phone: text().notNull(),
    message: text().notNull().default(''),
    /** The page's language when they applied: their emails are in it. */
    locale: locale().notNull(),
    submittedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp({ withTimezone: true }),
    decidedByUserId: text().references(() => users.id, { onDelete: 'set null' }),
    /** Sent to the applicant with the decline email, when support gave one. */
    declineReason: text(),
    /** The organisation approval created. */
    organisationId: uuid().references(() => organisations.id, { onDelete: 'restrict' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    // The inbox: open applications oldest first, and each state's list.
    index().on(table.state, table.submittedAt),
    index().on(table.businessId),
    index().on(table.decidedByUserId),
    index().on(table.organisationId),
    check('partner_applications_interest_not_poplapay', sql`${table.interest} <> 'poplapay'`),
    // A decision has a moment; only an approval has an organisation.
    check('partner_applications_decided', sql`(${table.state} in ('approved', 'declined')) = (${table.decidedAt} is not null)`),
    check('partner_applications_approved_organisation', sql`(${table.state} = 'approved') = (${table.organisationId} is not null)`),
  ],
);
export type PartnerApplication = typeof partnerApplications.$inferSelect;
export type NewPartnerApplication = typeof partnerApplications.$inferInsert;

// ---------------------------------------------------------------------------------------------
// next-auth tables (shape required by @auth/drizzle-adapter)
// ---------------------------------------------------------------------------------------------

export const users = pgTable('users', {
  id: text()
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID()),
  name: text(),
  email: text().notNull().unique(),
  emailVerified: timestamp({ withTimezone: true, mode: 'date' }),
  image: text(),
  /** Pages and emails to this person are in this language. */
  locale: locale().notNull().default('en'),
  createdAt: createdAt(),
});
export type User = typeof users.$inferSelect;

export const accounts = pgTable(
  'accounts',
  {
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: text().notNull(),
    provider: text().notNull(),
    providerAccountId: text().notNull(),
    refresh_token: text(),
    access_token: text(),
    expires_at: integer(),
    token_type: text(),
    scope: text(),
    id_token: text(),
    session_state: text(),
  },
  (table) => [primaryKey({ columns: [table.provider, table.providerAccountId] }), index().on(table.userId)],
);

export const sessions = pgTable(
  'sessions',
  {
    sessionToken: text().primaryKey(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expires: timestamp({ withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [index().on(table.userId)],
);

// Note: next-auth stores only a hash of the emailed token (sha256 of token + secret).
export const verificationTokens = pgTable(
  'verification_tokens',
  {
    identifier: text().notNull(),
    token: text().notNull(),
    expires: timestamp({ withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.identifier, table.token] })],
);

// ---------------------------------------------------------------------------------------------
// Orders
// ---------------------------------------------------------------------------------------------

export const accountType = pgEnum('account_type', accountTypes);
export const orderState = pgEnum('order_state', orderStates);
export const orderEventKind = pgEnum('order_event_kind', orderEventKinds);

/**
 * The ECR catalogue support keeps: which supplier's ECR, under which integration name. When the
 * supplier is an organisation in the portal, `supplierSeesMerchants` says which of the seed's
 * option 3 applies to its resellers: true is 3a (a sub-channel; the supplier sees the merchants
 * its resellers connect), false is 3b (merchant rights; the supplier never sees them).
 */
export const ecrProducts = pgTable(
  'ecr_products',
  {
    id: uuid().primaryKey().defaultRandom(),
    supplierName: text().notNull(),
    ecrName: text().notNull(),
    integrationName: text().notNull(),
    supplierOrganisationId: uuid().references(() => organisations.id, { onDelete: 'set null' }),
    // 3b until support says otherwise: nothing of a reseller's merchants leaks by default.
    supplierSeesMerchants: boolean().notNull().default(false),
    active: boolean().notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [uniqueIndex().on(table.supplierName, table.ecrName), index().on(table.supplierOrganisationId)],
);
export type EcrProduct = typeof ecrProducts.$inferSelect;

/** Which reseller organisations sell an ECR of the catalogue. */
export const ecrProductResellers = pgTable(
  'ecr_product_resellers',
  {
    ecrProductId: uuid()
      .notNull()
      .references(() => ecrProducts.id, { onDelete: 'cascade' }),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
  },
  (table) => [primaryKey({ columns: [table.ecrProductId, table.organisationId] }), index().on(table.organisationId)],
);

/** The predicate of the open-orders indexes: the queue's orders, a thousandth of all of them. */
const openOrdersOnly = sql.raw(`state in (${openStates.map((state) => `'${state}'`).join(', ')})`);

export const orders = pgTable(
  'orders',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** What people say: "order 1042". */
    number: bigserial({ mode: 'number' }).notNull().unique(),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'restrict' }),
    /** Who placed the order: a person in the portal, or (createdByApiKeyId) an API key. */
    createdByUserId: text().references(() => users.id, { onDelete: 'restrict' }),
    createdByApiKeyId: uuid().references((): AnyPgColumn => apiKeys.id, { onDelete: 'restrict' }),
    assigneeUserId: text().references(() => users.id, { onDelete: 'set null' }),
    type: accountType().notNull(),
    state: orderState().notNull().default('submitted'),
    recipientName: text().notNull(),
    recipientEmail: text().notNull(),
    /** E.164, a mobile number (the password goes there by SMS). */
    recipientPhone: text().notNull(),
    /** The language of the password SMS and the recipient's username email. */
    recipientLocale: locale().notNull().default('en'),
    ecrProductId: uuid().references(() => ecrProducts.id, { onDelete: 'set null' }),
    ecrSupplierName: text(),
    ecrName: text(),
    merchantName: text(),
    merchantBusinessId: text(),
    merchantCountry: text(),
    terminalIds: text().array().notNull().default(sql`'{}'::text[]`),
    additionalInfo: text(),
    submittedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Denormalised from the deadline clock (lib/orders/deadline.ts) so lists can sort by it. */
    dueAt: timestamp({ withTimezone: true }).notNull(),
    completedAt: timestamp({ withTimezone: true }),
    /** From the form: a double-click or a retried request finds the first order. */
    idempotencyKey: uuid().notNull(),
    /** For an order placed through the API: the SHA-256 of its request, so a reused Idempotency-Key with another body is refused. */
    requestHash: text(),
    /** The bulk order it came from, if any: support's queue filters by it. */
    batchId: uuid().references((): AnyPgColumn => orderBatches.id, { onDelete: 'restrict' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex().on(table.organisationId, table.idempotencyKey),
    // The partner list: newest first within an organisation, keyset-paginated.
    index('orders_org_submitted_idx').on(table.organisationId, table.submittedAt.desc(), table.id.desc()),
    index().on(table.state, table.dueAt),
    // The support queue: open orders by deadline. A thousandth of all orders, so a small index
    // the queue reads in order instead of merging every open state's range of (state, due_at).
    index('orders_open_due_idx')
      .on(table.dueAt, table.id)
      .where(openOrdersOnly),
    // The queue filtered by partner: a partner's open orders by deadline. Without it PostgreSQL
    // read all 30,000 orders of the biggest partner to find its 93 open ones (half a second).
    index('orders_open_org_due_idx').on(table.organisationId, table.dueAt, table.id).where(openOrdersOnly),
    index().on(table.createdByUserId),
    index().on(table.createdByApiKeyId),
    index().on(table.assigneeUserId),
    index().on(table.ecrProductId),
    index().on(table.batchId).where(sql`batch_id is not null`),
    check('orders_placed_by', sql`${table.createdByUserId} is not null or ${table.createdByApiKeyId} is not null`),
  ],
);
export type Order = typeof orders.$inferSelect;
export type NewOrder = typeof orders.$inferInsert;

/**
 * A bulk order: the rows of an uploaded file (or an API request) that passed the check, each to
 * become an ordinary order. Submitting writes the batch and its rows at once; a job turns rows into
 * orders in chunks, each chunk's orders and their rows' `order_id` in one transaction, so after a
 * crash the rows without an order are exactly the ones left to do.
 */
export const orderBatches = pgTable(
  'order_batches',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** What people say: "batch 12". */
    number: bigserial({ mode: 'number' }).notNull().unique(),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'restrict' }),
    createdByUserId: text().references(() => users.id, { onDelete: 'restrict' }),
    createdByApiKeyId: uuid().references((): AnyPgColumn => apiKeys.id, { onDelete: 'restrict' }),
    type: accountType().notNull(),
    /** The uploaded file's name; null for a batch sent through the API. */
    fileName: text(),
    /** Made once per preview (or from the API's Idempotency-Key): a second submit finds the first batch. */
    idempotencyKey: uuid().notNull(),
    requestHash: text(),
    rowCount: integer().notNull(),
    submittedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** When the last row became an order. */
    completedAt: timestamp({ withTimezone: true }),
  },
  (table) => [
    uniqueIndex().on(table.organisationId, table.idempotencyKey),
    index().on(table.organisationId, table.submittedAt.desc()),
    index().on(table.createdByUserId),
    index().on(table.createdByApiKeyId),
    check('order_batches_placed_by', sql`${table.createdByUserId} is not null or ${table.createdByApiKeyId} is not null`),
  ],
);
export type OrderBatch = typeof orderBatches.$inferSelect;

/** One row of a batch: its order once placed. `input` is cleared then, as the order holds it. */
export const orderBatchRows = pgTable(
  'order_batch_rows',
  {
    batchId: uuid()
      .notNull()
      .references(() => orderBatches.id, { onDelete: 'restrict' }),
    /** The row in the file (the header is row 1), or the index in the API request's rows from 1. */
    rowNumber: integer().notNull(),
    input: jsonb().$type<Record<string, unknown>>(),
    orderId: uuid()
      .unique()
      .references(() => orders.id, { onDelete: 'restrict' }),
  },
  (table) => [
    primaryKey({ columns: [table.batchId, table.rowNumber] }),
    check('order_batch_rows_input_or_order', sql`(${table.input} is null) <> (${table.orderId} is null)`),
  ],
);

/** The timeline: append-only, enforced by a trigger (see the migration). */
export const orderEvents = pgTable(
  'order_events',
  {
    id: uuid().primaryKey().defaultRandom(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: 'restrict' }),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'restrict' }),
    // clock_timestamp(), not now(): events written in one transaction keep the order they happened in.
    at: timestamp({ withTimezone: true })
      .notNull()
      .default(sql`clock_timestamp()`),
    actorUserId: text().references(() => users.id, { onDelete: 'set null' }),
    /** Set instead of actorUserId when an API key did it; both null is the system. */
    actorApiKeyId: uuid().references((): AnyPgColumn => apiKeys.id, { onDelete: 'set null' }),
    kind: orderEventKind().notNull(),
    /** What changed, in words a person reads: a question, an answer, a reason, edited fields. */
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  },
  (table) => [index().on(table.orderId, table.at), index().on(table.organisationId), index().on(table.actorUserId), index().on(table.actorApiKeyId)],
);
export type OrderEvent = typeof orderEvents.$inferSelect;

// ---------------------------------------------------------------------------------------------
// Sub-channels (3a): the merchants and terminals under a completed sub_channel order
// ---------------------------------------------------------------------------------------------

/**
 * A merchant connected through a sub-channel account (the completed `sub_channel` order), kept
 * by the organisation that added it: the ECR supplier or one of its linked resellers.
 */
export const merchants = pgTable(
  'merchants',
  {
    id: uuid().primaryKey().defaultRandom(),
    subChannelOrderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: 'restrict' }),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'restrict' }),
    name: text().notNull(),
    businessId: text().notNull(),
    country: text().notNull().default('FI'),
    contactName: text().notNull(),
    contactEmail: text().notNull(),
    contactPhone: text(),
    createdByUserId: text().references(() => users.id, { onDelete: 'set null' }),
    deactivatedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index().on(table.subChannelOrderId, table.organisationId), index().on(table.organisationId), index().on(table.createdByUserId)],
);
export type Merchant = typeof merchants.$inferSelect;

/** A Terminal ID connected under a merchant; unique among a sub-channel's active terminals. */
export const terminals = pgTable(
  'terminals',
  {
    id: uuid().primaryKey().defaultRandom(),
    merchantId: uuid()
      .notNull()
      .references(() => merchants.id, { onDelete: 'restrict' }),
    // Copied from the merchant so the database itself keeps Terminal IDs unique per sub-channel.
    subChannelOrderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: 'restrict' }),
    terminalId: text().notNull(),
    createdByUserId: text().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    /** Set when its merchant is deactivated: the ID is free for another merchant again. */
    removedAt: timestamp({ withTimezone: true }),
  },
  (table) => [
    uniqueIndex('terminals_active_per_sub_channel')
      .on(table.subChannelOrderId, table.terminalId)
      .where(sql`${table.removedAt} is null`),
    index().on(table.merchantId),
    index().on(table.createdByUserId),
  ],
);
export type Terminal = typeof terminals.$inferSelect;

// ---------------------------------------------------------------------------------------------
// API keys: an organisation's systems use the portal through them (the API acts as the organisation)
// ---------------------------------------------------------------------------------------------

export const apiKeyScope = pgEnum('api_key_scope', apiKeyScopes);

/**
 * A key an organisation's systems authenticate with. Only the SHA-256 of the key is stored
 * (lib/api-keys.ts); `prefix` is its first characters, shown so people can tell keys apart.
 * A revoked key stays, for the audit trail and the list, and authenticates nothing.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    /** 'order' always comes with 'read' (normaliseScopes). */
    scopes: apiKeyScope().array().notNull(),
    prefix: text().notNull(),
    keyHash: text().notNull().unique(),
    createdByUserId: text().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    /** Written at most once a minute (authenticateApiKey), so a busy key does not write on every request. */
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (table) => [index().on(table.organisationId), index().on(table.createdByUserId)],
);
export type ApiKey = typeof apiKeys.$inferSelect;

// ---------------------------------------------------------------------------------------------
// Outgoing webhooks (Standard Webhooks): endpoints, the event outbox, and every delivery attempt
// ---------------------------------------------------------------------------------------------

export const webhookEventType = pgEnum('webhook_event_type', storedWebhookEventTypes);
export const webhookDisabledReasons = ['manual', 'failing'] as const;
export type WebhookDisabledReason = (typeof webhookDisabledReasons)[number];
export const webhookDisabledReason = pgEnum('webhook_disabled_reason', webhookDisabledReasons);
export const webhookDeliveryStatuses = ['succeeded', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof webhookDeliveryStatuses)[number];
export const webhookDeliveryStatus = pgEnum('webhook_delivery_status', webhookDeliveryStatuses);

/**
 * A partner's HTTPS endpoint and the events it wants. Its signing secret (`whsec_…`) is kept
 * sealed with the credentials keyring (lib/webhooks/secrets.ts), because signing needs it back;
 * after a rotation the previous one keeps signing until `previousSecretUntil`.
 */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    url: text().notNull(),
    description: text().notNull().default(''),
    eventTypes: webhookEventType().array().notNull(),
    secretSealed: text().notNull(),
    previousSecretSealed: text(),
    previousSecretUntil: timestamp({ withTimezone: true }),
    createdByUserId: text().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    disabledAt: timestamp({ withTimezone: true }),
    disabledReason: webhookDisabledReason(),
    /** The first failed attempt since the last success; null while the endpoint answers. */
    failingSince: timestamp({ withTimezone: true }),
  },
  (table) => [index().on(table.organisationId), index().on(table.createdByUserId)],
);
export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;

/**
 * The outbox: an event, written in the transaction of the change it reports. Its id is the
 * `webhook-id` header, the same on every attempt, so receivers can drop duplicates.
 */
export const webhookEvents = pgTable(
  'webhook_events',
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    type: webhookEventType().notNull(),
    /** The exact body sent: { type, timestamp, data }. Never a secret (lib/webhooks/events.ts). */
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    /** The timeline row it reports, when it reports one. */
    orderEventId: uuid().references(() => orderEvents.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (table) => [index().on(table.organisationId, table.createdAt), index().on(table.orderEventId), index().on(table.createdAt)],
);
export type WebhookEvent = typeof webhookEvents.$inferSelect;

/** One attempt to deliver an event to an endpoint: the endpoint's delivery log. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid().primaryKey().defaultRandom(),
    eventId: uuid()
      .notNull()
      .references(() => webhookEvents.id, { onDelete: 'cascade' }),
    endpointId: uuid()
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    attempt: integer().notNull(),
    status: webhookDeliveryStatus().notNull(),
    responseCode: integer(),
    latencyMs: integer(),
    /** Why an attempt failed, in a few words (timeout, refused address, connection error); never the response body. */
    error: text(),
    at: timestamp({ withTimezone: true, precision: 3 })
      .notNull()
      .default(sql`clock_timestamp()`),
  },
  (table) => [
    uniqueIndex().on(table.eventId, table.endpointId, table.attempt),
    // The per-endpoint log, newest first.
    index('webhook_deliveries_endpoint_at_idx').on(table.endpointId, table.at.desc(), table.id.desc()),
  ],
);
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;

// ---------------------------------------------------------------------------------------------
// Audit trail of everything that is not an order (orders keep their own timeline)
// ---------------------------------------------------------------------------------------------

export const auditActions = [
  'organisation.created',
  'organisation.updated',
  'organisation.deactivated',
  'organisation.reactivated',
  'invitation.created',
  'invitation.accepted',
  'member.role_changed',
  'member.removed',
  'catalogue.created',
  'catalogue.updated',
  'settings.deadline_changed',
  'merchant.added',
  'merchant.deactivated',
  'terminal.added',
  'api_key.created',
  'api_key.revoked',
  'webhook.created',
  'webhook.updated',
  'webhook.deleted',
  'webhook.secret_rotated',
  'application.received',
  'application.in_review',
  'application.note_added',
  'application.approved',
  'application.declined',
] as const;
export type AuditAction = (typeof auditActions)[number];
export const auditAction = pgEnum('audit_action', auditActions);

/** Who changed what, when: append-only like the order timeline (enforced by a trigger). */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: uuid().primaryKey().defaultRandom(),
    // Milliseconds, like a JavaScript Date: the (at, id) page cursor must round-trip exactly.
    at: timestamp({ withTimezone: true, precision: 3 })
      .notNull()
      .default(sql`clock_timestamp()`),
    actorUserId: text().references(() => users.id, { onDelete: 'set null' }),
    /** Set instead of actorUserId when an API key did it. */
    actorApiKeyId: uuid().references((): AnyPgColumn => apiKeys.id, { onDelete: 'set null' }),
    /** The organisation whose data changed, when there is one. */
    organisationId: uuid().references(() => organisations.id, { onDelete: 'restrict' }),
    action: auditAction().notNull(),
    /** The id of what changed (an organisation, a membership's user, a catalogue entry, a merchant). */
    subjectId: text(),
    /** What changed, in words a person reads: names, roles, before and after. Never a secret. */
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  },
  (table) => [index().on(table.at), index().on(table.organisationId, table.at), index().on(table.actorUserId), index().on(table.actorApiKeyId)],
);
export type AuditEvent = typeof auditEvents.$inferSelect;

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * The account support created. The initial password is kept only sealed (AES-256-GCM, see
 * lib/credentials/encryption.ts), only until the SMS is delivered or the retention limit
 * passes; then the sealed columns are set to null and erasedAt records when.
 */
export const credentials = pgTable('credentials', {
  orderId: uuid()
    .primaryKey()
    .references(() => orders.id, { onDelete: 'restrict' }),
  username: text().notNull(),
  passwordKeyId: text(),
  passwordIv: bytea(),
  passwordCiphertext: bytea(),
  passwordTag: bytea(),
  createdByUserId: text().references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
  erasedAt: timestamp({ withTimezone: true }),
}, (table) => [
  // The retention sweep every two minutes: only passwords not yet erased, a handful at any time.
  index('credentials_unerased_created_idx').on(table.createdAt).where(sql`erased_at is null`),
]);

export const smsStatus = pgEnum('sms_status', smsStatuses);

/**
 * One attempt to text an order's password. Its id is the opaque delivery id in Twilio's
 * status callback URL; `reference` is a short non-secret code in the SMS text that lets the
 * sender find its own message at Twilio after an ambiguous failure.
 */
export const smsDeliveries = pgTable(
  'sms_deliveries',
  {
    id: uuid().primaryKey().defaultRandom(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: 'restrict' }),
    attempt: integer().notNull(),
    toPhone: text().notNull(),
    reference: text().notNull(),
    status: smsStatus().notNull().default('pending'),
    twilioSid: text().unique(),
    errorCode: text(),
    /** Set when the portal could not tell whether Twilio took a message: support should look. */
    flag: text(),
    submittedAt: timestamp({ withTimezone: true }),
    /** When the message body (with the password) was cleared at Twilio; outbox copies are cleared on delivery. */
    redactedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex().on(table.orderId, table.attempt),
    index().on(table.status, table.updatedAt),
    // The redaction sweep's work list: small, as redacted rows leave it.
    index('sms_deliveries_unredacted_idx').on(table.updatedAt).where(sql`${table.status} = 'delivered' AND ${table.redactedAt} IS NULL`),
  ],
);
export type SmsDelivery = typeof smsDeliveries.$inferSelect;

/** One row: the next free send slot, shared by every worker to hold the messages-per-second limit. */
export const smsThrottle = pgTable('sms_throttle', {
  id: integer().primaryKey(),
  nextSlotAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Settings support admins change at run time, such as the fulfilment deadline. */
export const settings = pgTable('settings', {
  key: text().primaryKey(),
  value: jsonb().notNull(),
  updatedAt: updatedAt(),
});

// ---------------------------------------------------------------------------------------------
// Infrastructure
// ---------------------------------------------------------------------------------------------

export const outboxChannels = ['email', 'sms'] as const;
export type OutboxChannel = (typeof outboxChannels)[number];
export const outboxChannel = pgEnum('outbox_channel', outboxChannels);

/** Development outbox: where email and SMS go when Resend or Twilio is not configured. */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: uuid().primaryKey().defaultRandom(),
    channel: outboxChannel().notNull(),
    recipient: text().notNull(),
    subject: text(),
    bodyText: text().notNull(),
    bodyHtml: text(),
    /** Like Resend's: a retried send with the same key adds nothing. */
    idempotencyKey: text().unique(),
    createdAt: createdAt(),
  },
  (table) => [index().on(table.createdAt), index().on(table.recipient)],
);
export type OutboxMessage = typeof outboxMessages.$inferSelect;

/** Fixed-window counters shared by every app instance (sign-in requests per address and per IP). */
export const rateLimitBuckets = pgTable(
  'rate_limit_buckets',
  {
    key: text().notNull(),
    windowStart: timestamp({ withTimezone: true }).notNull(),
    count: integer().notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.key, table.windowStart] })],
);

// ---------------------------------------------------------------------------------------------
// Relations
// ---------------------------------------------------------------------------------------------

export const organisationsRelations = relations(organisations, ({ many }) => ({
  memberships: many(memberships),
  orders: many(orders),
}));

export const ordersRelations = relations(orders, ({ one, many }) => ({
  organisation: one(organisations, { fields: [orders.organisationId], references: [organisations.id] }),
  createdBy: one(users, { fields: [orders.createdByUserId], references: [users.id] }),
  events: many(orderEvents),
}));

export const orderEventsRelations = relations(orderEvents, ({ one }) => ({
  order: one(orders, { fields: [orderEvents.orderId], references: [orders.id] }),
  actor: one(users, { fields: [orderEvents.actorUserId], references: [users.id] }),
}));

export const usersRelations = relations(users, ({ one }) => ({
  membership: one(memberships, { fields: [users.id], references: [memberships.userId] }),
}));

export const membershipsRelations = relations(memberships, ({ one }) => ({
  user: one(users, { fields: [memberships.userId], references: [users.id] }),
  organisation: one(organisations, { fields: [memberships.organisationId], references: [organisations.id] }),
}));
