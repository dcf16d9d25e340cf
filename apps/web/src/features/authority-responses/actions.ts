'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';

import type { FormState } from '@/components/forms/form-state';
import { problemState } from '@/components/forms/problem-state';
import { callApiJson } from '@/lib/api/client';
import { currentPerson } from '@/features/identity/session';

import { WORKSPACE_PATH } from './paths';
const BASE = '/api/v1/authority-responses';

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
};

/** The authority answers a recommendation: comply or explain (the API checks the justification, the window and the role). */
export async function answerRecommendation(_previous: FormState, formData: FormData): Promise<FormState> {
  const person = await currentPerson();
  if (!person) redirect(`/connexion?retour=${encodeURIComponent(WORKSPACE_PATH)}`);
  const reference = text(formData, 'reference');
  const body = { decision: text(formData, 'decision'), justification: text(formData, 'justification'), commitments: text(formData, 'commitments'), timeline: text(formData, 'timeline') };
  try {
    await callApiJson(`${BASE}/${encodeURIComponent(reference)}`, { method: 'POST', as: person, body });
  } catch (error) {
    return problemState(error, (await getTranslations('Form'))('unexpected'), formData);
  }
  revalidatePath('/comite/reponses-attendues');
  revalidatePath('/');
  const t = await getTranslations('AuthorityResponses.workspace');
  return { status: 'success', message: t('answered', { reference }), at: Date.now() };
}
