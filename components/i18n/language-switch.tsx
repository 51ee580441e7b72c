import { getLocale, getTranslations } from 'next-intl/server';
import { chooseLocaleAction } from '@/app/locale-actions';
import { cn } from '@/components/ui/cn';
import { localeOf, locales, type Locale } from '@/lib/i18n/config';

/** A language's own name ("suomi", "svenska", "English"): what a reader looks for in any page. */
const autonym = (locale: Locale) => {
  const name = new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
};

/**
 * The language switch, on every page: a plain form, so it works before (or without) the
 * page's JavaScript. Each language is named in itself.
 */
export async function LanguageSwitch({ className }: { className?: string }) {
  const [t, current] = await Promise.all([getTranslations('language'), getLocale().then(localeOf)]);
  return (
    <form action={chooseLocaleAction} className={cn('flex flex-wrap items-center gap-1 text-sm', className)}>
      <span id="language-switch-label" className="mr-1 text-slate-600">
        {t('label')}
      </span>
      <div role="group" aria-labelledby="language-switch-label" className="flex gap-1">
        {locales.map((locale) => (
          <button
            key={locale}
            name="locale"
            value={locale}
            lang={locale}
            aria-pressed={locale === current}
            className={cn(
              'min-h-10 rounded-md px-3 py-1 focus:outline-2 focus:outline-offset-1 focus:outline-teal-700',
              locale === current ? 'bg-slate-200 font-semibold text-slate-900' : 'text-teal-800 underline hover:bg-slate-100',
            )}
          >
            {autonym(locale)}
          </button>
        ))}
      </div>
    </form>
  );
}
