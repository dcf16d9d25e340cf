/**
 * The list's filters as they travel in the page address
 * (`/propositions?kind=ban&sort=most_supported&page=2`) and on to the API.
 * Pure functions: the page, its pagination links and the API call all build
 * their addresses here, so a filter is never dropped.
 */

import type { Fallback } from '@/lib/listing';

export const PROPOSALS_PAGE_SIZE = 20;

/** The filters of GET /api/v1/proposals, in the order the form shows them. */
export const FILTER_NAMES = ['q', 'status', 'kind', 'dataUse', 'neighbourhoodId', 'sort'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];
export type ProposalFilters = Partial<Record<FilterName, string>>;

export type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

export function isFilterName(value: string): value is FilterName {
  return (FILTER_NAMES as readonly string[]).includes(value);
}

/** The filters present in the address; empty fields (a submitted form sends them all) mean "no filter". */
export function readFilters(params: SearchParams): ProposalFilters {
  const filters: ProposalFilters = {};
  for (const name of FILTER_NAMES) {
    const value = first(params[name])?.trim();
    if (value) filters[name] = value.slice(0, 200);
  }
  return filters;
}

/** ?page=; anything that is not a positive integer means page 1. */
export function readPage(params: SearchParams): number {
  const value = first(params.page);
  if (!value || !/^\d{1,6}$/.test(value)) return 1;
  return Math.max(1, Number.parseInt(value, 10));
}

/** Filters that narrow the list (the sort order does not). */
export function hasFilters(filters: ProposalFilters): boolean {
  return FILTER_NAMES.some((name) => name !== 'sort' && filters[name] !== undefined);
}

/**
 * After the API refused the filters (400): the whole list instead, naming the
 * refused fields (any of them, e.g. `page`), or every filter given when the
 * API does not say which.
 */
export function proposalsFallback(refused: string[], filters: ProposalFilters): Fallback<ProposalFilters> {
  const named = refused.filter(Boolean);
  const names = named.length > 0 ? named : FILTER_NAMES.filter((name) => filters[name] !== undefined);
  return { attempts: [{}], invalid: [...new Set(names)] };
}

function query(filters: ProposalFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    const value = filters[name];
    if (value !== undefined) params.set(name, value);
  }
  return params;
}

/** This list's address with the same filters, at `page`. */
export function proposalsHref(filters: ProposalFilters, page = 1): string {
  const params = query(filters);
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return search ? `/propositions?${search}` : '/propositions';
}

/** The API address for one page of the list. */
export function proposalListPath(filters: ProposalFilters, page: number, pageSize = PROPOSALS_PAGE_SIZE): string {
  const params = query(filters);
  params.set('page', String(page));
  params.set('pageSize', String(pageSize));
  return `/api/v1/proposals?${params.toString()}`;
}
