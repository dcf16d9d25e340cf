import type { VoteMatrix } from './vote-matrix';

/**
 * Representativeness, consensus and group-aware consensus (ALGORITHMS.md
 * §1.7–1.9), from vote counts: A agrees, D disagrees, S all votes (passes
 * included) on a statement, within a set of participants.
 */

export interface VoteCounts {
  A: number[];
  D: number[];
  S: number[];
}

/** Counts per column over the rows whose index `group[row]` is g, for g = 0..groupCount−1 (−1: in no group). */
export function countVotesByGroup(matrix: VoteMatrix, groupOfRow: Int32Array, groupCount: number): VoteCounts[] {
  return countVotesWithEveryone(matrix, groupOfRow, groupCount).groups;
}

/**
 * countVotesByGroup and everyone's counts (countVotes) in one pass over the
 * votes, on typed arrays (integers: the same counts).
 */
export function countVotesWithEveryone(matrix: VoteMatrix, groupOfRow: Int32Array, groupCount: number): { groups: VoteCounts[]; everyone: VoteCounts } {
  const m = matrix.statements.length;
  const { rowStart, col, value } = matrix;
  // Per group g and column j, at g·m + j; everyone at groupCount·m + j.
  const agree = new Int32Array((groupCount + 1) * m);
  const disagree = new Int32Array((groupCount + 1) * m);
  const seen = new Int32Array((groupCount + 1) * m);
  const all = groupCount * m;
  // Without branches on the vote (random, hence mispredicted): agree += (v + 1) >> 1, disagree += (1 − v) >> 1.
  const n = matrix.participants.length;
  for (let i = 0; i < n; i++) {
    const g = groupOfRow[i]!;
    const end = rowStart[i + 1]!;
    if (g < 0) {
      for (let c = rowStart[i]!; c < end; c++) {
        const j = all + col[c]!;
        const v = value[c]!;
        seen[j]!++;
        agree[j]! += (v + 1) >> 1;
        disagree[j]! += (1 - v) >> 1;
      }
      continue;
    }
    const base = g * m;
    for (let c = rowStart[i]!; c < end; c++) {
      const k = col[c]!;
      const v = value[c]!;
      const up = (v + 1) >> 1;
      const down = (1 - v) >> 1;
      seen[all + k]!++;
      agree[all + k]! += up;
      disagree[all + k]! += down;
      seen[base + k]!++;
      agree[base + k]! += up;
      disagree[base + k]! += down;
    }
  }
  const countsAt = (base: number): VoteCounts => ({ A: Array.from(agree.subarray(base, base + m)), D: Array.from(disagree.subarray(base, base + m)), S: Array.from(seen.subarray(base, base + m)) });
  const groups: VoteCounts[] = [];
  for (let g = 0; g < groupCount; g++) groups.push(countsAt(g * m));
  return { groups, everyone: countsAt(all) };
}

/** Everyone's counts per column. */
export function countVotes(matrix: VoteMatrix): VoteCounts {
  return countVotesWithEveryone(matrix, new Int32Array(matrix.participants.length).fill(-1), 0).everyone;
}

/** Polis's one-proportion test with a pseudocount: 2·sqrt(n+1)·((s+1)/(n+1) − 0.5). */
export function propTest(successes: number, trials: number): number {
  return 2 * Math.sqrt(trials + 1) * ((successes + 1) / (trials + 1) - 0.5);
}

/** Polis's two-proportion z-test, 1 added to each count; 0 when the pooled proportion is 1. */
export function twoPropTest(successesIn: number, successesOut: number, trialsIn: number, trialsOut: number): number {
  const s1 = successesIn + 1;
  const s2 = successesOut + 1;
  const n1 = trialsIn + 1;
  const n2 = trialsOut + 1;
  const pHat = (s1 + s2) / (n1 + n2);
  if (pHat === 1) return 0;
  return (s1 / n1 - s2 / n2) / Math.sqrt(pHat * (1 - pHat) * (1 / n1 + 1 / n2));
}

/** One-sided 90 % significance, as Polis. */
export const Z_90 = 1.2816;
export const isSignificant90 = (z: number): boolean => z > Z_90;

export interface CommentStats {
  na: number;
  nd: number;
  ns: number;
  pa: number;
  pd: number;
  pat: number;
  pdt: number;
}

export function commentStats(na: number, nd: number, ns: number): CommentStats {
  return { na, nd, ns, pa: (na + 1) / (ns + 2), pd: (nd + 1) / (ns + 2), pat: propTest(na, ns), pdt: propTest(nd, ns) };
}

