import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  buildVoteMatrix,
  computeOpinionMapFromMatrix,
  emptyOpinionMapView,
  OPINION_MAP_ALGORITHM_VERSION,
  OPINION_MAP_LIMITS,
  opinionMapHistory,
  opinionMapPositions,
  opinionMapView,
  voteMatrixHash,
  type OpinionMapHistory,
  type OpinionVote,
  type StatementState,
  type VoteRecord,
} from '@sesame/domain';

/** A space's votes as columns (one entry per stored vote; the primary key makes each participant × statement pair unique). */
export interface VoteColumns {
  participants: Int32Array<ArrayBuffer>;
  statements: Int32Array<ArrayBuffer>;
  /** −1, 0 or +1. */
  votes: Int8Array<ArrayBuffer>;
}

export interface RecomputeInput {
  deliberationId: string;
  /** When the input was read (the database's clock), ISO. */
  computedAt: string;
  votes: VoteColumns;
  statements: { number: number; text: string; seeded: boolean; state: StatementState; meta: boolean }[];
  /** Participant numbers left out (suspended now). */
  suspended: number[];
  previous: { inputHash: string; algorithmVersion: string; history: unknown } | null;
}

/** The snapshot to store, or `changed: false` when the input is the one the previous map was computed from. */
export type RecomputeOutput =
  | { changed: false; inputHash: string }
  | { changed: true; inputHash: string; algorithmVersion: string; voters: number; votes: number; view: object; positions: object; history: object };

/**
 * The map's computation (ALGORITHMS.md §1): rejected statements out, meta
 * statements zeroed (and prioritised as meta), suspended people out;
 * warm-started from the previous map. Pure; runs in the worker thread.
 */
export function computeSnapshot(input: RecomputeInput): RecomputeOutput {
  const { deliberationId, computedAt, statements, previous } = input;
  const removed = statements.filter((s) => s.state !== 'approved').map((s) => s.number);
  const meta = statements.filter((s) => s.state === 'approved' && s.meta).map((s) => s.number);
  const { participants, statements: voted, votes } = input.votes;
  const records: VoteRecord[] = new Array(votes.length);
  for (let k = 0; k < votes.length; k++) records[k] = { participant: participants[k]!, statement: voted[k]!, vote: votes[k]! as OpinionVote };
  const matrix = buildVoteMatrix({ votes: records, removedStatements: removed, zeroedStatements: meta, excludedParticipants: input.suspended });
  const inputHash = voteMatrixHash(matrix);
  if (previous && previous.inputHash === inputHash && previous.algorithmVersion === OPINION_MAP_ALGORITHM_VERSION) return { changed: false, inputHash };
  if (matrix.participants.length === 0) {
    const view = emptyOpinionMapView({ deliberationId, computedAt, inputHash, minVoters: OPINION_MAP_LIMITS.minVoters, algorithmVersion: OPINION_MAP_ALGORITHM_VERSION });
    return { changed: true, inputHash, algorithmVersion: OPINION_MAP_ALGORITHM_VERSION, voters: 0, votes: 0, view, positions: {}, history: {} };
  }
  const history = previous && Array.isArray((previous.history as Partial<OpinionMapHistory> | null)?.statements) ? (previous.history as OpinionMapHistory) : null;
  const map = computeOpinionMapFromMatrix(matrix, { previous: history, metaStatements: meta });
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

type Reply = { id: number; type: 'done'; output: RecomputeOutput } | { id: number; type: 'error'; message: string };
export type RecomputeRequest = { id: number; input: RecomputeInput };

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
  private readonly waiting = new Map<number, { resolve: (output: RecomputeOutput) => void; reject: (error: Error) => void }>();
  private queue: Promise<unknown> = Promise.resolve();

  private start(): Worker {
    const built = path.join(__dirname, 'opinion-map-recompute.worker.js');
    const worker = existsSync(built)
      ? new Worker(built)
      : new Worker(`require('tsx/cjs/api').register(); require(${JSON.stringify(path.join(__dirname, 'opinion-map-recompute.worker.ts'))});`, { eval: true, execArgv: ['--conditions=sesame-source'] });
    worker.unref();
    worker.on('message', (reply: Reply) => {
      const pending = this.waiting.get(reply.id);
      if (!pending) return;
      this.waiting.delete(reply.id);
      if (reply.type === 'done') pending.resolve(reply.output);
      else pending.reject(new Error(`opinion map computation: ${reply.message}`));
    });
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const pending of this.waiting.values()) pending.reject(error);
      this.waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the opinion map's worker stopped (exit code ${code})`)));
    return worker;
  }

  /** Computes in the thread, after the computations asked for before. */
  compute(input: RecomputeInput): Promise<RecomputeOutput> {
    const run = this.queue.then(
      () =>
        new Promise<RecomputeOutput>((resolve, reject) => {
          this.worker ??= this.start();
          const id = this.nextId++;
          this.waiting.set(id, { resolve, reject });
          const request: RecomputeRequest = { id, input };
          // The columns are moved to the thread, not copied.
          this.worker.postMessage(request, [input.votes.participants.buffer, input.votes.statements.buffer, input.votes.votes.buffer]);
        }),
    );
    this.queue = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }
}
