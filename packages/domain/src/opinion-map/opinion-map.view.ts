import type { OpinionMap } from './opinion-map';
import type { OpinionMapView } from './opinion-map.schema';
import type { VoteCounts } from './statistics';

/**
 * The public view of an opinion map (OpinionMapSchema), built once by the
 * background recompute and served as is (issue 16; ALGORITHMS.md §1). Pure:
 * the same map and statements give the same view, to the byte — the
 * open-data recompute command compares it with the published one.
 *
 * What it shows, in plain words:
 * - groups get letters A, B, C… in the map's group order (stable across
 *   recomputes: the groups are warm-started);
 * - a group's characteristic statements are Polis's representative ones
 *   (§1.7), with the share of the group, and of the other groups, who voted
 *   that way (passes count among those who saw it);
 * - bridging statements: Polis's group-aware consensus ∏_g (A_g+1)/(S_g+2),
 *   highest first, kept only when every group leans towards agreeing
 *   ((A_g+1)/(S_g+2) > ½ in each); `fairScore` is the small-group-fair score;
 * - consensus: Polis's (pa > ½ with a significant test, over everyone) and the
 *   small-group-fair one (geometric mean over groups of P_a·(1−P_d) with a
 *   Jeffreys prior, above ½), for agreement and for disagreement;
 * - the table alternative lists every statement of the map with each group's
 *   votes. Meta statements (zeroed columns) appear in none of these lists.
 * Below `minVoters` voters nothing is drawn: status too_early, every list empty.
 * `me` is always null here: the API fills it per viewer from the positions.
 */

export interface OpinionMapViewStatement {
  number: number;
  text: string;
  seeded: boolean;
}

export interface OpinionMapViewOptions {
  deliberationId: string;
  /** ISO 8601 date-time of the computation. */
  computedAt: string;
  /** voteMatrixHash of the votes that went in. */
  inputHash: string;
  /** OPINION_MAP_LIMITS.minVoters. */
  minVoters: number;
}

/** A participant's place on the map (snapshot.positions, by participant number). */
export interface OpinionMapPosition {
  x: number;
  y: number;
  group: string | null;
}

/** Bridging, consensus lists: at most this many statements each. */
export const OPINION_MAP_VIEW_TOP = 5;
/** Coordinates and scores are rounded to this many decimals (plenty for a drawing; stable text for comparisons). */
export const OPINION_MAP_VIEW_DECIMALS = 6;

const round = (value: number): number => {
  const factor = 10 ** OPINION_MAP_VIEW_DECIMALS;
  const rounded = Math.round(value * factor) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
};
const percent = (part: number, whole: number): number => (whole > 0 ? Math.round((100 * part) / whole) : 0);

