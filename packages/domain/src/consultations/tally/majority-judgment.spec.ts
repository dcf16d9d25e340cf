import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { sharedDataDirectory } from '../../common/shared-data.testing';
import { compareProfiles, exactPercent, majorityGauge, majorityJudgment, majorityValueComparison, type MissingGradePolicy } from './majority-judgment';

interface Assertion {
  title: string;
  participants: number;
  mode?: 'StaticDefault' | 'MedianDefault' | 'Normalized';
  default?: number;
  tallies: number[][];
  ranks: number[];
}

const assertions = JSON.parse(readFileSync(path.join(sharedDataDirectory('majority-judgment'), 'majority-judgment', 'assertions.json'), 'utf8')) as Assertion[];

function policyOf(a: Assertion): MissingGradePolicy {
  if (a.mode === 'MedianDefault') return { mode: 'median' };
  if (a.mode === 'Normalized') return { mode: 'normalized' };
  return a.default === undefined || a.default === 0 ? { mode: 'lowest' } : { mode: 'static', grade: a.default };
}

/** Ranks in input order. */
function ranksOf(result: ReturnType<typeof majorityJudgment>, ids: string[]): number[] {
  return ids.map((id) => result.options.find((o) => o.id === id)!.rank);
}

describe('majority judgment on the MieuxVoter test vectors (shared/data/majority-judgment/assertions.json)', () => {
  it('holds every case', () => expect(assertions.length).toBeGreaterThanOrEqual(9));

  for (const a of assertions) {
    it(`${a.title}: ranks ${a.ranks.join(', ')}`, () => {
      const ids = a.tallies.map((_, i) => `o${i}`);
      const result = majorityJudgment({ options: a.tallies.map((counts, i) => ({ id: ids[i]!, counts })), participants: a.participants, missing: policyOf(a) });
      expect(ranksOf(result, ids)).toEqual(a.ranks);
    });
  }
});

/** The doc's procedure, literally: compare gauges, else remove one majority grade from each and repeat. */
function bruteCompare(a: bigint[], b: bigint[]): number {
  const x = [...a];
  const y = [...b];
  for (;;) {
    const total = x.reduce((s, c) => s + c, 0n);
    if (total === 0n) return 0;
    const ga = majorityGauge(x);
    const gb = majorityGauge(y);
    if (ga.grade !== gb.grade) return ga.grade > gb.grade ? 1 : -1;
    if (ga.sign !== gb.sign) return ga.sign === '+' ? 1 : -1;
    if (ga.sign === '+' && ga.above !== gb.above) return ga.above > gb.above ? 1 : -1;
    if (ga.sign === '-' && ga.below !== gb.below) return ga.below < gb.below ? 1 : -1;
    x[ga.grade]! -= 1n;
    y[gb.grade]! -= 1n;
  }
}

/** Balinski–Laraki majority value: lower medians removed one by one. */
function majorityValue(profile: bigint[]): number[] {
  const sorted: number[] = [];
  profile.forEach((c, g) => {
    for (let k = 0n; k < c; k++) sorted.push(g);
  });
  const value: number[] = [];
  while (sorted.length > 0) value.push(sorted.splice(Math.floor((sorted.length + 1) / 2) - 1, 1)[0]!);
  return value;
}

