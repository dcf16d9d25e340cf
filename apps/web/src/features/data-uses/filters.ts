/**
 * The register's filters as they travel in the page address (`/registre?domain=health&page=2`)
 * and on to the API. Pure functions: the page, its pagination links and the
 * API call all build their addresses here, so a filter is never dropped.
 */

import type { Fallback } from '@/lib/listing';

export const REGISTER_PAGE_SIZE = 20;

/** The filters of GET /api/v1/data-uses, in the order the form shows them. */
export const FILTER_NAMES = ['q', 'domain', 'status', 'specialCategory', 'automationLevel', 'controller', 'neighbourhoodId'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];
export type RegisterFilters = Partial<Record<FilterName, string>>;

export type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

export function isFilterName(value: string): value is FilterName {
  return (FILTER_NAMES as readonly string[]).includes(value);
}

/** The filters present in the address; empty fields (a submitted form sends them all) mean "no filter". */
export function readFilters(params: SearchParams): RegisterFilters {
  const filters: RegisterFilters = {};
  for (const name of FILTER_NAMES) {
    const value = first(params[name])?.trim();
    if (value) filters[name] = value;
  }
  return filters;
}

/** ?page=; anything that is not a positive integer means page 1. */
export function readPage(params: SearchParams): number {
  const value = first(params.page);
  if (!value || !/^\d{1,6}$/.test(value)) return 1;
  return Math.max(1, Number.parseInt(value, 10));
}

export function hasFilters(filters: RegisterFilters): boolean {
  return FILTER_NAMES.some((name) => filters[name] !== undefined);
}

/**
 * After the API refused the filters (400): the list without the refused
 * filters, then without any; without any at once if the API does not name
 * only filters. The refused filters are reported.
 */
export function registerFallback(refused: string[], filters: RegisterFilters): Fallback<RegisterFilters, FilterName> {
  const refusedNames = new Set(refused);
  const named = refusedNames.size > 0 && [...refusedNames].every(isFilterName);
  const invalid = FILTER_NAMES.filter((name) => filters[name] !== undefined && (!named || refusedNames.has(name)));
  const kept: RegisterFilters = named ? Object.fromEntries(Object.entries(filters).filter(([name]) => !refusedNames.has(name))) : {};
  return { attempts: hasFilters(kept) ? [kept, {}] : [{}], invalid };
}

function query(filters: RegisterFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    const value = filters[name];
    if (value !== undefined) params.set(name, value);
  }
  return params;
}

/** This list's address with the same filters, at `page`. */
export function registerHref(filters: RegisterFilters, page = 1): string {
  const params = query(filters);
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return search ? `/registre?${search}` : '/registre';
}

/** The API address for one page of the list. */
export function dataUseListPath(filters: RegisterFilters, page: number, pageSize = REGISTER_PAGE_SIZE): string {
  const params = query(filters);
  params.set('page', String(page));
  params.set('pageSize', String(pageSize));
  return `/api/v1/data-uses?${params.toString()}`;
}

/** `/registre/DU-…?publiee=3`: where the editor lands after publishing version 3 (the page then says so). */
export const PUBLISHED_PARAM = 'publiee';
