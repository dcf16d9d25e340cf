import 'server-only';

import { RecommendationReferenceSchema, type AnsweredResponsesPage, type AuthorityResponseViewDto, type OutstandingResponsesDto, type OverdueCounter, type SessionPerson } from '@sesame/domain';
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

/** How many tracked answers the work area shows per page. */
export const TRACKED_PAGE_SIZE = 50;

/**
 * A page of the answers the town is tracking (accepted, even in part), next
 * report due first: the work areas' own route (town and organizers).
 */
export const fetchTrackedResponses = cache(
  (person: SessionPerson, page: number): Promise<AnsweredResponsesPage> =>
    callApiJson<AnsweredResponsesPage>(`${BASE}/answered?${new URLSearchParams({ tracked: 'true', page: String(page), pageSize: String(TRACKED_PAGE_SIZE) }).toString()}`, { as: person }),
);
