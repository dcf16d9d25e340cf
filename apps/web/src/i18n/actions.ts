'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';

import { safeRelativePath } from '../lib/safe-redirect';
import { LOCALE_COOKIE, resolveLocale } from './config';

const ONE_YEAR_IN_SECONDS = 60 * 60 * 24 * 365;

/**
 * Language switch. Called by a plain <form>, so it also works without
 * JavaScript: the browser posts, we set the cookie and redirect back.
 */
export async function setLocale(formData: FormData): Promise<void> {
  const locale = resolveLocale(String(formData.get('locale') ?? ''));
  const store = await cookies();
  store.set(LOCALE_COOKIE, locale, {
    maxAge: ONE_YEAR_IN_SECONDS,
    sameSite: 'lax',
    path: '/',
    // Only the server reads it. Not `secure`: it holds no secret, and the app
    // must also work over plain http on a local machine.
    httpOnly: true,
  });
  redirect(safeRelativePath(formData.get('redirectTo')));
}
