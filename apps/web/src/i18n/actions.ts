'use server';

import { redirect } from 'next/navigation';

import { safeRelativePath } from '../lib/safe-redirect';
import { resolveLocale } from './config';
import { rememberLocale } from './remember-locale';

/**
 * Language switch. Called by a plain <form>, so it also works without
 * JavaScript: the browser posts, we set the cookie and redirect back.
 */
export async function setLocale(formData: FormData): Promise<void> {
  await rememberLocale(resolveLocale(String(formData.get('locale') ?? '')));
  redirect(safeRelativePath(formData.get('redirectTo')));
}
