import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { canonicalJson, type JsonValue } from '../../audit/hash-chain';
import { ballotsSha256, buildBallotList, canonicalBallots, fastCanonicalJson, parseBallotList, verifyBallotList, type BallotList } from './ballot-list';
import { mergeSmallStations, paperTotalsProblems, type PaperTotals, type VotingRules } from './rules';

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
    paperTotals: [{ station: 'Bureau 1', place: 'Mairie', countedAt: '2027-03-15T19:00:00Z', officers: ['A', 'B'], ballots: 1, blankOrInvalid: 0, recordedVoters: 2, method: 'majority_judgment', counts: { options: { a: [0, 0, 0, 1, 0, 0], b: [0, 1, 0, 0, 0, 0] } } }],
  });
}

describe('ballot list', () => {
  it('sorts the ballots by receipt (code-unit order) and hashes their canonical JSON', () => {
    const list = sample();
    expect(list.format).toBe('sesame-ballot-list/2');
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

  it('refuses paper totals that do not match their box (review C1): more votes than valid ballots, more ballots than recorded voters, missing fields', () => {
    const inflated = JSON.parse(JSON.stringify(sample())) as BallotList;
    inflated.paperTotals[0]!.counts = { options: { a: [1000, 0, 0, 0, 0, 0], b: [0, 1000, 0, 0, 0, 0] } };
    expect(parseBallotList(inflated)).toMatchObject({ ok: false, problems: [expect.stringContaining('the grades of option a add up to 1000, not to the 1 valid ballots'), expect.stringContaining('option b add up to 1000')] });
    const stuffed = JSON.parse(JSON.stringify(sample())) as BallotList;
    Object.assign(stuffed.paperTotals[0]!, { recordedVoters: 0 });
    expect(parseBallotList(stuffed)).toMatchObject({ ok: false, problems: [expect.stringContaining('1 ballots in the box but 0 voters recorded at this station')] });
    const bare = JSON.parse(JSON.stringify(sample())) as BallotList;
    delete (bare.paperTotals[0] as { recordedVoters?: number }).recordedVoters;
    expect(parseBallotList(bare)).toMatchObject({ ok: false, problems: [expect.stringContaining('recordedVoters missing')] });
  });

  it('still reads a format-1 list (paper totals without ballots nor recorded voters)', () => {
    const old = JSON.parse(JSON.stringify(sample())) as BallotList & { format: string };
    old.format = 'sesame-ballot-list/1';
    for (const t of old.paperTotals) for (const key of ['ballots', 'blankOrInvalid', 'recordedVoters'] as const) delete (t as Record<string, unknown>)[key];
    const parsed = parseBallotList(old);
    expect(parsed.ok).toBe(true);
    expect(verifyBallotList(parsed.list!)).toMatchObject({ resultMatches: true, ok: true });
  });

  it('rejects unsorted or repeated receipts, invalid choices and unknown fields', () => {
    const list = JSON.parse(JSON.stringify(sample())) as BallotList;
    list.ballots.reverse();
    expect(parseBallotList(list)).toMatchObject({ ok: false, problems: [expect.stringContaining('receipts must be unique and sorted'), expect.stringContaining('receipts must be unique and sorted')] });
    const invalid = JSON.parse(JSON.stringify(sample())) as BallotList;
    invalid.ballots[1]!.choices = { grades: { a: 9, b: 0 } };
    expect(parseBallotList(invalid)).toMatchObject({ ok: false, problems: [expect.stringContaining('ballots[1] (A9X2-7BCD): grades go from 0 (best) to 5')] });
    expect(parseBallotList({ ...sample(), extra: true }).ok).toBe(false);
    expect(parseBallotList({ ...sample(), format: 'sesame-ballot-list/3' }).ok).toBe(false);
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

describe('small polling stations (review M3)', () => {
  const station = (name: string, voters: number, yes: number, no: number): PaperTotals => ({ station: name, place: 'Mairie', countedAt: '2027-03-15T19:00:00Z', officers: ['A', 'B'], ballots: yes + no, blankOrInvalid: 0, recordedVoters: voters, method: 'yes_no_abstain', counts: { yes, no, abstain: 0 } });
  const yesNo: VotingRules = { method: 'yes_no_abstain' };
  it('publishes a station of fewer than 10 voters only merged with the largest, every check still holding', () => {
    const merged = mergeSmallStations([station('Bureau 1', 40, 25, 15), station('Bureau 2', 2, 2, 0), station('Bureau 3', 12, 6, 6)], 10);
    expect(merged.map((t) => t.station)).toEqual(['Bureau 3', 'Bureau 1 + Bureau 2']);
    expect(merged[1]).toMatchObject({ ballots: 42, recordedVoters: 42, counts: { yes: 27, no: 15, abstain: 0 } });
    for (const t of merged) expect(paperTotalsProblems(yesNo, t)).toEqual([]);
  });
  it('merges small stations together when none is large, and leaves large ones alone', () => {
    expect(mergeSmallStations([station('A', 3, 1, 2), station('B', 4, 4, 0)], 10).map((t) => `${t.station}:${t.recordedVoters}`)).toEqual(['A + B:7']);
    expect(mergeSmallStations([station('A', 30, 10, 20)], 10)).toEqual([station('A', 30, 10, 20)]);
  });
});
