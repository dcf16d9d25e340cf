// One jest run for the whole repository: pure unit tests, and API end-to-end
// tests against a real PostgreSQL (see test/jest.global-setup.js).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2023',
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];
const shared = {
  transform: { '^.+\\.(t|j)sx?$': swc },
  // NestJS 12 ships ES modules only; Node runs them through require(esm), but
  // jest's module system cannot, so swc compiles them (and their ESM-only
  // dependencies) to CommonJS for the tests.
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|jose|file-type|strtok3|token-types|uint8array-extras|@borewit|@tokenizer|feed)/)'],
  moduleNameMapper: {
    '^@sesame/domain$': '<rootDir>/packages/domain/src/index.ts',
    '^@sesame/domain/client$': '<rootDir>/packages/domain/src/client.ts',
    '^@/(.*)$': '<rootDir>/apps/web/src/$1',
    // The generated Prisma client imports its .ts siblings as `./x.js` (nodenext style).
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testEnvironment: 'node',
};

module.exports = {
  // Global only (jest ignores it inside a project): API tests start servers and databases.
  testTimeout: 30000,
  // Two files at a time even on CI's two cores (jest's default there is one, in band): an API file spends much of
  // its time waiting on PostgreSQL, and each file has a database of its own (test/test-database.js). 8 min instead of 14.
  maxWorkers: Math.max(2, require('node:os').availableParallelism() - 1),
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/packages/*/src/**/*.spec.ts', '<rootDir>/apps/api/src/**/*.spec.ts', '<rootDir>/apps/web/src/**/*.spec.ts', '<rootDir>/scripts/**/*.spec.ts'],
      testPathIgnorePatterns: ['\\.e2e-spec\\.ts$'],
    },
    {
      ...shared,
      displayName: 'api',
      testMatch: ['<rootDir>/apps/api/src/**/*.e2e-spec.ts', '<rootDir>/apps/api/test/**/*.e2e-spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/jest.global-setup.js',
      globalTeardown: '<rootDir>/test/jest.global-teardown.js',
      setupFiles: ['<rootDir>/test/jest.setup-env.js'],
    },
  ],
};
