'use server';

import { DataUseReferenceSchema, type DataUseFollow } from '@sesame/domain';
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';

import type { FormState } from '@/components/forms/form-state';
import { problemState } from '@/components/forms/problem-state';
import { callApiJson } from '@/lib/api/client';
import { currentPerson } from '@/features/identity/session';

/**
 * Follows or stops following a record (`intent` = follow | unfollow). Posted
 * by a plain form, so it works without JavaScript; the record page is
 * re-rendered with the new button and count.
 */
export async function toggleFollow(_previous: FormState, formData: FormData): Promise<FormState> {
  const [t, form] = [await getTranslations('Register.follow'), await getTranslations('Form')];
  const reference = String(formData.get('reference') ?? '');
  if (!DataUseReferenceSchema.safeParse(reference).success) return { status: 'error', message: form('unexpected'), at: Date.now() };
  const page = `/registre/${reference}`;
  const person = await currentPerson();
  if (!person) redirect(`/connexion?retour=${encodeURIComponent(page)}`);
  const follow = formData.get('intent') !== 'unfollow';
  let result: DataUseFollow;
  try {
    result = await callApiJson<DataUseFollow>(`/api/v1/data-uses/${reference}/follow`, { method: follow ? 'PUT' : 'DELETE', as: person });
  } catch (error) {
    return problemState(error, form('unexpected'), formData);
  }
  revalidatePath(page);
  return { status: 'success', message: t(result.following ? 'followed' : 'unfollowed'), at: Date.now() };
}
