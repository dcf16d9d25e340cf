import 'server-only';

import { DELIBERABLE_PROPOSAL_STATES, type DeliberationDto, type SessionPerson, type StatementOfReasons } from '@sesame/domain';
import { cache } from 'react';

import { callApiJson } from '@/lib/api/client';
import { fetchEveryPage } from '@/lib/every-page';
import { ApiProblem } from '@/lib/api/problem';
import { currentPerson } from '@/features/identity/session';

import { isSpaceId } from './form-values';

/**
 * Reads of the moderation pages: the moderators' queue, the person's own
 * decisions, the public log and the transparency figures, the spaces a
 * moderator or a facilitator works in. Types of the routes' answers follow
 * the API's contracts (deliberation.schema.ts).
 */


/** A statement of reasons with the subject it was taken in. */
export type LogEntry = StatementOfReasons & { subjectTitle: string; subjectReference: string };
export type LogPage<T = StatementOfReasons> = { items: T[]; page: number; pageSize: number; total: number };
export type MyDecision = LogEntry & { canAppeal: boolean; appealUntil: string };

export type QueueContribution = {
  id: string;
  parentId: string | null;
  depth: number;
  stance: string;
  state: string;
  origin: string;
  body: string;
  author: string | null;
  edited: boolean;
  moderationNotice: string | null;
  createdAt: string;
  previousBodies: string[];
};
export type QueueItem = {
  contribution: QueueContribution;
  deliberationId: string;
  parentBody: string | null;
  reports: { reasonCode: string; law: string; explanation: string; at: string }[];
  authorDecisions: StatementOfReasons[];
  waitingSince: string;
};
export type PendingAppeal = { id: string; explanation: string; filedAt: string; decision: StatementOfReasons; contributionBody: string | null; canDecide: boolean };
export type ModerationQueue = { items: QueueItem[]; appeals?: PendingAppeal[] };

export type Transparency = {
  decisions: number;
  byReason: { code: string; description: string; count: number }[];
  byDecision: { decision: string; count: number }[];
  automatic: number;
  human: number;
  medianHoursToDecision: number | null;
  appeals: { filed: number; pending: number; upheld: number; reversed: number };
};

const orNull = async <T>(read: () => Promise<T>): Promise<T | null> => {
  try {
    return await read();
  } catch (error) {
    if (error instanceof ApiProblem && (error.status === 404 || error.status === 400)) return null;
    throw error;
  }
};

/** A space as this reader may see it (its rules, phase, counts and `viewer.can`); null when there is none. */
export const fetchSpace = cache(async (id: string): Promise<DeliberationDto | null> => {
  if (!isSpaceId(id)) return null;
  const reader = await currentPerson();
  return orNull(() => callApiJson<DeliberationDto>(`/api/v1/deliberations/${id}`, { as: reader }));
});

/** The space opened on a proposal, or null. */
export const fetchSpaceOfProposal = cache(async (reference: string): Promise<DeliberationDto | null> => {
  const reader = await currentPerson();
  return orNull(() => callApiJson<DeliberationDto>(`/api/v1/deliberations/by-subject/proposal/${encodeURIComponent(reference)}`, { as: reader }));
});

export const fetchQueue = (person: SessionPerson, id: string): Promise<ModerationQueue> => callApiJson<ModerationQueue>(`/api/v1/deliberations/${id}/moderation-queue`, { as: person });

/** The decisions about the signed-in person (their contributions or their account). */
export const fetchMyDecisions = (person: SessionPerson): Promise<{ items: MyDecision[] }> => callApiJson<{ items: MyDecision[] }>('/api/v1/moderation-decisions/mine', { as: person });

export const fetchOverallLog = (page: number, pageSize = 20): Promise<LogPage<LogEntry>> => callApiJson<LogPage<LogEntry>>(`/api/v1/moderation-log?page=${page}&pageSize=${pageSize}`);

export const fetchSpaceLog = (id: string, page: number, pageSize = 20): Promise<LogPage> => callApiJson<LogPage>(`/api/v1/deliberations/${id}/moderation-log?page=${page}&pageSize=${pageSize}`);

export const fetchTransparency = (id: string | null): Promise<Transparency> =>
  callApiJson<Transparency>(id ? `/api/v1/deliberations/${id}/transparency` : '/api/v1/moderation/transparency');

/** A proposal a space may be opened on (accepted, and not withdrawn), with its space if it has one. */
export type SubjectWithSpace = { reference: string; title: string; state: string; space: DeliberationDto | null };

type ProposalRow = { reference: string; title: string | null; state: string };

/**
 * The proposals that may hold a space, each with its space (or none). There is
 * no list of spaces in the API: the proposals in the states a space is opened
 * in are read, then each one's space.
 */
export const fetchSubjectsWithSpaces = cache(async (): Promise<SubjectWithSpace[]> => {
  const reader = await currentPerson();
  const lists = await Promise.all(
    DELIBERABLE_PROPOSAL_STATES.map((status) =>
      fetchEveryPage((page) => callApiJson<{ items: ProposalRow[]; total: number }>(`/api/v1/proposals?status=${status}&sort=newest&page=${page}&pageSize=100`, { as: reader })),
    ),
  );
  const proposals = lists.flat();
  const spaces = await Promise.all(proposals.map((proposal) => fetchSpaceOfProposal(proposal.reference)));
  return proposals.map((proposal, index) => ({ reference: proposal.reference, title: proposal.title ?? proposal.reference, state: proposal.state, space: spaces[index] ?? null }));
});

/** The proposal a new space would be opened on, if it may hold one. */
export async function fetchOpenableProposal(reference: string): Promise<ProposalRow | null> {
  if (!/^PR-\d{4}-\d{3,}$/.test(reference)) return null;
  const reader = await currentPerson();
  const proposal = await orNull(() => callApiJson<ProposalRow>(`/api/v1/proposals/${encodeURIComponent(reference)}`, { as: reader }));
  return proposal && (DELIBERABLE_PROPOSAL_STATES as readonly string[]).includes(proposal.state) ? proposal : null;
}

/** Now, for waiting times (a function, so that components stay pure). */
export const now = (): Date => new Date();
