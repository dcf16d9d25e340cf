import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';
import { checkPersonPanel, type SortitionInstance, type SortitionUnits } from './sortition.model';

/**
 * From the LEXIMIN distribution to a public lottery (ALGORITHMS.md §3).
 *
 * 1. Rounding. The distribution (λ_P over a few hundred panels at most) becomes
 *    a uniform lottery over M panels: panel P appears c_P times, with c_P equal
 *    to ⌊Mλ_P⌋ or ⌈Mλ_P⌉ and Σ c_P = M. Among those roundings we look for one
 *    that changes people's selection probabilities least (the objective of the
 *    "ILP rounding" of Flanigan, Kehne & Procaccia, "Fair sortition made
 *    transparent", 2021), by a deterministic local search from largest-remainder
 *    rounding: move one copy from a panel rounded up to one rounded down while
 *    that lowers the largest change of a unit's probability. (Solving that
 *    integer program with HiGHS took seconds to minutes for a few thousandths.)
 *    Guarantees: every panel keeps its probability within 1/M; the largest change
 *    of a unit's probability is reported (`maxUnitDeviation`) and is never worse
 *    than largest-remainder rounding.
 * 2. People. Within a unit (interchangeable people), seats are dealt round-robin
 *    over the M panels in pool order, so each member gets ⌊S/m⌋ or ⌈S/m⌉ of the
 *    unit's S seats: a further change below 1/M. Every one of the M panels is
 *    checked against the quotas in plain TypeScript.
 * 3. The draw. Each witness commits SHA-256(seed) before the draw; after it,
 *    the seeds are revealed and checked against their commitments; the combined
 *    seed is SHA-256 of the seeds concatenated in commitment order, and the
 *    panel index is that hash read as a big-endian integer modulo M.
 *
 * Hashing uses @noble/hashes (pure JS) so the draw can be re-run in a browser.
 */

export const DEFAULT_LOTTERY_SIZE = 1000;
/** Bound on local-search moves (each one strictly improves; in practice a few dozen). */
const MAX_ROUNDING_MOVES = 10_000;

export interface RoundedLottery {
  /** Number of panels M. */
  size: number;
  /** For each support panel of the distribution, how many of the M panels it is. */
  copies: { counts: number[]; copies: number }[];
  /** Largest |lottery − LEXIMIN| probability over units, before dealing people. */
  maxUnitDeviation: number;
  /** Local-search moves applied after largest-remainder rounding. */
  moves: number;
}

/** Largest remainder: ⌊Mλ⌋ for all, then +1 to the largest fractional parts (ties: first panel). */
export function largestRemainder(probabilities: readonly number[], size: number): number[] {
  const floors = probabilities.map((p) => Math.floor(p * size + 1e-9));
  let missing = size - floors.reduce((s, c) => s + c, 0);
  const order = probabilities.map((p, i) => ({ i, frac: p * size - floors[i]! })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (missing <= 0) break;
    floors[i]! += 1;
    missing -= 1;
  }
  return floors;
}

export function roundToLottery(
  distribution: readonly { counts: number[]; probability: number }[],
  units: SortitionUnits,
  size = DEFAULT_LOTTERY_SIZE,
): RoundedLottery {
  const mult = units.units.map((u) => u.members.length);
  const target = mult.map(() => 0);
  for (const p of distribution) p.counts.forEach((c, u) => (target[u]! += (p.probability * c) / mult[u]!));
  const copies = largestRemainder(
    distribution.map((p) => p.probability),
    size,
  );
  const floors = distribution.map((p) => Math.floor(p.probability * size + 1e-9));
  const share = distribution.map((p) => p.counts.map((c, u) => c / mult[u]! / size));
  // dev[u] = lottery − LEXIMIN probability of unit u.
  const dev = mult.map((_, u) => -target[u]!);
  distribution.forEach((_, i) => share[i]!.forEach((a, u) => (dev[u]! += copies[i]! * a)));
  const score = (d: readonly number[]) => {
    let max = 0;
    let squares = 0;
    for (const x of d) {
      max = Math.max(max, Math.abs(x));
      squares += x * x;
    }
    return { max, squares };
  };
  let current = score(dev);
  let moves = 0;
  const trial = [...dev];
  // Local search: move one copy from a panel rounded up to one rounded down
  // while that lowers the largest deviation (then the sum of squares).
  for (; moves < MAX_ROUNDING_MOVES; moves += 1) {
    let best: { from: number; to: number; max: number; squares: number } | null = null;
    for (let i = 0; i < copies.length; i += 1) {
      if (copies[i]! <= floors[i]!) continue;
      for (let j = 0; j < copies.length; j += 1) {
        if (j === i || copies[j]! !== floors[j]!) continue;
        for (let u = 0; u < dev.length; u += 1) trial[u] = dev[u]! - share[i]![u]! + share[j]![u]!;
        const s = score(trial);
        const better = (a: { max: number; squares: number }, b: { max: number; squares: number }) => a.max < b.max - 1e-15 || (a.max <= b.max + 1e-15 && a.squares < b.squares - 1e-18);
        if (better(s, best ?? current)) best = { from: i, to: j, ...s };
      }
    }
    if (!best) break;
    copies[best.from]! -= 1;
    copies[best.to]! += 1;
    for (let u = 0; u < dev.length; u += 1) dev[u] = dev[u]! - share[best.from]![u]! + share[best.to]![u]!;
    current = { max: best.max, squares: best.squares };
  }
  return {
    size,
    copies: distribution.map((p, i) => ({ counts: p.counts, copies: copies[i]! })).filter((c) => c.copies > 0),
    maxUnitDeviation: current.max,
    moves,
  };
}

