import { createHash } from 'node:crypto';
import {
  type AuditContent,
  type ChainedAuditEntry,
  GENESIS_HASH,
  canonicalJson,
  chainEntry,
  contentHashOf,
  linkHash,
  verifyChain,
} from './hash-chain';
import { parseSavedHeads } from './saved-heads';

const content = (n: number): Omit<AuditContent, 'seq'> => ({
  occurredAt: new Date(Date.UTC(2027, 0, n, 10)).toISOString(),
  actorId: n % 2 ? null : '0190d5f4-0000-7000-8000-00000000000' + (n % 10),
  action: 'proposals.submit',
  subjectType: 'proposal',
  subjectId: `P-${n}`,
  visibility: n % 3 ? 'public' : 'restricted',
  data: { title: `Proposition ${n} — interdire la reconnaissance faciale`, supports: n, tags: ['vidéo', 'marché'] },
});

function buildChain(length: number): ChainedAuditEntry[] {
  const chain: ChainedAuditEntry[] = [];
  for (let n = 1; n <= length; n += 1) chain.push(chainEntry(chain.at(-1) ?? null, content(n)));
  return chain;
}
const verifiable = (entries: ChainedAuditEntry[]) =>
  entries.map(({ contentHash, prevHash, hash, scheme, salt, ...rest }) => ({ seq: rest.seq, contentHash, prevHash, hash, scheme, salt, content: rest }));
const headOf = (entries: ChainedAuditEntry[]) => {
  const last = entries.at(-1);
  return last ? { seq: last.seq, hash: last.hash } : null;
};

