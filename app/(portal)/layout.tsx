import type { ReactNode } from 'react';
import { AppHeader } from '@/components/shell/app-header';
import { requirePageActor } from '@/lib/authz';
import { MAIN_ID } from '@/components/shell/skip-link';

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageActor();
  return (
    <>
      <AppHeader actor={actor} />
      <main id={MAIN_ID} tabIndex={-1} className="focus:outline-none mx-auto max-w-6xl px-4 py-6 sm:px-6 sm:py-8">{children}</main>
    </>
  );
}
