import 'server-only';
import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { getActor } from '@/lib/authz';
import { getEnv } from '@/lib/env';
import { defaultLocale, isLocale, type Locale } from './config';
import { localeFromAcceptLanguage } from './negotiate';

/** Where a visitor's choice is kept until (and after) they sign in. */
export const LOCALE_COOKIE = 'locale';

/**
 * The language of this request: a signed-in person's own; otherwise the one chosen with the
 * language switch; otherwise the browser's first language we speak; otherwise English.
 */
export const getRequestLocale = cache(async (): Promise<Locale> => {
  // During a database outage the page says "try again" in the visitor's language, not an error.
  const actor = await getActor().catch(() => null);
  if (actor) return actor.locale;
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  return localeFromAcceptLanguage((await headers()).get('accept-language')) ?? defaultLocale;
});

const A_YEAR = 365 * 24 * 60 * 60;

/** Keeps a language choice in the browser, so that it holds after signing out too. */
export async function rememberLocale(locale: Locale) {
  (await cookies()).set(LOCALE_COOKIE, locale, {
    path: '/',
    maxAge: A_YEAR,
    httpOnly: true,
    sameSite: 'lax',
    secure: getEnv().NEXTAUTH_URL.startsWith('https://'),
  });
}
