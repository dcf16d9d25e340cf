/**
 * The register's filters (`/registre?domain=health&page=2`), declared once for
 * the page, its pagination links and the API call (src/lib/list-filters.ts).
 */

import { defineListFilters, type FilterValues } from '@/lib/list-filters';

/** The filters of GET /api/v1/data-uses, in the order the form shows them. */
export const registerFilters = defineListFilters({
  names: ['q', 'domain', 'status', 'specialCategory', 'automationLevel', 'controller', 'neighbourhoodId'],
  pagePath: '/registre',
  apiPath: '/api/v1/data-uses',
  pageSize: 20,
  // A refused filter (?domain=xyz) is dropped, the others kept.
  onRefusal: 'retryWithoutRefused',
});

export type RegisterFilterName = (typeof registerFilters.names)[number];
export type RegisterFilters = FilterValues<RegisterFilterName>;

/** `/registre/DU-…?publiee=3`: where the editor lands after publishing version 3 (the page then says so). */
export const PUBLISHED_PARAM = 'publiee';
