import { cookies } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';

import { catalogues } from './catalogues';
import { LOCALE_COOKIE, resolveLocale, timeZone } from './config';

export default getRequestConfig(async () => {
  const store = await cookies();
  const locale = resolveLocale(store.get(LOCALE_COOKIE)?.value);
  return {
    locale,
    messages: catalogues[locale],
    timeZone,
  };
});
