import { match } from '@formatjs/intl-localematcher';
import Negotiator from 'negotiator';
import { locales, type Locale } from './config';

/** The portal language a browser asks for first (`Accept-Language: sv-FI, fi;q=0.8` → sv), or null. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const asked = new Negotiator({ headers: { 'accept-language': header } }).languages().filter((tag) => tag !== '*');
  try {
    const found = match(asked, locales, 'none');
    return found === 'none' ? null : (found as Locale);
  } catch {
    // A malformed language tag: no guess rather than an error page.
    return null;
  }
}
