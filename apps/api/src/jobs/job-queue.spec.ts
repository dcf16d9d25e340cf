import { Logger } from '@nestjs/common';
import type { ApiConfig } from '../config/config.schema';
import type { Prisma } from '../generated/prisma/client';
import { JobQueue } from './job-queue.service';
import type { ClaimedJob, JobRepository } from './job.repository';
import { every } from './schedules';

const HOUR = 3_600_000;
const START = new Date('2027-03-01T10:00:00Z');

/** The queue's table, in memory: enough to see what the queue plans. */
class JobTable {
  rows: { id: bigint; kind: string; payload: Prisma.JsonValue; runAt: Date; attempts: number; done: boolean }[] = [];

  async enqueue(_tx: unknown, kind: string, payload: Prisma.JsonValue, runAt = new Date()): Promise<void> {
    this.rows.push({ id: BigInt(this.rows.length + 1), kind, payload, runAt, attempts: 0, done: false });
  }
  async claimNext(): Promise<ClaimedJob | null> {
    const row = this.rows.find((r) => !r.done && r.runAt <= new Date() && r.attempts === 0);
    if (!row) return null;
    row.attempts += 1;
    return { id: row.id, kind: row.kind, payload: row.payload, attempts: row.attempts };
  }
  async complete(id: bigint): Promise<void> {
    this.rows.find((r) => r.id === id)!.done = true;
  }
  async retryLater(): Promise<void> {}
  async planRecurringRun(kind: string, runAt: Date): Promise<boolean> {
    if (this.rows.some((r) => r.kind === kind && !r.done && JSON.stringify(r.payload) === '{}')) return false;
    await this.enqueue(undefined, kind, {}, runAt);
    return true;
  }
  pending(kind: string) {
    return this.rows.filter((r) => r.kind === kind && !r.done).map((r) => ({ payload: r.payload, runAt: r.runAt.toISOString() }));
  }
}

function queue(table: JobTable, worker = true): JobQueue {
  return new JobQueue({ JOBS_WORKER: worker, JOBS_POLL_MS: 1000 } as ApiConfig, table as unknown as JobRepository);
}

describe('recurring jobs', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: START, doNotFake: ['nextTick', 'queueMicrotask'] });
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it('plans a first run at start-up in a worker process, unless one is already planned', async () => {
    const table = new JobTable();
    const jobs = queue(table);
    jobs.recurring('sweep', every(HOUR), async () => {});
    jobs.recurring('digest', every(HOUR), async () => {}, { firstRun: 'on-schedule' });
    await table.enqueue(undefined, 'digest', {}, new Date('2027-03-01T12:00:00Z'));
    await jobs.onApplicationBootstrap();
    expect(table.pending('sweep')).toEqual([{ payload: {}, runAt: START.toISOString() }]);
    expect(table.pending('digest')).toEqual([{ payload: {}, runAt: '2027-03-01T12:00:00.000Z' }]);
    await jobs.onModuleDestroy();
  });

  it('plans nothing in a process that runs no worker', async () => {
    const table = new JobTable();
    const jobs = queue(table, false);
    jobs.recurring('sweep', every(HOUR), async () => {});
    await jobs.onApplicationBootstrap();
    expect(table.rows).toEqual([]);
  });

  it('plans the next run after each scheduled run, not after a run enqueued for a reason', async () => {
    const table = new JobTable();
    const jobs = queue(table, false);
    const seen: Prisma.JsonValue[] = [];
    jobs.recurring('sweep', every(HOUR), async (payload) => void seen.push(payload));
    await jobs.enqueue(undefined, 'sweep', {});
    await jobs.enqueue(undefined, 'sweep', { reference: 'PR-2027-001' });
    expect(await jobs.drain()).toBe(2);
    expect(seen).toEqual([{}, { reference: 'PR-2027-001' }]);
    expect(table.pending('sweep')).toEqual([{ payload: {}, runAt: '2027-03-01T11:00:00.000Z' }]);
  });

  it('does not plan the next run when a run fails (the queue retries it)', async () => {
    const table = new JobTable();
    const jobs = queue(table, false);
    jobs.recurring('sweep', every(HOUR), async () => {
      throw new Error('database away');
    });
    await jobs.enqueue(undefined, 'sweep', {});
    await jobs.drain();
    expect(table.rows.filter((r) => r.kind === 'sweep')).toHaveLength(1);
  });
});
