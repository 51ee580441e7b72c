import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { db } from '@/db';
import { unsafeGetBatchForEmail, unsafePlaceBatchOrders } from '@/db/queries/batches';
import { recomputeOpenDueDates, unsafeGetOrderForJob } from '@/db/queries/orders';
import { listApplicationsWaitingTooLong, unsafeGetPartnerApplicationForJob } from '@/db/queries/partner-applications';
import { listOrdersNeedingAttention, listSupportEmails } from '@/db/queries/support';
import { credentials, orderEvents } from '@/db/schema';
import { sendEmail } from '@/lib/email/send';
import { batchEmail } from '@/lib/email/templates/batch-email';
import { orderEmail } from '@/lib/email/templates/order-emails';
import { applicationDeclinedEmail, applicationReceivedEmail } from '@/lib/email/templates/partner-application';
import { supportDigestEmail } from '@/lib/email/templates/support-digest';
import { getEnv } from '@/lib/env';
import { roleCan } from '@/lib/permissions';
import { pruneExpiredRows } from '@/lib/housekeeping';
import { reconcileDeliveries, sendCredentialsSms, sendCredentialsSmsBatch } from '@/lib/sms/credentials-sms';
import { redactDelivery, sweepRedactions } from '@/lib/sms/redaction';
import { unsafeGetDisabledEndpointNotice } from '@/db/queries/webhooks';
import { webhookDisabledEmail } from '@/lib/email/templates/webhook-disabled';
import { deliverWebhook, deliverWebhooks } from '@/lib/webhooks/deliver';
import type { JobName, JobPayload, OrderEmailKind } from './definitions';

/** What a kind of email adds from the order's timeline or credentials. */
async function emailExtra(orderId: string, kind: OrderEmailKind) {
  if (kind === 'credentials') {
    const [row] = await db.select({ username: credentials.username }).from(credentials).where(eq(credentials.orderId, orderId));
    return { username: row?.username };
  }
  if (kind === 'question' || kind === 'rejected') {
    const [event] = await db
      .select({ id: orderEvents.id, data: orderEvents.data })
      .from(orderEvents)
      .where(and(eq(orderEvents.orderId, orderId), eq(orderEvents.kind, kind === 'question' ? 'question_asked' : 'rejected')))
      .orderBy(desc(orderEvents.at))
      .limit(1);
    const text = event?.data[kind === 'question' ? 'question' : 'reason'];
    // Each question is its own email; a repeated job for the same one sends nothing new.
    return { text: typeof text === 'string' ? text : undefined, eventId: event?.id };
  }
  return {};
}

