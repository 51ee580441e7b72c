'use server';
/**
 * The benchmark's action floor, copied into the benchmark's build only
 * (app/(portal)/bench-floor/action/action-floor-actions.ts there; never part of the app): a server action
 * through the same wrapper as the order form's (session, actor, permission, parsing, translated
 * failures) that inserts one row and nothing else. Order submission is judged by what it adds
 * to this. The row goes to a table the benchmark creates and empties itself (bench_action_floor,
 * not in the migrations), so the app's data is untouched.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '@/db';
import { withAction } from '@/lib/authz';

const schema = z.object({ note: z.string().max(200) });

const actionFloor = withAction({ schema, permission: 'orders:own' }, async ({ note }, actor) => {
  const { rows } = await db.execute<{ id: string }>(
    sql`INSERT INTO bench_action_floor (user_id, organisation_id, note) VALUES (${actor.userId}, ${actor.organisationId}, ${note}) RETURNING id`,
  );
  return { id: rows[0]!.id };
});

/** Called the way the order form calls placeOrder: one plain object as typed. */
export async function benchActionFloor(values: z.infer<typeof schema>) {
  return actionFloor(null, values);
}
