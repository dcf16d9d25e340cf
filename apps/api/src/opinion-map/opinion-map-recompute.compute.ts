import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  buildVoteMatrixFromColumns,
  computeOpinionMapFromMatrix,
  emptyOpinionMapView,
  GRAM_MAX_COLUMNS,
  gramPiecesOf,
  patchGramPieces,
  restrictGramPieces,
  usesGram,
  OPINION_MAP_ALGORITHM_VERSION,
  OPINION_MAP_LIMITS,
  opinionMapHistory,
  opinionMapPositions,
  opinionMapView,
  patchVoteMatrix,
  restrictVoteMatrix,
  writeVoteMatrixHashInput,
  type GramPieces,
  type OpinionMapHistory,
  type StatementState,
  type VoteMatrix,
} from '@sesame/domain';

/** A space's votes as columns (one entry per stored vote; the primary key makes each participant × statement pair unique). */
export interface VoteColumns {
  participants: Int32Array<ArrayBuffer>;
  statements: Int32Array<ArrayBuffer>;
  /** −1, 0 or +1. */
  votes: Int8Array<ArrayBuffer>;
}

/**
 * The votes read for a recompute: every stored vote, or only those written
 * since the read the worker's kept matrix reflects (`since`, see
 * OpinionMapRecomputeRepository.votes), with the number of stored votes to
 * check that none was deleted. `snapshot` names this read for the next one.
 */
export type VotesRead =
  | { kind: 'all'; columns: VoteColumns; snapshot: string | null }
  | { kind: 'changes'; columns: VoteColumns; snapshot: string | null; since: string; total: number };

export interface RecomputeInput {
  deliberationId: string;
  /** When the input was read (the database's clock), ISO. */
  computedAt: string;
  votes: VotesRead;
  statements: { number: number; text: string; seeded: boolean; state: StatementState; meta: boolean }[];
  /** Participant numbers left out (suspended now). */
  suspended: number[];
  previous: { inputHash: string; algorithmVersion: string; history: unknown } | null;
}

/**
 * The snapshot to store, or `changed: false` when the input is the one the
 * previous map was computed from, or `stale: true` when only changes were read
 * and the worker does not hold the matrix they apply to (restarted, evicted) or
 * some vote was deleted: every vote must then be read.
 */
export type RecomputeOutput =
  | { stale: true }
  | { changed: false; inputHash: string }
  | { changed: true; inputHash: string; algorithmVersion: string; voters: number; votes: number; view: object; positions: object; history: object };

/**
 * The map's computation (ALGORITHMS.md §1): rejected statements out, meta
 * statements zeroed (and prioritised as meta), suspended people out;
 * warm-started from the previous map. Pure; runs in the worker thread.
 */
/**
 * The matrices of every stored vote (no filter) of the last spaces recomputed,
 * kept by the worker between recomputes and patched with the votes written
 * since: patchVoteMatrix then restrictVoteMatrix give the matrix a full rebuild
 * would (vote-matrix-patch.spec.ts; opinion-map-recompute.compute.spec.ts
 * compares whole snapshots). Held in the worker's memory only: a restarted
 * worker starts empty, and the service reads every vote again.
 */
export class VoteMatrixCache {
  private readonly kept = new Map<string, KeptVotes>();

  constructor(private readonly capacity = 8) {}

  /** Every stored vote's matrix after this read, or null when the changes read do not apply to what is kept. */
  apply(deliberationId: string, votes: VotesRead): KeptVotes | null {
    let entry: KeptVotes;
    if (votes.kind === 'all') entry = { all: buildVoteMatrixFromColumns(votes.columns), pieces: null };
    else {
      const kept = this.kept.get(deliberationId);
      if (!kept || kept.snapshot !== votes.since) return null;
      const all = patchVoteMatrix(kept.all, votes.columns);
      // One cell per stored vote: fewer stored than cells means some were deleted since.
      if (all.col.length !== votes.total) {
        this.kept.delete(deliberationId);
        return null;
      }
      // G's pieces follow the votes (updated in place: the kept matrix they counted is replaced).
      const pieces = kept.pieces && all.statements.length <= GRAM_MAX_COLUMNS ? patchGramPieces(kept.pieces, kept.all, all, votes.columns.participants, true) : null;
      entry = { all, pieces };
    }
    this.kept.delete(deliberationId);
    if (votes.snapshot !== null) {
      this.kept.set(deliberationId, { ...entry, snapshot: votes.snapshot });
      // The least recently recomputed space goes first.
      if (this.kept.size > this.capacity) this.kept.delete(this.kept.keys().next().value!);
    }
    return entry;
  }

