import 'server-only';

import { RecommendationReferenceSchema, TRACKED_DECISIONS, type AuthorityResponseRecord, type AuthorityResponseViewDto, type OutstandingResponsesDto, type OverdueCounter } from '@sesame/domain';
import { cache } from 'react';

import { callApiJson } from '@/lib/api/client';
import { ApiProblem } from '@/lib/api/problem';
import { currentPerson } from '@/features/identity/session';

// Reads of the authority's answers (routes listed at the top of
// packages/domain/src/authority-responses/authority-responses.schema.ts).

const BASE = '/api/v1/authority-responses';

/** The public counter, or null when it cannot be read: the home page and /comite then leave it out (they never fail for it). */
export async function fetchOverdueCounter(): Promise<OverdueCounter | null> {
  try {
    return await callApiJson<OverdueCounter>(`${BASE}/overdue`);
  } catch (error) {
    console.error('[authority-responses] counter unavailable:', error);
    return null;
  }
}

/** What the authority owes, most overdue first. */
export const fetchOutstanding = cache((): Promise<OutstandingResponsesDto> => callApiJson<OutstandingResponsesDto>(`${BASE}/outstanding`));

/** A published recommendation's response and tracking, as this reader may act on it; null when there is none. */
export const fetchAuthorityResponse = cache(async (reference: string): Promise<AuthorityResponseViewDto | null> => {
  if (!RecommendationReferenceSchema.safeParse(reference).success) return null;
  try {
    return await callApiJson<AuthorityResponseViewDto>(`${BASE}/${reference}`, { as: await currentPerson() });
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 404) return null;
    throw error;
  }
});

/**
 * The answers the town is tracking (accepted, even in part), next report due
 * first: read from the public open-data document, which lists every
 * published recommendation with its answer and tracking.
 */
export const fetchTrackedResponses = cache(async (): Promise<AuthorityResponseRecord[]> => {
  const { records } = await callApiJson<{ records: AuthorityResponseRecord[] }>('/api/v1/open-data/authority-responses.json');
  return records
    .filter((record) => record.response !== null && TRACKED_DECISIONS.includes(record.response.decision))
    .sort((a, b) => (a.nextProgressReport?.dueAt ?? '').localeCompare(b.nextProgressReport?.dueAt ?? '') || a.recommendation.reference.localeCompare(b.recommendation.reference));
});
