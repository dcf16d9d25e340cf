/**
 * Majority judgment (jugement majoritaire), ALGORITHMS.md §2, exact at any size.
 *
 * Every count is a BigInt and no comparison goes through floating point, so
 * tallies in the billions (or 10^15) rank exactly; percentages are only
 * formatted for display, from the exact fractions.
 *
 * Grades here are indexed WORST FIRST (0 = the worst grade, e.g. « À rejeter »),
 * as in the doc and the MieuxVoter test vectors. The ballots (tally.ts) index
 * the scale best first (0 = « Excellent ») and reverse it before calling in.
 *
 * - Majority grade α: the lower median, the first grade (worst → best) whose
 *   cumulative count reaches ⌊(N+1)/2⌋.
 * - P = ballots strictly above α, Q = strictly below. Gauge (α, +, P) if P > Q,
 *   else (α, −, Q): equal groups count as −.
 * - Order: higher α; then + beats −; among + larger P; among − smaller Q. Still
 *   tied: remove one α from each and repeat, i.e. compare the Balinski–Laraki
 *   majority values lexicographically. That repetition is done in one pass
 *   (see `majorityValueComparison`) instead of N removals, so it stays exact and
 *   fast at 10^15 ballots. Options still tied after all grades share the rank.
 * - Unequal ballot counts: by default a missing grade counts as the lowest grade
 *   (the rule stated in the published decision rules); a fixed grade, the
 *   option's own median, or normalisation (every profile scaled to the least
 *   common multiple of the totals, exact) can be chosen instead.
 */

export type CountInput = bigint | number | string;

/** How ballots that did not grade an option are counted (all grades worst-first). */
export type MissingGradePolicy = { mode: 'lowest' } | { mode: 'static'; grade: number } | { mode: 'median' } | { mode: 'normalized' };

export interface MajorityJudgmentInput {
  /** Option id and its merit profile: counts per grade, WORST FIRST. */
  options: { id: string; counts: readonly CountInput[] }[];
  /** Number of grades of the scale (defaults to the profiles' length). */
  gradeCount?: number;
  /** Voters who took part (options graded by fewer are completed per `missing`). Defaults to the largest total. */
  participants?: CountInput;
  missing?: MissingGradePolicy;
}

export type GaugeSign = '+' | '-';

/** The majority gauge of one (completed) profile. */
export interface MajorityGauge {
  /** Majority grade α (worst-first index). */
  grade: number;
  /** + when the ballots above α outnumber those below (P > Q), − otherwise (equal groups count as −). */
  sign: GaugeSign;
  /** Ballots strictly above α. */
  above: bigint;
  /** Ballots strictly below α. */
  below: bigint;
  /** Ballots at α. */
  at: bigint;
  total: bigint;
}

export interface MajorityJudgmentOption {
  id: string;
  rank: number;
  /** Counts per grade as received (worst first). */
  received: bigint[];
  receivedTotal: bigint;
  /** Counts after completing missing grades (or normalising): what is compared. */
  profile: bigint[];
  gauge: MajorityGauge;
}

/**
 * Why `better` ranks above `worse` (or why they share a rank), for the plain-language explanation:
 * - majority-grade: α differs;
 * - gauge-sign: same α, one is α+ (more above than below), the other α−;
 * - above: both α+, the larger share above α wins;
 * - below: both α−, the smaller share below α wins;
 * - tie-break: same gauge; removing common majority grades one by one (`removed` of them)
 *   their majority grades part: `betterGrade` vs `worseGrade` (worst-first indices);
 * - equal: identical after every grade: same rank.
 */
export interface MajorityJudgmentDuel {
  better: string;
  worse: string;
  decidedBy: 'majority-grade' | 'gauge-sign' | 'above' | 'below' | 'tie-break' | 'equal';
  removed?: bigint;
  betterGrade?: number;
  worseGrade?: number;
}

