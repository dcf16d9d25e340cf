import { randomBytes } from 'node:crypto';

import { estimatedEntropyBits, KNOWN_PLACEHOLDER_SECRETS, secretWeakness, weakSecretProblems } from './secrets';

describe('production secrets', () => {
  it.each([
    ['npm start (32 random bytes, base64url)', () => randomBytes(32).toString('base64url')],
    ['openssl rand -hex 32', () => randomBytes(48).toString('base64')],
    ['openssl rand -base64 32', () => randomBytes(32).toString('base64')],
    ['openssl rand -hex 32', () => randomBytes(32).toString('hex')],
  ])('accepts what %s generates, every time', (_label, generate) => {
    for (let i = 0; i < 500; i += 1) expect(secretWeakness(generate())).toBeNull();
  });

  it('refuses a missing or empty secret', () => {
    expect(secretWeakness(undefined)).toBe('is required');
    expect(secretWeakness('')).toBe('is required');
  });

  it.each([...KNOWN_PLACEHOLDER_SECRETS, 'CHANGE_ME_CHANGE_ME_CHANGE_ME_CHANGE_ME', 'my-super-secret-value-for-sesame-2027', 'remplacer-par-32-caracteres-aleatoires', 'example-Zk3v9QpL2mXw7RtY4nBc8HdJ6sFgA1'])(
    'refuses the placeholder %j',
    (value) => {
      expect(secretWeakness(value)).toBe('is a placeholder from the documentation');
    },
  );

  it('refuses a secret shorter than 32 characters, even a random one', () => {
    expect(secretWeakness(randomBytes(16).toString('base64url'))).toBe('is shorter than 32 characters');
  });

  it.each([
    ['one character', 'x'.repeat(32)],
    ['a repeated pattern', 'abcd'.repeat(12)],
    ['a repeated longer pattern', 'Zk3v9QpL'.repeat(6)],
    ['two characters', 'abababbabbaabbbabaabababbbabaaba'],
    ['a run', 'abcdefghijklmnopqrstuvwxyz0123456789'],
    ['a keyboard run backwards', '9876543210zyxwvutsrqponmlkjihgfedcba'],
    ['a counter', '0123456789'.repeat(4)],
  ])('refuses a low-entropy secret: %s', (_label, value) => {
    expect(secretWeakness(value)).toMatch(/^looks guessable .* bits of randomness, 128 needed\)$/);
  });

  it('estimates about 5 bits per character for random base64, nothing for a repeated character', () => {
    expect(estimatedEntropyBits('x'.repeat(64))).toBe(0);
    expect(estimatedEntropyBits(randomBytes(48).toString('base64'))).toBeGreaterThan(250);
  });

  it('names each weak variable, never its value, and says how to generate one', () => {
    const problems = weakSecretProblems({ API_AUTH_SECRET: 'change-me-to-32-random-characters-or-more', NEXTAUTH_SECRET: randomBytes(48).toString('base64'), OTHER: 'short' }, [
      'API_AUTH_SECRET',
      'NEXTAUTH_SECRET',
      'MISSING_SECRET',
    ]);
    expect(problems).toEqual([
      'API_AUTH_SECRET is a placeholder from the documentation: generate one with `openssl rand -hex 32`',
      'MISSING_SECRET is required: generate one with `openssl rand -hex 32`',
    ]);
  });
});
