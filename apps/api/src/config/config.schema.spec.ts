import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from './config.schema';

const root = path.resolve(__dirname, '../../../..');

describe('API configuration', () => {
  it('applies defaults around the one required variable', () => {
    const config = loadConfig({ DATABASE_URL: 'postgresql://u@localhost/db', API_AUTH_SECRET: 'x'.repeat(32), ADMIN_EMAILS: ' Ana@Example.org, ,bob@example.org' });
    expect(config.ADMIN_EMAILS).toEqual(['ana@example.org', 'bob@example.org']);
    expect(config).toMatchObject({ API_PORT: 4000, API_HOST: '127.0.0.1', WEB_ORIGIN: 'http://localhost:3000', TRUST_PROXY: ['loopback'], BODY_LIMIT: '100kb' });
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

  it('never repeats a secret’s value in its error line', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgresql://u@localhost/db', API_AUTH_SECRET: 'hunter2' })).toThrow(/^Invalid configuration:\n {2}- API_AUTH_SECRET must be at least 32 characters$/);
  });

  it('lets the API know client addresses from the web server only (TRUST_PROXY)', () => {
    const trust = (value: string) => loadConfig({ DATABASE_URL: 'postgresql://u@localhost/db', API_AUTH_SECRET: 'x'.repeat(32), TRUST_PROXY: value }).TRUST_PROXY;
    expect(trust('false')).toEqual(['loopback']);
    expect(trust('loopback, 172.16.0.0/12,10.0.0.7, fd00::/8')).toEqual(['loopback', '172.16.0.0/12', '10.0.0.7', 'fd00::/8']);
    for (const refused of ['true', '*', 'web', '10.0.0.0/33', '0.0.0.0/0/1']) expect(() => trust(refused)).toThrow(/TRUST_PROXY must list the web server’s addresses/);
  });
});

describe('API configuration in production', () => {
  const strong = () => randomBytes(48).toString('base64');
  const production = (overrides: Record<string, string>) => () => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgresql://sesame@db/sesame', API_AUTH_SECRET: strong(), ...overrides });

  /** Every secret and database password written in the repository's docs, examples and test settings. */
  function documentedValues(): { secrets: string[]; databasePasswords: string[] } {
    const markdown = (dir: string): string[] =>
      readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? markdown(path.join(dir, entry.name)) : entry.name.endsWith('.md') ? [path.join(dir, entry.name)] : [],
      );
    const files = ['.env.example', 'README.md', 'SECURITY.md', 'docker-compose.yml', 'apps/api/test/test-app.ts', ...markdown('docs')].filter((file) => existsSync(path.join(root, file)));
    const secrets = new Set<string>();
    const databasePasswords = new Set<string>();
    for (const file of files) {
      const text = readFileSync(path.join(root, file), 'utf8');
      // NAME=value (shell, .env) or, at the start of a line, NAME: value (YAML, object literals).
      const assigned = (names: string) => [
        ...text.matchAll(new RegExp(`(?:${names})=([^\\s'"#\`|,]+)`, 'g')),
        ...text.matchAll(new RegExp(`^[ \\t]*['"]?(?:${names})['"]?:[ \\t]*['"]?([^\\s'"#\`|,]+)`, 'gm')),
      ].map(([, value]) => value!).filter((value) => !value.startsWith('$'));
      for (const value of assigned('API_AUTH_SECRET|NEXTAUTH_SECRET')) secrets.add(value);
      for (const value of assigned('POSTGRES_PASSWORD')) databasePasswords.add(value);
      for (const [, value] of text.matchAll(/postgres(?:ql)?:\/\/[^:@\s/]+:([^@\s$]+)@/g)) databasePasswords.add(value!);
    }
    return { secrets: [...secrets], databasePasswords: [...databasePasswords] };
  }

  it('accepts generated secrets', () => {
    expect(production({})()).toMatchObject({ NODE_ENV: 'production' });
    expect(production({ DATABASE_URL: `postgresql://sesame:${randomBytes(24).toString('hex')}@db/sesame` })()).toMatchObject({ NODE_ENV: 'production' });
  });

  it('refuses every secret the documentation shows, naming the variable', () => {
    const { secrets } = documentedValues();
    expect(secrets).toContain('test-secret-shared-by-web-and-api-0123456789');
    for (const secret of secrets) {
      expect(production({ API_AUTH_SECRET: secret })).toThrow(/ {2}- API_AUTH_SECRET (is a placeholder|is shorter|looks guessable).*: generate one with `openssl rand -hex 32`/);
    }
  });

  it('refuses every database password the documentation shows', () => {
    const { databasePasswords } = documentedValues();
    expect(databasePasswords).toEqual(expect.arrayContaining(['secret']));
    for (const password of databasePasswords) {
      expect(production({ DATABASE_URL: `postgresql://sesame:${encodeURIComponent(password)}@db/sesame` })).toThrow('DATABASE_URL has a placeholder password from the documentation');
    }
  });

  it.each([
    ['too short', randomBytes(16).toString('base64'), 'is shorter than 32 characters'],
    ['made of one character', 'a'.repeat(40), 'looks guessable'],
    ['repeating a pattern', 'k9Xq'.repeat(10), 'looks guessable'],
  ])('refuses a secret %s, without showing it', (_label, secret, reason) => {
    let error: unknown;
    try {
      production({ API_AUTH_SECRET: secret })();
    } catch (caught) {
      error = caught;
    }
    expect((error as ConfigError).problems).toEqual([expect.stringContaining(`API_AUTH_SECRET ${reason}`)]);
    expect((error as ConfigError).message).not.toContain(secret);
  });

  it('keeps development and tests easy: a short-lived test secret is fine there', () => {
    expect(loadConfig({ DATABASE_URL: 'postgresql://u:secret@localhost/db', API_AUTH_SECRET: 'test-secret-shared-by-web-and-api-0123456789' }).NODE_ENV).toBe('development');
  });

  it('makes the API process refuse to start with the example’s secret', () => {
    const env = { ...process.env, NODE_ENV: 'production', DATABASE_URL: 'postgresql://sesame@127.0.0.1:1/sesame', API_AUTH_SECRET: 'change-me-to-32-random-characters-or-more' } as NodeJS.ProcessEnv;
    const result = spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['--tsconfig', 'apps/api/tsconfig.json', 'apps/api/src/main.ts'], { cwd: root, env, encoding: 'utf8', timeout: 20_000 });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe('Invalid configuration:\n  - API_AUTH_SECRET is a placeholder from the documentation: generate one with `openssl rand -hex 32`');
  });
});