describe('audit hash chain', () => {
  it('starts from the genesis hash and numbers entries from 1', () => {
    const [first, second] = buildChain(2);
    expect(first!.seq).toBe(1);
    expect(first!.prevHash).toBe(GENESIS_HASH);
    expect(second!.seq).toBe(2);
    expect(second!.prevHash).toBe(first!.hash);
  });

  // Independent computation with node:crypto and a hand-sorted serialisation.
  const sortKeys = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(sortKeys)
      : value && typeof value === 'object'
        ? Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]))
        : value;
  const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

  it('hashes a public entry as documented: sha256(prevHash ‖ sha256(canonical JSON)), scheme 1, no salt', () => {
    const entry = chainEntry(null, content(4));
    const { contentHash, prevHash, hash, scheme, salt, ...rest } = entry;
    expect({ visibility: rest.visibility, scheme, salt }).toEqual({ visibility: 'public', scheme: 1, salt: null });
    const expectedContent = sha256(JSON.stringify(sortKeys(rest)));
    expect(contentHash).toBe(expectedContent);
    expect(hash).toBe(sha256(prevHash + expectedContent));
  });

  it('hashes a restricted entry with a 256-bit random salt: sha256(canonical JSON of the content and its salt), scheme 2', () => {
    const entry = chainEntry(null, content(3));
    const { contentHash, prevHash, hash, scheme, salt, ...rest } = entry;
    expect({ visibility: rest.visibility, scheme }).toEqual({ visibility: 'restricted', scheme: 2 });
    expect(salt).toMatch(/^[0-9a-f]{64}$/);
    const expectedContent = sha256(JSON.stringify(sortKeys({ ...rest, salt })));
    expect(contentHash).toBe(expectedContent);
    expect(contentHash).not.toBe(sha256(JSON.stringify(sortKeys(rest))));
    expect(hash).toBe(sha256(prevHash + expectedContent));
    // Same content, new salt: nothing links two identical restricted entries either.
    const again = chainEntry(null, content(3));
    expect(again.salt).not.toBe(salt);
    expect(again.contentHash).not.toBe(contentHash);
  });

  it('does not depend on key order', () => {
    const a = { ...content(1), seq: 1 };
    const reordered = Object.fromEntries(Object.entries(a).reverse()) as unknown as AuditContent;
    expect(canonicalJson(reordered)).toBe(canonicalJson(a));
    expect(contentHashOf(reordered)).toBe(contentHashOf(a));
  });

  it('accepts an untouched chain and reports its head', () => {
    const chain = buildChain(25);
    expect(verifyChain(verifiable(chain), headOf(chain))).toEqual({
      valid: true,
      checkedEntries: 25,
      headSeq: 25,
      headHash: chain[24]!.hash,
      firstInvalidSeq: null,
      reason: null,
    });
  });

  it('accepts an empty log with no head', () => {
    expect(verifyChain([], null)).toMatchObject({ valid: true, checkedEntries: 0, headHash: null });
  });

  it('detects an altered content and names the entry', () => {
    const chain = buildChain(10);
    const entries = verifiable(chain);
    entries[6]!.content!.data = { title: 'modifié après coup' };
    expect(verifyChain(entries, headOf(chain))).toMatchObject({ valid: false, firstInvalidSeq: 7, checkedEntries: 6 });
  });

  it('detects a content and hashes rewritten for one entry (the next link breaks)', () => {
    const chain = buildChain(10);
    const forged = chainEntry(chain[3]!, { ...content(5), data: { forged: true } });
    chain[4] = forged;
    const result = verifyChain(verifiable(chain), headOf(chain));
    expect(result.valid).toBe(false);
    expect(result.firstInvalidSeq).toBe(6);
  });

  it('detects a deleted entry in the middle', () => {
    const chain = buildChain(10);
    const withoutFifth = chain.filter((e) => e.seq !== 5);
    expect(verifyChain(verifiable(withoutFifth), headOf(chain))).toMatchObject({ valid: false, firstInvalidSeq: 5 });
  });

  it('detects entries deleted from the end thanks to the stored head', () => {
    const chain = buildChain(10);
    const result = verifyChain(verifiable(chain.slice(0, 8)), headOf(chain));
    expect(result).toMatchObject({ valid: false, firstInvalidSeq: 9 });
    expect(result.reason).toContain('missing from the end');
  });

  it('detects an inserted entry', () => {
    const chain = buildChain(6);
    const intruder = { ...chain[2]!, seq: 4 };
    const tampered = [...chain.slice(0, 3), intruder, ...chain.slice(3).map((e) => ({ ...e, seq: e.seq + 1 }))];
    expect(verifyChain(verifiable(tampered), headOf(chain)).valid).toBe(false);
  });

  it('detects swapped entries', () => {
    const chain = buildChain(6);
    const swapped = [chain[0]!, chain[2]!, chain[1]!, ...chain.slice(3)];
    // Entry 3 stands where entry 2 should be: the first position that is wrong is 2.
    expect(verifyChain(verifiable(swapped), headOf(chain))).toMatchObject({ valid: false, firstInvalidSeq: 2 });
  });

  it('detects a missing head and a head without entries', () => {
    const chain = buildChain(3);
    expect(verifyChain(verifiable(chain), null).valid).toBe(false);
    expect(verifyChain([], { seq: 2, hash: chain[1]!.hash }).valid).toBe(false);
  });

  it('checks the links of restricted entries without their content', () => {
    // Built once: restricted entries have random salts, so two builds differ.
    const chain = buildChain(9);
    const entries = verifiable(chain).map((e) => (e.content.visibility === 'restricted' ? { ...e, content: undefined } : e));
    expect(verifyChain(entries, headOf(chain)).valid).toBe(true);
    const broken = entries.map((e) => (e.seq === 3 ? { ...e, contentHash: 'f'.repeat(64) } : e));
    expect(verifyChain(broken, headOf(chain))).toMatchObject({ valid: false, firstInvalidSeq: 3 });
  });
});

