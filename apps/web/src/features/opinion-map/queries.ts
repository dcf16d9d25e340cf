import 'server-only';

import type { NextStatement, OpinionMapView, SessionPerson, Statement, StatementList } from '@sesame/domain';
import { cache } from 'react';

import { callApiJson } from '@/lib/api/client';
import { ApiProblem } from '@/lib/api/problem';
import { currentPerson } from '@/features/identity/session';

import { mapApi, statementsApi } from './paths';

// Reads of a space's statements and opinion map. Signed-in readers call as
// themselves, so the API fills their vote, their own statements and
// `viewer.can`; visitors call anonymously. The map is served precomputed by
// the API (never computed here).

const missing = (error: unknown) => error instanceof ApiProblem && error.status === 404;

/** The space's approved statements (and the reader's own pending or rejected ones), with what the reader may do; null when the space has none. */
export const fetchStatements = cache(async (spaceId: string): Promise<StatementList | null> => {
  const reader = await currentPerson();
  try {
    return await callApiJson<StatementList>(statementsApi(spaceId), { as: reader });
  } catch (error) {
    if (missing(error)) return null;
    throw error;
  }
});

/** The next statement the person should vote on (the algorithm's order), and how many are left. */
export async function fetchNextStatement(spaceId: string, person: SessionPerson): Promise<NextStatement> {
  return callApiJson<NextStatement>(`${statementsApi(spaceId)}/next`, { as: person });
}

/** The person's own statements, in every state, with the reason of a rejection. */
export async function fetchMyStatements(spaceId: string, person: SessionPerson): Promise<Statement[]> {
  return callApiJson<Statement[]>(`${statementsApi(spaceId)}/mine`, { as: person });
}

/** The statements waiting for a moderator's decision; empty for a person who may not see the queue. */
export async function fetchStatementQueue(spaceId: string, person: SessionPerson): Promise<Statement[]> {
  try {
    return await callApiJson<Statement[]>(`${statementsApi(spaceId)}/moderation-queue`, { as: person });
  } catch (error) {
    if (error instanceof ApiProblem && (error.status === 403 || error.status === 404)) return [];
    throw error;
  }
}

/** The space's opinion map as last computed (too early below the minimum of voters); null when the space has none. */
export const fetchOpinionMap = cache(async (spaceId: string): Promise<OpinionMapView | null> => {
  const reader = await currentPerson();
  try {
    return await callApiJson<OpinionMapView>(mapApi(spaceId), { as: reader });
  } catch (error) {
    if (missing(error)) return null;
    throw error;
  }
});
