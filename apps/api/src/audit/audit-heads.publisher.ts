import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { ChainHead } from '@sesame/domain';
import { JobQueue } from '../jobs/job-queue.service';
import { every } from '../jobs/schedules';
import { AuditRepository } from './audit.repository';

export const PUBLISH_HEAD_JOB = 'audit.publish-head';
const HOUR = 3_600_000;

/**
 * Publishes the chain head every hour, when it moved since the last
 * publication (open data audit-heads.json and .atom, the /journal page). Once
 * copied by anyone outside, a head makes a rewrite of the history before it
 * detectable, even by someone able to recompute every hash in the database:
 * `npm run audit:verify -- --head seq:hash`.
 */
@Injectable()
export class AuditHeadsPublisher implements OnModuleInit {
  constructor(
    private readonly repository: AuditRepository,
    private readonly jobs: JobQueue,
  ) {}

  onModuleInit(): void {
    this.jobs.recurring(PUBLISH_HEAD_JOB, every(HOUR), () => this.publishHead());
  }

  /** Publishes the current head unless it is the last one published; returns what it published. */
  async publishHead(now = new Date()): Promise<ChainHead | null> {
    const head = await this.repository.findHead();
    if (!head) return null;
    const latest = await this.repository.findLatestPublishedHead();
    if (latest && latest.seq === head.seq && latest.hash === head.hash) return null;
    await this.repository.publishHead(head, now);
    return head;
  }
}