export interface MajorityJudgmentResult {
  gradeCount: number;
  /** The common number of ballots each completed profile holds. */
  total: bigint;
  missing: MissingGradePolicy;
  /** Options best first (ties keep their input order). */
  options: MajorityJudgmentOption[];
  /** Groups of tied option ids, best first. */
  ranking: string[][];
  /** The option(s) of rank 1. */
  winners: string[];
  /** One duel per consecutive pair of `options`. */
  duels: MajorityJudgmentDuel[];
}

function toBig(value: CountInput, what: string): bigint {
  let big: bigint;
  if (typeof value === 'bigint') big = value;
  else if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new RangeError(`${what}: ${value} is not a safe integer (pass a BigInt or a decimal string)`);
    big = BigInt(value);
  } else {
    if (!/^\d+$/.test(value)) throw new RangeError(`${what}: "${value}" is not a whole number`);
    big = BigInt(value);
  }
  if (big < 0n) throw new RangeError(`${what}: a count cannot be negative`);
  return big;
}

const sum = (values: readonly bigint[]) => values.reduce((a, b) => a + b, 0n);

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** Index of the lower median (worst-first) of a profile holding `total` > 0 ballots. */
export function lowerMedianGrade(profile: readonly bigint[], total: bigint = sum(profile)): number {
  const threshold = (total + 1n) / 2n;
  let cumulative = 0n;
  for (let g = 0; g < profile.length; g++) {
    cumulative += profile[g]!;
    if (cumulative >= threshold) return g;
  }
  return 0;
}

/** The majority gauge of a profile (worst-first counts). An empty profile gets grade 0, −, nothing above or below. */
export function majorityGauge(profile: readonly bigint[]): MajorityGauge {
  const total = sum(profile);
  if (total === 0n) return { grade: 0, sign: '-', above: 0n, below: 0n, at: 0n, total };
  const grade = lowerMedianGrade(profile, total);
  const below = sum(profile.slice(0, grade));
  const at = profile[grade]!;
  const above = total - below - at;
  return { grade, sign: above > below ? '+' : '-', above, below, at, total };
}

/**
 * Compares two gauges of profiles holding the same number of ballots:
 * > 0 when `a` is better, < 0 when `b` is, 0 when the gauges are equal.
 */
export function compareGauges(a: MajorityGauge, b: MajorityGauge): { order: number; decidedBy: MajorityJudgmentDuel['decidedBy'] | null } {
  if (a.grade !== b.grade) return { order: a.grade > b.grade ? 1 : -1, decidedBy: 'majority-grade' };
  if (a.sign !== b.sign) return { order: a.sign === '+' ? 1 : -1, decidedBy: 'gauge-sign' };
  if (a.sign === '+') {
    // Shares, cross-multiplied: exact even if the totals differed.
    const left = a.above * b.total;
    const right = b.above * a.total;
    if (left !== right) return { order: left > right ? 1 : -1, decidedBy: 'above' };
  } else {
    const left = a.below * b.total;
    const right = b.below * a.total;
    if (left !== right) return { order: left < right ? 1 : -1, decidedBy: 'below' };
  }
  return { order: 0, decidedBy: null };
}

/** The grade at 1-based position `i` of the sorted (worst → best) ballots, from the cumulative counts. */
function gradeAt(cumulative: readonly bigint[], i: bigint): number {
  for (let g = 0; g < cumulative.length; g++) if (cumulative[g]! >= i) return g;
  return cumulative.length - 1;
}

/**
 * Lexicographic comparison of the Balinski–Laraki majority values of two
 * profiles with the same total N, without removing grades one by one.
 *
 * Removing lower medians one after the other visits the sorted ballots from the
 * middle outwards: position m = ⌊(N+1)/2⌋ first, then, for N odd, m−1, m+1, m−2,
 * m+2…, for N even, m+1, m−1, m+2, m−2… (step of position m−d: 2d for N odd,
 * 2d+1 for N even; of m+d: 2d+1 for N odd, 2d for N even). Both profiles visit
 * the same positions, so the first step where they differ is the nearest
 * position to m, on either side, where their sorted ballots differ; sorted
 * ballots differ exactly on the intervals (min(Fa(g), Fb(g)), max(Fa(g), Fb(g))]
 * of the cumulative counts F. Returns > 0 when `a` is better, with the step
 * (1-based; step − 1 common grades were removed before) and the grades there.
 */
