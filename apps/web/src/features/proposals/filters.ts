/**
 * The proposals list's filters (`/propositions?kind=ban&sort=most_supported&page=2`),
 * declared once for the page, its pagination links and the API call
 * (src/lib/list-filters.ts).
 */

import { defineListFilters, type FilterValues } from '@/lib/list-filters';

/** The filters of GET /api/v1/proposals, in the order the form shows them. */
export const proposalFilters = defineListFilters({
  names: ['q', 'status', 'kind', 'dataUse', 'neighbourhoodId', 'sort'],
  ordering: ['sort'],
  pagePath: '/propositions',
  apiPath: '/api/v1/proposals',
  pageSize: 20,
  // The API may refuse any field (e.g. `page`): the whole list, naming what it refused.
  onRefusal: 'showAll',
});

export type ProposalFilterName = (typeof proposalFilters.names)[number];
export type ProposalFilters = FilterValues<ProposalFilterName>;
