// The framework-free core of next-intl: emails, SMS and jobs also run outside Next.js.
import { createFormatter, createTranslator } from 'use-intl/core';
import { defaultLocale, timeZone, type Locale } from './config';
import messages from './messages/en.json';

const translators = new Map<Locale, ReturnType<typeof createTranslator<typeof messages>>>();

/**
 * Text outside a request (emails, SMS, jobs), from the same catalogues as the pages. One
 * translator per locale and process: each keeps the messages it has parsed, which the SMS
 * worker would otherwise parse again for every message.
 */
export function getTranslator(locale: Locale = defaultLocale) {
  let translator = translators.get(locale);
  if (!translator) translators.set(locale, (translator = createTranslator({ locale, messages, timeZone })));
  return translator;
}

/** Dates and numbers outside a request, in Helsinki time. */
export function getEmailFormatter(locale: Locale = defaultLocale) {
  return createFormatter({ locale, timeZone });
}
