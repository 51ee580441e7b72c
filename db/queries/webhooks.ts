import { and, desc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { db, type DbOrTx } from '@/db';
import { recordAudit } from '@/db/queries/audit';
import type { Actor } from '@/db/queries/users';
import { memberships, organisations, users, webhookDeliveries, webhookEndpoints, webhookEvents, type WebhookDeliveryStatus } from '@/db/schema';
import { executorOf, inTransaction } from '@/db/transaction';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { enqueueJob, enqueueJobs } from '@/lib/jobs/boss';
import { mayConfigureWebhooks, mayOverseeWebhooks } from '@/lib/permissions';
import { rateLimitKey, webhookManualSendRateLimit, withinRateLimit } from '@/lib/rate-limit';
import { checkWebhookUrl, type UrlRefusal } from '@/lib/webhooks/address';
import {
  testEventPayload,
  WEBHOOK_DISABLE_AFTER_MS,
  WEBHOOK_MAX_ENDPOINTS,
  WEBHOOK_PREVIOUS_SECRET_MS,
  type WebhookBody,
  type WebhookEventType,
} from '@/lib/webhooks/events';
import { generateWebhookSecret, openWebhookSecret, sealWebhookSecret } from '@/lib/webhooks/secrets';

// ---------------------------------------------------------------------------------------------
// The outbox: events written in the transaction of the change they report
// ---------------------------------------------------------------------------------------------

export interface OutboxEvent {
  organisationId: string;
  body: WebhookBody & { type: WebhookEventType };
  orderEventId?: string;
}

/** An active endpoint and the events it has chosen. */
export interface ActiveEndpoint {
  id: string;
  organisationId: string;
  eventTypes: (typeof webhookEndpoints.$inferSelect)['eventTypes'];
}

/** An endpoint that is sent to: the one rule for who listens and whose deliveries still go out. */
const endpointIsActive = isNull(webhookEndpoints.disabledAt);

/** The active endpoints of these organisations, with the events each has chosen. */
async function activeEndpoints(tx: DbOrTx, organisationIds: string[]): Promise<ActiveEndpoint[]> {
  if (!organisationIds.length) return [];
  return tx
    .select({ id: webhookEndpoints.id, organisationId: webhookEndpoints.organisationId, eventTypes: webhookEndpoints.eventTypes })
    .from(webhookEndpoints)
    .where(and(inArray(webhookEndpoints.organisationId, [...new Set(organisationIds)]), endpointIsActive));
}

/**
 * The active endpoints of the organisation in `organisationId` (a column of the caller's row) as
 * a JSON array: for a write's RETURNING, so that it learns who listens without a statement of
 * its own. The same rule as {@link activeEndpoints}: {@link endpointIsActive}.
 */
export const activeEndpointsOf = (organisationId: SQL | AnyPgColumn) => sql<ActiveEndpoint[]>`(
  select coalesce(json_agg(json_build_object('id', ${webhookEndpoints.id}, 'organisationId', ${webhookEndpoints.organisationId}, 'eventTypes', ${webhookEndpoints.eventTypes})), '[]'::json)
  from ${webhookEndpoints} where ${webhookEndpoints.organisationId} = ${organisationId} and ${endpointIsActive})`;

/** Which of `events` the endpoints listen to: each with the endpoints subscribed to its type, none left without. */
export function subscribedAmong<E extends { organisationId: string; type: WebhookEventType }>(events: E[], endpoints: ActiveEndpoint[]) {
  return events
    .map((event) => ({
      event,
      endpointIds: endpoints.filter((endpoint) => endpoint.organisationId === event.organisationId && endpoint.eventTypes.includes(event.type)).map((endpoint) => endpoint.id),
    }))
    .filter((entry) => entry.endpointIds.length > 0);
}

/**
 * Which of `events` anyone listens to: the organisations' active endpoints subscribed to each
 * event's type. One indexed read; what an organisation without endpoints pays on every write.
 */
export async function subscribersOf<E extends { organisationId: string; type: WebhookEventType }>(tx: DbOrTx, events: E[]) {
  return subscribedAmong(events, await activeEndpoints(tx, events.map((event) => event.organisationId)));
}

/**
 * Writes webhook events and queues one delivery job per (event, subscribed endpoint), in the
 * caller's transaction: a change that rolls back sends nothing, one that commits is sent at
 * least once. Only events someone listens to are stored (an organisation without endpoints
 * writes nothing here). Returns the events written with their endpoints.
 */
export async function recordWebhookEvents(tx: DbOrTx, events: OutboxEvent[], subscribed?: { event: OutboxEvent; endpointIds: string[] }[]) {
  const targets = subscribed ?? (await subscribersOf(tx, events.map((event) => ({ ...event, type: event.body.type })))).map(({ event, endpointIds }) => ({ event: event as OutboxEvent, endpointIds }));
  if (!targets.length) return [];
  const rows = await tx
    .insert(webhookEvents)
    .values(targets.map(({ event }) => ({ organisationId: event.organisationId, type: event.body.type, payload: { ...event.body }, orderEventId: event.orderEventId ?? null })))
    .returning({ id: webhookEvents.id });
  const written = targets.map((target, index) => ({ eventId: rows[index]!.id, endpointIds: target.endpointIds }));
  await enqueueJobs(
    'webhookDelivery',
    written.flatMap(({ eventId, endpointIds }) => endpointIds.map((endpointId) => ({ eventId, endpointId }))),
    executorOf(tx),
  );
  return written;
}

// ---------------------------------------------------------------------------------------------
// Endpoints, for the organisation's admins (and support, which may look and switch off)
// ---------------------------------------------------------------------------------------------

/** "Local mode": http and private addresses allowed, for a receiver on the developer's machine. */
export const allowsPrivateWebhookTargets = () => getEnv().APP_ENV !== 'production';

/** The SSRF check with the current mode: the reason for a refusal as a field error of `url`. */
async function assertAllowedUrl(url: string) {
  const checked = await checkWebhookUrl(url, { allowPrivate: allowsPrivateWebhookTargets() });
  if (!checked.ok) throw new AppError('INVALID_INPUT', 'INVALID_INPUT', { url: [urlRefusalMessages[checked.reason]] });
  return checked.url.toString();
}

/** Message keys (under `validation.`) for each refusal. */
export const urlRefusalMessages: Record<UrlRefusal, string> = {
  invalid: 'webhookUrlInvalid',
  scheme: 'webhookUrlHttps',
  credentials: 'webhookUrlCredentials',
  unresolvable: 'webhookUrlUnresolvable',
  private_address: 'webhookUrlPrivate',
};

/**
 * A partner organisation whose webhooks the actor may see (`configure`: change). NOT_FOUND for
 * anyone else, so a stranger's organisation looks the same as none.
 */
async function webhookOrganisation(tx: DbOrTx, actor: Actor, organisationId: string, { configure }: { configure: boolean }) {
  if (!(configure ? mayConfigureWebhooks(actor, organisationId) : mayOverseeWebhooks(actor, organisationId))) throw new AppError('NOT_FOUND');
  const [organisation] = await tx
    .select({ id: organisations.id, kind: organisations.kind, deactivatedAt: organisations.deactivatedAt })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (!organisation || organisation.kind === 'poplapay' || (configure && organisation.deactivatedAt)) throw new AppError('NOT_FOUND');
  return organisation;
}

/** An endpoint of the organisation, locked for the change; NOT_FOUND for another organisation's. */
async function endpointOf(tx: DbOrTx, organisationId: string, endpointId: string) {
  const [endpoint] = await tx
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.organisationId, organisationId)))
    .for('update');
  if (!endpoint) throw new AppError('NOT_FOUND');
  return endpoint;
}

