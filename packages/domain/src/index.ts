export * from './problem/problem.schema';
export * from './common/pagination.schema';
export * from './health/health.schema';
export * from './audit/hash-chain';
export * from './audit/audit.schema';
export * from './identity/identity.schema';
export * from './identity/identity.policy';
