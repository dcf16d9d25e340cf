import 'server-only';

import { ProposalReferenceSchema, type Neighbourhood, type ProposalDto, type ProposalSummary, type SessionPerson, type SupportSettings } from '@sesame/domain';
import { cache } from 'react';

import { ApiProblem } from '@/lib/api/problem';
import { callApiJson } from '@/lib/api/client';
import { fetchNeighbourhoods } from '@/features/identity/queries';
import { currentPerson } from '@/features/identity/session';
import { fetchEveryPage } from '@/lib/every-page';

import { proposalFilters, type ProposalFilters } from './filters';

// Reads of proposals. Signed-in readers call as themselves, so the API fills
// `viewer` (and shows authors their drafts); visitors call anonymously.
// Per-request `cache` lets generateMetadata and the page share one call.

export interface ProposalPage {
  items: ProposalSummary[];
  page: number;
  pageSize: number;
  total: number;
}

export const isProposalReference = (value: string): boolean => ProposalReferenceSchema.safeParse(value).success;

/** One page of public proposals. Throws ApiProblem 400 when a filter is not valid. */
export async function fetchProposalPage(filters: ProposalFilters, page: number, pageSize?: number): Promise<ProposalPage> {
  return callApiJson<ProposalPage>(proposalFilters.apiPath(filters, page, pageSize));
}

/** A proposal as this reader may see it; null when there is none (or it is someone else's draft). */
export const fetchProposal = cache(async (reference: string): Promise<ProposalDto | null> => {
  if (!isProposalReference(reference)) return null;
  const reader = await currentPerson();
  try {
    return await callApiJson<ProposalDto>(`/api/v1/proposals/${encodeURIComponent(reference)}`, { as: reader });
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 404) return null;
    throw error;
  }
});

/** The person's own proposals, drafts included. */
export const fetchMyProposals = (person: SessionPerson): Promise<ProposalSummary[]> => callApiJson<ProposalSummary[]>('/api/v1/me/proposals', { as: person });

/** Every proposal in one state, for the organizers' queue (paged through: a queue must not stop at 100). */
export async function fetchProposalsInState(person: SessionPerson, status: 'submitted' | 'qualified' | 'selected'): Promise<ProposalSummary[]> {
  return fetchEveryPage((page) => callApiJson<ProposalPage>(proposalFilters.apiPath({ status, sort: 'newest' }, page, 100), { as: person }));
}

export const fetchSupportSettings = (): Promise<SupportSettings> => callApiJson<SupportSettings>('/api/v1/proposal-settings');

/** The published register records a proposal may concern, by title; empty when the register cannot be read (the page still works). */
export const fetchDataUseChoices = cache(async (): Promise<{ reference: string; title: string }[]> => {
  try {
    const items = await fetchEveryPage((page) => callApiJson<{ items: { reference: string; title: string }[]; total: number }>(`/api/v1/data-uses?page=${page}&pageSize=100`));
    return items.map(({ reference, title }) => ({ reference, title })).sort((a, b) => a.title.localeCompare(b.title, 'fr'));
  } catch (error) {
    console.error('[proposals] register unavailable:', error);
    return [];
  }
});

/** The town's neighbourhoods; an empty list when the API cannot give them. */
export const fetchNeighbourhoodChoices = cache(async (): Promise<Neighbourhood[]> => {
  try {
    return await fetchNeighbourhoods();
  } catch (error) {
    console.error('[proposals] neighbourhoods unavailable:', error);
    return [];
  }
});

/** Now, for day counts (a function, so that components stay pure). */
export const now = (): Date => new Date();
