import type { ApiConfig } from '../src/config/config.schema';
import { JobQueue } from '../src/jobs/job-queue.service';
import { JobRepository } from '../src/jobs/job.repository';
import { startTestApp, type TestApp } from './test-app';

// A panel draw's LEXIMIN can run for an hour on a large pool: e-mails and
// opinion maps must not wait behind it, and no other instance may take it
// again while its worker lives.
describe('Job lanes and heartbeats', () => {
  let t: TestApp;
  let queue: JobQueue;

  /** A queue of its own on the real table (the app's own worker is off in tests). */
  const newQueue = () => new JobQueue({ JOBS_WORKER: true, JOBS_POLL_MS: 50 } as ApiConfig, t.app.get(JobRepository));
  const until = async (check: () => Promise<boolean> | boolean, ms = 10_000) => {
    const deadline = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  const deferred = () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    return { released, release };
  };

  beforeAll(async () => {
    t = await startTestApp();
  });
  beforeEach(async () => {
    await t.sql('DELETE FROM jobs');
    queue = newQueue();
  });
  afterEach(async () => {
    await queue.onModuleDestroy();
  });
  afterAll(async () => {
    await t.close();
  });

  it('runs a short job while a long job of another lane is still running', async () => {
    const slow = deferred();
    const ran: string[] = [];
    queue.register('test.long', async () => {
      ran.push('long started');
      await slow.released;
      ran.push('long done');
    }, { lane: 'test-long' });
    queue.register('test.mail', async () => void ran.push('mail'));
    await queue.enqueue(undefined, 'test.long', {});
    await queue.onApplicationBootstrap();
    await until(() => ran.includes('long started'));
    await queue.enqueue(undefined, 'test.mail', {});
    await until(() => ran.includes('mail'));
    expect(ran).toEqual(['long started', 'mail']);
    slow.release();
    await until(async () => (await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM jobs WHERE completed_at IS NULL'))[0]!.n === 0);
    expect(ran).toEqual(['long started', 'mail', 'long done']);
  });

  it('keeps a running job locked, so that another instance does not take it again', async () => {
    const slow = deferred();
    let runs = 0;
    queue.heartbeatMs = 50;
    queue.register('test.long', async () => {
      runs += 1;
      await slow.released;
    }, { lane: 'test-long' });
    await queue.enqueue(undefined, 'test.long', {});
    await queue.onApplicationBootstrap();
    await until(() => runs === 1);
    // As if its lock were as old as a dead worker's: the heartbeat refreshes it.
    await t.sql("UPDATE jobs SET locked_at = now() - interval '10 minutes'");
    await until(async () => (await t.sql<{ fresh: boolean }>("SELECT locked_at > now() - interval '1 minute' AS fresh FROM jobs"))[0]!.fresh);
    const other = t.app.get(JobRepository);
    expect(await other.claimNext({ only: ['test.long'] })).toBeNull();
    slow.release();
    await until(async () => (await t.sql<{ done: boolean }>('SELECT completed_at IS NOT NULL AS done FROM jobs'))[0]!.done);
    expect(runs).toBe(1);
  });

  it('takes again the job of a worker that died (no heartbeat for the lock timeout)', async () => {
    await queue.enqueue(undefined, 'test.long', {});
    await t.sql("UPDATE jobs SET locked_at = now() - interval '6 minutes', attempts = 1");
    const claimed = await t.app.get(JobRepository).claimNext({ only: ['test.long'] });
    expect(claimed).toMatchObject({ kind: 'test.long', attempts: 2 });
  });

  it('leaves the kinds of other lanes to their own loops', async () => {
    await queue.enqueue(undefined, 'test.long', {});
    const jobs = t.app.get(JobRepository);
    expect(await jobs.claimNext({ except: ['test.long'] })).toBeNull();
    expect(await jobs.claimNext({ only: ['test.mail'] })).toBeNull();
    expect(await jobs.claimNext({ only: ['test.long'] })).toMatchObject({ kind: 'test.long' });
  });
});
