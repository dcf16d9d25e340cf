import 'server-only';

import {
  OPINION_NUMBER_PATTERN,
  RECOMMENDATION_REFERENCE_PATTERN,
  REFERRAL_REFERENCE_PATTERN,
  type OpinionDto,
  type OpinionSummaryDto,
  type RecommendationDto,
  type ReferralDto,
  type ReferralSummaryDto,
  type MemberRef,
  type VersionDiffDto,
} from '@sesame/domain';
import { cache } from 'react';

import { callApiJson } from '@/lib/api/client';
import { ApiProblem } from '@/lib/api/problem';
import { currentPerson } from '@/features/identity/session';

// Reads of the panel's recommendations. Signed-in readers call as themselves
// (the API fills `viewer.can` and hides the workspace from others); a refusal
// (403/404) reads as « nothing to show » and the page says so.

/** GET /recommendations/workspace (PanelWorkspaceSchema). */
export type PanelWorkspaceDto = {
  seat: MemberRef | null;
  referrals: ReferralSummaryDto[];
  viewer: { can: Record<'recommendations.view-workspace' | 'recommendations.link-seat', { allowed: boolean }> };
};
/** DiscussionPostSchema. */
export type DiscussionPostDto = { id: string; author: MemberRef; body: string; replyTo: string | null; createdAt: string };
/** RecommendationVersionSchema. */
export type RecommendationVersionDto = { version: number; title: string; body: string; changeNote: string; amendments: number[]; createdAt: string };

const BASE = '/api/v1/recommendations';

export const isReferralReference = (value: string) => REFERRAL_REFERENCE_PATTERN.test(value);
export const isRecommendationReference = (value: string) => RECOMMENDATION_REFERENCE_PATTERN.test(value);
export const isOpinionNumber = (value: string) => OPINION_NUMBER_PATTERN.test(value);

/** A read that answers null when the API refuses it (not found, not allowed, not yet there). */
async function orNull<T>(path: string, signedIn = true): Promise<T | null> {
  const reader = signedIn ? await currentPerson() : null;
  try {
    return await callApiJson<T>(path, { as: reader ?? undefined });
  } catch (error) {
    if (error instanceof ApiProblem && error.status < 500) return null;
    throw error;
  }
}

/** My seat and the open referrals; null for visitors and people who are neither members nor organizers. */
export const fetchWorkspace = cache(async (): Promise<PanelWorkspaceDto | null> => ((await currentPerson()) ? orNull<PanelWorkspaceDto>(`${BASE}/workspace`) : null));

export const fetchReferrals = cache(async (): Promise<ReferralSummaryDto[]> => (await orNull<ReferralSummaryDto[]>(`${BASE}/referrals`)) ?? []);

export const fetchReferral = cache(async (reference: string): Promise<ReferralDto | null> =>
  isReferralReference(reference) ? orNull<ReferralDto>(`${BASE}/referrals/${reference}`) : null,
);

export const fetchDiscussion = cache(async (reference: string): Promise<DiscussionPostDto[]> =>
  isReferralReference(reference) ? ((await orNull<DiscussionPostDto[]>(`${BASE}/referrals/${reference}/discussion`)) ?? []) : [],
);

export const fetchRecommendation = cache(async (reference: string): Promise<RecommendationDto | null> =>
  isRecommendationReference(reference) ? orNull<RecommendationDto>(`${BASE}/items/${reference}`) : null,
);

export const fetchVersions = cache(async (reference: string): Promise<RecommendationVersionDto[]> =>
  isRecommendationReference(reference) ? ((await orNull<RecommendationVersionDto[]>(`${BASE}/items/${reference}/versions`)) ?? []) : [],
);

export async function fetchDiff(reference: string, from: number, to: number): Promise<VersionDiffDto | null> {
  if (!isRecommendationReference(reference) || !(from >= 1) || !(to >= 1)) return null;
  return orNull<VersionDiffDto>(`${BASE}/items/${reference}/diff?from=${from}&to=${to}`);
}

export const fetchOpinions = cache(async (): Promise<OpinionSummaryDto[]> => (await orNull<OpinionSummaryDto[]>(`${BASE}/opinions`, false)) ?? []);

export const fetchOpinion = cache(async (number: string): Promise<OpinionDto | null> => (isOpinionNumber(number) ? orNull<OpinionDto>(`${BASE}/opinions/${number}`) : null));
