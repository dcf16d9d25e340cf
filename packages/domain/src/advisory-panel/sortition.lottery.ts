import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';
import type { Highs } from 'highs';
import { loadHighs, QUIET, statusName } from './sortition.highs';
import { checkPersonPanel, type SortitionInstance, type SortitionUnits, type UnitPanel } from './sortition.model';

/**
 * From the LEXIMIN distribution to a public lottery (ALGORITHMS.md §3).
 *
 * 1. Rounding. The distribution (λ_P over a few hundred panels at most) becomes
 *    a uniform lottery over M panels: panel P appears c_P times, with c_P equal
 *    to ⌊Mλ_P⌋ or ⌈Mλ_P⌉ and Σ c_P = M. Among those roundings, an integer
 *    program picks one that minimises the largest change of a person's
 *    selection probability (the "ILP rounding" of Flanigan, Kehne & Procaccia,
 *    "Fair sortition made transparent", 2021), starting from largest-remainder
 *    rounding and stopping after a fixed number of branch-and-bound nodes, so
 *    the result is deterministic. Guarantees: every panel keeps its probability
 *    within 1/M; the largest change of a unit's probability is reported
 *    (`maxDeviation`) and is never worse than largest-remainder rounding.
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
const ROUNDING_NODE_LIMIT = 20000;

export interface RoundedLottery {
  /** Number of panels M. */
  size: number;
  /** For each support panel of the distribution, how many of the M panels it is. */
  copies: { counts: number[]; copies: number }[];
  /** Largest |lottery − LEXIMIN| probability over units, before dealing people. */
  maxUnitDeviation: number;
  /** 'optimal' when the integer program proved its rounding best, 'node-limit' or 'largest-remainder' otherwise. */
  rounding: 'optimal' | 'node-limit' | 'largest-remainder';
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

function unitDeviation(panels: readonly { counts: UnitPanel }[], copies: readonly number[], size: number, mult: readonly number[], target: readonly number[]): number {
  const p = mult.map(() => 0);
  panels.forEach((panel, i) => panel.counts.forEach((c, u) => (p[u]! += (copies[i]! * c) / mult[u]! / size)));
  return Math.max(0, ...p.map((x, u) => Math.abs(x - target[u]!)));
}

export async function roundToLottery(
  distribution: readonly { counts: number[]; probability: number }[],
  units: SortitionUnits,
  size = DEFAULT_LOTTERY_SIZE,
): Promise<RoundedLottery> {
  const mult = units.units.map((u) => u.members.length);
  const target = mult.map(() => 0);
  for (const p of distribution) p.counts.forEach((c, u) => (target[u]! += (p.probability * c) / mult[u]!));
  const start = largestRemainder(
    distribution.map((p) => p.probability),
    size,
  );
  const startDeviation = unitDeviation(distribution, start, size, mult, target);
  const highs = await loadHighs();
  const rounded = optimiseRounding(highs, distribution, mult, target, size, start);
  const useRounded = rounded && unitDeviation(distribution, rounded.copies, size, mult, target) <= startDeviation + 1e-12;
  const copies = useRounded ? rounded.copies : start;
  return {
    size,
    copies: distribution.map((p, i) => ({ counts: p.counts, copies: copies[i]! })).filter((c) => c.copies > 0),
    maxUnitDeviation: unitDeviation(distribution, copies, size, mult, target),
    rounding: useRounded ? rounded.status : 'largest-remainder',
  };
}

/** min d s.t. |Σ_P (f_P + r_P) a_Pu / M − π_u| ≤ d, Σ r_P = M − Σ f_P, r_P ∈ {0,1} for fractional panels. */
function optimiseRounding(
  highs: Highs,
  distribution: readonly { counts: number[]; probability: number }[],
  mult: readonly number[],
  target: readonly number[],
  size: number,
  start: readonly number[],
): { copies: number[]; status: 'optimal' | 'node-limit' } | null {
  const floors = distribution.map((p) => Math.floor(p.probability * size + 1e-9));
  const fractional = distribution.map((_, i) => i).filter((i) => distribution[i]!.probability * size - floors[i]! > 1e-9);
  const ups = size - floors.reduce((s, c) => s + c, 0);
  if (fractional.length === 0 || ups <= 0) return null;
  const model = highs.createModel();
  try {
    model.options.set({ ...QUIET, mip_max_nodes: ROUNDING_NODE_LIMIT, mip_rel_gap: 0 });
    const n = fractional.length;
    model.addVars(new Array(n).fill(0), new Array(n).fill(1));
    model.changeColsIntegrality({ kind: 'range', from: 0, to: n - 1 }, new Array(n).fill(highs.constants.variableType.integer));
    model.addVar(0, highs.infinity); // d, index n
    model.changeColCost(n, 1);
    model.addRow(ups, ups, { indices: [...fractional.keys()], values: fractional.map(() => 1) });
    for (let u = 0; u < mult.length; u += 1) {
      // base_u = Σ_P f_P a_Pu / M; row: Σ_j r_j a_ju / M − d ≤ π_u − base_u and ≥ π_u − base_u − 2d, written as two rows.
      let base = 0;
      distribution.forEach((p, i) => (base += (floors[i]! * p.counts[u]!) / mult[u]! / size));
      const indices: number[] = [];
      const values: number[] = [];
      fractional.forEach((i, j) => {
        const c = distribution[i]!.counts[u]!;
        if (c > 0) {
          indices.push(j);
          values.push(c / mult[u]! / size);
        }
      });
      if (indices.length === 0) continue;
      model.addRow(-highs.infinity, target[u]! - base, { indices: [...indices, n], values: [...values, -1] });
      model.addRow(target[u]! - base, highs.infinity, { indices: [...indices, n], values: [...values, 1] });
    }
    model.setSolution({ indices: [...fractional.keys()], values: fractional.map((i) => start[i]! - floors[i]!) });
    model.run();
    const status = statusName(highs, model);
    if (status !== 'optimal' && status !== 'solutionLimit' && status !== 'iterationLimit') return null;
    const x = model.getSolution().colValue;
    const copies = [...floors];
    fractional.forEach((i, j) => (copies[i]! += Math.round(x[j]!)));
    if (copies.reduce((s, c) => s + c, 0) !== size) return null;
    return { copies, status: status === 'optimal' ? 'optimal' : 'node-limit' };
  } finally {
    model.dispose();
  }
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