describe('a chain mixing hash schemes', () => {
  /** A restricted entry as written before scheme 2 existed: hashed without a salt. */
  function legacyRestrictedEntry(previous: ChainedAuditEntry, n: number): ChainedAuditEntry {
    const full: AuditContent = { ...content(n), visibility: 'restricted', seq: previous.seq + 1 };
    const contentHash = contentHashOf(full);
    return { ...full, scheme: 1, salt: null, contentHash, prevHash: previous.hash, hash: linkHash(previous.hash, contentHash) };
  }
  /** Public 1, legacy restricted 2, public 3 and 4, salted restricted 5 and 6 (content(6) is restricted), public 7. */
  function mixedChain(): ChainedAuditEntry[] {
    const chain = [chainEntry(null, { ...content(1), visibility: 'public' })];
    chain.push(legacyRestrictedEntry(chain[0]!, 2));
    for (const n of [3, 4, 5, 6, 7]) chain.push(chainEntry(chain.at(-1)!, { ...content(n), visibility: n === 5 || n === 6 ? 'restricted' : 'public' }));
    return chain;
  }

  it('verifies every entry with its own scheme, with the restricted content (database access) or without it (public)', () => {
    const chain = mixedChain();
    expect(chain.map((e) => [e.visibility, e.scheme])).toEqual([
      ['public', 1], ['restricted', 1], ['public', 1], ['public', 1], ['restricted', 2], ['restricted', 2], ['public', 1],
    ]);
    expect(verifyChain(verifiable(chain), headOf(chain))).toMatchObject({ valid: true, checkedEntries: 7 });
    const publicView = verifiable(chain).map((e) => (e.content.visibility === 'restricted' ? { ...e, content: undefined, salt: undefined } : e));
    expect(verifyChain(publicView, headOf(chain))).toMatchObject({ valid: true, checkedEntries: 7 });
  });

  it('detects a changed salt, a removed salt and an unknown scheme', () => {
    const chain = mixedChain();
    const change = (seq: number, patch: object) => verifiable(chain).map((e) => (e.seq === seq ? { ...e, ...patch } : e));
    expect(verifyChain(change(5, { salt: 'a'.repeat(64) }), headOf(chain))).toMatchObject({ valid: false, firstInvalidSeq: 5, reason: expect.stringMatching(/altered/) });
    expect(verifyChain(change(5, { salt: null }), headOf(chain))).toMatchObject({ valid: false, firstInvalidSeq: 5, reason: expect.stringMatching(/needs its salt/) });
    expect(verifyChain(change(5, { scheme: 1, salt: null }), headOf(chain))).toMatchObject({ valid: false, firstInvalidSeq: 5, reason: expect.stringMatching(/altered/) });
    expect(verifyChain(change(2, { scheme: 3 }), headOf(chain))).toMatchObject({ valid: false, firstInvalidSeq: 2, reason: expect.stringMatching(/unknown hash scheme 3/) });
  });
});

