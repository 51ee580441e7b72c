import 'server-only';
import { unsafeGetOrderForJob } from '@/db/queries/orders';
import { sendEmail } from '@/lib/email/send';
import { orderEmail } from '@/lib/email/templates/order-emails';
import { getEnv } from '@/lib/env';
import type { JobName, JobPayload } from './definitions';

/** What each job does. Each is idempotent: a queue may deliver a job more than once. */
export const jobHandlers: { [N in JobName]: (payload: JobPayload<N>) => Promise<void> } = {
  async orderEmail({ orderId, kind }) {
    const row = await unsafeGetOrderForJob(orderId);
    if (!row) return; // nothing to tell about an order that is not there
    await sendEmail({
      to: row.ordererEmail,
      ...orderEmail(kind, row.order, getEnv().NEXTAUTH_URL),
      // The same email is never sent twice, however often the job runs.
      idempotencyKey: `order/${orderId}/${kind}`,
    });
  },
};
