import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button';
import { servesOutbox, usesOutbox } from '@/lib/env';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('checkEmail'))('title') };
}

export default async function CheckEmailPage({ searchParams }: { searchParams: Promise<{ email?: string }> }) {
  const { email } = await searchParams;
  const t = await getTranslations('checkEmail');
  return (
    <>
      <h1 className="text-xl font-semibold">{t('title')}</h1>
      <p className="mt-2 text-sm text-slate-600">{email ? t('body', { email }) : t('bodyNoEmail')}</p>
      {usesOutbox().email && servesOutbox() && (
        <div className="mt-4 rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          <p>{t('devOutbox')}</p>
          <Link href={email ? `/dev/outbox?recipient=${encodeURIComponent(email)}` : '/dev/outbox'} className="font-semibold underline">
            {t('openOutbox')}
          </Link>
        </div>
      )}
      <Link href="/sign-in" className={buttonClasses('secondary', 'mt-6 w-full')}>
        {t('back')}
      </Link>
    </>
  );
}
