import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button';

/** What a 404 says; the page around it decides whether it is the main landmark. */
export async function NotFoundMessage() {
  const t = await getTranslations('notFound');
  return (
    <>
      <p className="text-sm font-semibold text-teal-700">404</p>
      <h1 className="mt-2 text-2xl font-semibold">{t('title')}</h1>
      <p className="mt-2 text-slate-600">{t('body')}</p>
      <Link href="/" className={buttonClasses('secondary', 'mt-6')}>
        {t('home')}
      </Link>
    </>
  );
}
