'use server';

import type { CensusImportResult, InvitationBatchSummary } from '@sesame/domain';
import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';

import type { FormState } from '@/components/forms/form-state';
import { problemState } from '@/components/forms/problem-state';
import { callApiJson } from '@/lib/api/client';
import { currentPerson } from '@/features/identity/session';

async function organizer() {
  const person = await currentPerson();
  if (!person) redirect('/connexion');
  return person;
}

export async function revokeBatch(_previous: FormState, formData: FormData): Promise<FormState> {
  const person = await organizer();
  const [t, form] = [await getTranslations('Organisation'), await getTranslations('Form')];
  try {
    const before = String(formData.get('revoked') ?? '0');
    const batch = await callApiJson<InvitationBatchSummary>(`/api/v1/verification/invitation-batches/${encodeURIComponent(String(formData.get('batchId') ?? ''))}/revoke`, { method: 'POST', as: person });
    return { status: 'success', message: t('revoked', { count: batch.revoked - Number(before) }), at: Date.now() };
  } catch (error) {
    return problemState(error, form('unexpected'), formData);
  }
}

/** The census CSV goes straight to the API; the web keeps nothing of it. */
export async function importCensus(_previous: FormState, formData: FormData): Promise<FormState> {
  const person = await organizer();
  const [t, form] = [await getTranslations('Organisation'), await getTranslations('Form')];
  const file = formData.get('file');
  const neighbourhoodId = String(formData.get('neighbourhoodId') ?? '');
  try {
    const csv = file instanceof File ? await file.text() : '';
    const result = await callApiJson<CensusImportResult>(`/api/v1/verification/census${neighbourhoodId ? `?neighbourhoodId=${encodeURIComponent(neighbourhoodId)}` : ''}`, {
      method: 'POST',
      as: person,
      raw: { body: csv, contentType: 'text/csv' },
    });
    const details = result.rejected.slice(0, 20).map((line) => t('rejectedLine', { line: line.line, reason: line.reason }));
    return {
      status: 'success',
      message: [t('imported', { imported: result.imported, already: result.alreadyPresent, rejected: result.rejected.length }), ...details].join(' '),
      at: Date.now(),
    };
  } catch (error) {
    return problemState(error, form('unexpected'), formData);
  }
}