export interface ComparativeStats extends CommentStats {
  ra: number;
  rd: number;
  rat: number;
  rdt: number;
}

export function comparativeStats(own: CommentStats, restA: number, restD: number, restS: number): ComparativeStats {
  // The fields written out rather than spread (called once per group and statement).
  return {
    na: own.na,
    nd: own.nd,
    ns: own.ns,
    pa: own.pa,
    pd: own.pd,
    pat: own.pat,
    pdt: own.pdt,
    ra: own.pa / ((restA + 1) / (restS + 2)),
    rd: own.pd / ((restD + 1) / (restS + 2)),
    rat: twoPropTest(own.na, restA, own.ns, restS),
    rdt: twoPropTest(own.nd, restD, own.ns, restS),
  };
}

export type RepfulFor = 'agree' | 'disagree';

export interface RepresentativeStatement {
  statement: number;
  repfulFor: RepfulFor;
  nSuccess: number;
  nTrials: number;
  pSuccess: number;
  pTest: number;
  repness: number;
  /** Rounded to single precision, as Polis stores it (its sort uses the rounded value too). */
  repnessTest: number;
  /** Set on the group's best agreed statement, put first. */
  bestAgree?: true;
  nAgree?: number;
}

function finalize(statement: number, s: ComparativeStats): RepresentativeStatement {
  return s.rat > s.rdt
    ? { statement, repfulFor: 'agree', nSuccess: s.na, nTrials: s.ns, pSuccess: s.pa, pTest: s.pat, repness: s.ra, repnessTest: Math.fround(s.rat) }
    : { statement, repfulFor: 'disagree', nSuccess: s.nd, nTrials: s.ns, pSuccess: s.pd, pTest: s.pdt, repness: s.rd, repnessTest: Math.fround(s.rdt) };
}

const repnessMetric = (r: RepresentativeStatement): number => r.repness * r.repnessTest * r.pSuccess * r.pTest;

function passesByTest(s: ComparativeStats): boolean {
  return (isSignificant90(s.rat) && isSignificant90(s.pat)) || (isSignificant90(s.rdt) && isSignificant90(s.pdt));
}

function beatsBestAgree(s: ComparativeStats, best: ComparativeStats | null): boolean {
  if (s.na === 0 && s.nd === 0) return false;
  if (best && best.ra > 1) return s.ra * s.rat * s.pa * s.pat > best.ra * best.rat * best.pa * best.pat;
  if (best) return s.pa * s.pat > best.pa * best.pat;
  return isSignificant90(s.pat) || (s.ra > 1 && s.pa > 0.5);
}

export const MAX_REPRESENTATIVE = 5;

/**
 * Each group's characteristic statements (§1.7), Polis's selection: the
 * significant ones (agree or disagree side, two-proportion and proportion tests
 * at 90 %) sorted by repness·repness-test·p-success·p-test, the best agreed
 * statement first, at most 5, agreed before disagreed; if none is significant,
 * the best agreed statement, else the best by test.
 * Zeroed columns are skipped. Returns one list per group, in group order.
 */
export function representativeStatements(statements: readonly number[], zeroed: Uint8Array, groups: readonly VoteCounts[]): RepresentativeStatement[][] {
  const m = statements.length;
  const totalA = new Array<number>(m).fill(0);
  const totalD = new Array<number>(m).fill(0);
  const totalS = new Array<number>(m).fill(0);
  for (const g of groups) {
    for (let j = 0; j < m; j++) {
      totalA[j]! += g.A[j]!;
      totalD[j]! += g.D[j]!;
      totalS[j]! += g.S[j]!;
    }
  }
  return groups.map((g) => {
    const sufficient: RepresentativeStatement[] = [];
    let best: RepresentativeStatement | null = null;
    let bestAgree: { statement: number; stats: ComparativeStats } | null = null;
    for (let j = 0; j < m; j++) {
      if (zeroed[j]) continue;
      const own = commentStats(g.A[j]!, g.D[j]!, g.S[j]!);
      const s = comparativeStats(own, totalA[j]! - g.A[j]!, totalD[j]! - g.D[j]!, totalS[j]! - g.S[j]!);
      if (passesByTest(s)) sufficient.push(finalize(statements[j]!, s));
      if (sufficient.length === 0 && (best === null || Math.max(s.rat, s.rdt) > best.repnessTest)) best = finalize(statements[j]!, s);
      if (beatsBestAgree(s, bestAgree?.stats ?? null)) bestAgree = { statement: statements[j]!, stats: s };
    }
    const head: RepresentativeStatement | null = bestAgree
      ? { ...finalize(bestAgree.statement, bestAgree.stats), nAgree: bestAgree.stats.na, bestAgree: true }
      : null;
    if (sufficient.length === 0) return head ? [head] : best ? [best] : [];
    const sorted = sufficient
      .filter((r) => r.statement !== head?.statement)
      .map((r, index) => ({ r, index, metric: repnessMetric(r) }))
      .sort((a, b) => b.metric - a.metric || a.index - b.index)
      .map((e) => e.r);
    const top = (head ? [head, ...sorted] : sorted).slice(0, MAX_REPRESENTATIVE);
    return [...top.filter((r) => r.repfulFor === 'agree'), ...top.filter((r) => r.repfulFor === 'disagree')];
  });
}

