// `npx tsx --conditions=sesame-source scripts/bench/consultation-tally.ts [ballots]` (not part of npm test):
// the tally of a majority-judgment consultation at the close, on 1 000 000 ballots
// (5 options × 6 grades) by default, generated in a temporary table
// (consultation_tally_bench_<random>, dropped at the end) of BENCH_DATABASE_URL
// (default postgresql://postgres@127.0.0.1:5432/postgres). Rows, one JSON line each:
//   sql-group-by      the reference: a raw SQL GROUP BY count of (option, grade) over the rows;
//   tally-group-by    the same GROUP BY, then tallyCounts (majority judgment, explanation);
//   ballot-list       what the API does at the close: read the rows by receipt in batches,
//                     tally them, build the ballot list (canonical JSON, SHA-256), write the file;
//   retally-command   `npm run consultation:retally -- <that file>` (a new process, as anyone runs it).
// ratio = ms / referenceMs (the sql-group-by time).
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildBallotList, tallyCounts, type BallotCounts, type ListedBallot, type MajorityJudgmentTally, type VotingRules } from '../../packages/domain/src/consultations/tally';

const BALLOTS = Number(process.argv[2] ?? 1_000_000);
const OPTIONS = ['o1', 'o2', 'o3', 'o4', 'o5'];
const GRADES = 6;
const BATCH = 50_000;
const url = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const table = `consultation_tally_bench_${randomBytes(6).toString('hex')}`;
const rules: VotingRules = { method: 'majority_judgment', options: OPTIONS.map((id, k) => ({ id, label: `Option ${k + 1}` })) };
const root = path.resolve(__dirname, '../..');

const print = (row: string, ms: number, referenceMs: number, extra: Record<string, unknown> = {}) => console.log(JSON.stringify({ row, ms: Math.round(ms), referenceMs: Math.round(referenceMs), ratio: Number((ms / referenceMs).toFixed(2)), ballots: BALLOTS, ...extra }));
const time = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const start = performance.now();
  const value = await work();
  return [value, performance.now() - start];
};

async function main(): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'consultation-tally-bench-'));
  try {
    // A ballot as the API stores it: random id, receipt code, choices; no person, no time.
    await client.query(`CREATE UNLOGGED TABLE ${table} (id uuid PRIMARY KEY, receipt text NOT NULL UNIQUE, choices jsonb NOT NULL)`);
    // Each option its own spread of grades (0 = Excellent … 5 = À rejeter).
    const grades = OPTIONS.map((id, k) => `'${id}', least(${GRADES - 1}, floor(random() * ${3 + k}) + ${k % 2})::int`).join(', ');
    const [, generateMs] = await time(() => client.query(`INSERT INTO ${table} SELECT gen_random_uuid(), upper(substr(md5(i::text || '${table}'), 1, 16)), jsonb_build_object('grades', jsonb_build_object(${grades})) FROM generate_series(1, ${BALLOTS}) i`));
    await client.query(`VACUUM ANALYZE ${table}`);
    console.error(`generated ${BALLOTS} ballots in ${Math.round(generateMs)} ms (${table})`);

    const groupBy = `SELECT g.key AS option, g.value::int AS grade, count(*)::bigint AS n FROM ${table}, jsonb_each_text(choices->'grades') g GROUP BY 1, 2`;
    await client.query(groupBy); // warm the cache: every row is then read from memory
    const [rows, referenceMs] = await time(() => client.query<{ option: string; grade: number; n: string }>(groupBy));
    print('sql-group-by', referenceMs, referenceMs);

    const [result, groupTallyMs] = await time(async () => {
      const { rows: counted } = await client.query<{ option: string; grade: number; n: string }>(groupBy);
      const options = Object.fromEntries(OPTIONS.map((id) => [id, new Array<number>(GRADES).fill(0)]));
      for (const r of counted) options[r.option]![r.grade] = Number(r.n);
      return tallyCounts(rules, { method: 'majority_judgment', counts: { options } } satisfies BallotCounts) as MajorityJudgmentTally;
    });
    print('tally-group-by', groupTallyMs, referenceMs, { winners: result.winners, majorityGrades: result.options.map((o) => `${o.id}:${o.majorityGradeLabel}${o.sign}`) });
    if (rows.rows.length === 0) throw new Error('no counts');

    const file = path.join(dir, 'ballot-list.json');
    const phases = { fetchMs: 0, buildMs: 0, writeMs: 0 };
    const [list, listMs] = await time(async () => {
      const ballots: ListedBallot[] = [];
      let start = performance.now();
      await client.query('BEGIN');
      await client.query(`DECLARE ballots NO SCROLL CURSOR FOR SELECT receipt, choices FROM ${table} ORDER BY receipt COLLATE "C"`);
      for (;;) {
        const { rows: batch } = await client.query<ListedBallot>(`FETCH ${BATCH} FROM ballots`);
        for (const b of batch) ballots.push(b);
        if (batch.length < BATCH) break;
      }
      await client.query('COMMIT');
      phases.fetchMs = Math.round(performance.now() - start);
      start = performance.now();
      const built = buildBallotList({ consultation: { reference: 'CS-BENCH-001', title: 'Banc d’essai', closedOn: '2027-03-15' }, rules, ballots }, (text) => createHash('sha256').update(text, 'utf8').digest('hex'));
      phases.buildMs = Math.round(performance.now() - start);
      start = performance.now();
      writeFileSync(file, JSON.stringify(built));
      phases.writeMs = Math.round(performance.now() - start);
      return built;
    });
    const same = JSON.stringify((list.result as MajorityJudgmentTally).ranking) === JSON.stringify(result.ranking);
    print('ballot-list', listMs, referenceMs, { ...phases, fileMB: Number((statSync(file).size / 2 ** 20).toFixed(1)), sameRankingAsGroupBy: same });

    const [child, retallyMs] = await time(async () => spawnSync('npm', ['run', '--silent', 'consultation:retally', '--', file], { cwd: root, encoding: 'utf8', maxBuffer: 2 ** 28 }));
    if (child.status !== 0) throw new Error(`retally exited ${child.status}: ${child.stderr.slice(0, 2000)}`);
    const output = JSON.parse(child.stdout) as { ok: boolean; ballotsSha256: string };
    print('retally-command', retallyMs, referenceMs, { ok: output.ok, hashMatches: output.ballotsSha256 === list.ballotsSha256, loadAverage: Number(os.loadavg()[0]!.toFixed(1)), cpus: os.cpus().length });
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    await client.query(`DROP TABLE IF EXISTS ${table}`);
    await client.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
