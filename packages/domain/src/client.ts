/**
 * What browser code imports from the domain: plain values and small pure
 * functions, never a zod schema (the schemas, the confusables table and the
 * hashes stay on the server, where forms are parsed). Every module re-exported
 * here must import nothing but types from a module that uses zod; the web's
 * `client-imports.spec.ts` checks that client components import only this.
 * See docs/decisions/0015-forms-report-everything.md.
 */
export * from './proposals/proposal.values';
export * from './proposals/proposal.lifecycle';
export * from './deliberations/deliberation.values';
export * from './deliberations/deliberation.lifecycle';
export * from './data-uses/data-use.values';
export * from './data-uses/data-use.lifecycle';
export { positionalPath, redactionProblem } from './data-uses/data-use.redaction';
export * from './advisory-panel/advisory-panel.values';
export * from './advisory-panel/advisory-panel.lifecycle';
export * from './consultations/consultations.values';
export * from './consultations/consultations.lifecycle';
export * from './recommendations/recommendations.values';
export * from './recommendations/recommendations.lifecycle';
export * from './authority-responses/authority-responses.values';
