import { getRequestConfig } from 'next-intl/server';
import { formattingLocales, timeZone } from './config';
import { getRequestLocale } from './request-locale';

export default getRequestConfig(async () => {
  const locale = await getRequestLocale();
  return {
    locale: formattingLocales[locale],
    messages: (await import(`./messages/${locale}.json`)).default,
    timeZone,
  };
});
