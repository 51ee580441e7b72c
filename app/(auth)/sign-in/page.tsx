import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { getSessionUserId } from '@/lib/auth';
import { getPageActor } from '@/lib/authz';
import { safeReturnPath } from '@/lib/http/request-path';
import { homePathFor } from '@/lib/permissions';
import { ClientMessages } from '@/components/i18n/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('signIn'))('title') };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const params = await searchParams;
  const callbackUrl = safeReturnPath(params.callbackUrl);
  const actor = await getPageActor();
  if (actor) redirect(callbackUrl ?? homePathFor(actor.role));

  const t = await getTranslations('signIn');
  const signedInWithoutAccess = (await getSessionUserId()) !== null;
  return (
    <ClientMessages namespaces={['signIn', 'validation']}>
      <>
        <h1 className="text-xl font-semibold">{t('title')}</h1>
        {signedInWithoutAccess ? (
          <div className="mt-4 flex flex-col gap-4">
            <p role="alert" className="text-sm text-red-700">
              {t('noAccess')}
            </p>
            <SignOutButton />
          </div>
        ) : (
          <>
            <p className="mt-2 text-sm text-slate-600">{t('intro')}</p>
            <SignInForm callbackUrl={callbackUrl ?? '/'} initialError={params.error === 'RateLimited' ? 'rateLimited' : params.error === 'Unavailable' ? 'unavailable' : undefined} />
            <p className="mt-6 text-xs text-slate-500">{t('noAccountHint')}</p>
            <p className="mt-3 text-sm">
              {t('notPartnerYet')}{' '}
              <Link href="/apply" className="font-medium text-teal-800 underline">
                {t('applyLink')}
              </Link>
            </p>
          </>
        )}
      </>
    </ClientMessages>
  );
}
