/**
 * A filtered list's filters as they travel in the page address
 * (`/registre?domain=health&page=2`) and on to the API. A feature declares its
 * filters once (`defineListFilters`); the page, its pagination links, the API
 * call and the refused-filter fallback all build on that declaration, so a
 * filter is never dropped and two lists never drift apart.
 * Pure functions: no request, no translation.
 */

import type { Fallback } from './listing';

export type SearchParams = Record<string, string | string[] | undefined>;

/** The filters of one list, by name; an absent name means "no filter". */
export type FilterValues<Name extends string> = Partial<Record<Name, string>>;

/** The longest value kept from the address (the filter fields' and the API's limit). */
export const FILTER_VALUE_MAX_LENGTH = 200;

export type ListFilterDefinition<Name extends string> = {
  /** The filters the list's API accepts, in the order the form shows them. */
  names: readonly Name[];
  /** The list's page (`/registre`) and the API collection it reads (`/api/v1/data-uses`). */
  pagePath: string;
  apiPath: string;
  pageSize: number;
  /** Filters that order the list rather than narrow it (a sort): they make no "filtered" list and no active-filter chip. */
  ordering?: readonly Name[];
  /**
   * After the API refused filters (400):
   * - `retryWithoutRefused`: the list without the refused filters, then without any
   *   (at once without any when the API does not name only filters); the refused filters given are reported;
   * - `showAll`: the whole list at once, reporting every field the API named (e.g. `page`), or every filter given when it names none.
   */
  onRefusal: 'retryWithoutRefused' | 'showAll';
};

export type ListFilters<Name extends string> = {
  readonly names: readonly Name[];
  readonly pageSize: number;
  isName(value: string): value is Name;
  /** The filters present in the address; empty fields (a submitted form sends them all) mean "no filter". */
  read(params: SearchParams): FilterValues<Name>;
  /** ?page=; anything that is not a positive integer means page 1. */
  readPage(params: SearchParams): number;
  /** Whether the filters narrow the list (the sort order does not). */
  narrows(filters: FilterValues<Name>): boolean;
  /** The filters that narrow the list, in form order, for the "active filters" line. */
  active(filters: FilterValues<Name>): { name: Name; value: string }[];
  /** What `loadListing` shows after the API refused the filters (see `onRefusal`). */
  fallback(refused: string[], filters: FilterValues<Name>): Fallback<FilterValues<Name>>;
  /** The refused fields in the reader's words: a filter by its label, any other field (e.g. `page`) by `otherLabel`. */
  refusedLabels(refused: string[] | null, label: (name: Name) => string, otherLabel: (field: string) => string): string[];
  /** This list's address with the same filters, at `page`. */
  href(filters: FilterValues<Name>, page?: number): string;
  /** The API address for one page of the list. */
  apiPath(filters: FilterValues<Name>, page: number, pageSize?: number): string;
};

const first = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/** ?page= of any paged list; anything that is not a positive integer means page 1. */
export function readPage(params: SearchParams): number {
  const value = first(params.page);
  if (!value || !/^\d{1,6}$/.test(value)) return 1;
  return Math.max(1, Number.parseInt(value, 10));
}

export function defineListFilters<const Name extends string>(definition: ListFilterDefinition<Name>): ListFilters<Name> {
  const { names, pagePath, apiPath, pageSize, ordering = [], onRefusal } = definition;
  const isName = (value: string): value is Name => (names as readonly string[]).includes(value);
  const narrowing = names.filter((name) => !ordering.includes(name));
  const given = (filters: FilterValues<Name>) => names.filter((name) => filters[name] !== undefined);

  function query(filters: FilterValues<Name>): URLSearchParams {
    const params = new URLSearchParams();
    for (const name of given(filters)) params.set(name, filters[name] as string);
    return params;
  }

  function fallback(refused: string[], filters: FilterValues<Name>): Fallback<FilterValues<Name>> {
    if (onRefusal === 'showAll') {
      const named = refused.filter(Boolean);
      return { attempts: [{}], invalid: [...new Set(named.length > 0 ? named : given(filters))] };
    }
    const refusedNames = new Set(refused);
    const namesOnlyFilters = refusedNames.size > 0 && [...refusedNames].every(isName);
    const invalid = given(filters).filter((name) => !namesOnlyFilters || refusedNames.has(name));
    const kept: FilterValues<Name> = {};
    if (namesOnlyFilters) for (const name of given(filters)) if (!refusedNames.has(name)) kept[name] = filters[name];
    return { attempts: given(kept).length > 0 ? [kept, {}] : [{}], invalid };
  }

  return {
    names,
    pageSize,
    isName,
    read(params) {
      const filters: FilterValues<Name> = {};
      for (const name of names) {
        const value = first(params[name])?.trim();
        if (value) filters[name] = value.slice(0, FILTER_VALUE_MAX_LENGTH);
      }
      return filters;
    },
    readPage,
    narrows: (filters) => narrowing.some((name) => filters[name] !== undefined),
    active: (filters) => narrowing.flatMap((name) => (filters[name] === undefined ? [] : [{ name, value: filters[name] as string }])),
    fallback,
    refusedLabels: (refused, label, otherLabel) => (refused ?? []).map((field) => (isName(field) ? label(field) : otherLabel(field))),
    href(filters, page = 1) {
      const params = query(filters);
      if (page > 1) params.set('page', String(page));
      const search = params.toString();
      return search ? `${pagePath}?${search}` : pagePath;
    },
    apiPath(filters, page, size = pageSize) {
      const params = query(filters);
      params.set('page', String(page));
      params.set('pageSize', String(size));
      return `${apiPath}?${params.toString()}`;
    },
  };
}
