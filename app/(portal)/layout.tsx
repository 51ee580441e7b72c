import type { ReactNode } from 'react';
import { AppHeader } from '@/components/shell/app-header';
import { requirePageActor } from '@/lib/authz';

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageActor();
  return (
    <>
      <AppHeader actor={actor} />
      <main className="mx-auto max-w-6xl px-4 py-6 sm:px-6 sm:py-8">{children}</main>
    </>
  );
}
