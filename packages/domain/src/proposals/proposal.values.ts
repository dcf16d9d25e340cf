/**
 * The proposals' plain values — kinds, states, sorts, text limits — without
 * zod, so that browser code can import them through `@sesame/domain/client`
 * (see docs/decisions/0015-forms-report-everything.md).
 */

export const PROPOSAL_KINDS = ['ban', 'restrict', 'replace', 'register_unlisted', 'other'] as const;
export const PROPOSAL_STATES = ['draft', 'submitted', 'admissible', 'inadmissible', 'qualified', 'expired', 'selected', 'not_selected', 'withdrawn'] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];
export type ProposalState = (typeof PROPOSAL_STATES)[number];

export const PROPOSAL_SORTS = ['most_supported', 'newest', 'closing_soon'] as const;

export const PROPOSAL_LIMITS = { title: 120, body: 6000, why: 4000, expectedEffect: 2000, unlistedDataUse: 600 } as const;
