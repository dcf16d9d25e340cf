import { Client } from 'pg';
import { ADVISORY_LOCKS } from '../src/common/advisory-locks';
import { JobQueue } from '../src/jobs/job-queue.service';
import { startTestApp, type TestApp } from './test-app';

// Several API instances start together (docs/scaling.md): each plans the
// recurring jobs' next runs; a job planned twice would run twice a period.
describe('Recurring jobs planned at start-up', () => {
  let t: TestApp;
  let jobs: JobQueue;
  const pendingRuns = () => t.sql<{ kind: string; runs: number }>("SELECT kind, count(*)::int AS runs FROM jobs WHERE payload = '{}'::jsonb AND completed_at IS NULL AND failed_at IS NULL GROUP BY kind ORDER BY kind");

  beforeAll(async () => {
    t = await startTestApp();
    jobs = t.app.get(JobQueue);
  });
  afterAll(async () => {
    await t.close();
  });

  it('plans each recurring job once when eight instances plan at the same moment', async () => {
    await t.sql("DELETE FROM jobs WHERE payload = '{}'::jsonb");
    const planned = (await Promise.all(Array.from({ length: 8 }, () => jobs.planRecurringJobs()))).flat();
    const pending = await pendingRuns();
    expect(pending.length).toBeGreaterThanOrEqual(4);
    expect(pending.filter((row) => row.runs !== 1)).toEqual([]);
    expect(planned.sort()).toEqual(pending.map((row) => row.kind));
    expect(await jobs.planRecurringJobs()).toEqual([]);
  });

  it('waits while another instance is planning, then finds its runs and plans none', async () => {
    await t.sql("DELETE FROM jobs WHERE payload = '{}'::jsonb");
    const kinds = (await jobs.planRecurringJobs()).sort();
    expect(kinds.length).toBeGreaterThanOrEqual(4);
    await t.sql("DELETE FROM jobs WHERE payload = '{}'::jsonb");
    // Another instance, in the middle of planning: it holds the lock and has planned, not committed yet.
    const other = new Client({ connectionString: t.databaseUrl });
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query('SELECT pg_advisory_xact_lock($1::bigint)', [ADVISORY_LOCKS.recurringJobPlanning]);
      for (const kind of kinds) await other.query("INSERT INTO jobs (kind, payload, run_at) VALUES ($1, '{}'::jsonb, now() + interval '1 hour')", [kind]);
      let finished = false;
      const planning = jobs.planRecurringJobs().finally(() => (finished = true));
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(finished).toBe(false);
      await other.query('COMMIT');
      expect(await planning).toEqual([]);
      expect((await pendingRuns()).map((row) => [row.kind, row.runs])).toEqual(kinds.map((kind) => [kind, 1]));
    } finally {
      await other.end();
    }
  });
});
