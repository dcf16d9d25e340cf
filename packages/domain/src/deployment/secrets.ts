/**
 * Checks that a deployment's secrets are real secrets. The API and the web run
 * it when they start in production and refuse to start, naming the variable,
 * when a secret is missing, copied from the documentation, short or guessable.
 */

/** What the README tells operators to run; every refusal repeats it. */
export const GENERATE_SECRET_COMMAND = 'openssl rand -hex 32';

export const SECRET_MIN_LENGTH = 32;

/** A secret must carry at least this much estimated randomness (AES-128 / HS256 strength). */
export const SECRET_MIN_ENTROPY_BITS = 128;

/**
 * Values shown in `.env.example`, the README, the docs, docker-compose.yml and
 * the test configuration. Anything copied from there is public knowledge.
 */
export const KNOWN_PLACEHOLDER_SECRETS: readonly string[] = [
  'change-me',
  'change-me-too',
  'change-me-to-32-random-characters-or-more',
  'secret',
  'test-secret-shared-by-web-and-api-0123456789',
];

/** Words that only a placeholder contains (compared without case, spaces or punctuation). */
const PLACEHOLDER_WORDS = ['changeme', 'replaceme', 'placeholder', 'example', 'secret', 'password', 'motdepasse', 'remplacer'];

const squashed = (value: string) => value.toLowerCase().replace(/[^a-z0-9]/g, '');

/** True for a documented placeholder or a value that reads like one ("my-secret-here", "CHANGE_ME…"). */
export function looksLikePlaceholder(value: string): boolean {
  const plain = squashed(value);
  return KNOWN_PLACEHOLDER_SECRETS.some((known) => squashed(known) === plain) || PLACEHOLDER_WORDS.some((word) => plain.includes(word));
}

/**
 * A rough, deliberately pessimistic estimate of a string's randomness in bits:
 * the Shannon entropy of its characters, times the number of characters that
 * bring something new — repeats of an earlier 4-character sequence
 * ("abcdabcd…") and steps of a run ("abcdef", "987654") count for nothing.
 * Random base64 of 32 bytes scores about 200 bits; "aaaa…" scores 0.
 */
export function estimatedEntropyBits(value: string): number {
  const characters = [...value];
  if (characters.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const character of characters) counts.set(character, (counts.get(character) ?? 0) + 1);
  let bitsPerCharacter = 0;
  for (const count of counts.values()) {
    const p = count / characters.length;
    bitsPerCharacter -= p * Math.log2(p);
  }
  const seen = new Set<string>();
  let fresh = Math.min(characters.length, 3);
  for (let i = 3; i < characters.length; i += 1) {
    const gram = characters.slice(i - 3, i + 1).join('');
    const step = characters[i]!.codePointAt(0)! - characters[i - 1]!.codePointAt(0)!;
    if (!seen.has(gram) && Math.abs(step) !== 1) fresh += 1;
    seen.add(gram);
  }
  return bitsPerCharacter * fresh;
}

/** Why `value` is not acceptable as a production secret, or null when it is. */
export function secretWeakness(value: string | undefined): string | null {
  if (value === undefined || value === '') return 'is required';
  if (looksLikePlaceholder(value)) return 'is a placeholder from the documentation';
  if (value.length < SECRET_MIN_LENGTH) return `is shorter than ${SECRET_MIN_LENGTH} characters`;
  const bits = Math.floor(estimatedEntropyBits(value));
  if (bits < SECRET_MIN_ENTROPY_BITS) return `looks guessable (few distinct characters, a repeated pattern or a run: about ${bits} bits of randomness, ${SECRET_MIN_ENTROPY_BITS} needed)`;
  return null;
}

/**
 * One line per unacceptable secret among `names`, naming the variable (never
 * its value: these lines go to logs) and saying how to make a good one.
 */
export function weakSecretProblems(env: Readonly<Record<string, string | undefined>>, names: readonly string[]): string[] {
  return names.flatMap((name) => {
    const weakness = secretWeakness(env[name]);
    return weakness ? [`${name} ${weakness}: generate one with \`${GENERATE_SECRET_COMMAND}\``] : [];
  });
}
