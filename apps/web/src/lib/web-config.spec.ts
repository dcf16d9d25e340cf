import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';

import { webConfigurationProblems } from './web-config';

const strong = () => randomBytes(48).toString('base64');

describe('the web server’s configuration', () => {
  it('accepts generated secrets in production', () => {
    expect(webConfigurationProblems({ NODE_ENV: 'production', API_AUTH_SECRET: strong(), NEXTAUTH_SECRET: strong() })).toEqual([]);
  });

  it('refuses to run in production with a documented, short or guessable secret, naming the variable only', () => {
    const problems = webConfigurationProblems({ NODE_ENV: 'production', API_AUTH_SECRET: 'change-me-to-32-random-characters-or-more', NEXTAUTH_SECRET: 'abc'.repeat(12) });
    expect(problems).toEqual([
      'API_AUTH_SECRET is a placeholder from the documentation: generate one with `openssl rand -hex 32`',
      expect.stringMatching(/^NEXTAUTH_SECRET looks guessable .*: generate one with `openssl rand -hex 32`$/),
    ]);
    expect(problems.join('\n')).not.toContain('abcabc');
    expect(webConfigurationProblems({ NODE_ENV: 'production', API_AUTH_SECRET: strong() })).toEqual(['NEXTAUTH_SECRET is required: generate one with `openssl rand -hex 32`']);
    expect(webConfigurationProblems({ NODE_ENV: 'production', API_AUTH_SECRET: strong(), NEXTAUTH_SECRET: 'change-me-too' })).toHaveLength(1);
  });

  it('leaves secrets to `next dev`, and checks the proxy settings everywhere', () => {
    expect(webConfigurationProblems({ NODE_ENV: 'development' })).toEqual([]);
    expect(webConfigurationProblems({ NODE_ENV: 'development', WEB_TRUSTED_PROXIES: 'nginx', BODY_LIMIT: 'lots', WEB_PAGE_CACHE: 'maybe' })).toEqual([
      'WEB_TRUSTED_PROXIES: "nginx" is not an IP address, a CIDR range or "loopback"',
      'BODY_LIMIT must look like 100kb or 1mb (got "lots")',
      'WEB_PAGE_CACHE must be "on" or "off" (got "maybe")',
    ]);
    expect(webConfigurationProblems({ WEB_PAGE_CACHE: 'off' })).toEqual([]);
  });
});
