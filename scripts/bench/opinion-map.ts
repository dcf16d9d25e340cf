// Benchmark of the opinion map's full recompute (issue 16; not part of `npm test`):
//   npm run bench:opinion-map            all rows, each in its own process (peak memory per row)
//   npm run bench:opinion-map -- <row>   one row: 10k, polis-largest, warm-vote (or small, a quick check)
// Rows (synthetic conversations with three opinion groups, seeded, so every run sees the same votes):
//   10k           10 000 participants × 1 000 statements, 1 000 000 votes — full recompute from the vote records;
//   polis-largest 33 422 × 783, 2 000 000 votes (the largest real Polis conversation) — target ≤ 2 s on 2 cores;
//   warm-vote     the 10k map plus one new vote, recomputed warm-started from the previous map (target ≤ 200 ms).
// Prints one JSON line per row: wall and CPU time of the recompute (matrix, PCA, projections,
// clusters, repness, consensus; after a warm-up run on a small conversation, as in a long-lived
// worker), PCA iterations, resident memory before and peak, and the
// machine's load average (on a shared machine the wall time also counts others' work).
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { computeOpinionMap, mulberry32, opinionMapHistory, type OpinionVote, type VoteRecord } from '../../packages/domain/src/opinion-map';

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

function runRow(row: Row): Record<string, unknown> {
  // The map is recomputed by a long-lived worker: compile the code first (JIT) on a small conversation.
  computeOpinionMap({ votes: syntheticVotes({ name: 'warm-up', participants: 2_000, statements: 200, votes: 100_000 }, 1) });
  const votes = syntheticVotes(row);
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let result: Record<string, unknown>;
  if (row.warm) {
    const first = computeOpinionMap({ votes });
    votes.push({ participant: 0, statement: votes.find((v) => v.participant === 0)!.statement, vote: -1, at: votes.length + 1 });
    const cpu = process.cpuUsage();
    const start = performance.now();
    const map = computeOpinionMap({ votes }, { previous: opinionMapHistory(first) });
    const wall = performance.now() - start;
    result = { wallMs: Math.round(wall), cpuMs: cpuMs(cpu), pcaIterations: map.pca.iterations, groups: map.groupClusters.length };
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
  for (const row of ROWS.filter((r) => r.name !== 'small')) {
    const child = spawnSync(process.execPath, [...process.execArgv, self, row.name], { stdio: 'inherit' });
    if (child.status !== 0) process.exit(child.status ?? 1);
  }
}
