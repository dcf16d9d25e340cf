import { createHash } from 'node:crypto';
import {
  type AuditContent,
  type ChainedAuditEntry,
  GENESIS_HASH,
  canonicalJson,
  chainEntry,
  contentHashOf,
  verifyChain,
} from './hash-chain';

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
  entries.map(({ contentHash, prevHash, hash, ...rest }) => ({ seq: rest.seq, contentHash, prevHash, hash, content: rest }));
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

  it('hashes as documented: sha256(prevHash ‖ sha256(canonical JSON))', () => {
    const entry = chainEntry(null, content(4));
    const { contentHash, prevHash, hash, ...rest } = entry;
    // Independent computation with node:crypto and a hand-sorted serialisation.
    const sortKeys = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(sortKeys)
        : value && typeof value === 'object'
          ? Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]))
          : value;
    const expectedContent = createHash('sha256').update(JSON.stringify(sortKeys(rest)), 'utf8').digest('hex');
    expect(contentHash).toBe(expectedContent);
    expect(hash).toBe(createHash('sha256').update(prevHash + expectedContent, 'utf8').digest('hex'));
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
    const entries = verifiable(buildChain(10));
    entries[6]!.content!.data = { title: 'modifié après coup' };
    expect(verifyChain(entries, headOf(buildChain(10)))).toMatchObject({ valid: false, firstInvalidSeq: 7, checkedEntries: 6 });
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
    const entries = verifiable(buildChain(9)).map((e) => (e.content.visibility === 'restricted' ? { ...e, content: undefined } : e));
    expect(verifyChain(entries, headOf(buildChain(9))).valid).toBe(true);
    const broken = entries.map((e) => (e.seq === 3 ? { ...e, contentHash: 'f'.repeat(64) } : e));
    expect(verifyChain(broken, headOf(buildChain(9)))).toMatchObject({ valid: false, firstInvalidSeq: 3 });
  });
});