export function majorityValueComparison(a: readonly bigint[], b: readonly bigint[]): { order: number; step: bigint; gradeA: number; gradeB: number } | { order: 0 } {
  const total = sum(a);
  if (total !== sum(b)) throw new RangeError('majority values compare profiles of the same size');
  if (total === 0n) return { order: 0 };
  const cumA: bigint[] = [];
  const cumB: bigint[] = [];
  let ca = 0n;
  let cb = 0n;
  for (let g = 0; g < a.length; g++) {
    ca += a[g]!;
    cb += b[g]!;
    cumA.push(ca);
    cumB.push(cb);
  }
  const m = (total + 1n) / 2n;
  let lowerPosition: bigint | null = null; // largest differing position ≤ m
  let upperPosition: bigint | null = null; // smallest differing position > m
  for (let g = 0; g < a.length; g++) {
    const lo = cumA[g]! < cumB[g]! ? cumA[g]! : cumB[g]!;
    const hi = cumA[g]! < cumB[g]! ? cumB[g]! : cumA[g]!;
    if (lo === hi) continue; // positions lo+1 … hi differ
    if (lo + 1n <= m) {
      const candidate = hi < m ? hi : m;
      if (lowerPosition === null || candidate > lowerPosition) lowerPosition = candidate;
    }
    if (hi > m) {
      const candidate = lo + 1n > m + 1n ? lo + 1n : m + 1n;
      if (upperPosition === null || candidate < upperPosition) upperPosition = candidate;
    }
  }
  if (lowerPosition === null && upperPosition === null) return { order: 0 };
  const odd = total % 2n === 1n;
  const stepOfLower = (i: bigint) => {
    const d = m - i;
    return d === 0n ? 1n : odd ? 2n * d : 2n * d + 1n;
  };
  const stepOfUpper = (i: bigint) => (odd ? 2n * (i - m) + 1n : 2n * (i - m));
  let position: bigint;
  let step: bigint;
  if (upperPosition === null || (lowerPosition !== null && stepOfLower(lowerPosition) < stepOfUpper(upperPosition))) {
    position = lowerPosition!;
    step = stepOfLower(position);
  } else {
    position = upperPosition;
    step = stepOfUpper(position);
  }
  const gradeA = gradeAt(cumA, position);
  const gradeB = gradeAt(cumB, position);
  return { order: gradeA > gradeB ? 1 : -1, step, gradeA, gradeB };
}

/** Full comparison of two completed profiles of equal size: the gauge first, then the majority values. */
export function compareProfiles(a: readonly bigint[], b: readonly bigint[]): { order: number; decidedBy: MajorityJudgmentDuel['decidedBy']; removed?: bigint; gradeA?: number; gradeB?: number } {
  const byGauge = compareGauges(majorityGauge(a), majorityGauge(b));
  if (byGauge.decidedBy !== null) return { order: byGauge.order, decidedBy: byGauge.decidedBy };
  const byValue = majorityValueComparison(a, b);
  if (byValue.order === 0 || !('step' in byValue)) return { order: 0, decidedBy: 'equal' };
  return { order: byValue.order, decidedBy: 'tie-break', removed: byValue.step - 1n, gradeA: byValue.gradeA, gradeB: byValue.gradeB };
}

/** Completes (or normalises) every profile so that all hold the same number of ballots. */
export function completeProfiles(received: bigint[][], participants: bigint | null, missing: MissingGradePolicy): { profiles: bigint[][]; total: bigint } {
  const totals = received.map(sum);
  if (missing.mode === 'normalized') {
    const positive = totals.filter((t) => t > 0n);
    const lcm = positive.reduce((acc, t) => (acc / gcd(acc, t)) * t, 1n);
    const total = positive.length === 0 ? 0n : lcm;
    const profiles = received.map((counts, i) => {
      const t = totals[i]!;
      if (t === 0n) return counts.map((_, g) => (g === 0 ? total : 0n)); // nobody graded it: the lowest grade
      return counts.map((c) => c * (lcm / t));
    });
    return { profiles, total };
  }
  const largest = totals.reduce((a, b) => (a > b ? a : b), 0n);
  const total = participants !== null && participants > largest ? participants : largest;
  const profiles = received.map((counts, i) => {
    const lacking = total - totals[i]!;
    if (lacking === 0n) return [...counts];
    let grade: number;
    if (missing.mode === 'lowest') grade = 0;
    else if (missing.mode === 'static') grade = missing.grade;
    else grade = totals[i]! === 0n ? 0 : lowerMedianGrade(counts, totals[i]!);
    return counts.map((c, g) => (g === grade ? c + lacking : c));
  });
  return { profiles, total };
}

