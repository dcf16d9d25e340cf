import 'server-only';

import {
  DataUseReferenceSchema,
  type DataUseDiff,
  type DataUseDto,
  type DataUseSummary,
  type DataUseVersionSummary,
  type Neighbourhood,
  type SessionPerson,
} from '@sesame/domain';
import { cache } from 'react';

import { ApiProblem } from '@/lib/api/problem';
import { callApiJson } from '@/lib/api/client';
import { fetchNeighbourhoods } from '@/features/identity/queries';
import { currentPerson } from '@/features/identity/session';
import { fetchEveryPage } from '@/lib/every-page';

import { registerFilters, type RegisterFilters } from './filters';

// Public reads of the register. Signed-in readers call as themselves, so the
// API fills `following` (and shows editors what they may see); visitors call
// anonymously. Per-request `cache` lets generateMetadata and the page share one call.

export interface DataUsePage {
  items: DataUseSummary[];
  page: number;
  pageSize: number;
  total: number;
}

export const isDataUseReference = (value: string): boolean => DataUseReferenceSchema.safeParse(value).success;

const notFoundAsNull = async <T>(call: () => Promise<T>): Promise<T | null> => {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 404) return null;
    throw error;
  }
};

/** One page of published records. Throws ApiProblem 400 when a filter is not valid. */
export async function fetchDataUsePage(filters: RegisterFilters, page: number): Promise<DataUsePage> {
  const reader = await currentPerson();
  return callApiJson<DataUsePage>(registerFilters.apiPath(filters, page), { as: reader });
}

/** Every record in one state as the register's editors see it (paged through: editors must see all their drafts, not the first hundred). */
export function fetchRecordsInState(editor: SessionPerson, state: 'draft' | 'published'): Promise<DataUseSummary[]> {
  return fetchEveryPage((page) => callApiJson<DataUsePage>(`/api/v1/data-uses?state=${state}&page=${page}&pageSize=100`, { as: editor }));
}

/** A published record (or a draft, for editors); null when there is none under this reference. */
export const fetchDataUse = cache(async (reference: string): Promise<DataUseDto | null> => {
  if (!isDataUseReference(reference)) return null;
  const reader = await currentPerson();
  return notFoundAsNull(() => callApiJson<DataUseDto>(`/api/v1/data-uses/${encodeURIComponent(reference)}`, { as: reader }));
});

/** The record's versions, newest first; null when the record does not exist. */
export const fetchDataUseVersions = cache(async (reference: string): Promise<DataUseVersionSummary[] | null> => {
  if (!isDataUseReference(reference)) return null;
  const reader = await currentPerson();
  return notFoundAsNull(() => callApiJson<DataUseVersionSummary[]>(`/api/v1/data-uses/${encodeURIComponent(reference)}/versions`, { as: reader }));
});

/** What version `version` changed from the one before; null when there is no such version (or it is the first). */
export const fetchDataUseDiff = cache(async (reference: string, version: number): Promise<DataUseDiff | null> => {
  if (!isDataUseReference(reference) || !Number.isSafeInteger(version) || version < 2) return null;
  const reader = await currentPerson();
  return notFoundAsNull(() => callApiJson<DataUseDiff>(`/api/v1/data-uses/${encodeURIComponent(reference)}/versions/${version}/diff`, { as: reader }));
});

/** The town's neighbourhoods; an empty list when the API cannot give them (the page still works). */
export const fetchNeighbourhoodsOrNone = cache(async (): Promise<Neighbourhood[]> => {
  try {
    return await fetchNeighbourhoods();
  } catch (error) {
    console.error('[register] neighbourhoods unavailable:', error);
    return [];
  }
});