describe('heads saved earlier', () => {
  /** The same chain with its history rewritten from entry `from` on: every hash recomputed, internally consistent. */
  function rewrittenFrom(chain: ChainedAuditEntry[], from: number): ChainedAuditEntry[] {
    const rewritten = chain.slice(0, from - 1);
    for (const entry of chain.slice(from - 1)) rewritten.push(chainEntry(rewritten.at(-1) ?? null, { ...content(entry.seq), data: { rewritten: true } }));
    return rewritten;
  }

  it('accepts a chain that still passes through every saved head', () => {
    const chain = buildChain(10);
    const saved = [{ seq: 4, hash: chain[3]!.hash }, { seq: 10, hash: chain[9]!.hash }];
    expect(verifyChain(verifiable(chain), headOf(chain), saved)).toMatchObject({ valid: true, checkedEntries: 10 });
  });

  it('detects a history rewritten since a head was saved, though the chain is consistent in itself', () => {
    const chain = buildChain(10);
    const saved = { seq: 8, hash: chain[7]!.hash };
    const rewritten = rewrittenFrom(chain, 5);
    expect(verifyChain(verifiable(rewritten), headOf(rewritten)).valid).toBe(true);
    const result = verifyChain(verifiable(rewritten), headOf(rewritten), [saved]);
    expect(result).toMatchObject({ valid: false, firstInvalidSeq: 8, checkedEntries: 7 });
    expect(result.reason).toMatch(/head saved earlier: the history up to it was rewritten/);
  });

  it('detects a chain that no longer reaches a saved head (entries removed and the stored head moved back)', () => {
    const chain = buildChain(10);
    const shortened = chain.slice(0, 7);
    const result = verifyChain(verifiable(shortened), headOf(shortened), [{ seq: 9, hash: chain[8]!.hash }]);
    expect(result).toMatchObject({ valid: false, firstInvalidSeq: 8 });
    expect(result.reason).toBe('the chain no longer reaches entry 9 of a head saved earlier (it ends at entry 7)');
  });

  it('reads a head written as seq:hash, as JSON, as a list, or as a copy of audit-heads.json', () => {
    const hash = 'ab'.repeat(32);
    expect(parseSavedHeads(` 12:${hash.toUpperCase()}\n`)).toEqual([{ seq: 12, hash }]);
    expect(parseSavedHeads(JSON.stringify({ seq: 12, hash }))).toEqual([{ seq: 12, hash }]);
    expect(parseSavedHeads(JSON.stringify([{ seq: 12, hash }, { seq: 13, hash }]))).toHaveLength(2);
    const openData = { generatedAt: '2027-01-01T00:00:00.000Z', licence: 'x', description: 'y', records: [{ seq: 12, hash, publishedAt: '2027-01-01T00:00:00.000Z' }] };
    expect(parseSavedHeads(JSON.stringify(openData))).toEqual([{ seq: 12, hash }]);
  });

  it('refuses what is not a head, saying what it expected', () => {
    expect(() => parseSavedHeads('12:abc')).toThrow(/expected seq:hash/);
    expect(() => parseSavedHeads('0:' + 'a'.repeat(64))).toThrow(/not an entry number/);
    expect(() => parseSavedHeads(JSON.stringify({ seq: 12, hash: 'short' }))).toThrow(/holds no head/);
  });
});

describe('a restricted entry against someone guessing its content', () => {
  const person = '0190d5f4-0000-7000-8000-00000000000a';
  const neighbourhoods = ['0190d5f4-0000-7000-8000-0000000000b1', '0190d5f4-0000-7000-8000-0000000000b2', '0190d5f4-0000-7000-8000-0000000000b3'];
  const at = (ms: number) => new Date(Date.UTC(2027, 0, 5, 10) + ms).toISOString();
  const publicEntry = (ms: number): Omit<AuditContent, 'seq'> => ({
    occurredAt: at(ms),
    actorId: null,
    action: 'role.granted',
    subjectType: 'person',
    subjectId: person,
    visibility: 'public',
    data: { role: 'resident' },
  });

  it('cannot be recovered by hashing candidates against the public hashes of its neighbours', () => {
    const before = chainEntry(null, publicEntry(0));
    const verified = chainEntry(before, {
      occurredAt: at(137),
      actorId: person,
      action: 'resident.verified',
      subjectType: 'person',
      subjectId: person,
      visibility: 'restricted',
      data: { neighbourhoodId: neighbourhoods[1]!, method: 'census' },
    });
    const after = chainEntry(verified, publicEntry(400));

    // What the public list shows: the neighbours' times and hashes. Try every
    // neighbourhood, method and millisecond between them (1,200 candidates).
    const found: string[] = [];
    for (let ms = 0; ms <= 400; ms += 1) {
      for (const neighbourhoodId of neighbourhoods) {
        for (const method of ['census', 'invitation_code']) {
          const guess: AuditContent = {
            seq: 2,
            occurredAt: at(ms),
            actorId: person,
            action: 'resident.verified',
            subjectType: 'person',
            subjectId: person,
            visibility: 'restricted',
            data: { neighbourhoodId, method },
          };
          if (linkHash(before.hash, contentHashOf(guess)) === after.prevHash) found.push(`${neighbourhoodId} ${method} ${ms}`);
        }
      }
    }
    expect(found).toEqual([]);
  });
});
