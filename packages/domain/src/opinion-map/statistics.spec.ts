import { baseClusters, groupClusters, groupKRange, kMeans, selectClustered, silhouette, smoothK, type Point } from './clustering';
import { statementPriority, mulberry32, pickWeighted, seedFromText } from './priority';
import { commentStats, fairConsensus, groupAwareConsensus, propTest, twoPropTest, type VoteCounts } from './statistics';
import { parseCsv } from './polis-format';

const counts = (A: number, D: number, S: number): VoteCounts => ({ A: [A], D: [D], S: [S] });

describe('the tests of proportions (Polis’s pseudocounts)', () => {
  it('prop_test(s, n) = 2·sqrt(n+1)·((s+1)/(n+1) − ½)', () => {
    expect(propTest(6, 6)).toBeCloseTo(2 * Math.sqrt(7) * (7 / 7 - 0.5), 12);
    expect(propTest(0, 0)).toBeCloseTo(1, 12);
  });

  it('two_prop adds 1 to each count, and is 0 when the pooled proportion is 1', () => {
    const [s1, s2, n1, n2] = [4, 2, 6, 11];
    const p = (s1 + s2 + 2) / (n1 + n2 + 2);
    expect(twoPropTest(s1, s2, n1, n2)).toBeCloseTo(((s1 + 1) / (n1 + 1) - (s2 + 1) / (n2 + 1)) / Math.sqrt(p * (1 - p) * (1 / (n1 + 1) + 1 / (n2 + 1))), 12);
    expect(twoPropTest(3, 5, 3, 5)).toBe(0);
  });

  it('p-success uses a +1/+2 prior', () => {
    expect(commentStats(6, 0, 6)).toMatchObject({ pa: 7 / 8, pd: 1 / 8 });
  });
});

describe('the two consensus formulas', () => {
  it('Polis’s product lets a unanimous group of 2 weigh like a large one (two such groups: 0.5625)', () => {
    expect(groupAwareConsensus([counts(2, 0, 2), counts(2, 0, 2)], 1)[0]).toBeCloseTo(0.5625, 12);
    expect(groupAwareConsensus([counts(2, 0, 2), counts(100, 0, 100)], 1)[0]).toBeCloseTo((3 / 4) * (101 / 102), 12);
  });

  it('the small-group-fair one: Jeffreys prior, P_a·(1 − P_d), geometric mean over groups; and consensus in disagreement', () => {
    const small = counts(2, 0, 2);
    const large = counts(90, 5, 100);
    const e = (a: number, d: number, s: number) => ((a + 0.5) / (s + 1)) * (1 - (d + 0.5) / (s + 1));
    const fair = fairConsensus([small, large], new Uint8Array(1));
    expect(fair.agree[0]).toBeCloseTo(Math.sqrt(e(2, 0, 2) * e(90, 5, 100)), 12);
    expect(fair.disagree[0]).toBeCloseTo(Math.sqrt(e(0, 2, 2) * e(5, 90, 100)), 12);
    // A group of 2 agreeing does not weigh like a group of 100 agreeing.
    expect(fairConsensus([counts(2, 0, 2)], new Uint8Array(1)).agree[0]!).toBeLessThan(fairConsensus([counts(100, 0, 100)], new Uint8Array(1)).agree[0]! - 0.25);
  });
});

