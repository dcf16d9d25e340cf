/**
 * Which statement to show next (ALGORITHMS.md §1.10): Polis's priority, and a
 * weighted pick driven by a seeded generator, so the order is reproducible.
 */

/** Polis's priority of meta statements (7, squared like the others). */
export const META_PRIORITY = 7;

/**
 * priority = (importance · (1 + 8·2^(−S/5)))², importance = (1 − p)(E + 1)·a,
 * p = (P+1)/(S+2), a = (A+1)/(S+2): A agrees, P passes, S all votes, E the
 * statement's extremity. New statements (small S) bubble up; meta ones get 49.
 */
export function statementPriority(A: number, P: number, S: number, extremity: number, isMeta = false): number {
  if (isMeta) return META_PRIORITY ** 2;
  const p = (P + 1) / (S + 2);
  const a = (A + 1) / (S + 2);
  const importance = (1 - p) * (extremity + 1) * a;
  return (importance * (1 + 8 * 2 ** (-S / 5))) ** 2;
}

/** mulberry32: a small, well-known 32-bit seeded generator; returns a function giving numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit seed from text (FNV-1a), e.g. `${space}:${participant}:${votesCast}`. */
export function seedFromText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Picks one candidate at random in proportion to its priority, with the seeded
 * generator; candidates are taken in ascending id order so the pick depends
 * only on the seed and the priorities. Null when there is no candidate; if every
 * priority is 0, the lowest id.
 */
export function pickWeighted(candidates: readonly { id: number; priority: number }[], seed: number): number | null {
  if (candidates.length === 0) return null;
  const sorted = [...candidates].sort((a, b) => a.id - b.id);
  const total = sorted.reduce((s, c) => s + Math.max(0, c.priority), 0);
  if (!(total > 0)) return sorted[0]!.id;
  let target = mulberry32(seed)() * total;
  for (const c of sorted) {
    target -= Math.max(0, c.priority);
    if (target < 0) return c.id;
  }
  return sorted[sorted.length - 1]!.id;
}