const listColumns = {
  id: webhookEndpoints.id,
  url: webhookEndpoints.url,
  description: webhookEndpoints.description,
  eventTypes: webhookEndpoints.eventTypes,
  createdAt: webhookEndpoints.createdAt,
  disabledAt: webhookEndpoints.disabledAt,
  disabledReason: webhookEndpoints.disabledReason,
  failingSince: webhookEndpoints.failingSince,
  previousSecretUntil: webhookEndpoints.previousSecretUntil,
};

export interface EndpointInput {
  organisationId: string;
  url: string;
  description: string;
  eventTypes: readonly WebhookEventType[];
}

/**
 * Registers an endpoint. The URL passes the SSRF check (refusals are field errors of `url`). The
 * new secret is in the result once: the table keeps it sealed. Written with its audit event.
 */
export async function createWebhookEndpoint(actor: Actor, input: EndpointInput) {
  // Note: the permission first, so nobody else can use the check to probe DNS or addresses.
  if (!mayConfigureWebhooks(actor, input.organisationId)) throw new AppError('NOT_FOUND');
  const url = await assertAllowedUrl(input.url);
  return inTransaction(async (tx) => {
    const organisation = await webhookOrganisation(tx, actor, input.organisationId, { configure: true });
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`webhooks:${organisation.id}`}))`);
    const [count] = await tx.select({ n: sql<number>`count(*)::int` }).from(webhookEndpoints).where(eq(webhookEndpoints.organisationId, organisation.id));
    if ((count?.n ?? 0) >= WEBHOOK_MAX_ENDPOINTS) throw new AppError('INVALID_INPUT', 'INVALID_INPUT', { url: ['webhookTooMany'] });
    const id = crypto.randomUUID();
    const secret = generateWebhookSecret();
    const [row] = await tx
      .insert(webhookEndpoints)
      .values({
        id,
        organisationId: organisation.id,
        url,
        description: input.description,
        eventTypes: [...new Set(input.eventTypes)],
        secretSealed: sealWebhookSecret(secret, id, getEnv().CREDENTIALS_ENCRYPTION_KEYS),
        createdByUserId: actor.userId,
      })
      .returning(listColumns);
    await recordAudit(tx, actor.userId, {
      action: 'webhook.created',
      organisationId: organisation.id,
      subjectId: id,
      data: { url, description: input.description, eventTypes: row!.eventTypes },
    });
    return { secret, endpoint: row! };
  });
}

/** Changes an endpoint's URL, description and events (the URL checked again). */
export async function updateWebhookEndpoint(actor: Actor, input: EndpointInput & { endpointId: string }) {
  if (!mayConfigureWebhooks(actor, input.organisationId)) throw new AppError('NOT_FOUND');
  const url = await assertAllowedUrl(input.url);
  return inTransaction(async (tx) => {
    const organisation = await webhookOrganisation(tx, actor, input.organisationId, { configure: true });
    const before = await endpointOf(tx, organisation.id, input.endpointId);
    const eventTypes = [...new Set(input.eventTypes)];
    await tx
      .update(webhookEndpoints)
      .set({ url, description: input.description, eventTypes })
      .where(and(eq(webhookEndpoints.id, before.id), eq(webhookEndpoints.organisationId, organisation.id)));
    await recordAudit(tx, actor.userId, {
      action: 'webhook.updated',
      organisationId: organisation.id,
      subjectId: before.id,
      data: { url, description: input.description, eventTypes, ...(before.url !== url ? { previousUrl: before.url } : {}) },
    });
  });
}

/**
 * A new secret for an endpoint, shown once in the result. The one it replaces keeps signing
 * (a second signature in `webhook-signature`) for 24 hours, so receivers can switch over.
 */
export async function rotateWebhookSecret(actor: Actor, input: { organisationId: string; endpointId: string }) {
  return inTransaction(async (tx) => {
    const organisation = await webhookOrganisation(tx, actor, input.organisationId, { configure: true });
    const endpoint = await endpointOf(tx, organisation.id, input.endpointId);
    const secret = generateWebhookSecret();
    const keyring = getEnv().CREDENTIALS_ENCRYPTION_KEYS;
    const previousSecretUntil = new Date(Date.now() + WEBHOOK_PREVIOUS_SECRET_MS);
    await tx
      .update(webhookEndpoints)
      .set({ secretSealed: sealWebhookSecret(secret, endpoint.id, keyring), previousSecretSealed: endpoint.secretSealed, previousSecretUntil })
      .where(and(eq(webhookEndpoints.id, endpoint.id), eq(webhookEndpoints.organisationId, organisation.id)));
    await recordAudit(tx, actor.userId, { action: 'webhook.secret_rotated', organisationId: organisation.id, subjectId: endpoint.id, data: { url: endpoint.url } });
    return { secret, previousSecretUntil };
  });
}

/** Switches an endpoint off (nothing more is sent, pending attempts stop) or on again. */
export async function setWebhookEndpointEnabled(actor: Actor, input: { organisationId: string; endpointId: string; enabled: boolean }) {
  await inTransaction(async (tx) => {
    const organisation = await webhookOrganisation(tx, actor, input.organisationId, { configure: false });
    const endpoint = await endpointOf(tx, organisation.id, input.endpointId);
    if (input.enabled === !endpoint.disabledAt) return;
    await tx
      .update(webhookEndpoints)
      .set(input.enabled ? { disabledAt: null, disabledReason: null, failingSince: null } : { disabledAt: new Date(), disabledReason: 'manual' })
      .where(and(eq(webhookEndpoints.id, endpoint.id), eq(webhookEndpoints.organisationId, organisation.id)));
    await recordAudit(tx, actor.userId, {
      action: 'webhook.updated',
      organisationId: organisation.id,
      subjectId: endpoint.id,
      data: { url: endpoint.url, enabled: input.enabled },
    });
  });
}

/** Deletes an endpoint with its delivery log; jobs still queued for it find nothing and end. */
export async function deleteWebhookEndpoint(actor: Actor, input: { organisationId: string; endpointId: string }) {
  await inTransaction(async (tx) => {
    const organisation = await webhookOrganisation(tx, actor, input.organisationId, { configure: true });
    const endpoint = await endpointOf(tx, organisation.id, input.endpointId);
    await tx.delete(webhookEndpoints).where(and(eq(webhookEndpoints.id, endpoint.id), eq(webhookEndpoints.organisationId, organisation.id)));
    await recordAudit(tx, actor.userId, { action: 'webhook.deleted', organisationId: organisation.id, subjectId: endpoint.id, data: { url: endpoint.url } });
  });
}

/** Counts a manual send against the endpoint's limit (webhookManualSendRateLimit); RATE_LIMITED past it. */
async function assertManualSendAllowed(actor: Actor, input: { organisationId: string; endpointId: string }) {
  // Note: the permission first, so a stranger's attempts count against nobody's endpoint.
  if (!mayConfigureWebhooks(actor, input.organisationId)) throw new AppError('NOT_FOUND');
  if (!(await withinRateLimit(rateLimitKey('webhook-send', input.endpointId), webhookManualSendRateLimit))) throw new AppError('RATE_LIMITED');
}

/** Queues a `webhook.test` event for one active endpoint only. */
export async function sendWebhookTestEvent(actor: Actor, input: { organisationId: string; endpointId: string }) {
  await assertManualSendAllowed(actor, input);
  return inTransaction(async (tx, jobSql) => {
    const organisation = await webhookOrganisation(tx, actor, input.organisationId, { configure: true });
    const endpoint = await endpointOf(tx, organisation.id, input.endpointId);
    if (endpoint.disabledAt) throw new AppError('CONFLICT');
    const [event] = await tx
      .insert(webhookEvents)
      .values({ organisationId: organisation.id, type: 'webhook.test', payload: { ...testEventPayload(endpoint.id, new Date()) } })
      .returning({ id: webhookEvents.id });
    await enqueueJob('webhookDelivery', { eventId: event!.id, endpointId: endpoint.id }, jobSql);
    return { eventId: event!.id };
  });
}

/** "Send again": a new delivery of a logged delivery's event to the same (active) endpoint, same webhook-id. */
export async function resendWebhookDelivery(actor: Actor, input: { organisationId: string; endpointId: string; deliveryId: string }) {
  await assertManualSendAllowed(actor, input);
  return inTransaction(async (tx, jobSql) => {
    const organisation = await webhookOrganisation(tx, actor, input.organisationId, { configure: true });
    const endpoint = await endpointOf(tx, organisation.id, input.endpointId);
    if (endpoint.disabledAt) throw new AppError('CONFLICT');
    const [delivery] = await tx
      .select({ eventId: webhookDeliveries.eventId })
      .from(webhookDeliveries)
      .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
      .where(and(eq(webhookDeliveries.id, input.deliveryId), eq(webhookDeliveries.endpointId, endpoint.id), eq(webhookEvents.organisationId, organisation.id)));
    if (!delivery) throw new AppError('NOT_FOUND');
    await enqueueJob('webhookDelivery', { eventId: delivery.eventId, endpointId: endpoint.id }, jobSql);
    return { eventId: delivery.eventId };
  });
}

/** An organisation's endpoints, oldest first; never their secrets. */
export async function listWebhookEndpoints(actor: Actor, organisationId: string) {
  await webhookOrganisation(db, actor, organisationId, { configure: false });
  return db.select(listColumns).from(webhookEndpoints).where(eq(webhookEndpoints.organisationId, organisationId)).orderBy(webhookEndpoints.createdAt, webhookEndpoints.id);
}
export type WebhookEndpointListItem = Awaited<ReturnType<typeof listWebhookEndpoints>>[number];

export const DELIVERY_LOG_PAGE_SIZE = 50;

/** One endpoint with its newest delivery attempts (keyset on (at, id) with `before`). */
export async function getWebhookEndpointWithLog(actor: Actor, input: { organisationId: string; endpointId: string; before?: { at: Date; id: string } }) {
  await webhookOrganisation(db, actor, input.organisationId, { configure: false });
  const [endpoint] = await db
    .select(listColumns)
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, input.endpointId), eq(webhookEndpoints.organisationId, input.organisationId)));
  if (!endpoint) return null;
  const rows = await db
    .select({
      id: webhookDeliveries.id,
      eventId: webhookDeliveries.eventId,
      type: webhookEvents.type,
      attempt: webhookDeliveries.attempt,
      status: webhookDeliveries.status,
      responseCode: webhookDeliveries.responseCode,
      latencyMs: webhookDeliveries.latencyMs,
      error: webhookDeliveries.error,
      at: webhookDeliveries.at,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .where(
      and(
        eq(webhookDeliveries.endpointId, endpoint.id),
        input.before
          ? or(lt(webhookDeliveries.at, input.before.at), and(eq(webhookDeliveries.at, input.before.at), lt(webhookDeliveries.id, input.before.id)))
          : undefined,
      ),
    )
    .orderBy(desc(webhookDeliveries.at), desc(webhookDeliveries.id))
    .limit(DELIVERY_LOG_PAGE_SIZE + 1);
  return { endpoint, deliveries: rows.slice(0, DELIVERY_LOG_PAGE_SIZE), hasMore: rows.length > DELIVERY_LOG_PAGE_SIZE };
}
export type WebhookDeliveryLogItem = NonNullable<Awaited<ReturnType<typeof getWebhookEndpointWithLog>>>['deliveries'][number];

// ---------------------------------------------------------------------------------------------
// Delivery, for the job (lib/webhooks/deliver.ts)
// ---------------------------------------------------------------------------------------------

export interface DeliveryJob {
  eventId: string;
  endpointId: string;
}

/**
 * What delivery jobs need, in one read: each event's body and its endpoint's URL and signing
 * secrets (the previous one only while it is still valid). A job whose endpoint is gone,
 * disabled or not the event's organisation's has no entry (undefined at its place).
 *
 * Note: jobs act for the system, so this reads by ids alone; only the delivery job calls it,
 * with ids it queued itself, and it still requires the event and the endpoint to share an organisation.
 */
export async function unsafeGetDeliveryTargets(jobs: DeliveryJob[], now = new Date()) {
  if (!jobs.length) return [];
  const rows = await db
    .select({
      eventId: webhookEvents.id,
      payload: webhookEvents.payload,
      endpointId: webhookEndpoints.id,
      url: webhookEndpoints.url,
      secretSealed: webhookEndpoints.secretSealed,
      previousSecretSealed: webhookEndpoints.previousSecretSealed,
      previousSecretUntil: webhookEndpoints.previousSecretUntil,
    })
    .from(webhookEvents)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.organisationId, webhookEvents.organisationId))
    .where(
      and(
        inArray(webhookEvents.id, [...new Set(jobs.map((job) => job.eventId))]),
        inArray(webhookEndpoints.id, [...new Set(jobs.map((job) => job.endpointId))]),
        endpointIsActive,
      ),
    );
  const keyring = getEnv().CREDENTIALS_ENCRYPTION_KEYS;
  const secrets = new Map<string, string[]>();
  const byPair = new Map(rows.map((row) => [`${row.eventId}/${row.endpointId}`, row]));
  return jobs.map((job) => {
    const row = byPair.get(`${job.eventId}/${job.endpointId}`);
    if (!row) return undefined;
    let signing = secrets.get(row.endpointId);
    if (!signing) {
      signing = [openWebhookSecret(row.secretSealed, row.endpointId, keyring)];
      if (row.previousSecretSealed && row.previousSecretUntil && row.previousSecretUntil > now) {
        signing.push(openWebhookSecret(row.previousSecretSealed, row.endpointId, keyring));
      }
      secrets.set(row.endpointId, signing);
    }
    return { eventId: row.eventId, endpointId: row.endpointId, url: row.url, body: JSON.stringify(row.payload), secrets: signing };
  });
}

export interface AttemptOutcome {
  status: WebhookDeliveryStatus;
  responseCode?: number;
  latencyMs?: number;
  error?: string;
}

/**
 * Logs attempts (each numbered after the ones before it for its event and endpoint, "send again"
 * included) and keeps the endpoints' health, in one transaction: an endpoint with a success
 * clears `failing_since`; one with only failures sets it if unset, and once it is
 * WEBHOOK_DISABLE_AFTER_MS old the endpoint is disabled and an email to its organisation's
 * admins is queued. Returns the endpoints this disabled.
 *
 * Note: successes take no lock on the endpoint row, so a busy endpoint's deliveries do not queue
 * behind each other; only failing endpoints are locked, to disable each exactly once.
 */
export async function unsafeRecordWebhookAttempts(attempts: (DeliveryJob & { outcome: AttemptOutcome })[], now = new Date()) {
  if (!attempts.length) return { disabled: [] as string[] };
  return inTransaction(async (tx, jobSql) => {
    const endpointIds = [...new Set(attempts.map((attempt) => attempt.endpointId))];
    const previous = await tx
      .select({ eventId: webhookDeliveries.eventId, endpointId: webhookDeliveries.endpointId, attempt: sql<number>`max(${webhookDeliveries.attempt})::int` })
      .from(webhookDeliveries)
      .where(and(inArray(webhookDeliveries.eventId, [...new Set(attempts.map((attempt) => attempt.eventId))]), inArray(webhookDeliveries.endpointId, endpointIds)))
      .groupBy(webhookDeliveries.eventId, webhookDeliveries.endpointId);
    const numbers = new Map(previous.map((row) => [`${row.eventId}/${row.endpointId}`, row.attempt]));
    // Endpoints deleted meanwhile take no log rows (their foreign key would refuse them).
    const existing = new Set((await tx.select({ id: webhookEndpoints.id }).from(webhookEndpoints).where(inArray(webhookEndpoints.id, endpointIds))).map((row) => row.id));
    const rows = attempts
      .filter((attempt) => existing.has(attempt.endpointId))
      .map(({ eventId, endpointId, outcome }) => {
        const key = `${eventId}/${endpointId}`;
        const attempt = (numbers.get(key) ?? 0) + 1;
        numbers.set(key, attempt);
        return {
          eventId,
          endpointId,
          attempt,
          status: outcome.status,
          responseCode: outcome.responseCode ?? null,
          latencyMs: outcome.latencyMs ?? null,
          error: outcome.error?.slice(0, 200) ?? null,
        };
      });
    if (rows.length) await tx.insert(webhookDeliveries).values(rows);
    const healthy = new Set(rows.filter((row) => row.status === 'succeeded').map((row) => row.endpointId));
    const failing = [...new Set(rows.filter((row) => row.status === 'failed').map((row) => row.endpointId))].filter((id) => !healthy.has(id));
    if (healthy.size) {
      await tx
        .update(webhookEndpoints)
        .set({ failingSince: null })
        .where(and(inArray(webhookEndpoints.id, [...healthy]), sql`${webhookEndpoints.failingSince} is not null`));
    }
    const disabled: string[] = [];
    if (failing.length) {
      const locked = await tx
        .select({ id: webhookEndpoints.id, failingSince: webhookEndpoints.failingSince, disabledAt: webhookEndpoints.disabledAt })
        .from(webhookEndpoints)
        .where(inArray(webhookEndpoints.id, failing))
        .orderBy(webhookEndpoints.id)
        .for('update');
      for (const endpoint of locked) {
        const failingSince = endpoint.failingSince ?? now;
        const disable = !endpoint.disabledAt && now.getTime() - failingSince.getTime() >= WEBHOOK_DISABLE_AFTER_MS;
        if (!disable && endpoint.failingSince) continue;
        await tx
          .update(webhookEndpoints)
          .set(disable ? { failingSince, disabledAt: now, disabledReason: 'failing' } : { failingSince })
          .where(eq(webhookEndpoints.id, endpoint.id));
        if (disable) disabled.push(endpoint.id);
      }
      await enqueueJobs('webhookDisabledEmail', disabled.map((endpointId) => ({ endpointId })), jobSql);
    }
    return { disabled };
  });
}

/**
 * Deletes outbox events created before `cutoff`, with their delivery log (cascade), in batches so
 * one run never holds a long transaction. Returns how many events went.
 */
export async function deleteWebhookEventsBefore(cutoff: Date, batchSize = 5000) {
  let deleted = 0;
  for (;;) {
    const rows = await db
      .delete(webhookEvents)
      .where(inArray(webhookEvents.id, db.select({ id: webhookEvents.id }).from(webhookEvents).where(lt(webhookEvents.createdAt, cutoff)).limit(batchSize)))
      .returning({ id: webhookEvents.id });
    deleted += rows.length;
    if (rows.length < batchSize) return deleted;
  }
}

/** For the email job: a disabled endpoint, its organisation, and the organisation's partner admins. */
export async function unsafeGetDisabledEndpointNotice(endpointId: string) {
  const [endpoint] = await db
    .select({
      id: webhookEndpoints.id,
      url: webhookEndpoints.url,
      organisationId: webhookEndpoints.organisationId,
      organisationName: organisations.name,
      disabledAt: webhookEndpoints.disabledAt,
      disabledReason: webhookEndpoints.disabledReason,
      failingSince: webhookEndpoints.failingSince,
    })
    .from(webhookEndpoints)
    .innerJoin(organisations, eq(organisations.id, webhookEndpoints.organisationId))
    .where(eq(webhookEndpoints.id, endpointId));
  if (!endpoint?.disabledAt || endpoint.disabledReason !== 'failing') return null;
  const admins = await db
    .select({ userId: users.id, email: users.email, locale: users.locale })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, endpoint.organisationId), eq(memberships.role, 'partner_admin')));
  return { endpoint: { ...endpoint, disabledAt: endpoint.disabledAt }, admins };
}
