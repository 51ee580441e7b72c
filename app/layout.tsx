import '@fontsource-variable/inter';
import './globals.css';
import type { Metadata, Viewport } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { LanguageSwitch } from '@/components/i18n/language-switch';
import { SkipLink } from '@/components/shell/skip-link';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('app');
  return { title: { default: t('name'), template: `%s · ${t('name')}` } };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, tApp] = await Promise.all([getLocale(), getTranslations('app')]);
  return (
    <html lang={locale}>
      <body className="min-h-dvh bg-slate-50 font-sans text-slate-900 antialiased">
        {/* The first stop of the Tab key on every page: past the header and navigation to <main id="main">. */}
        <SkipLink label={tApp('skipToContent')} />
        {/* Locale and time zone for every client component; messages only where used (ClientMessages). */}
        <NextIntlClientProvider messages={null}>{children}</NextIntlClientProvider>
        <footer className="mx-auto flex max-w-6xl justify-end px-4 py-6 sm:px-6">
          <LanguageSwitch />
        </footer>
      </body>
    </html>
  );
}
