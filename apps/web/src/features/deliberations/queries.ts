import 'server-only';

import type { ContributionDto, DeliberationDto, Stance } from '@sesame/domain';
import { cache } from 'react';

import { callApiJson } from '@/lib/api/client';
import { ApiProblem } from '@/lib/api/problem';
import { fetchEveryPage } from '@/lib/every-page';
import { currentPerson } from '@/features/identity/session';
import { isProposalReference } from '@/features/proposals/queries';

import { mostAppreciated, type ThreadView } from './thread';

// Reads of deliberation spaces. Signed-in readers call as themselves, so the
// API fills `viewer` (what they may do, their own pending contributions);
// visitors call anonymously. Per-request `cache` lets generateMetadata, the
// page and the proposal page share one call.

interface ContributionPage {
  items: ContributionDto[];
  page: number;
  pageSize: number;
  total: number;
}

const spacePath = (id: string) => `/api/v1/deliberations/${encodeURIComponent(id)}`;

/** The deliberation space of a proposal, as this reader may see it; null when the proposal has none (or cannot be read). */
export const fetchProposalDeliberation = cache(async (reference: string): Promise<DeliberationDto | null> => {
  if (!isProposalReference(reference)) return null;
  const reader = await currentPerson();
  try {
    return await callApiJson<DeliberationDto>(`/api/v1/deliberations/by-subject/proposal/${encodeURIComponent(reference)}`, { as: reader });
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 404) return null;
    throw error;
  }
});

/**
 * Every contribution of a space (top contributions and replies), in the
 * order asked; the page nests and pages them (see thread.ts).
 */
export const fetchContributions = cache(async (spaceId: string, sort: ThreadView['sort']): Promise<ContributionDto[]> => {
  const reader = await currentPerson();
  return fetchEveryPage((page) => callApiJson<ContributionPage>(`${spacePath(spaceId)}/contributions?sort=${sort}&page=${page}&pageSize=100`, { as: reader }));
});

/** The three most appreciated arguments of one stance (the summary at the top of the thread). */
export async function fetchMostAppreciated(spaceId: string, stance: Stance): Promise<ContributionDto[]> {
  const { items } = await callApiJson<ContributionPage>(`${spacePath(spaceId)}/contributions?sort=helpful&stance=${stance}&pageSize=10`);
  return mostAppreciated(items);
}
