// One ESLint configuration for the whole repository (flat config).
import path from 'node:path';
import nextPlugin from '@next/eslint-plugin-next';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Advisory lock ids live in one table (apps/api/src/common/advisory-locks.ts) and
// are taken through one function, so no two mechanisms share a lock by accident.
const advisoryLocksThroughTheTable = [
  { selector: 'Literal[value=/pg_advisory/]', message: 'Take advisory locks with takeTransactionLock (common/advisory-locks.repository.ts), ids from ADVISORY_LOCKS.' },
  { selector: 'TemplateElement[value.raw=/pg_advisory/]', message: 'Take advisory locks with takeTransactionLock (common/advisory-locks.repository.ts), ids from ADVISORY_LOCKS.' },
];
const onlyRepositories = 'Only repositories touch Prisma: move this query into a *.repository.ts method (services may open this.prisma.$transaction and pass tx on).';

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/.next/**', '**/node_modules/**', 'apps/api/src/generated/**', '**/next-env.d.ts', 'coverage/**', 'test-results/**'],
  },
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // No consistent-type-imports: Nest's dependency injection needs constructor parameter types imported as values.
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The API's layering (docs/architecture.md): services hold rules and open
    // transactions; repositories alone query, through Prisma's model delegates or raw SQL.
    files: ['apps/api/src/**/*.ts'],
    // Repositories query; tests may set rows up directly.
    ignores: ['apps/api/src/**/*.repository.ts', 'apps/api/src/prisma/prisma.service.ts', 'apps/api/src/**/*.spec.ts', 'apps/api/src/**/*.e2e-spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        // this.prisma.person…, this.prisma.$queryRaw…
        { selector: "MemberExpression[object.type='MemberExpression'][object.object.type='ThisExpression'][object.property.name='prisma'][property.name!=/^[$](transaction|queryRaw|executeRaw)/]", message: onlyRepositories },
        // tx.neighbourhood…, prisma.job…
        { selector: "MemberExpression[object.type='Identifier'][object.name=/^(tx|prisma)$/][property.name!=/^[$](transaction|queryRaw|executeRaw)/]", message: onlyRepositories },
        { selector: 'MemberExpression[property.name=/^[$](queryRaw|executeRaw)/]', message: onlyRepositories },
        ...advisoryLocksThroughTheTable,
      ],
      'no-restricted-imports': [
        'error',
        { paths: [{ name: '@prisma/adapter-pg', message: 'The one database client is PrismaService.' }, { name: '@prisma/client', message: 'Import from the generated client (types only outside repositories).' }] },
      ],
    },
  },
  {
    files: ['apps/api/src/**/*.repository.ts', 'apps/api/src/prisma/prisma.service.ts', 'prisma/**/*.ts', 'scripts/**/*.ts'],
    ignores: ['apps/api/src/common/advisory-locks.repository.ts'],
    rules: { 'no-restricted-syntax': ['error', ...advisoryLocksThroughTheTable] },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, '@next/next': nextPlugin },
    settings: { next: { rootDir: path.join(import.meta.dirname, 'apps/web') } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs['core-web-vitals'].rules,
    },
  },
);
