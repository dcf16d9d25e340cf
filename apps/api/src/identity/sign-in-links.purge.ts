import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { API_CONFIG, type ApiConfig } from '../config/config.schema';
import { JobQueue } from '../jobs/job-queue.service';
import { SignInRepository } from './sign-in.repository';

const PURGE_JOB = 'sign-in-links.purge';
const DAY = 86_400_000;

/**
 * Forgets expired sign-in and e-mail-change links once a day (a day after
 * they expire): they hold an address, perhaps typed by someone who never
 * created an account.
 */
@Injectable()
export class SignInLinksPurge implements OnModuleInit, OnApplicationBootstrap {
  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly repository: SignInRepository,
    private readonly jobs: JobQueue,
  ) {}

  onModuleInit(): void {
    this.jobs.register(PURGE_JOB, async () => {
      await this.repository.deleteExpired(new Date());
      await this.jobs.enqueue(undefined, PURGE_JOB, {}, new Date(Date.now() + DAY));
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.JOBS_WORKER && !(await this.jobs.hasPending(PURGE_JOB))) await this.jobs.enqueue(undefined, PURGE_JOB, {});
  }
}
