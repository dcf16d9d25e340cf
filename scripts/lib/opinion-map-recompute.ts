// The opinion map recomputed from a space's published open data
// (/api/v1/open-data/opinion-maps/{id}/statements.json, votes.json,
// snapshot.json), compared with the published snapshot: the same input hash,
// the same public view, the same positions. Used by
// `npm run opinion-map:recompute` and its test.
import { isDeepStrictEqual } from 'node:util';
import {
  buildVoteMatrix,
  computeOpinionMapFromMatrix,
  opinionMapPositions,
  opinionMapView,
  voteMatrixHash,
  type OpinionMapHistory,
  type OpinionVote,
  type VoteMatrixInput,
} from '../../packages/domain/src/opinion-map';
import { OPINION_MAP_LIMITS } from '../../packages/domain/src/opinion-map/opinion-map.schema';

export interface PublishedStatement {
  number: number;
  text: string;
  seeded: boolean;
  meta: boolean;
}

export interface PublishedVote {
  participant: number;
  statement: number;
  vote: number;
  /** The day of the vote (YYYY-MM-DD): not part of the input hash. */
  votedDay?: string;
}

export interface PublishedSnapshot {
  deliberationId: string;
  algorithmVersion: string;
  inputHash: string;
  computedAt: string;
  voters: number;
  votes: number;
  view: Record<string, unknown>;
  positions: Record<string, unknown>;
  history: (OpinionMapHistory & { previous?: OpinionMapHistory | null }) | null;
}

export interface PublishedOpinionMap {
  statements: PublishedStatement[];
  votes: PublishedVote[];
  snapshot: PublishedSnapshot;
}

export interface Recomputed {
  inputHash: string;
  algorithmVersion: string;
  voters: number;
  votes: number;
  view: Record<string, unknown>;
  positions: Record<string, unknown>;
  /** Where the warm start came from: the history the snapshot started from, its own history, or none. */
  warmStart: 'previous' | 'snapshot history' | 'none';
  /** What differs from the published snapshot (empty: the same). */
  differences: string[];
}

/** The vote matrix input the background recompute builds: meta statements zeroed (Polis's mod-out). */
export function inputOf(statements: readonly PublishedStatement[], votes: readonly PublishedVote[]): VoteMatrixInput {
  const meta = statements.filter((s) => s.meta).map((s) => s.number);
  return { votes: votes.map((v) => ({ participant: v.participant, statement: v.statement, vote: v.vote as OpinionVote })), zeroedStatements: meta };
}

function historyOf(snapshot: PublishedSnapshot): { previous: OpinionMapHistory | null; warmStart: Recomputed['warmStart'] } {
  const history = snapshot.history;
  if (history && 'previous' in history) return { previous: history.previous ?? null, warmStart: history.previous ? 'previous' : 'none' };
  if (history && Array.isArray(history.statements) && history.statements.length > 0) return { previous: history, warmStart: 'snapshot history' };
  return { previous: null, warmStart: 'none' };
}

/** The first differing path between two JSON values (at most `limit`). */
export function differencesOf(actual: unknown, expected: unknown, path = '', limit = 10, found: string[] = []): string[] {
  if (found.length >= limit) return found;
  if (isDeepStrictEqual(actual, expected)) return found;
  if (actual && expected && typeof actual === 'object' && typeof expected === 'object' && Array.isArray(actual) === Array.isArray(expected)) {
    const keys = new Set([...Object.keys(actual), ...Object.keys(expected)]);
    for (const key of keys) differencesOf((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key], `${path}${Array.isArray(actual) ? `[${key}]` : `.${key}`}`, limit, found);
    return found;
  }
  found.push(`${path || '(root)'}: recomputed ${JSON.stringify(actual)?.slice(0, 120)}, published ${JSON.stringify(expected)?.slice(0, 120)}`);
  return found;
}

export function recomputeOpinionMap({ statements, votes, snapshot }: PublishedOpinionMap): Recomputed {
  const input = inputOf(statements, votes);
  const matrix = buildVoteMatrix(input);
  const inputHash = voteMatrixHash(matrix);
  const { previous, warmStart } = historyOf(snapshot);
  const map = computeOpinionMapFromMatrix(matrix, { previous, metaStatements: statements.filter((s) => s.meta).map((s) => s.number) });
  const view = opinionMapView(
    map,
    statements.map((s) => ({ number: s.number, text: s.text, seeded: s.seeded })),
    { deliberationId: snapshot.deliberationId, computedAt: snapshot.computedAt, inputHash, minVoters: OPINION_MAP_LIMITS.minVoters },
  ) as unknown as Record<string, unknown>;
  const positions = opinionMapPositions(map) as unknown as Record<string, unknown>;
  const differences: string[] = [];
  if (inputHash !== snapshot.inputHash) differences.push(`inputHash: recomputed ${inputHash}, published ${snapshot.inputHash} (the votes changed since the map was computed, or the files do not match it)`);
  if (map.algorithmVersion !== snapshot.algorithmVersion) differences.push(`algorithmVersion: recomputed with ${map.algorithmVersion}, published ${snapshot.algorithmVersion}`);
  differencesOf(view, snapshot.view, 'view', 10, differences);
  differencesOf(positions, snapshot.positions, 'positions', 15, differences);
  return { inputHash, algorithmVersion: map.algorithmVersion, voters: map.participantCount, votes: matrix.col.length, view, positions, warmStart, differences };
}
