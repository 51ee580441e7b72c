import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { connection } from 'next/server';
import { ApplyForm } from '@/components/apply/apply-form';
import { ClientMessages } from '@/components/i18n/client-messages';
import { MAIN_ID } from '@/components/shell/skip-link';
import { localeOf, formattingLocales } from '@/lib/i18n/config';
import { countryName } from '@/lib/i18n/display';
import { applicationCountries } from '@/lib/partner-applications/countries';
import { FORM_TOKEN_FIELD, HONEYPOT_FIELD, issueFormToken } from '@/lib/partner-applications/spam';
import { MESSAGE_MAX_LENGTH } from '@/lib/validations/partner-application';
import { submitPartnerApplication } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('apply'))('title') };
}

/**
 * Becoming a partner: a public page (no sign-in), linked from sign-in. Each request renders a
 * fresh fill-time token, so the page is never served from a cache.
 */
export default async function ApplyPage() {
  await connection();
  const [t, tApp, formattingLocale] = await Promise.all([getTranslations('apply'), getTranslations('app'), getLocale()]);
  const display = formattingLocales[localeOf(formattingLocale)];
  const [finland, ...others] = applicationCountries.map((code) => ({ value: code, label: countryName(code, display) }));
  const countries = [finland!, ...others.sort((a, b) => a.label.localeCompare(b.label, display))];
  return (
    <main id={MAIN_ID} tabIndex={-1} className="flex min-h-dvh flex-col items-center px-4 py-10 focus:outline-none">
      <div className="mb-6 text-center">
        <p className="text-lg font-semibold">{tApp('name')}</p>
        <p className="text-sm text-slate-500">{tApp('by')}</p>
      </div>
      <div className="w-full max-w-2xl rounded-lg border border-slate-200 bg-white p-5 shadow-sm sm:p-8">
        <h1 className="text-xl font-semibold">{t('title')}</h1>
        <p className="mt-2 text-sm text-slate-700">{t('intro')}</p>
        <p className="mt-2 mb-6 text-sm text-slate-600">{t('whatHappens')}</p>
        <ClientMessages namespaces={['apply', 'validation']}>
          <ApplyForm
            action={submitPartnerApplication}
            countries={countries}
            spam={{ honeypot: HONEYPOT_FIELD, token: { name: FORM_TOKEN_FIELD, value: issueFormToken() } }}
            messageMaxLength={MESSAGE_MAX_LENGTH}
          />
        </ClientMessages>
      </div>
      <p className="mt-6 text-sm text-slate-600">
        {t('alreadyPartner')}{' '}
        <Link href="/sign-in" className="font-medium text-teal-800 underline">
          {t('signIn')}
        </Link>
      </p>
    </main>
  );
}
