import 'server-only';

import { cookies } from 'next/headers';

import { LOCALE_COOKIE, type AppLocale } from './config';

const ONE_YEAR_IN_SECONDS = 60 * 60 * 24 * 365;

/**
 * Sets the interface language for this browser (the language switch, a
 * signed-in person's saved preference). Only where cookies may be set:
 * server actions and route handlers.
 */
export async function rememberLocale(locale: AppLocale): Promise<void> {
  const store = await cookies();
  if (store.get(LOCALE_COOKIE)?.value === locale) return;
  store.set(LOCALE_COOKIE, locale, {
    maxAge: ONE_YEAR_IN_SECONDS,
    sameSite: 'lax',
    path: '/',
    // Only the server reads it. Not `secure`: it holds no secret, and the app
    // must also work over plain http on a local machine.
    httpOnly: true,
  });
}
