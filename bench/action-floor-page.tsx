/**
 * The page that carries the benchmark's action floor (bench/action-floor-actions.ts), copied
 * into the benchmark's build only (app/(portal)/bench-floor/action/page.tsx there, beside its action): the
 * benchmark posts to this page's path with the action's id, as the browser posts the order form's
 * placeOrder to /orders/new/form. The form makes the build register the action for this page; it
 * needs no client JavaScript.
 */
import { requirePageActor } from '@/lib/authz';
import { benchActionFloor } from './action-floor-actions';

async function submit(formData: FormData) {
  'use server';
  await benchActionFloor({ note: String(formData.get('note') ?? '') });
}

export default async function BenchActionFloorPage() {
  await requirePageActor('orders:own');
  return (
    <form action={submit} data-testid="bench-action-floor">
      <input type="hidden" name="note" value="form" />
      <button type="submit">Insert one row</button>
    </form>
  );
}
