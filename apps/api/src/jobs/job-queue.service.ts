import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client';
import { API_CONFIG, type ApiConfig } from '../config/config.schema';
import type { PrismaTransaction } from '../prisma/prisma.service';
import { JobRepository } from './job.repository';
import type { Schedule } from './schedules';

export type JobHandler = (payload: Prisma.JsonValue) => Promise<void>;

const MAX_ATTEMPTS = 8;
/** A running job refreshes its lock this often, so only a dead worker's job is taken again (LOCK_TIMEOUT in job.repository.ts). */
const HEARTBEAT_MS = 60_000;
/** The lane of jobs registered without one: e-mails, deadlines, sweeps — short work. */
export const DEFAULT_LANE = 'default';

interface RecurringJob {
  kind: string;
  schedule: Schedule;
  firstRun: 'at-start' | 'on-schedule';
}

/** A run planned by the schedule has an empty payload; one enqueued for a reason (a deadline…) has data. */
function isScheduledRun(payload: Prisma.JsonValue): boolean {
  return typeof payload === 'object' && payload !== null && !Array.isArray(payload) && Object.keys(payload).length === 0;
}

/**
 * A job queue in PostgreSQL. Jobs are enqueued inside the transaction that
 * causes them (an e-mail is sent if and only if its cause was committed) and
 * run by a worker in each API process; failures are retried with backoff
 * (30 s, 1 min, 2 min… up to 8 attempts).
 */
@Injectable()
export class JobQueue implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('JobQueue');
  private readonly handlers = new Map<string, JobHandler>();
  /** Kinds that run in their own lane (see `register`); every other kind runs in the default lane. */
  private readonly laneOf = new Map<string, string>();
  private readonly recurringJobs: RecurringJob[] = [];
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly running = new Map<string, Promise<void>>();
  private stopped = false;
  /** How often a running job refreshes its lock (a field so that a test can shorten it). */
  heartbeatMs = HEARTBEAT_MS;

  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly jobs: JobRepository,
  ) {}

  /**
   * Features register what to do with their kinds of job (at module init).
   * Long work (a panel draw's LEXIMIN can take an hour on a large pool; the
   * opinion map must stay fresh during a workshop) names its own `lane`: each
   * lane has its own loop in the worker, so an e-mail never waits behind a
   * draw, nor a map behind a draw.
   */
  register(kind: string, handler: JobHandler, options: { lane?: string } = {}): void {
    this.handlers.set(kind, handler);
    if (options.lane && options.lane !== DEFAULT_LANE) this.laneOf.set(kind, options.lane);
  }

  /**
   * A job that runs on a schedule even if nobody visits (call at module init).
   * At start-up, a worker process (JOBS_WORKER) plans the first run unless one
   * is already planned: at once by default, so a server that was down catches
   * up, or at the schedule's next time. Each run plans the next once it has
   * succeeded (a failing run is retried with backoff first). Jobs of the same
   * kind enqueued with a payload (e.g. a deadline) run the same handler
   * without planning another run.
   */
  recurring(kind: string, schedule: Schedule, run: (payload: Prisma.JsonValue) => Promise<unknown>, options: { firstRun?: RecurringJob['firstRun'] } = {}): void {
    this.recurringJobs.push({ kind, schedule, firstRun: options.firstRun ?? 'at-start' });
    this.register(kind, async (payload) => {
      await run(payload);
      if (isScheduledRun(payload)) await this.enqueue(undefined, kind, {}, schedule(new Date()));
    });
  }

  /** Inside the transaction `tx` when given (the usual case), else on its own. */
  enqueue(tx: PrismaTransaction | undefined, kind: string, payload: Prisma.InputJsonValue = {}, runAt?: Date): Promise<void> {
    return this.jobs.enqueue(tx, kind, payload, runAt);
  }

  hasPending(kind: string): Promise<boolean> {
    return this.jobs.hasPending(kind);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.JOBS_WORKER) return;
    await this.planRecurringJobs();
    for (const lane of this.lanes()) this.schedule(lane, 0);
  }

  private lanes(): string[] {
    return [DEFAULT_LANE, ...new Set(this.laneOf.values())];
  }

  /** The claim filter of a lane: its own kinds, or (default lane) every kind not in another lane. */
  private laneFilter(lane: string): { only: string[] } | { except: string[] } {
    if (lane === DEFAULT_LANE) return { except: [...this.laneOf.keys()] };
    return { only: [...this.laneOf].filter(([, l]) => l === lane).map(([kind]) => kind) };
  }

  /** Plans each recurring job's next run unless one is pending (once, whatever the number of instances starting). Returns the kinds planned. */
  async planRecurringJobs(): Promise<string[]> {
    const planned: string[] = [];
    for (const job of this.recurringJobs) {
      if (await this.jobs.planRecurringRun(job.kind, job.firstRun === 'at-start' ? new Date() : job.schedule(new Date()))) planned.push(job.kind);
    }
    return planned;
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    await Promise.all(this.running.values());
  }

  /** Runs every due job now, lane after lane (tests call it to avoid waiting). */
  async drain(): Promise<number> {
    let done = 0;
    for (const lane of this.lanes()) done += await this.drainLane(lane);
    return done;
  }

  /** Runs the due jobs of one lane (the worker's loop body for that lane). */
  private async drainLane(lane: string): Promise<number> {
    let done = 0;
    const filter = this.laneFilter(lane);
    for (;;) {
      if (this.stopped) return done;
      const job = await this.jobs.claimNext(filter);
      if (!job) return done;
      const handler = this.handlers.get(job.kind);
      const heartbeat = setInterval(() => void this.jobs.touch(job.id).catch(() => undefined), this.heartbeatMs);
      heartbeat.unref();
      try {
        if (!handler) throw new Error(`No handler for job kind ${job.kind}`);
        await handler(job.payload);
        clearInterval(heartbeat);
        await this.jobs.complete(job.id);
      } catch (error) {
        clearInterval(heartbeat);
        const message = error instanceof Error ? error.message : String(error);
        const retryAt = job.attempts < MAX_ATTEMPTS ? new Date(Date.now() + 30_000 * 2 ** (job.attempts - 1)) : null;
        this.logger.warn(`Job ${job.id} (${job.kind}) failed, attempt ${job.attempts}: ${message}${retryAt ? '' : ' — given up'}`);
        await this.jobs.retryLater(job.id, message, retryAt);
      }
      done += 1;
    }
  }

  private schedule(lane: string, delay: number): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.running.set(
        lane,
        this.drainLane(lane)
          .catch((error: unknown) => this.logger.error(`Job worker (${lane}): ${error instanceof Error ? error.message : String(error)}`))
          .then(() => {
            this.running.delete(lane);
            this.schedule(lane, this.config.JOBS_POLL_MS);
          }),
      );
    }, delay);
    timer.unref();
    this.timers.set(lane, timer);
  }
}
