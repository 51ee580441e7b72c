import { desc, eq, lt, sql } from 'drizzle-orm';
import { db, type DbOrTx } from '@/db';
import { outboxMessages, type OutboxChannel } from '@/db/schema';

export async function insertOutboxMessage(message: {
  channel: OutboxChannel;
  recipient: string;
  subject?: string;
  bodyText: string;
  bodyHtml?: string;
  idempotencyKey?: string;
}) {
  const [row] = await db
    .insert(outboxMessages)
    .values(message)
    .onConflictDoUpdate({ target: outboxMessages.idempotencyKey, set: { idempotencyKey: sql`excluded.idempotency_key` } })
    .returning({ id: outboxMessages.id });
  if (!row) throw new Error('outbox insert returned nothing');
  return row.id;
}

/**
 * Rewrites the bodies of outbox messages, found by their idempotency keys (a redacted copy of a
 * password SMS); a key with no message changes nothing.
 */
export async function rewriteOutboxBodies(tx: DbOrTx, bodies: { idempotencyKey: string; bodyText: string }[]) {
  if (!bodies.length) return;
  await tx
    .update(outboxMessages)
    .set({ bodyText: sql`rewritten.body_text` })
    .where(eq(outboxMessages.idempotencyKey, sql`rewritten.key`))
    .from(sql`jsonb_to_recordset(${JSON.stringify(bodies.map(({ idempotencyKey, bodyText }) => ({ key: idempotencyKey, body_text: bodyText })))}::jsonb)
      AS rewritten(key text, body_text text)`);
}

/** Newest first. Read by /dev/outbox, which only DEV_OUTBOX=true serves (never with APP_ENV=production). */
export async function listOutboxMessages(options: { limit: number; recipient?: string }) {
  return db
    .select()
    .from(outboxMessages)
    .where(options.recipient ? eq(outboxMessages.recipient, options.recipient) : undefined)
    .orderBy(desc(outboxMessages.createdAt))
    .limit(options.limit);
}

/** Deletes the outbox messages written before `cutoff`; returns how many went. */
export async function deleteOutboxMessagesBefore(cutoff: Date) {
  const deleted = await db.delete(outboxMessages).where(lt(outboxMessages.createdAt, cutoff)).returning({ id: outboxMessages.id });
  return deleted.length;
}