/** Ranks the options by majority judgment. Throws a RangeError on malformed input. */
export function majorityJudgment(input: MajorityJudgmentInput): MajorityJudgmentResult {
  const missing = input.missing ?? { mode: 'lowest' };
  const gradeCount = input.gradeCount ?? input.options[0]?.counts.length ?? 0;
  if (gradeCount < 1) throw new RangeError('the scale needs at least one grade');
  if (missing.mode === 'static' && !(Number.isInteger(missing.grade) && missing.grade >= 0 && missing.grade < gradeCount)) throw new RangeError(`the default grade ${missing.grade} is not on the scale`);
  const ids = new Set<string>();
  const received = input.options.map((option) => {
    if (ids.has(option.id)) throw new RangeError(`option ${option.id} appears twice`);
    ids.add(option.id);
    if (option.counts.length !== gradeCount) throw new RangeError(`option ${option.id}: ${option.counts.length} counts for ${gradeCount} grades`);
    return option.counts.map((c, g) => toBig(c, `option ${option.id}, grade ${g}`));
  });
  const participants = input.participants === undefined ? null : toBig(input.participants, 'participants');
  const largest = received.map(sum).reduce((a, b) => (a > b ? a : b), 0n);
  if (participants !== null && participants < largest && missing.mode !== 'normalized') throw new RangeError(`an option holds ${largest} grades for ${participants} participants`);
  const { profiles, total } = completeProfiles(received, participants, missing);

  const order = input.options.map((_, i) => i);
  // Stable sort: tied options keep their input order.
  order.sort((i, j) => -compareProfiles(profiles[i]!, profiles[j]!).order);
  const options: MajorityJudgmentOption[] = [];
  const duels: MajorityJudgmentDuel[] = [];
  const ranking: string[][] = [];
  order.forEach((index, position) => {
    const id = input.options[index]!.id;
    let rank = 1;
    if (position > 0) {
      const previous = order[position - 1]!;
      const duel = compareProfiles(profiles[previous]!, profiles[index]!);
      const previousId = input.options[previous]!.id;
      duels.push({
        better: previousId,
        worse: id,
        decidedBy: duel.decidedBy,
        ...(duel.removed !== undefined ? { removed: duel.removed, betterGrade: duel.gradeA, worseGrade: duel.gradeB } : {}),
      });
      rank = duel.decidedBy === 'equal' ? options[position - 1]!.rank : position + 1;
    }
    if (rank === position + 1) ranking.push([id]);
    else ranking[ranking.length - 1]!.push(id);
    options.push({ id, rank, received: received[index]!, receivedTotal: sum(received[index]!), profile: profiles[index]!, gauge: majorityGauge(profiles[index]!) });
  });
  return { gradeCount, total, missing, options, ranking, winners: ranking[0] ?? [], duels };
}

/** `numerator / denominator` as a percentage with `digits` decimals, rounded half up, exactly (e.g. "33.3"). */
export function exactPercent(numerator: bigint, denominator: bigint, digits = 1): string {
  if (denominator === 0n) return (0).toFixed(digits);
  const scale = 10n ** BigInt(digits);
  const scaled = (numerator * 100n * scale * 2n + denominator) / (2n * denominator);
  const whole = scaled / scale;
  if (digits === 0) return whole.toString();
  return `${whole}.${(scaled % scale).toString().padStart(digits, '0')}`;
}
