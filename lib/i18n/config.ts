/** English now; Finnish and Swedish catalogues join later under the same keys. */
export const locales = ['en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'en';
/** Every time the portal shows or computes is in Helsinki time. */
export const timeZone = 'Europe/Helsinki';
