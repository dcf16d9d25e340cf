// Benchmark of the opinion map's full recompute (issue 16; not part of `npm test`):
//   npm run bench:opinion-map            all rows, each in its own process (peak memory per row)
//   npm run bench:opinion-map -- <row>   one row: 10k, polis-largest, warm-vote (or small, a quick check)
// Rows (synthetic conversations with three opinion groups, seeded, so every run sees the same votes):
//   10k           10 000 participants × 1 000 statements, 1 000 000 votes — full recompute from the vote records;
//   polis-largest 33 422 × 783, 2 000 000 votes (the largest real Polis conversation) — target ≤ 2 s on 2 cores;
//   warm-vote     one new vote folded into the warm 10k map, as the API's worker does it
//                 (opinion-map-recompute.compute.ts computeSnapshot with its VoteMatrixCache, which also keeps G's pieces): the
//                 vote read since the last read patched into the kept matrix, filters, input hash,
//                 warm recompute, view, positions and history, and their JSON for the store (target ≤ 200 ms).
//                 Not included: the database round trips (the read of the votes written since, the upsert).
// Prints one JSON line per row and run: wall and CPU time of the recompute (after a warm-up run on a small
// conversation, as in a long-lived worker), PCA iterations, resident memory before and peak, and the
// machine's load average (on a shared machine the wall time also counts others' work).
// Each row runs BENCH_RUNS times (default 3), each in its own process.
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { computeSnapshot, VoteMatrixCache, type RecomputeInput, type VoteColumns } from '../../apps/api/src/opinion-map/opinion-map-recompute.compute';
import { computeOpinionMap, mulberry32, type OpinionVote, type VoteRecord } from '../../packages/domain/src/opinion-map';

interface Row {
  name: string;
  participants: number;
  statements: number;
  votes: number;
  warm?: boolean;
}

const ROWS: Row[] = [
  { name: '10k', participants: 10_000, statements: 1_000, votes: 1_000_000 },
  { name: 'polis-largest', participants: 33_422, statements: 783, votes: 2_000_000 },
  { name: 'warm-vote', participants: 10_000, statements: 1_000, votes: 1_000_000, warm: true },
  // A quick check of the bench itself on a busy machine (not run by default).
  { name: 'small', participants: 2_000, statements: 200, votes: 100_000 },
];

/** Three latent opinion groups in 2-D; each statement has a direction; a vote is the sign of their agreement, with noise and passes. */
function syntheticVotes(row: Row, seed = 16): VoteRecord[] {
  const random = mulberry32(seed);
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const centres = [
    [1.5, 0.2],
    [-1.2, 1.0],
    [-0.3, -1.4],
  ];
  const loadings = Array.from({ length: row.statements }, () => [gaussian(), gaussian()]);
  const order = Array.from({ length: row.statements }, (_, j) => j);
  const votes: VoteRecord[] = new Array(row.votes);
  let k = 0;
  for (let i = 0; i < row.participants; i++) {
    const centre = centres[i % 3]!;
    const x = centre[0]! + 0.6 * gaussian();
    const y = centre[1]! + 0.6 * gaussian();
    // Spread the votes evenly: participant i casts ⌊(i+1)V/n⌋ − ⌊iV/n⌋ of them.
    const count = Math.floor(((i + 1) * row.votes) / row.participants) - Math.floor((i * row.votes) / row.participants);
    for (let c = 0; c < count; c++) {
      const pick = c + Math.floor(random() * (row.statements - c));
      const j = order[pick]!;
      order[pick] = order[c]!;
      order[c] = j;
      const score = loadings[j]![0]! * x + loadings[j]![1]! * y + 0.8 * gaussian();
      const vote: OpinionVote = score > 0.4 ? 1 : score < -0.4 ? -1 : 0;
      votes[k++] = { participant: i, statement: j, vote, at: k };
    }
  }
  return votes;
}

/** CPU time (user + system) since `since`: on a shared machine, the wall time also counts others' work. */
function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return Math.round((used.user + used.system) / 1000);
}

