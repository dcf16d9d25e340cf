import { baseClusters, groupClusters, selectClustered, type Cluster, type KSmoother, type Point } from './clustering';
import type { GramPieces } from './gram';
import { powerIterationPca, projectParticipants, projectStatements, type PcaOptions } from './pca';
import { statementPriority } from './priority';
import {
  consensusStatements,
  countVotesWithEveryone,
  fairConsensus,
  groupAwareConsensus,
  representativeStatements,
  type ConsensusStatement,
  type RepresentativeStatement,
  type VoteCounts,
} from './statistics';
import { buildVoteMatrix, voteCounts, type VoteMatrix, type VoteMatrixInput } from './vote-matrix';

/**
 * The opinion map, recomputed in full from the votes (ALGORITHMS.md §1;
 * docs/decisions/0017-opinion-map.md). Pure and deterministic: the same votes
 * and the same previous map give the same numbers, on any machine.
 */
// 2: the PCA's products may go through G = YᵀY formed once (pca.ts gramPlan): the same components, their last bits (≤ 1e-14) differ.
// 3: G is assembled from integer pieces (gram.ts: XX − c_b XO − c_a XOᵀ + c_a c_b OO), used whenever a product on it is
//    cheaper (pca.ts usesGram), warm starts included: the same components, their last bits differ; the worker keeps the
//    pieces and updates them vote by vote, with the same numbers as a recompute from the votes.
// 4: the PCA is a block (subspace) iteration with Rayleigh–Ritz on two vectors, stopped on the residual
//    ‖G u − θ u‖ ≤ 1e-11·θ₁ (pca.ts): the same components within ≈ 1e-11, far fewer products; their last bits differ.
export const OPINION_MAP_ALGORITHM_VERSION = 'sesame-opinion-map/4 (polis-compatible)';

/** What a recompute carries over from the previous map: warm starts and the group-count smoother. */
export interface OpinionMapHistory {
  statements: number[];
  comps: [number[], number[]];
  inConv: number[];
  baseClusters: Cluster[];
  groupClusterings: Record<number, Cluster[]>;
  kSmoother: KSmoother | null;
}

export interface OpinionMapOptions {
  previous?: OpinionMapHistory | null;
  /** Power-iteration tuning (defaults: pca.ts). */
  pca?: Pick<PcaOptions, 'tolerance' | 'maxIterations' | 'dense'>;
  /** Meta statements (priority 49, as Polis); usually also in zeroedStatements. */
  metaStatements?: Iterable<number>;
  /** G's pieces for this matrix, when kept between recomputes (pca.ts PcaOptions.gram). */
  gram?: GramPieces | null;
}

export interface ParticipantPosition {
  participant: number;
  x: number;
  y: number;
  votes: number;
  /** The group's id, or null when not clustered (too few votes). */
  group: number | null;
}

export interface GroupVotes {
  id: number;
  nMembers: number;
  /** Aligned with `statements`. */
  votes: VoteCounts;
}

export interface OpinionMap {
  algorithmVersion: string;
  /** Columns, ascending statement ids. Every per-statement array is aligned with it. */
  statements: number[];
  zeroedStatements: number[];
  participantCount: number;
  pca: {
    /** Column means, agree = +1. */
    center: number[];
    comps: [number[], number[]];
    iterations: [number, number];
  };
  commentProjection: [number[], number[]];
  commentExtremity: number[];
  participants: ParticipantPosition[];
  inConv: number[];
  baseClusters: Cluster[];
  groupClusterings: Record<number, Cluster[]>;
  silhouettes: Record<number, number>;
  kSmoother: KSmoother | null;
  /** Groups; members are base cluster ids. */
  groupClusters: Cluster[];
  groupVotes: GroupVotes[];
  /** By group id. */
  repness: Record<number, RepresentativeStatement[]>;
  consensus: { agree: ConsensusStatement[]; disagree: ConsensusStatement[] };
  /** Polis's product formula. */
  groupAwareConsensus: number[];
  /** The small-group-fair formula (Jeffreys prior, geometric mean), and consensus in disagreement; null on zeroed statements. */
  fairConsensus: { agree: (number | null)[]; disagree: (number | null)[] };
  /** Next-statement priorities (§1.10). */
  priorities: number[];
}

export function computeOpinionMap(input: VoteMatrixInput, options: OpinionMapOptions = {}): OpinionMap {
  return computeOpinionMapFromMatrix(buildVoteMatrix(input), options);
}

