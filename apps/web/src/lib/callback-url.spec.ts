import { describe, expect, it } from '@jest/globals';

import { sameSiteCallbackUrl } from './callback-url';

const SITE = 'https://sesame.example';

describe('sameSiteCallbackUrl', () => {
  it.each([
    ['/compte', `${SITE}/compte`],
    ['/', `${SITE}/`],
    ['/registre/DU-2027-001?x=1#y', `${SITE}/registre/DU-2027-001?x=1#y`],
    [`${SITE}/propositions`, `${SITE}/propositions`],
    [`${SITE}`, `${SITE}/`],
  ])('keeps %j on this site', (candidate, expected) => {
    expect(sameSiteCallbackUrl(candidate, SITE)).toBe(expected);
  });

  it.each([
    'foo',
    'http://[',
    '\u0000',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'https://evil.example/compte',
    'https://sesame.example.evil.example/',
    'http://sesame.example/compte',
    '//evil.example',
    '/\\evil.example',
    '/compte\r\nSet-Cookie: x=1',
    `${SITE}/a\tb`,
    '',
  ])('refuses %j', (candidate) => {
    expect(sameSiteCallbackUrl(candidate, SITE)).toBeNull();
  });
});
