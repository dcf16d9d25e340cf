'use server';

import type { PersonSummary } from '@sesame/domain';
import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';

import type { FormState } from '@/components/forms/form-state';
import { problemState } from '@/components/forms/problem-state';
import { callApiJson } from '@/lib/api/client';
import { currentPerson } from '@/features/identity/session';

const ROLES = ['resident', 'facilitator', 'moderator', 'organizer', 'panel_member', 'authority', 'admin'] as const;

/** Grants or revokes one role (the API checks the caller is an admin and writes the audit entry). */
export async function changeRole(_previous: FormState, formData: FormData): Promise<FormState> {
  const person = await currentPerson();
  if (!person) redirect('/connexion');
  const [t, form, roles] = [await getTranslations('Admin'), await getTranslations('Form'), await getTranslations('Roles')];
  const personId = String(formData.get('personId') ?? '');
  const role = String(formData.get('role') ?? '');
  const change = formData.get('change') === 'revoke' ? 'revoke' : 'grant';
  try {
    const summary = await callApiJson<PersonSummary>(`/api/v1/admin/people/${encodeURIComponent(personId)}/roles/${encodeURIComponent(role)}`, {
      method: change === 'grant' ? 'PUT' : 'DELETE',
      as: person,
    });
    const roleName = ROLES.find((r) => r === role);
    return { status: 'success', message: t(change === 'grant' ? 'granted' : 'revoked', { role: roleName ? roles(roleName) : role, pseudonym: summary.pseudonym }), at: Date.now() };
  } catch (error) {
    return problemState(error, form('unexpected'), formData);
  }
}
