import { getRequestConfig } from 'next-intl/server';
import { defaultLocale, timeZone } from './config';
import messages from './messages/en.json';

export default getRequestConfig(async () => ({ locale: defaultLocale, messages, timeZone }));
