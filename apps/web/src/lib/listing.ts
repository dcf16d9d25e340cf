import type { FieldError } from '@sesame/domain';

import { ApiProblem } from '@/lib/api/problem';

export type Listing<Page, Filters, Name extends string = string> =
  /** `invalid`: the names of the filters the API refused (the list is then shown without them). */
  | { kind: 'ok'; page: Page; filters: Filters; pageNumber: number; invalid: Name[] | null }
  | { kind: 'unavailable' };

/** What to show when the API refuses the filters: the lists to try in turn (each at page 1), and the refused names to report. */
export type Fallback<Filters, Name extends string = string> = { attempts: Filters[]; invalid: Name[] };

type LoadListing<Page, Filters, Name extends string> = {
  /** Names the list in the server log. */
  name: string;
  fetchPage: (filters: Filters, pageNumber: number) => Promise<Page>;
  filters: Filters;
  pageNumber: number;
  /** Feature-specific: given the first path segment of each refused field (maybe ''), which lists to try instead. */
  fallback: (refused: string[], filters: Filters) => Fallback<Filters, Name>;
};

const isRefusal = (error: unknown): error is ApiProblem => error instanceof ApiProblem && error.status === 400;

/**
 * One page of a filtered list. A filter the API refuses (400, e.g. ?domain=xyz)
 * never gives an error page: the list is shown as the feature's `fallback`
 * says, and the page names the refused filters. Other failures give
 * `unavailable`, logged server-side only, so the page stays usable.
 */
export async function loadListing<Page, Filters, Name extends string>({ name, fetchPage, filters, pageNumber, fallback }: LoadListing<Page, Filters, Name>): Promise<Listing<Page, Filters, Name>> {
  let failure: unknown;
  try {
    return { kind: 'ok', page: await fetchPage(filters, pageNumber), filters, pageNumber, invalid: null };
  } catch (error) {
    failure = error;
  }
  if (isRefusal(failure)) {
    const refused = (failure.problem.errors ?? []).map((e: FieldError) => e.path.split('.')[0] ?? '');
    const { attempts, invalid } = fallback(refused, filters);
    for (const attempt of attempts) {
      try {
        return { kind: 'ok', page: await fetchPage(attempt, 1), filters: attempt, pageNumber: 1, invalid };
      } catch (retryError) {
        failure = retryError;
        if (!isRefusal(retryError)) break;
      }
    }
  }
  console.error(`[${name}] list unavailable:`, failure);
  return { kind: 'unavailable' };
}
