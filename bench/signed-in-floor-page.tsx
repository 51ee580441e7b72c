/**
 * The benchmark's signed-in floor, copied into the benchmark's build only
 * (app/(portal)/bench-floor/page.tsx there; never part of the app): a page inside the portal's
 * layout, behind the same session check as every portal page, that renders the shell and
 * nothing else. What any portal page must pay (session lookup, the actor, the header, the
 * framework's rendering), so a data page is judged by what it adds to this.
 */
import { requirePageActor } from '@/lib/authz';

export default async function BenchSignedInFloorPage() {
  // As every portal page does (the layout has already resolved the actor; React's cache holds it).
  await requirePageActor();
  return <div data-testid="bench-signed-in-floor" />;
}
