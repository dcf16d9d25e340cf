/** Addresses of the opinion map's pages: they belong to the proposal's debate (`/propositions/{reference}/debat/…`). */
export const statementsPath = (reference: string): string => `/propositions/${reference}/debat/affirmations`;
export const mapPath = (reference: string): string => `/propositions/${reference}/debat/carte`;
export const statementsApi = (spaceId: string): `/api/v1/${string}` => `/api/v1/deliberations/${encodeURIComponent(spaceId)}/statements`;
export const mapApi = (spaceId: string): `/api/v1/${string}` => `/api/v1/deliberations/${encodeURIComponent(spaceId)}/opinion-map`;
