import { Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client';
import { takeTransactionLock } from '../common/advisory-locks.repository';
import { PrismaService, type PrismaTransaction } from '../prisma/prisma.service';

export interface ClaimedJob {
  id: bigint;
  kind: string;
  payload: Prisma.JsonValue;
  attempts: number;
}

/** A job whose worker died is taken again after this long. */
const LOCK_TIMEOUT = '5 minutes';

@Injectable()
export class JobRepository {
  constructor(private readonly prisma: PrismaService) {}

  async enqueue(tx: PrismaTransaction | undefined, kind: string, payload: Prisma.InputJsonValue, runAt = new Date()): Promise<void> {
    await (tx ?? this.prisma).job.create({ data: { kind, payload, runAt } });
  }

  /**
   * Takes the next due job of a lane (`only` its kinds, or every kind `except`
   * the other lanes'); SKIP LOCKED lets several workers share the queue without
   * taking the same job.
   */
  async claimNext(lane: { only: string[] } | { except: string[] } = { except: [] }): Promise<ClaimedJob | null> {
    const only = 'only' in lane;
    const kinds = only ? lane.only : lane.except;
    const rows = await this.prisma.$queryRawUnsafe<ClaimedJob[]>(
      `
      UPDATE jobs SET locked_at = now(), attempts = attempts + 1
      WHERE id = (
        SELECT id FROM jobs
        WHERE completed_at IS NULL AND failed_at IS NULL AND run_at <= now()
          AND (locked_at IS NULL OR locked_at < now() - interval '${LOCK_TIMEOUT}')
          AND ${only ? 'kind = ANY($1::text[])' : 'NOT (kind = ANY($1::text[]))'}
        ORDER BY run_at
        FOR UPDATE SKIP LOCKED
        LIMIT 1)
      RETURNING id, kind, payload, attempts`,
      kinds,
    );
    return rows[0] ?? null;
  }

  /** A running job's heartbeat: its lock stays fresh while its worker lives. */
  async touch(id: bigint): Promise<void> {
    await this.prisma.$executeRaw`UPDATE jobs SET locked_at = now() WHERE id = ${id} AND completed_at IS NULL`;
  }

  async complete(id: bigint): Promise<void> {
    await this.prisma.job.update({ where: { id }, data: { completedAt: new Date(), lockedAt: null, lastError: null } });
  }

  async retryLater(id: bigint, error: string, runAt: Date | null): Promise<void> {
    await this.prisma.job.update({ where: { id }, data: runAt ? { lockedAt: null, lastError: error, runAt } : { lockedAt: null, lastError: error, failedAt: new Date() } });
  }

  async hasPending(kind: string): Promise<boolean> {
    return (await this.prisma.job.count({ where: { kind, completedAt: null, failedAt: null } })) > 0;
  }

  /** Whether a recurring job's next run (empty payload) is planned: other jobs of its kind do not count. */
  /**
   * Plans a recurring job's run unless one is pending, under a lock: API
   * instances starting at the same moment plan it once. True when planned.
   */
  async planRecurringRun(kind: string, runAt: Date): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      await takeTransactionLock(tx, 'recurringJobPlanning');
      const pending = await tx.job.count({ where: { kind, completedAt: null, failedAt: null, payload: { equals: {} } } });
      if (pending > 0) return false;
      await tx.job.create({ data: { kind, payload: {}, runAt } });
      return true;
    });
  }
}
