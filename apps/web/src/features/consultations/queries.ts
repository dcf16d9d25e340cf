import 'server-only';

import {
  CONSULTATION_REFERENCE_PATTERN,
  type ConsultationDto,
  type ConsultationResultsDto,
  type ConsultationSummary,
  type DeliberationDto,
  type HearingDto,
  type ListedPaperCountDto,
  type QuestionDto,
  type SessionPerson,
  type TurnoutDto,
} from '@sesame/domain';
import { cache } from 'react';

import { ApiProblem } from '@/lib/api/problem';
import { callApiJson } from '@/lib/api/client';
import { fetchNeighbourhoods } from '@/features/identity/queries';
import { currentPerson } from '@/features/identity/session';
import { fetchEveryPage } from '@/lib/every-page';

// Reads of consultations. Signed-in readers call as themselves so that the API
// fills `viewer` (did I vote, what may I do); visitors call anonymously.

export const isConsultationReference = (value: string): boolean => CONSULTATION_REFERENCE_PATTERN.test(value);

const path = (reference: string, rest = '') => `/api/v1/consultations/${encodeURIComponent(reference)}${rest}`;

interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

/** Every consultation the reader may see (drafts are the organizers', asked for with `state=draft`). */
export async function fetchConsultations(as?: SessionPerson | null, state?: string): Promise<ConsultationSummary[]> {
  const filter = state ? `&state=${encodeURIComponent(state)}` : '';
  return fetchEveryPage((page) => callApiJson<Page<ConsultationSummary>>(`/api/v1/consultations?page=${page}&pageSize=100${filter}`, { as: as ?? undefined }));
}

/** A consultation as this reader may see it; null when there is none (or a draft the reader may not see). */
export const fetchConsultation = cache(async (reference: string): Promise<ConsultationDto | null> => {
  if (!isConsultationReference(reference)) return null;
  const reader = await currentPerson();
  try {
    return await callApiJson<ConsultationDto>(path(reference), { as: reader ?? undefined });
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 404) return null;
    throw error;
  }
});

/** The consultation's deliberation space (statements and the opinion map) as this reader may see it; null until organizers open it. */
export const fetchConsultationDeliberation = cache(async (reference: string): Promise<DeliberationDto | null> => {
  if (!isConsultationReference(reference)) return null;
  const reader = await currentPerson();
  try {
    return await callApiJson<DeliberationDto>(`/api/v1/deliberations/by-subject/consultation/${encodeURIComponent(reference)}`, { as: reader ?? undefined });
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 404) return null;
    throw error;
  }
});

/** Hearings as the reader may see them (a draft's: organizers only); none when the API shows none. */
export const fetchHearings = cache(async (reference: string): Promise<{ items: HearingDto[]; balance: { for: number; against: number; neutral: number } }> => {
  const reader = await currentPerson();
  try {
    return await callApiJson(path(reference, '/hearings'), { as: reader ?? undefined });
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 404) return { items: [], balance: { for: 0, against: 0, neutral: 0 } };
    throw error;
  }
});

export const fetchQuestions = cache(async (reference: string): Promise<QuestionDto[]> => {
  const reader = await currentPerson();
  try {
    return await fetchEveryPage((page) => callApiJson<Page<QuestionDto>>(path(reference, `/questions?page=${page}&pageSize=100`), { as: reader ?? undefined }));
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 404) return [];
    throw error;
  }
});

/** Turnout (« provisoire » while the vote is open); null before the vote. */
export async function fetchTurnout(reference: string): Promise<TurnoutDto | null> {
  try {
    return await callApiJson<TurnoutDto>(path(reference, '/turnout'));
  } catch (error) {
    if (error instanceof ApiProblem && error.status < 500) return null;
    throw error;
  }
}

/** Results after the close; null before (the API refuses them to everyone, organizers included). */
export const fetchResults = cache(async (reference: string): Promise<ConsultationResultsDto | null> => {
  const reader = await currentPerson();
  try {
    return await callApiJson<ConsultationResultsDto>(path(reference, '/results'), { as: reader ?? undefined });
  } catch (error) {
    if (error instanceof ApiProblem && (error.status === 403 || error.status === 404 || error.status === 422)) return null;
    throw error;
  }
});

export async function fetchPaperTotals(reference: string): Promise<ListedPaperCountDto[]> {
  try {
    return await callApiJson<ListedPaperCountDto[]>(path(reference, '/paper-totals'), { as: (await currentPerson()) ?? undefined });
  } catch (error) {
    if (error instanceof ApiProblem && error.status < 500) return [];
    throw error;
  }
}

/** Whether a receipt code is in the box (never the choices); null when the code or the phase is refused. */
export async function checkReceipt(reference: string, receipt: string): Promise<{ inBox: boolean; ballotList: { sha256: string; url: string } | null; choices: unknown } | null> {
  try {
    return await callApiJson(path(reference, `/receipts/${encodeURIComponent(receipt)}`));
  } catch (error) {
    if (error instanceof ApiProblem && error.status < 500) return null;
    throw error;
  }
}

/** Polling stations: a person's eligibility, as an officer sees it. */
export async function fetchStationEligibility(person: SessionPerson, reference: string, voterCode: string) {
  return callApiJson<{ voterCode: string; eligible: boolean; reason: string | null; alreadyVoted: boolean }>(
    path(reference, `/station/eligibility/${encodeURIComponent(voterCode)}`),
    { as: person },
  );
}

/** Published data uses, for the organizer's form. */
export const fetchDataUseChoices = cache(async (): Promise<{ reference: string; title: string }[]> => {
  try {
    const items = await fetchEveryPage((page) => callApiJson<Page<{ reference: string; title: string }>>(`/api/v1/data-uses?page=${page}&pageSize=100`));
    return items.map(({ reference, title }) => ({ reference, title }));
  } catch (error) {
    console.error('[consultations] register unavailable:', error);
    return [];
  }
});

/** The town's neighbourhoods (the territory's), for the rule « verified residents of given neighbourhoods »; none when the API cannot give them. */
export const fetchNeighbourhoodChoices = cache(async (): Promise<{ id: string; name: string }[]> => {
  try {
    return (await fetchNeighbourhoods()).map(({ id, name }) => ({ id, name }));
  } catch (error) {
    console.error('[consultations] neighbourhoods unavailable:', error);
    return [];
  }
});
