import 'server-only';
import { getRequestLocale } from './request-locale';
import { getLocaleFormatter } from './translator';

/**
 * The request's date and number formatter: next-intl's, for the request's language, kept for the
 * process (getLocaleFormatter). getFormatter makes a new one for every request.
 */
export async function getKeptFormatter() {
  return getLocaleFormatter(await getRequestLocale());
}
