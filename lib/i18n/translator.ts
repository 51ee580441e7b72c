import { createTranslator } from 'next-intl';
import { defaultLocale, timeZone, type Locale } from './config';
import messages from './messages/en.json';

/** Text outside a request (emails, SMS, jobs), from the same catalogues as the pages. */
export function getTranslator(locale: Locale = defaultLocale) {
  return createTranslator({ locale, messages, timeZone });
}
