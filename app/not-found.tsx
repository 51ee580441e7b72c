import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button';
import { MAIN_ID } from '@/components/shell/skip-link';

export default async function NotFound() {
  const t = await getTranslations('notFound');
  return (
    <main id={MAIN_ID} tabIndex={-1} className="focus:outline-none mx-auto flex max-w-md flex-col items-center px-4 py-24 text-center">
      <p className="text-sm font-semibold text-teal-700">404</p>
      <h1 className="mt-2 text-2xl font-semibold">{t('title')}</h1>
      <p className="mt-2 text-slate-600">{t('body')}</p>
      <Link href="/" className={buttonClasses('secondary', 'mt-6')}>
        {t('home')}
      </Link>
    </main>
  );
}