/** What each job does. Each is idempotent: a queue may deliver a job more than once. */
export const jobHandlers: { [N in JobName]: (payload: JobPayload<N>) => Promise<void> } = {
  async orderEmail({ orderId, kind }) {
    const row = await unsafeGetOrderForJob(orderId);
    if (!row) return; // nothing to tell about an order that is not there
    // The recipient gets the username; everything else goes to whoever placed the order (for an
    // API order, the key's creator; nobody when that person has left: the webhooks still tell).
    const to = kind === 'credentials' ? row.order.recipientEmail : row.ordererEmail;
    if (!to) return;
    const extra = await emailExtra(orderId, kind);
    await sendEmail({
      to,
      ...orderEmail(kind, row.order, getEnv().NEXTAUTH_URL, kind === 'credentials' ? row.order.recipientLocale : (row.ordererLocale ?? 'en'), extra),
      // The same email is never sent twice, however often the job runs.
      idempotencyKey: `order/${orderId}/${kind}${'eventId' in extra && extra.eventId ? `/${extra.eventId}` : ''}`,
    });
  },
  async credentialsSms({ deliveryId }) {
    await sendCredentialsSms(deliveryId);
  },
  async reconcileSms() {
    await reconcileDeliveries();
  },
  async redactSms({ deliveryId }) {
    await redactDelivery(deliveryId);
  },
  async sweepRedactions() {
    await sweepRedactions();
  },
  async applicationEmail({ applicationId, kind }) {
    const application = await unsafeGetPartnerApplicationForJob(applicationId);
    if (!application) return;
    await sendEmail({
      to: application.email,
      ...(kind === 'received' ? applicationReceivedEmail(application) : applicationDeclinedEmail(application)),
      // One of each per application, however often the job runs.
      idempotencyKey: `application/${applicationId}/${kind}`,
    });
  },
  async supportDigest() {
    // One moment for the queries and the email, so an order is at risk or overdue in both alike.
    const now = new Date();
    const orders = await listOrdersNeedingAttention(now);
    // Only support admins review applications: only their digests list them.
    const applications = await listApplicationsWaitingTooLong(now);
    const emails = new Map<string, ReturnType<typeof supportDigestEmail>>();
    const day = now.toISOString().slice(0, 10);
    for (const person of await listSupportEmails()) {
      const theirApplications = roleCan(person.role, 'applications:review') ? applications : [];
      if (!orders.length && !theirApplications.length) continue; // nothing needs this person: no email
      const key = `${person.locale}/${theirApplications.length > 0}`;
      let email = emails.get(key);
      if (!email) emails.set(key, (email = supportDigestEmail(orders, now, getEnv().NEXTAUTH_URL, person.locale, theirApplications)));
      // One digest per person per day, however often the job runs.
      await sendEmail({ to: person.email, ...email, idempotencyKey: `digest/${day}/${person.userId}` });
    }
  },
  async recomputeDeadlines() {
    await recomputeOpenDueDates();
  },
  async placeBatchOrders({ batchId }) {
    await unsafePlaceBatchOrders(batchId);
  },
  async batchEmail({ batchId }) {
    const batch = await unsafeGetBatchForEmail(batchId);
    // Not done yet (a job from before a restore), or nobody left to tell: the batch page still shows it.
    if (!batch?.completedAt || !batch.ordererEmail) return;
    await sendEmail({
      to: batch.ordererEmail,
      ...batchEmail(batch, `${getEnv().NEXTAUTH_URL}/orders/batches/${batch.id}`, batch.ordererLocale ?? 'en'),
      idempotencyKey: `batch/${batch.id}/submitted`,
    });
  },
  async pruneHousekeeping() {
    await pruneExpiredRows();
  },
  async webhookDelivery({ eventId, endpointId }) {
    await deliverWebhook(eventId, endpointId);
  },
  async webhookDisabledEmail({ endpointId }) {
    const notice = await unsafeGetDisabledEndpointNotice(endpointId);
    if (!notice) return; // enabled again (or deleted) before the email went: nothing to say
    const { endpoint } = notice;
    const link = `${getEnv().NEXTAUTH_URL}/organisations/${endpoint.organisationId}/webhooks/${endpoint.id}`;
    for (const admin of notice.admins) {
      await sendEmail({
        to: admin.email,
        ...webhookDisabledEmail({ url: endpoint.url, organisationName: endpoint.organisationName, failingSince: endpoint.failingSince ?? endpoint.disabledAt, link, locale: admin.locale }),
        // One email per admin per disabling, however often the job runs.
        idempotencyKey: `webhook-disabled/${endpoint.id}/${endpoint.disabledAt.toISOString()}/${admin.userId}`,
      });
    }
  },
};

/**
 * Queues whose handler takes a worker's whole batch at once, with one outcome per job in order:
 * the password SMS do their database work per batch, not per message.
 */
export const batchHandlers: { [N in JobName]?: (payloads: JobPayload<N>[]) => Promise<PromiseSettledResult<void>[]> } = {
  async credentialsSms(payloads) {
    return sendCredentialsSmsBatch(payloads.map((payload) => payload.deliveryId));
  },
  async webhookDelivery(payloads) {
    return deliverWebhooks(payloads);
  },
};
