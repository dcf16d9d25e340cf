import { cookies } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';

import en from '../../messages/en.json';
import fr from '../../messages/fr.json';
import { LOCALE_COOKIE, resolveLocale, timeZone, type AppLocale } from './config';

// Typing the map against the French catalogue makes `tsc` fail when the
// English one lacks a key (the e2e suite also checks both files match exactly).
const catalogues: Record<AppLocale, typeof fr> = { fr, en };

export default getRequestConfig(async () => {
  const store = await cookies();
  const locale = resolveLocale(store.get(LOCALE_COOKIE)?.value);
  return {
    locale,
    messages: catalogues[locale],
    timeZone,
  };
});
