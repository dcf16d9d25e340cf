import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ConfigError, loadConfig } from './config.schema';

const root = path.resolve(__dirname, '../../../..');

describe('API configuration', () => {
  it('applies defaults around the one required variable', () => {
    const config = loadConfig({ DATABASE_URL: 'postgresql://u@localhost/db', API_AUTH_SECRET: 'x'.repeat(32), ADMIN_EMAILS: ' Ana@Example.org, ,bob@example.org' });
    expect(config.ADMIN_EMAILS).toEqual(['ana@example.org', 'bob@example.org']);
    expect(config).toMatchObject({ API_PORT: 4000, API_HOST: '127.0.0.1', WEB_ORIGIN: 'http://localhost:3000', TRUST_PROXY: false, BODY_LIMIT: '100kb' });
  });

  it('treats empty variables as absent', () => {
    expect(() => loadConfig({ DATABASE_URL: '' })).toThrow(/DATABASE_URL is required/);
  });

  it('reports every missing or invalid variable, one per line', () => {
    let error: unknown;
    try {
      loadConfig({ DATABASE_URL: 'mysql://x', API_PORT: '99999', TRUST_PROXY: 'maybe', API_AUTH_SECRET: 'short' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(4);
    expect(problems.find((line) => line.startsWith('API_AUTH_SECRET'))).toContain('at least 32 characters');
    expect(problems.find((line) => line.startsWith('DATABASE_URL'))).toContain('postgresql://');
    expect(problems.find((line) => line.startsWith('API_PORT'))).toContain('"99999"');
    expect(problems.find((line) => line.startsWith('TRUST_PROXY'))).toContain('"maybe"');
  });

  it('makes the API process exit 1 with one clear line per problem', () => {
    const env = { ...process.env, API_PORT: 'abc', WEB_ORIGIN: 'nope' } as NodeJS.ProcessEnv;
    delete env.DATABASE_URL;
    delete env.API_AUTH_SECRET;
    const result = spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['--tsconfig', 'apps/api/tsconfig.json', 'apps/api/src/main.ts'], {
      cwd: root,
      env,
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines[0]).toBe('Invalid configuration:');
    expect(lines.slice(1).sort()).toEqual([
      '  - API_AUTH_SECRET is required',
      '  - API_PORT expected number, received NaN (got "abc")',
      '  - DATABASE_URL is required',
      '  - WEB_ORIGIN Invalid URL (got "nope")',
    ]);
    expect(result.stderr).not.toMatch(/\bat .+:\d+:\d+/);
  });
});
