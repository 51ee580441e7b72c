/**
 * The benchmark's baseline, copied into the benchmark's build only (app/bench-baseline/route.ts
 * there; never part of the app): a bare route handler with one indexed SELECT through the
 * app's own pool and drizzle, no session, no rendering. Every other measurement is read as a
 * multiple of this one.
 */
import { eq } from 'drizzle-orm';
import { db } from '@/db';
import { orders } from '@/db/schema';

export const dynamic = 'force-dynamic';

/** GET /bench-baseline?id=… – one order's number, state and due date by primary key. */
export async function GET(request: Request) {
  const id = new URL(request.url).searchParams.get('id') ?? '';
  if (!/^[0-9a-f-]{36}$/.test(id)) return Response.json(null, { status: 400 });
  const [row] = await db
    .select({ id: orders.id, number: orders.number, state: orders.state, dueAt: orders.dueAt })
    .from(orders)
    .where(eq(orders.id, id))
    .limit(1);
  return Response.json(row ?? null, { status: row ? 200 : 404 });
}
