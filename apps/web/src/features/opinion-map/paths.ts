import { CONSULTATION_REFERENCE_PATTERN } from '@sesame/domain/client';

/**
 * Addresses of the opinion map's pages: they belong to their subject's page —
 * a proposal's debate (`/propositions/{reference}/debat/…`) or a
 * consultation's deliberation phase (`/consultations/{reference}/deliberation…`).
 */
export const isConsultation = (reference: string): boolean => CONSULTATION_REFERENCE_PATTERN.test(reference);
export const statementsPath = (reference: string): string => (isConsultation(reference) ? `/consultations/${reference}/deliberation` : `/propositions/${reference}/debat/affirmations`);
export const mapPath = (reference: string): string => (isConsultation(reference) ? `/consultations/${reference}/deliberation/carte` : `/propositions/${reference}/debat/carte`);
export const statementsApi = (spaceId: string): `/api/v1/${string}` => `/api/v1/deliberations/${encodeURIComponent(spaceId)}/statements`;
export const mapApi = (spaceId: string): `/api/v1/${string}` => `/api/v1/deliberations/${encodeURIComponent(spaceId)}/opinion-map`;
