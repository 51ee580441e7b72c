import { desc, eq, sql } from 'drizzle-orm';
import { db } from '@/db';
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

/** Newest first. Only served while the outbox is in use (never with APP_ENV=production). */
export async function listOutboxMessages(options: { limit: number; recipient?: string }) {
  return db
    .select()
    .from(outboxMessages)
    .where(options.recipient ? eq(outboxMessages.recipient, options.recipient) : undefined)
    .orderBy(desc(outboxMessages.createdAt))
    .limit(options.limit);
}