  /** G's pieces of the space's kept matrix, counted now if not yet (and kept with it). */
  pieces(deliberationId: string, entry: KeptVotes): GramPieces {
    if (!entry.pieces) {
      entry.pieces = gramPiecesOf(entry.all);
      const kept = this.kept.get(deliberationId);
      if (kept && kept.all === entry.all) kept.pieces = entry.pieces;
    }
    return entry.pieces;
  }

  forget(deliberationId: string): void {
    this.kept.delete(deliberationId);
  }
}

/**
 * A space's matrix of every stored vote, and the pieces of G = YᵀY counted on it
 * (gram.ts: integers, kept and updated vote by vote, then restricted like the
 * matrix: the same integers as counting the restricted matrix, hence the same G
 * and the same map as a recompute from the votes alone).
 */
export interface KeptVotes {
  all: VoteMatrix;
  pieces: GramPieces | null;
  snapshot?: string;
}

/** voteMatrixHash with node's SHA-256 (the same digest, several times faster). */
function matrixHash(matrix: VoteMatrix): string {
  const hash = createHash('sha256');
  writeVoteMatrixHashInput(matrix, (chunk) => hash.update(chunk));
  return hash.digest('hex');
}

export function computeSnapshot(input: RecomputeInput, cache: VoteMatrixCache = new VoteMatrixCache()): RecomputeOutput {
  const { deliberationId, computedAt, statements, previous } = input;
  const removed = statements.filter((s) => s.state !== 'approved').map((s) => s.number);
  const meta = statements.filter((s) => s.state === 'approved' && s.meta).map((s) => s.number);
  const kept = cache.apply(deliberationId, input.votes);
  if (!kept) return { stale: true };
  const { all } = kept;
  const matrix = restrictVoteMatrix(all, { removedStatements: removed, zeroedStatements: meta, excludedParticipants: input.suspended });
  const inputHash = matrixHash(matrix);
  if (previous && previous.inputHash === inputHash && previous.algorithmVersion === OPINION_MAP_ALGORITHM_VERSION) return { changed: false, inputHash };
  if (matrix.participants.length === 0) {
    const view = emptyOpinionMapView({ deliberationId, computedAt, inputHash, minVoters: OPINION_MAP_LIMITS.minVoters, algorithmVersion: OPINION_MAP_ALGORITHM_VERSION });
    return { changed: true, inputHash, algorithmVersion: OPINION_MAP_ALGORITHM_VERSION, voters: 0, votes: 0, view, positions: {}, history: {} };
  }
  const history = previous && Array.isArray((previous.history as Partial<OpinionMapHistory> | null)?.statements) ? (previous.history as OpinionMapHistory) : null;
  let gram: GramPieces | null = null;
  if (usesGram(matrix)) {
    const suspended = new Set(input.suspended);
    const excludedRows: number[] = [];
    all.participants.forEach((id, row) => {
      if (suspended.has(id)) excludedRows.push(row);
    });
    gram = restrictGramPieces(cache.pieces(deliberationId, kept), all, matrix, excludedRows);
  }
  const map = computeOpinionMapFromMatrix(matrix, { previous: history, metaStatements: meta, gram });
  const texts = statements.filter((s) => s.state === 'approved').map((s) => ({ number: s.number, text: s.text, seeded: s.seeded }));
  const view = opinionMapView(map, texts, { deliberationId, computedAt, inputHash, minVoters: OPINION_MAP_LIMITS.minVoters });
  // The next-statement pick's priorities by statement number travel with the history (opinion-map.service.ts next()).
  const priorities = Object.fromEntries(map.statements.map((number, j) => [String(number), map.priorities[j]!]));
  return {
    changed: true,
    inputHash,
    algorithmVersion: map.algorithmVersion,
    voters: view.voters,
    votes: view.votes,
    view,
    positions: opinionMapPositions(map),
    history: JSON.parse(JSON.stringify({ ...opinionMapHistory(map), priorities })) as object,
  };
}

