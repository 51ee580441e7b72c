import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { MAIN_ID } from '@/components/shell/skip-link';

export default async function AuthLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations('app');
  return (
    <main id={MAIN_ID} tabIndex={-1} className="focus:outline-none flex min-h-dvh flex-col items-center justify-center px-4 py-12">
      <div className="mb-6 text-center">
        <p className="text-lg font-semibold">{t('name')}</p>
        <p className="text-sm text-slate-500">{t('by')}</p>
      </div>
      <div className="w-full max-w-md rounded-lg border border-slate-200 bg-white p-6 shadow-sm">{children}</div>
    </main>
  );
}