/** A, B, … Z, then AA, AB… (there are at most 5 groups). */
export function groupLetter(index: number): string {
  let n = index;
  let letters = '';
  do {
    letters = String.fromCharCode(65 + (n % 26)) + letters;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return letters;
}

/** Group id → letter, in the map's group order. */
function lettersOf(map: OpinionMap): Map<number, string> {
  return new Map(map.groupVotes.map((g, index) => [g.id, groupLetter(index)]));
}

/** Every participant's position, by participant number (the snapshot's `positions`). */
export function opinionMapPositions(map: OpinionMap): Record<string, OpinionMapPosition> {
  const letters = lettersOf(map);
  const positions: Record<string, OpinionMapPosition> = {};
  for (const p of map.participants) positions[String(p.participant)] = { x: round(p.x), y: round(p.y), group: p.group === null ? null : (letters.get(p.group) ?? null) };
  return positions;
}

/** The number of votes that went into the map (every counted cell). */
export function opinionMapVoteCount(map: OpinionMap): number {
  return map.participants.reduce((sum, p) => sum + p.votes, 0);
}

/** The view when there is no map yet (no vote, or not computed yet). */
export function emptyOpinionMapView(options: OpinionMapViewOptions & { algorithmVersion: string }): OpinionMapView {
  return {
    deliberationId: options.deliberationId,
    status: 'too_early',
    voters: 0,
    minVoters: options.minVoters,
    votes: 0,
    algorithmVersion: options.algorithmVersion,
    inputHash: options.inputHash,
    computedAt: options.computedAt,
    participants: [],
    me: null,
    groups: [],
    bridging: [],
    consensus: { agree: [], disagree: [], fairAgree: [], fairDisagree: [] },
    statements: [],
  };
}

export function opinionMapView(map: OpinionMap, statements: readonly OpinionMapViewStatement[], options: OpinionMapViewOptions): OpinionMapView {
  const voters = map.participantCount;
  const base = emptyOpinionMapView({ ...options, algorithmVersion: map.algorithmVersion });
  const view: OpinionMapView = { ...base, voters, votes: opinionMapVoteCount(map) };
  if (voters < options.minVoters) return view;
  view.status = 'ready';

  const known = new Map(statements.map((s) => [s.number, s]));
  const column = new Map(map.statements.map((id, j) => [id, j]));
  const zeroed = new Set(map.zeroedStatements);
  // The statements shown: in the map, known (approved), not zeroed (meta), by number.
  const shown = map.statements.filter((id) => !zeroed.has(id) && known.has(id));
  const text = (id: number) => known.get(id)!.text;
  const letters = lettersOf(map);
  const groups = map.groupVotes;
  const total: VoteCounts = { A: [], D: [], S: [] };
  map.statements.forEach((_, j) => {
    total.A.push(groups.reduce((s, g) => s + g.votes.A[j]!, 0));
    total.D.push(groups.reduce((s, g) => s + g.votes.D[j]!, 0));
    total.S.push(groups.reduce((s, g) => s + g.votes.S[j]!, 0));
  });

  view.participants = map.participants.map((p) => ({ x: round(p.x), y: round(p.y), group: p.group === null ? null : (letters.get(p.group) ?? null) }));

  view.groups = groups.map((g) => ({
    group: letters.get(g.id)!,
    size: g.nMembers,
    characteristic: (map.repness[g.id] ?? [])
      .filter((r) => known.has(r.statement) && !zeroed.has(r.statement) && column.has(r.statement))
      .map((r) => {
        const j = column.get(r.statement)!;
        const own = r.repfulFor === 'agree' ? g.votes.A[j]! : g.votes.D[j]!;
        const others = r.repfulFor === 'agree' ? total.A[j]! - g.votes.A[j]! : total.D[j]! - g.votes.D[j]!;
        return {
          number: r.statement,
          text: text(r.statement),
          direction: r.repfulFor,
          percent: percent(own, g.votes.S[j]!),
          othersPercent: percent(others, total.S[j]! - g.votes.S[j]!),
          repness: round(r.repness),
        };
      }),
  }));

  if (groups.length > 0) {
    view.bridging = shown
      .map((id) => ({ id, j: column.get(id)! }))
      .filter(({ j }) => groups.every((g) => (g.votes.A[j]! + 1) / (g.votes.S[j]! + 2) > 0.5))
      .map(({ id, j }) => ({ id, score: map.groupAwareConsensus[j]!, fair: map.fairConsensus.agree[j] ?? null }))
      .sort((a, b) => b.score - a.score || a.id - b.id)
      .slice(0, OPINION_MAP_VIEW_TOP)
      .map(({ id, score, fair }) => ({ number: id, text: text(id), score: round(score), fairScore: fair === null ? null : round(fair) }));
  }

  const polisConsensus = (side: 'agree' | 'disagree') =>
    map.consensus[side].filter((c) => known.has(c.statement) && !zeroed.has(c.statement)).map((c) => ({ number: c.statement, text: text(c.statement), percent: percent(c.nSuccess, c.nTrials) }));
  const fair = (scores: readonly (number | null)[]) =>
    shown
      .map((id) => ({ id, score: scores[column.get(id)!] ?? null }))
      .filter((e): e is { id: number; score: number } => e.score !== null && e.score > 0.5)
      .sort((a, b) => b.score - a.score || a.id - b.id)
      .slice(0, OPINION_MAP_VIEW_TOP)
      .map((e) => ({ number: e.id, text: text(e.id), score: round(e.score) }));
  view.consensus = { agree: polisConsensus('agree'), disagree: polisConsensus('disagree'), fairAgree: fair(map.fairConsensus.agree), fairDisagree: fair(map.fairConsensus.disagree) };

  view.statements = shown.map((id) => {
    const j = column.get(id)!;
    const s = known.get(id)!;
    return {
      number: id,
      text: s.text,
      seeded: s.seeded,
      groups: groups.map((g) => {
        const A = g.votes.A[j]!;
        const D = g.votes.D[j]!;
        const S = g.votes.S[j]!;
        return { group: letters.get(g.id)!, agree: A, disagree: D, pass: S - A - D, agreePercent: percent(A, S), disagreePercent: percent(D, S) };
      }),
    };
  });
  return view;
}
