import { readFileSync } from 'node:fs';
import { createTranslator } from 'use-intl/core';
import { formattingLocales, timeZone, type Locale } from '@/lib/i18n/config';
import type en from '@/lib/i18n/messages/en.json';

export type Catalogue = typeof en;

/**
 * A catalogue as the e2e tests read it. Note: Playwright loads tests as ES modules, where a JSON
 * import needs an import attribute that the app's TypeScript setup does not write.
 */
export const catalogue = (locale: Locale): Catalogue => JSON.parse(readFileSync(`lib/i18n/messages/${locale}.json`, 'utf8'));

/** The app's own translator for a language, to compute the exact text of an email or SMS. */
export const translatorFor = (locale: Locale) => createTranslator({ locale: formattingLocales[locale], messages: catalogue(locale), timeZone });
