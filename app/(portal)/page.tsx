import { redirect } from 'next/navigation';
import { requirePageActor } from '@/lib/authz';
import { homePathFor } from '@/lib/permissions';

export default async function HomePage() {
  const actor = await requirePageActor();
  redirect(homePathFor(actor.role));
}
