import { spawn, type ChildProcess } from 'node:child_process';
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { claimOrder, recordCredentials } from '@/db/queries/support';
import { getActorByUserId } from '@/db/queries/users';
import { orderEvents, smsDeliveries } from '@/db/schema';
import { generatePassword } from '@/lib/credentials/password';
import { startTwilioDouble } from '@/tests/doubles/twilio-double';
import { factories } from '@/tests/support/factories';

const ORDERS = 30;
const data = factories(db);
let twilio: Awaited<ReturnType<typeof startTwilioDouble>>;
const logs: string[] = [];

beforeAll(async () => {
  twilio = await startTwilioDouble({ latencyMs: 50 });
});
afterAll(async () => {
  await twilio.close();
});

/**
 * What `npm run worker` runs, as one process (the tsx CLI would put the worker in a child that
 * a SIGKILL of the CLI leaves running), pointed at this file's database and the Twilio double.
 */
function startWorker(): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=react-server', 'lib/cli/worker.ts'], {
    env: {
      ...process.env,
      TWILIO_ACCOUNT_SID: `AC${'7'.repeat(32)}`,
      TWILIO_AUTH_TOKEN: 'crash-test-auth-token-0123456789',
      TWILIO_FROM_NUMBER: '+358451239999',
      TWILIO_API_URL: twilio.url,
      // Slow enough that the kill lands mid-batch: without a limit the workers send all 30 first.
      SMS_RATE_PER_SECOND: '4',
    },
  });
  child.stdout?.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
  return child;
}

async function waitFor(condition: () => Promise<boolean> | boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out; the workers printed:\n${logs.join('').slice(-3000)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Messages Twilio took that the portal has not recorded (committed) yet. */
async function unrecordedAtTwilio() {
  // A statement the frozen worker had sent already (a COMMIT) still runs: wait for PostgreSQL to
  // finish it, or a batch counted unrecorded here commits a moment later as an ordinary record.
  await waitFor(async () => {
    const { rows } = await db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()`,
    );
    return rows[0]!.n === 0;
  }, 5_000);
  const sids = twilio.messages.map((message) => message.sid);
  const recorded = await db.select({ sid: smsDeliveries.twilioSid }).from(smsDeliveries).where(inArray(smsDeliveries.twilioSid, sids));
  return sids.length - recorded.length;
}

describe('a worker killed in the middle of a batch of password SMS', () => {
  it('sends every message after a restart, none twice, and records each once', { timeout: 180_000 }, async () => {
    const agent = await data.createPerson('support_agent');
    const actor = (await getActorByUserId(agent.user.id))!;
    const partner = await data.createPerson('partner_admin', 'ecr_integrator');
    const passwords: string[] = [];
    const phones: string[] = [];
    const orderIds: string[] = [];
    for (let index = 0; index < ORDERS; index++) {
      const phone = `+35850${String(2_000_000 + index)}`;
      const order = await data.createOrder({ organisationId: partner.organisation.id, createdByUserId: partner.user.id, recipientPhone: phone });
      await claimOrder(actor, order.id);
      const password = generatePassword();
      await recordCredentials(actor, order.id, { username: `crash-${index}`, password });
      passwords.push(password);
      phones.push(phone);
      orderIds.push(order.id);
    }

    // Killed where it hurts: Twilio has taken messages of a batch the worker has not recorded yet.
    // The worker is frozen while we look, so what it has recorded cannot change in between.
    const first = startWorker();
    let unrecorded = 0;
    await waitFor(async () => {
      if (twilio.messages.length < 8) return false;
      first.kill('SIGSTOP');
      unrecorded = await unrecordedAtTwilio();
      if (unrecorded === 0) first.kill('SIGCONT');
      return unrecorded > 0;
    }, 60_000);
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    const sentBeforeCrash = twilio.messages.length;
    expect(sentBeforeCrash).toBeLessThan(ORDERS);

    const second = startWorker();
    try {
      await waitFor(async () => {
        const rows = await db.select({ sid: smsDeliveries.twilioSid }).from(smsDeliveries);
        return rows.length === ORDERS && rows.every((row) => row.sid);
      }, 150_000);
    } finally {
      second.kill('SIGTERM');
      await new Promise((resolve) => second.once('exit', resolve));
    }

    // No losses: every number got its message with its own password.
    for (const [index, phone] of phones.entries()) {
      const received = twilio.messages.filter((message) => message.to === phone);
      expect(received.length, phone).toBeGreaterThanOrEqual(1);
      expect(received[0]!.body).toContain(passwords[index]);
    }
    // No duplicates: what the killed worker had Twilio take, the restarted one found there and
    // recorded (flagged for support) instead of sending again.
    for (const phone of phones) expect(twilio.messages.filter((message) => message.to === phone).length, phone).toBe(1);
    const deliveries = await db.select().from(smsDeliveries);
    for (const delivery of deliveries) {
      expect(twilio.messages.some((message) => message.sid === delivery.twilioSid)).toBe(true);
    }
    // Each order moved on once, with one attempt on its timeline, however its batch ended.
    const events = await db.select().from(orderEvents).where(inArray(orderEvents.orderId, orderIds));
    for (const kind of ['sms_attempt', 'credentials_sent'] as const) {
      expect(events.filter((event) => event.kind === kind).map((event) => event.orderId).sort()).toEqual([...orderIds].sort());
    }
    expect(deliveries.filter((delivery) => delivery.flag?.startsWith('recovered')).length).toBeGreaterThanOrEqual(unrecorded);
    const [recorded] = await db.select().from(smsDeliveries).where(eq(smsDeliveries.toPhone, phones[0]!));
    expect(recorded!.status).toMatch(/queued|accepted/);

    // Nothing the workers printed holds a password.
    const printed = logs.join('');
    expect(printed).toContain('Workers are running.');
    for (const password of passwords) expect(printed).not.toContain(password);
  });
});
