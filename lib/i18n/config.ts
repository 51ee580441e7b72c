/**
 * The portal's languages. Adding one: its catalogue beside en.json, its code here, and a migration
 * adding it to the `locale` enum (README, "Languages").
 */
export const locales = ['fi', 'sv', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'en';
/** Every time the portal shows or computes is in Helsinki time. */
export const timeZone = 'Europe/Helsinki';

export const isLocale = (value: unknown): value is Locale => locales.includes(value as Locale);

/**
 * The conventions dates and numbers follow in each language: day first and a 24-hour clock in
 * all three ("4.12.2026 klo 1.39", "4 dec. 2026 01:39", "4 Dec 2026, 01:39"). Plain `en` would
 * write American dates.
 */
export const formattingLocales: Record<Locale, string> = { fi: 'fi-FI', sv: 'sv-SE', en: 'en-GB' };

/** The portal's language for a formatting locale ("en-GB" → "en"). */
export const localeOf = (formattingLocale: string): Locale => {
  const language = formattingLocale.split('-')[0];
  return isLocale(language) ? language : defaultLocale;
};

/** The first guess for a person nobody asked yet: Finnish for organisations in Finland. */
export const localeForCountry = (country: string | null | undefined): Locale => (country === 'FI' ? 'fi' : 'en');
