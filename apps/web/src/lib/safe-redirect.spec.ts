import { describe, expect, it } from '@jest/globals';

import { safeRelativePath } from './safe-redirect';

describe('a path to send someone back to', () => {
  it.each([
    ['/propositions', '/propositions'],
    ['/propositions?q=caméras', '/propositions?q=cam%C3%A9ras'],
    ['/propositions?q=l’eau', '/propositions?q=l%E2%80%99eau'],
    ['/propositions?q=l%E2%80%99eau', '/propositions?q=l%E2%80%99eau'],
    ['/\u3000/evil.com', '/%E3%80%80/evil.com'],
    ['/😀', '/%F0%9F%98%80'],
  ])('%j stays on this site, as bytes a Location header can carry: %j', (given, expected) => {
    expect(safeRelativePath(given)).toBe(expected);
    expect(() => new Headers({ location: safeRelativePath(given) })).not.toThrow();
  });

  it.each(['//evil.com', '/\\evil.com', 'https://evil.com', 'propositions', '/a\nb', '/a\tb', 42, null])('%j falls back to the home page', (given) => {
    expect(safeRelativePath(given)).toBe('/');
  });
});
