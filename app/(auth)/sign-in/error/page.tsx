import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('authError'))('title') };
}

const knownErrors = ['Verification', 'AccessDenied'] as const;

export default async function AuthErrorPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { error } = await searchParams;
  const t = await getTranslations('authError');
  const key = knownErrors.find((known) => known === error) ?? 'default';
  return (
    <>
      <h1 className="text-xl font-semibold">{t('title')}</h1>
      <p role="alert" className="mt-2 text-sm text-slate-700">
        {t(key)}
      </p>
      <Link href="/sign-in" className={buttonClasses('primary', 'mt-6 w-full')}>
        {t('back')}
      </Link>
    </>
  );
}
