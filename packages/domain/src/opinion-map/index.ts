/**
 * The opinion map (issue 16; ALGORITHMS.md §1; docs/decisions/0017-opinion-map.md):
 * pure, deterministic, without zod — importable anywhere.
 */
export * from './vote-matrix';
export * from './gram';
export * from './pca';
export * from './clustering';
export * from './statistics';
export * from './priority';
export * from './opinion-map';
export * from './polis-format';
export * from './opinion-map.view';
