import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client';
import { API_CONFIG, type ApiConfig } from '../config/config.schema';
import type { PrismaTransaction } from '../prisma/prisma.service';
import { JobRepository } from './job.repository';
import type { Schedule } from './schedules';

export type JobHandler = (payload: Prisma.JsonValue) => Promise<void>;

const MAX_ATTEMPTS = 8;

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
  private readonly recurringJobs: RecurringJob[] = [];
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly jobs: JobRepository,
  ) {}

  /** Features register what to do with their kinds of job (at module init). */
  register(kind: string, handler: JobHandler): void {
    this.handlers.set(kind, handler);
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
    this.schedule(0);
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
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Runs every due job now (the worker's loop body; tests call it to avoid waiting). */
  async drain(): Promise<number> {
    let done = 0;
    for (;;) {
      if (this.stopped) return done;
      const job = await this.jobs.claimNext();
      if (!job) return done;
      const handler = this.handlers.get(job.kind);
      try {
        if (!handler) throw new Error(`No handler for job kind ${job.kind}`);
        await handler(job.payload);
        await this.jobs.complete(job.id);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const retryAt = job.attempts < MAX_ATTEMPTS ? new Date(Date.now() + 30_000 * 2 ** (job.attempts - 1)) : null;
        this.logger.warn(`Job ${job.id} (${job.kind}) failed, attempt ${job.attempts}: ${message}${retryAt ? '' : ' — given up'}`);
        await this.jobs.retryLater(job.id, message, retryAt);
      }
      done += 1;
    }
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.drain()
        .catch((error: unknown) => this.logger.error(`Job worker: ${error instanceof Error ? error.message : String(error)}`))
        .then(() => {
          this.running = null;
          this.schedule(this.config.JOBS_POLL_MS);
        });
    }, delay);
    this.timer.unref();
  }
}