type Reply = { id: number; type: 'done'; output: RecomputeOutput; ms: number } | { id: number; type: 'error'; message: string };

/** A computation's result, and what it cost the thread (its CPU time where known: not its start, nor the computations queued before, nor waiting for a core on a loaded machine). */
export interface Computed {
  output: RecomputeOutput;
  ms: number;
}
export type RecomputeRequest = { id: number; input: RecomputeInput };

/** What the worker keeps for the next read of a space's votes: the snapshot of its last read. */
export type KeptReads = Map<string, string>;

/**
 * The worker thread the maps are computed in (the API's event loop stays
 * free: a 1.5 M-vote map takes tens of seconds). One long-lived thread per
 * process, started on first use (its compiled code stays warm), one
 * computation at a time; restarted after a crash. Built
 * (dist/…/opinion-map-recompute.worker.js) the worker is plain JavaScript;
 * from the TypeScript sources (tests, tsx) it is compiled on the fly by tsx,
 * with the domain read from its sources (as advisory-panel.compute.ts).
 */
export class OpinionMapThread {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (computed: Computed) => void; reject: (error: Error) => void }>();
  private queue: Promise<unknown> = Promise.resolve();
  /** Per space, the read whose votes the worker's matrix reflects (cleared with the worker: it starts empty). */
  private readonly kept: KeptReads = new Map();

  /** The read the worker's matrix of the space reflects, if it holds one: only the votes written since need reading. */
  keptRead(deliberationId: string): string | null {
    return this.kept.get(deliberationId) ?? null;
  }

  private start(): Worker {
    const built = path.join(__dirname, 'opinion-map-recompute.worker.js');
    const worker = existsSync(built)
      ? new Worker(built)
      : new Worker(`require('tsx/cjs/api').register(); require(${JSON.stringify(path.join(__dirname, 'opinion-map-recompute.worker.ts'))});`, { eval: true, execArgv: ['--conditions=sesame-source'] });
    worker.unref();
    this.kept.clear();
    worker.on('message', (reply: Reply) => {
      const pending = this.waiting.get(reply.id);
      if (!pending) return;
      this.waiting.delete(reply.id);
      if (reply.type === 'done') pending.resolve({ output: reply.output, ms: reply.ms });
      else pending.reject(new Error(`opinion map computation: ${reply.message}`));
    });
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      this.kept.clear();
      for (const pending of this.waiting.values()) pending.reject(error);
      this.waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the opinion map's worker stopped (exit code ${code})`)));
    return worker;
  }

  /** Computes in the thread, after the computations asked for before. */
  compute(input: RecomputeInput): Promise<Computed> {
    const run = this.queue.then(
      () =>
        new Promise<Computed>((resolve, reject) => {
          this.worker ??= this.start();
          const id = this.nextId++;
          this.waiting.set(id, {
            resolve: (computed) => {
              // The worker keeps what it read (VoteMatrixCache), up to its capacity: mirrored here, evictions show up as `stale`.
              if ('stale' in computed.output || input.votes.snapshot === null) this.kept.delete(input.deliberationId);
              else this.kept.set(input.deliberationId, input.votes.snapshot);
              resolve(computed);
            },
            reject: (error) => {
              this.kept.delete(input.deliberationId);
              reject(error);
            },
          });
          const request: RecomputeRequest = { id, input };
          // The columns are moved to the thread, not copied.
          const { columns } = input.votes;
          this.worker.postMessage(request, [columns.participants.buffer, columns.statements.buffer, columns.votes.buffer]);
        }),
    );
    this.queue = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.kept.clear();
    if (worker) await worker.terminate();
  }
}