/**
 * The M concrete panels (person indices, ascending), in a fixed order: support
 * panels in distribution order, each repeated `copies` times; seats of each unit
 * dealt round-robin over its members in pool order. Each panel is checked.
 */
export function assignPeople(instance: SortitionInstance, units: SortitionUnits, lottery: RoundedLottery): number[][] {
  const next = units.units.map(() => 0);
  const panels: number[][] = [];
  for (const { counts, copies } of lottery.copies) {
    for (let k = 0; k < copies; k += 1) {
      const members: number[] = [];
      counts.forEach((c, u) => {
        const unit = units.units[u]!.members;
        for (let j = 0; j < c; j += 1) {
          members.push(unit[next[u]!]!);
          next[u] = (next[u]! + 1) % unit.length;
        }
      });
      members.sort((a, b) => a - b);
      const problems = checkPersonPanel(instance, members);
      if (problems.length > 0) throw new Error(`lottery panel ${panels.length} breaks the rules: ${problems.join('; ')}`);
      panels.push(members);
    }
  }
  if (panels.length !== lottery.size) throw new Error(`the lottery has ${panels.length} panels, expected ${lottery.size}`);
  return panels;
}

/** Each person's probability of selection in a uniform lottery over `panels`. */
export function lotteryProbabilities(poolSize: number, panels: readonly (readonly number[])[]): number[] {
  const p = new Array<number>(poolSize).fill(0);
  for (const panel of panels) for (const i of panel) p[i]! += 1 / panels.length;
  return p;
}

// ——— The draw ———

/** A witness's commitment: SHA-256 of the seed's bytes, hex. */
export function seedCommitment(seed: Uint8Array): string {
  return bytesToHex(sha256(seed));
}

/** Indices (in commitment order) of revealed seeds that do not match their commitment. */
export function mismatchedSeeds(commitments: readonly string[], seeds: readonly Uint8Array[]): number[] {
  if (commitments.length !== seeds.length) throw new Error(`${seeds.length} seeds revealed for ${commitments.length} commitments`);
  return commitments.map((c, i) => (seedCommitment(seeds[i]!) === c.toLowerCase() ? -1 : i)).filter((i) => i >= 0);
}

/** SHA-256 of the seeds concatenated in commitment order. */
export function combinedSeed(seeds: readonly Uint8Array[]): Uint8Array {
  if (seeds.length === 0) throw new Error('no seed');
  const all = new Uint8Array(seeds.reduce((s, b) => s + b.length, 0));
  let at = 0;
  for (const s of seeds) {
    all.set(s, at);
    at += s.length;
  }
  return sha256(all);
}

/** The drawn panel's index: the combined seed as a big-endian integer, modulo `size`. */
export function drawnPanelIndex(combined: Uint8Array, size: number): number {
  if (!Number.isInteger(size) || size < 1) throw new Error(`bad lottery size ${size}`);
  return Number(BigInt(`0x${bytesToHex(combined) || '0'}`) % BigInt(size));
}

/** The whole draw: checks every seed against its commitment, then returns the combined seed and index. */
export function drawPanel(commitments: readonly string[], seeds: readonly Uint8Array[], size: number): { combinedSeed: string; index: number } {
  const bad = mismatchedSeeds(commitments, seeds);
  if (bad.length > 0) throw new SeedMismatchError(bad);
  const combined = combinedSeed(seeds);
  return { combinedSeed: bytesToHex(combined), index: drawnPanelIndex(combined, size) };
}

export class SeedMismatchError extends Error {
  constructor(readonly witnesses: number[]) {
    super(`the seed of witness ${witnesses.map((w) => w + 1).join(', ')} does not match the commitment`);
    this.name = 'SeedMismatchError';
  }
}