describe('majority judgment: exact comparisons', () => {
  const pairOfProfiles = fc.integer({ min: 1, max: 5 }).chain((grades) =>
    fc.integer({ min: 1, max: 14 }).chain((n) => {
      const profile = fc.array(fc.nat(), { minLength: grades, maxLength: grades }).map((weights) => {
        // n ballots spread over the grades.
        const counts = new Array<bigint>(grades).fill(0n);
        weights.forEach((w, i) => (counts[(w + i) % grades]! += 0n));
        for (let k = 0; k < n; k++) counts[(weights[k % grades]! + k * 7) % grades]! += 1n;
        return counts;
      });
      return fc.tuple(profile, profile);
    }),
  );

  it('matches the doc’s remove-one-majority-grade procedure and the majority values on random small profiles', () => {
    fc.assert(
      fc.property(pairOfProfiles, ([a, b]) => {
        const ours = Math.sign(compareProfiles(a, b).order);
        expect(ours).toBe(bruteCompare(a, b));
        const va = majorityValue(a).join(',');
        const vb = majorityValue(b).join(',');
        const lexical = va === vb ? 0 : majorityValue(a).findIndex((g, i) => g !== majorityValue(b)[i]);
        const expected = va === vb ? 0 : majorityValue(a)[lexical]! > majorityValue(b)[lexical]! ? 1 : -1;
        expect(ours).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('reports after how many common majority grades a tie-break decides', () => {
    // Same gauge (grade 2+, P = 2): 1·Passable 2·Bien 2·Très bien vs 1·Passable 2·Bien 1·Très bien 1·Excellent.
    const a = [0n, 1n, 2n, 2n, 0n];
    const b = [0n, 1n, 2n, 1n, 1n];
    expect(majorityGauge(a)).toMatchObject({ grade: 2, sign: '+', above: 2n, below: 1n });
    expect(majorityGauge(b)).toMatchObject({ grade: 2, sign: '+', above: 2n, below: 1n });
    const duel = majorityValueComparison(a, b);
    // Sorted: P B B TB TB vs P B B TB E; values B,B,TB,P,TB vs B,B,TB,P,E → differ at step 5.
    expect(duel).toEqual({ order: -1, step: 5n, gradeA: 3, gradeB: 4 });
    expect(compareProfiles(b, a)).toEqual({ order: 1, decidedBy: 'tie-break', removed: 4n, gradeA: 4, gradeB: 3 });
  });
});

describe('majority judgment: hand-made cases', () => {
  const run = (options: Record<string, (number | bigint | string)[]>, extra: Partial<Parameters<typeof majorityJudgment>[0]> = {}) =>
    majorityJudgment({ options: Object.entries(options).map(([id, counts]) => ({ id, counts })), ...extra });

  it('takes the lower median on an even count', () => {
    // 4 ballots: 2·À rejeter (0), 2·Excellent (5): positions 2 and 3 → the lower one, grade 0.
    const result = run({ a: [2, 0, 0, 0, 0, 2] });
    expect(result.options[0]!.gauge).toMatchObject({ grade: 0, sign: '+', above: 2n, below: 0n });
    // 3 below, 3 above with 0 at the median … equal groups: −.
    expect(majorityGauge([1n, 2n, 1n].map(BigInt))).toMatchObject({ grade: 1, sign: '-', above: 1n, below: 1n });
  });

  it('ranks by majority grade, then + over −, larger share above among +, smaller share below among −', () => {
    // 5 ballots each, 4 grades: the median is the 3rd ballot.
    const result = run({
      low: [1, 2, 1, 1], // grade 1
      minusMore: [1, 1, 2, 1], // 2− (Q = 2)
      minus: [0, 1, 3, 1], // 2− (P = Q = 1: equal groups are −)
      plusLess: [0, 0, 4, 1], // 2+ (P = 1)
      plusMore: [0, 0, 3, 2], // 2+ (P = 2)
      top: [0, 0, 1, 4], // grade 3
    });
    expect(result.ranking).toEqual([['top'], ['plusMore'], ['plusLess'], ['minus'], ['minusMore'], ['low']]);
    expect(result.duels.map((d) => d.decidedBy)).toEqual(['majority-grade', 'above', 'gauge-sign', 'below', 'majority-grade']);
  });

  it('shares a rank only when the profiles are truly equal, and keeps input order among them', () => {
    const result = run({ a: [1, 2, 3], b: [1, 2, 3], c: [2, 1, 3] });
    expect(result.ranking).toEqual([['a', 'b'], ['c']]);
    expect(result.options.map((o) => o.rank)).toEqual([1, 1, 3]);
    expect(result.duels[0]).toEqual({ better: 'a', worse: 'b', decidedBy: 'equal' });
    expect(result.winners).toEqual(['a', 'b']);
  });

  it('counts missing grades as the lowest grade by default (unequal ballot counts per option)', () => {
    // b was graded by 2 of the 4 voters only: completed with 2·À rejeter.
    const result = run({ a: [0, 2, 2], b: [0, 0, 2] });
    expect(result.total).toBe(4n);
    expect(result.options.find((o) => o.id === 'b')!.profile).toEqual([2n, 0n, 2n]);
    expect(result.winners).toEqual(['a']);
    // Normalised instead, b (all top grades) wins.
    expect(run({ a: [0, 2, 2], b: [0, 0, 2] }, { missing: { mode: 'normalized' } }).winners).toEqual(['b']);
  });

  it('is exact with counts around 10^15 and beyond 2^53, where doubles would tie', () => {
    const big = 10n ** 15n;
    // One ballot moved from below to above the majority grade decides (+ against −).
    const signed = run({ b: [big + 1n, 2n, big], a: [big, 2n, big + 1n] });
    expect(signed.options.map((o) => [o.id, o.gauge.sign])).toEqual([
      ['a', '+'],
      ['b', '-'],
    ]);
    expect(signed.duels[0]!.decidedBy).toBe('gauge-sign');
    // Both −, one fewer ballot below wins.
    const below = run({ b: [big + 1n, 1n, big + 1n], a: [big, 3n, big] });
    expect(below.winners).toEqual(['a']);
    expect(below.duels[0]!.decidedBy).toBe('below');
    // Past 2^53 doubles cannot tell x from x + 1; BigInt can.
    const x = 2n ** 53n;
    expect(Number(x) === Number(x + 1n)).toBe(true);
    const beyond = run({ b: [(x + 1n).toString(), '2', x.toString()], a: [x, 2n, x + 1n] });
    expect(beyond.winners).toEqual(['a']);
    expect(beyond.duels[0]).toEqual({ better: 'a', worse: 'b', decidedBy: 'gauge-sign' });
    // Identical gauges at 10^30: the tie-break finds the one differing ballot, far from the median.
    const huge = run({ x: ['123456789012345678901234567890', '1', '0'], y: ['123456789012345678901234567890', '0', '1'] });
    expect(huge.winners).toEqual(['y']);
    expect(huge.duels[0]).toMatchObject({ decidedBy: 'tie-break', removed: 123456789012345678901234567890n, betterGrade: 2, worseGrade: 1 });
  });

  it('rejects malformed input', () => {
    expect(() => run({ a: [1, 2], b: [1] })).toThrow(RangeError);
    expect(() => run({ a: [-1, 2] })).toThrow(RangeError);
    expect(() => run({ a: [2 ** 60, 2] })).toThrow(RangeError);
    expect(() => run({ a: [1, 2] }, { participants: 2 })).toThrow(RangeError);
    expect(() => run({ a: [1, 2] }, { missing: { mode: 'static', grade: 2 } })).toThrow(RangeError);
  });

  it('formats exact percentages', () => {
    expect(exactPercent(1n, 3n)).toBe('33.3');
    expect(exactPercent(2n, 3n)).toBe('66.7');
    expect(exactPercent(1n, 8n, 2)).toBe('12.50');
    expect(exactPercent(0n, 0n)).toBe('0.0');
  });
});
