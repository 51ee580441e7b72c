// The framework-free core of next-intl: emails, SMS and jobs also run outside Next.js.
import { createFormatter, createTranslator } from 'use-intl/core';
import { defaultLocale, timeZone, type Locale } from './config';
import messages from './messages/en.json';

/** Text outside a request (emails, SMS, jobs), from the same catalogues as the pages. */
export function getTranslator(locale: Locale = defaultLocale) {
  return createTranslator({ locale, messages, timeZone });
}

/** Dates and numbers outside a request, in Helsinki time. */
export function getEmailFormatter(locale: Locale = defaultLocale) {
  return createFormatter({ locale, timeZone });
}
