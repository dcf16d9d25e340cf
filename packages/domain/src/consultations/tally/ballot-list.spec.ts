import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { canonicalJson, type JsonValue } from '../../audit/hash-chain';
import { ballotsSha256, buildBallotList, canonicalBallots, fastCanonicalJson, parseBallotList, verifyBallotList, type BallotList } from './ballot-list';
import type { VotingRules } from './rules';

const rules: VotingRules = { method: 'majority_judgment', options: [{ id: 'a', label: 'Option A' }, { id: 'b', label: 'Option B' }] };
const consultation = { reference: 'CS-2027-001', title: 'Capteurs de fréquentation', closedOn: '2027-03-15' };

function sample(): BallotList {
  return buildBallotList({
    consultation,
    rules,
    ballots: [
      { receipt: 'ZK3P-9QD2', choices: { grades: { b: 5, a: 0 } } },
      { receipt: '4HT7-MM2A', choices: { grades: { a: 2, b: 2 } } },
      { receipt: 'A9X2-7BCD', choices: { grades: { a: 1, b: 3 } } },
    ],
    paperTotals: [{ station: 'Bureau 1', place: 'Mairie', countedAt: '2027-03-15T19:00:00Z', officers: ['A', 'B'], method: 'majority_judgment', counts: { options: { a: [0, 0, 0, 1, 0, 0], b: [0, 1, 0, 0, 0, 0] } } }],
  });
}

describe('ballot list', () => {
  it('sorts the ballots by receipt (code-unit order) and hashes their canonical JSON', () => {
    const list = sample();
    expect(list.format).toBe('sesame-ballot-list/1');
    expect(list.ballots.map((b) => b.receipt)).toEqual(['4HT7-MM2A', 'A9X2-7BCD', 'ZK3P-9QD2']);
    // RFC 8785: keys sorted, no spaces — whatever order the choices came in.
    expect(canonicalBallots(list.ballots)).toBe('[{"choices":{"grades":{"a":2,"b":2}},"receipt":"4HT7-MM2A"},{"choices":{"grades":{"a":1,"b":3}},"receipt":"A9X2-7BCD"},{"choices":{"grades":{"a":0,"b":5}},"receipt":"ZK3P-9QD2"}]');
    expect(list.ballotsSha256).toBe(createHash('sha256').update(canonicalBallots(list.ballots), 'utf8').digest('hex'));
    expect(list.result).toMatchObject({ method: 'majority_judgment', ballots: { online: 3, paper: 1, total: 4 } });
  });

  it('parses its own JSON and verifies: same hash, same result', () => {
    const text = JSON.stringify(sample());
    const parsed = parseBallotList(JSON.parse(text));
    expect(parsed.ok).toBe(true);
    const check = verifyBallotList(parsed.list!, sample().ballotsSha256);
    expect(check).toMatchObject({ fileHashMatches: true, auditHashMatches: true, resultMatches: true, ok: true });
  });

  it('notices a changed ballot, a changed result, a different audit hash', () => {
    const tampered = JSON.parse(JSON.stringify(sample())) as BallotList;
    (tampered.ballots[0]!.choices as { grades: Record<string, number> }).grades.a = 0;
    expect(verifyBallotList(parseBallotList(tampered).list!)).toMatchObject({ fileHashMatches: false, resultMatches: false, ok: false });

    const rewritten = JSON.parse(JSON.stringify(sample())) as BallotList;
    (rewritten.result as { winners: string[] }).winners = ['b'];
    expect(verifyBallotList(parseBallotList(rewritten).list!)).toMatchObject({ fileHashMatches: true, resultMatches: false, ok: false });

    expect(verifyBallotList(sample(), '0'.repeat(64))).toMatchObject({ auditHashMatches: false, ok: false });
    expect(verifyBallotList(sample(), null)).toMatchObject({ auditHashMatches: null, ok: true });
  });

  it('rejects unsorted or repeated receipts, invalid choices and unknown fields', () => {
    const list = JSON.parse(JSON.stringify(sample())) as BallotList;
    list.ballots.reverse();
    expect(parseBallotList(list)).toMatchObject({ ok: false, problems: [expect.stringContaining('receipts must be unique and sorted'), expect.stringContaining('receipts must be unique and sorted')] });
    const invalid = JSON.parse(JSON.stringify(sample())) as BallotList;
    invalid.ballots[1]!.choices = { grades: { a: 9, b: 0 } };
    expect(parseBallotList(invalid)).toMatchObject({ ok: false, problems: [expect.stringContaining('ballots[1] (A9X2-7BCD): grades go from 0 (best) to 5')] });
    expect(parseBallotList({ ...sample(), extra: true }).ok).toBe(false);
    expect(parseBallotList({ ...sample(), format: 'sesame-ballot-list/2' }).ok).toBe(false);
    expect(parseBallotList('nope').ok).toBe(false);
  });

  it('hashes an empty list too', () => {
    expect(ballotsSha256([])).toBe(createHash('sha256').update('[]').digest('hex'));
  });
});

describe('fastCanonicalJson', () => {
  it('writes what the audit log’s canonicalJson (RFC 8785) writes, index-like keys included', () => {
    const key = fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('0', '1', '9', '10', '01', 'a', 'é', '\u{1F600}', 'Z'));
    const json = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.constant(null), fc.boolean(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string(), fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(key, tie('value'), { maxKeys: 5 })),
    })).value;
    fc.assert(fc.property(json, (value) => expect(fastCanonicalJson(value)).toBe(canonicalJson(value as JsonValue))), { numRuns: 2000 });
    expect(fastCanonicalJson({ '10': 1, '9': 2, b: [1, { z: 1, a: -0 }] })).toBe('{"10":1,"9":2,"b":[1,{"a":0,"z":1}]}');
    expect(() => fastCanonicalJson({ a: Number.NaN })).toThrow(TypeError);
  });
});