describe('clustering', () => {
  const cloud = (cx: number, cy: number, from: number, count: number): Point[] =>
    Array.from({ length: count }, (_, k) => ({ id: from + k, x: cx + Math.cos(k * 2.4) * (0.1 + 0.02 * (k % 5)), y: cy + Math.sin(k * 2.4) * (0.1 + 0.02 * (k % 5)) }));
  const points = [...cloud(0, 0, 0, 40), ...cloud(5, 0, 100, 30), ...cloud(0, 5, 200, 20)];

  it('clusters from min(7, m) votes, completing with the most active up to 15, and keeps whoever was in', () => {
    const ids = Array.from({ length: 20 }, (_, i) => i);
    const votes = ids.map((i) => (i < 5 ? 7 : i % 7));
    const clustered = selectClustered(ids, votes, 50, [19]);
    expect(clustered.size).toBe(15);
    for (const id of [0, 1, 2, 3, 4, 19]) expect(clustered.has(id)).toBe(true);
    const fewStatements = selectClustered(ids, votes, 3);
    for (const id of ids.filter((i) => votes[i]! >= 3)) expect(fewStatements.has(id)).toBe(true);
    expect(fewStatements.size).toBe(15);
  });

  it('finds three well-separated groups, deterministically, through 100 base clusters', () => {
    const bases = baseClusters(points);
    expect(bases).toHaveLength(90);
    expect(baseClusters(points)).toEqual(bases);
    const { groups, silhouettes } = groupClusters(bases);
    expect(groupKRange(bases.length)).toEqual([2, 3, 4, 5]);
    expect(Object.keys(silhouettes)).toEqual(['2', '3', '4', '5']);
    expect(groups.map((g) => g.members.length).sort()).toEqual([20, 30, 40]);
  });

  it('scores a singleton as 0 in the silhouette', () => {
    const two: Point[] = [{ id: 1, x: 0, y: 0 }, { id: 2, x: 1, y: 0 }];
    expect(silhouette(two, kMeans(two, 2))).toBe(0);
  });

  it('switches to a new number of groups only after it wins 4 consecutive recomputes', () => {
    let state = smoothK(3, null);
    expect(state.smoothedK).toBe(3);
    for (const expected of [3, 3, 3]) {
      state = smoothK(2, state);
      expect(state.smoothedK).toBe(expected);
    }
    state = smoothK(2, state);
    expect(state.smoothedK).toBe(2);
    state = smoothK(4, state);
    state = smoothK(2, state);
    expect(state).toEqual({ lastK: 2, lastKCount: 1, smoothedK: 2 });
  });
});

describe('the next statement', () => {
  it('priority = (importance·(1 + 8·2^(−S/5)))², meta statements 49', () => {
    const [A, P, S, E] = [3, 2, 10, 1.5];
    const importance = (1 - (P + 1) / (S + 2)) * (E + 1) * ((A + 1) / (S + 2));
    expect(statementPriority(A, P, S, E)).toBeCloseTo((importance * (1 + 8 * 2 ** (-S / 5))) ** 2, 12);
    expect(statementPriority(A, P, S, E, true)).toBe(49);
    expect(statementPriority(0, 0, 0, 0)).toBeGreaterThan(statementPriority(0, 0, 20, 0));
  });

  it('picks in proportion to priority, reproducibly from the seed', () => {
    const candidates = [{ id: 3, priority: 1 }, { id: 1, priority: 3 }, { id: 2, priority: 0 }];
    const picks = Array.from({ length: 4000 }, (_, seed) => pickWeighted(candidates, seed));
    expect(picks.filter((p) => p === 2)).toHaveLength(0);
    const ones = picks.filter((p) => p === 1).length / picks.length;
    expect(ones).toBeGreaterThan(0.7);
    expect(ones).toBeLessThan(0.8);
    expect(pickWeighted([...candidates].reverse(), 42)).toBe(pickWeighted(candidates, 42));
    expect(pickWeighted([], 1)).toBeNull();
    expect(pickWeighted([{ id: 9, priority: 0 }, { id: 4, priority: 0 }], 1)).toBe(4);
  });

  it('uses mulberry32 (its published first output for seed 1) and a text seed', () => {
    expect(mulberry32(1)()).toBeCloseTo(0.6270739405881613, 15);
    expect(seedFromText('space:1:participant:2')).toBe(seedFromText('space:1:participant:2'));
    expect(seedFromText('a')).not.toBe(seedFromText('b'));
  });
});

describe('CSV', () => {
  it('reads quoted fields with commas, doubled quotes, newlines, CRLF and a byte-order mark', () => {
    expect(parseCsv('\ufeffa,b\r\n1,"x, ""y""\nz"\r\n2,\n')).toEqual([{ a: '1', b: 'x, "y"\nz' }, { a: '2', b: '' }]);
  });
});
