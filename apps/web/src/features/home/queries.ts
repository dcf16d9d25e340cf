import 'server-only';

import type { DataUseSummary, ProposalSummary } from '@sesame/domain';

import { callApiJson } from '@/lib/api/client';

/** A few items of a list, and how many there are in all. */
export type Glimpse<T> = { items: T[]; total: number };

/** How many items of each kind the home page shows. */
const SHOWN = 3;

/** The list, or null when it cannot be read: the home page then leaves its section out (it never fails for it). */
async function glimpse<T>(path: string, what: string): Promise<Glimpse<T> | null> {
  try {
    const { items, total } = await callApiJson<{ items: T[]; total: number }>(path);
    return { items, total };
  } catch (error) {
    console.error(`[home] ${what} unavailable:`, error);
    return null;
  }
}

/**
 * What is live on the platform, for the home page: the latest proposals, and
 * the register's records past their review or sunset date (to be reviewed
 * again). Consultations will join when that feature exists.
 */
export async function fetchLiveContent(): Promise<{ proposals: Glimpse<ProposalSummary> | null; dueRecords: Glimpse<DataUseSummary> | null }> {
  const [proposals, dueRecords] = await Promise.all([
    glimpse<ProposalSummary>(`/api/v1/proposals?sort=newest&pageSize=${SHOWN}`, 'proposals'),
    glimpse<DataUseSummary>(`/api/v1/data-uses?due=past&pageSize=${SHOWN}`, 'register'),
  ]);
  return { proposals, dueRecords };
}