export interface ConsensusStatement {
  statement: number;
  nSuccess: number;
  nTrials: number;
  pSuccess: number;
  pTest: number;
}

export const MAX_CONSENSUS = 5;

/**
 * Consensus over everyone (§1.8): agreed if pa > 0.5 and its test is
 * significant, the top 5 by pa·pat; likewise disagreed. Zeroed columns skipped.
 */
export function consensusStatements(statements: readonly number[], zeroed: Uint8Array, everyone: VoteCounts): { agree: ConsensusStatement[]; disagree: ConsensusStatement[] } {
  const stats = statements.map((id, j) => ({ id, j, s: commentStats(everyone.A[j]!, everyone.D[j]!, everyone.S[j]!) })).filter((e) => !zeroed[e.j]);
  const top = (side: RepfulFor): ConsensusStatement[] =>
    stats
      .map((e, index) => ({ e, index, p: side === 'agree' ? e.s.pa : e.s.pd, t: side === 'agree' ? e.s.pat : e.s.pdt }))
      .filter((x) => x.p > 0.5 && isSignificant90(x.t))
      .sort((a, b) => b.p * b.t - a.p * a.t || a.index - b.index)
      .slice(0, MAX_CONSENSUS)
      .map(({ e, p, t }) => ({ statement: e.id, nSuccess: side === 'agree' ? e.s.na : e.s.nd, nTrials: e.s.ns, pSuccess: p, pTest: t }));
  return { agree: top('agree'), disagree: top('disagree') };
}

/**
 * Polis's group-aware consensus (§1.9): ∏_g (A_g + 1)/(S_g + 2), per column
 * (zeroed columns included, as Polis). With few voters per group it favours
 * small groups: a unanimous group of 2 already gives (2+1)/(2+2) = 0.75.
 */
export function groupAwareConsensus(groups: readonly VoteCounts[], m: number): number[] {
  const result = new Array<number>(m).fill(1);
  for (const g of groups) for (let j = 0; j < m; j++) result[j]! *= (g.A[j]! + 1) / (g.S[j]! + 2);
  return result;
}

export const JEFFREYS_PRIOR = 0.5;

/**
 * The small-group-fair consensus (§1.9, red-dwarf PR #120): per group
 * P_a = (A + ½)/(S + 1), P_d = (D + ½)/(S + 1) (Jeffreys prior), effective
 * agreement e = P_a·(1 − P_d), consensus = the geometric mean of e over the
 * groups. `disagree`: the same with agree and disagree swapped (consensus in
 * disagreement). Zeroed columns get null.
 */
export function fairConsensus(groups: readonly VoteCounts[], zeroed: Uint8Array): { agree: (number | null)[]; disagree: (number | null)[] } {
  const m = zeroed.length;
  const agree: (number | null)[] = [];
  const disagree: (number | null)[] = [];
  for (let j = 0; j < m; j++) {
    if (zeroed[j] || groups.length === 0) {
      agree.push(null);
      disagree.push(null);
      continue;
    }
    let logA = 0;
    let logD = 0;
    for (const g of groups) {
      const pa = (g.A[j]! + JEFFREYS_PRIOR) / (g.S[j]! + 2 * JEFFREYS_PRIOR);
      const pd = (g.D[j]! + JEFFREYS_PRIOR) / (g.S[j]! + 2 * JEFFREYS_PRIOR);
      logA += Math.log(pa * (1 - pd));
      logD += Math.log(pd * (1 - pa));
    }
    agree.push(Math.exp(logA / groups.length));
    disagree.push(Math.exp(logD / groups.length));
  }
  return { agree, disagree };
}
