import 'server-only';

import {
  CallReferenceSchema,
  DrawReferenceSchema,
  PanelInvitationTokenSchema,
  VolunteerWithdrawTokenSchema,
  type AdvisoryPanelDto,
  type CallDto,
  type PanelDrawDto,
  type PanelDrawReport,
  type PanelInvitation,
  type PanelMemberAdmin,
  type PanelRulesVersion,
  type PoolDetail,
  type SessionPerson,
} from '@sesame/domain';
import { cache } from 'react';

import { callApiJson } from '@/lib/api/client';
import { ApiProblem } from '@/lib/api/problem';
import { currentPerson } from '@/features/identity/session';

// Reads of the advisory panel (routes listed at the top of
// packages/domain/src/advisory-panel/advisory-panel.schema.ts). Signed-in
// readers call as themselves, so that the API fills `viewer.can` (and shows
// organizers the calls in preparation); visitors call anonymously.

const BASE = '/api/v1/advisory-panel';

export type PoolSummary = Omit<PoolDetail, 'quotas' | 'feasibility' | 'volunteersList'>;

export const isDrawReference = (value: string): boolean => DrawReferenceSchema.safeParse(value).success;
export const isCallReference = (value: string): boolean => CallReferenceSchema.safeParse(value).success;
export const isPoolId = (value: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/** null for a 404 (no such thing, or not visible to this reader); any other refusal is thrown. */
async function orNull<T>(read: Promise<T>): Promise<T | null> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 404) return null;
    throw error;
  }
}

/** The public page: rules in force, seats, members, calls, draws, and what this reader may do. */
export const fetchAdvisoryPanel = cache(async (): Promise<AdvisoryPanelDto> => callApiJson<AdvisoryPanelDto>(BASE, { as: await currentPerson() }));

/** Every version of the panel rules, newest first. */
export const fetchRulesVersions = cache((): Promise<PanelRulesVersion[]> => callApiJson<PanelRulesVersion[]>(`${BASE}/rules`));

/** A call for volunteers (the answer form reads its categories here); null when there is none for this reader. */
export const fetchCall = cache(async (reference: string): Promise<CallDto | null> => {
  if (!isCallReference(reference)) return null;
  return orNull(callApiJson<CallDto>(`${BASE}/calls/${reference}`, { as: await currentPerson() }));
});

/** Every call, drafts included for organizers. */
export const fetchCalls = (person: SessionPerson): Promise<CallDto[]> => callApiJson<CallDto[]>(`${BASE}/calls`, { as: person });

/** A draw: commitment, state, progress, seeds, drawn panel; null when there is none. */
export const fetchDraw = cache(async (reference: string): Promise<PanelDrawDto | null> => {
  if (!isDrawReference(reference)) return null;
  return orNull(callApiJson<PanelDrawDto>(`${BASE}/draws/${reference}`, { as: await currentPerson() }));
});

/** The published report of a computed draw (probabilities, minimum, quota table). */
export const fetchDrawReport = cache((reference: string): Promise<PanelDrawReport> => callApiJson<PanelDrawReport>(`${BASE}/draws/${reference}/report`));

export const isInvitationToken = (value: string): boolean => PanelInvitationTokenSchema.safeParse(value).success;
/** The code of an answer's withdrawal link (`?jeton=` of /comite/appels/<reference>/retrait). */
export const isWithdrawToken = (value: string): boolean => VolunteerWithdrawTokenSchema.safeParse(value).success;

/** A drawn volunteer's invitation, read with the token of their e-mail's link (anonymously: the link is the proof); null when the link is not valid. */
export const fetchInvitation = cache(async (token: string): Promise<PanelInvitation | null> => {
  if (!isInvitationToken(token)) return null;
  return orNull(callApiJson<PanelInvitation>(`${BASE}/invitation?token=${token}`));
});

/** Every member with their private fields (organizers). */
export const fetchMembersAdmin = (person: SessionPerson): Promise<PanelMemberAdmin[]> => callApiJson<PanelMemberAdmin[]>(`${BASE}/members`, { as: person });

/** Every pool (organizers). */
export const fetchPools = (person: SessionPerson): Promise<PoolSummary[]> => callApiJson<PoolSummary[]>(`${BASE}/pools`, { as: person });

/** One pool with its volunteers (pseudonymised), quotas and feasibility; null when there is none. */
export const fetchPool = cache(async (person: SessionPerson, id: string): Promise<PoolDetail | null> => {
  if (!isPoolId(id)) return null;
  return orNull(callApiJson<PoolDetail>(`${BASE}/pools/${id}`, { as: person }));
});

/** Today, YYYY-MM-DD (a term's default start; a function, so that components stay pure). */
export const today = (): string => new Date().toISOString().slice(0, 10);