export function computeOpinionMapFromMatrix(matrix: VoteMatrix, options: OpinionMapOptions = {}): OpinionMap {
  const previous = options.previous ?? null;
  const pca = powerIterationPca(matrix, { ...options.pca, gram: options.gram ?? null, start: previous ? { statements: previous.statements, comps: previous.comps } : null });
  const projection = projectParticipants(matrix, pca);
  const statementsProjection = projectStatements(pca);
  const counts = voteCounts(matrix);
  const m = matrix.statements.length;

  // Clustering.
  const inConv = selectClustered(matrix.participants, counts, m, previous?.inConv ?? []);
  const points: Point[] = [];
  matrix.participants.forEach((id, i) => {
    // weight: 1 written out: the same shape as the groups' points (one shape for k-means' compiled code).
    if (inConv.has(id)) points.push({ id, x: projection.x[i]!, y: projection.y[i]!, weight: 1 });
  });
  const bases = baseClusters(points, previous?.baseClusters ?? []);
  const clustering = groupClusters(bases, { byK: previous?.groupClusterings, smoother: previous?.kSmoother ?? null });
  const groups = clustering.groups;

  // Group of each participant row, through their base cluster.
  const rowOf = new Map(matrix.participants.map((id, i) => [id, i]));
  const groupOfRow = new Int32Array(matrix.participants.length).fill(-1);
  const baseById = new Map(bases.map((b) => [b.id, b]));
  groups.forEach((g, gi) =>
    g.members.forEach((bid) =>
      baseById.get(bid)?.members.forEach((pid) => {
        const row = rowOf.get(pid);
        if (row !== undefined) groupOfRow[row] = gi;
      }),
    ),
  );
  const { groups: byGroup, everyone } = countVotesWithEveryone(matrix, groupOfRow, groups.length);
  const repnessLists = representativeStatements(matrix.statements, matrix.zeroed, byGroup);

  const meta = new Set(options.metaStatements ?? []);
  const priorities = matrix.statements.map((id, j) => {
    let A = 0;
    let D = 0;
    let S = 0;
    for (const g of byGroup) {
      A += g.A[j]!;
      D += g.D[j]!;
      S += g.S[j]!;
    }
    return statementPriority(A, S - A - D, S, statementsProjection.extremity[j]!, meta.has(id));
  });

  return {
    algorithmVersion: OPINION_MAP_ALGORITHM_VERSION,
    statements: matrix.statements,
    zeroedStatements: matrix.statements.filter((_, j) => matrix.zeroed[j]),
    participantCount: matrix.participants.length,
    pca: { center: [...pca.center], comps: [[...pca.comps[0]], [...pca.comps[1]]], iterations: pca.iterations },
    commentProjection: [[...statementsProjection.x], [...statementsProjection.y]],
    commentExtremity: [...statementsProjection.extremity],
    participants: matrix.participants.map((participant, i) => ({
      participant,
      x: projection.x[i]!,
      y: projection.y[i]!,
      votes: counts[i]!,
      group: groupOfRow[i]! >= 0 ? groups[groupOfRow[i]!]!.id : null,
    })),
    inConv: [...inConv].sort((a, b) => a - b),
    baseClusters: bases,
    groupClusterings: clustering.byK,
    silhouettes: clustering.silhouettes,
    kSmoother: clustering.smoother,
    groupClusters: groups,
    groupVotes: groups.map((g, gi) => ({
      id: g.id,
      nMembers: g.members.reduce((s, bid) => s + (baseById.get(bid)?.members.length ?? 0), 0),
      votes: byGroup[gi]!,
    })),
    repness: Object.fromEntries(groups.map((g, gi) => [g.id, repnessLists[gi]!])),
    consensus: consensusStatements(matrix.statements, matrix.zeroed, everyone),
    groupAwareConsensus: groupAwareConsensus(byGroup, m),
    fairConsensus: fairConsensus(byGroup, matrix.zeroed),
    priorities,
  };
}

/** What the next recompute needs from this map. */
export function opinionMapHistory(map: OpinionMap): OpinionMapHistory {
  return {
    statements: map.statements,
    comps: map.pca.comps,
    inConv: map.inConv,
    baseClusters: map.baseClusters,
    groupClusterings: map.groupClusterings,
    kSmoother: map.kSmoother,
  };
}