function columnsOf(votes: readonly VoteRecord[]): VoteColumns {
  return { participants: Int32Array.from(votes, (v) => v.participant), statements: Int32Array.from(votes, (v) => v.statement), votes: Int8Array.from(votes, (v) => v.vote) };
}

/** The worker's computation of one new vote on a warm map: returns what it measured. */
function oneVoteMore(row: Row, votes: VoteRecord[], measure: boolean): Record<string, unknown> {
  const cache = new VoteMatrixCache();
  const statements = Array.from({ length: row.statements }, (_, j) => ({ number: j, text: `Affirmation ${j}`, seeded: false, state: 'approved' as const, meta: false }));
  const input = (read: RecomputeInput['votes'], previous: RecomputeInput['previous']): RecomputeInput => ({ deliberationId: 'bench', computedAt: new Date(0).toISOString(), votes: read, statements, suspended: [], previous });
  const first = computeSnapshot(input({ kind: 'all', columns: columnsOf(votes), snapshot: '1000' }, null), cache);
  if (!('history' in first)) throw new Error('no first map');
  // Participant 0 votes on a statement they had not voted on.
  const seen = new Set(votes.filter((v) => v.participant === 0).map((v) => v.statement));
  const statement = statements.find((s) => !seen.has(s.number))!.number;
  const vote = columnsOf([{ participant: 0, statement, vote: -1 }]);
  const previous = { inputHash: first.inputHash, algorithmVersion: first.algorithmVersion, history: first.history };
  const cpu = process.cpuUsage();
  const start = performance.now();
  const output = computeSnapshot(input({ kind: 'changes', columns: vote, snapshot: '1001', since: '1000', total: votes.length + 1 }, previous), cache);
  if (!('history' in output)) throw new Error('the one vote was not folded in');
  // What the store serialises.
  const stored = JSON.stringify(output.view).length + JSON.stringify(output.positions).length + JSON.stringify(output.history).length;
  const wall = performance.now() - start;
  if (!measure) return {};
  const iterations = (output.view as { pcaIterations?: unknown }).pcaIterations;
  return { wallMs: Math.round(wall), cpuMs: cpuMs(cpu), storedKB: Math.round(stored / 1024), ...(iterations ? { pcaIterations: iterations } : {}) };
}

function runRow(row: Row): Record<string, unknown> {
  // The map is recomputed by a long-lived worker: compile the code first (JIT) on a small conversation.
  const small: Row = { name: 'warm-up', participants: 2_000, statements: 200, votes: 100_000 };
  computeOpinionMap({ votes: syntheticVotes(small, 1) });
  if (row.warm) oneVoteMore(small, syntheticVotes(small, 1), false);
  const votes = syntheticVotes(row);
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let result: Record<string, unknown>;
  if (row.warm) {
    result = oneVoteMore(row, votes, true);
  } else {
    const cpu = process.cpuUsage();
    const start = performance.now();
    const map = computeOpinionMap({ votes });
    const wall = performance.now() - start;
    result = { wallMs: Math.round(wall), cpuMs: cpuMs(cpu), pcaIterations: map.pca.iterations, groups: map.groupClusters.length };
  }
  const peakKb = process.resourceUsage().maxRSS;
  return {
    row: row.name,
    participants: row.participants,
    statements: row.statements,
    votes: row.votes,
    ...result,
    rssBeforeMB: Math.round(rssBefore / 2 ** 20),
    peakRssMB: Math.round(peakKb / 1024),
    loadAverage: Number(os.loadavg()[0]!.toFixed(1)),
    cpus: os.cpus().length,
  };
}

const wanted = process.argv[2];
if (wanted) {
  const row = ROWS.find((r) => r.name === wanted);
  if (!row) {
    console.error(`unknown row ${wanted}; rows: ${ROWS.map((r) => r.name).join(', ')}`);
    process.exit(2);
  }
  console.log(JSON.stringify(runRow(row)));
} else {
  const self = process.argv[1]!;
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  for (const row of ROWS.filter((r) => r.name !== 'small')) {
    for (let run = 0; run < runs; run++) {
      const child = spawnSync(process.execPath, [...process.execArgv, self, row.name], { stdio: 'inherit' });
      if (child.status !== 0) process.exit(child.status ?? 1);
    }
  }
}
