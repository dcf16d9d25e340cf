// Pure tally of consultations (issue 18): voting rules and ballot choices,
// majority judgment (exact, BigInt), the tally of all methods, the published
// ballot list and its check.
export * from './rules';
export * from './majority-judgment';
export * from './explanation';
export * from './tally';
export * from './ballot-list';
