import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobQueue } from '../jobs/job-queue.service';
import { every } from '../jobs/schedules';
import { PeopleRepository } from '../people/people.repository';
import { SignInRepository } from './sign-in.repository';

const PURGE_JOB = 'sign-in-links.purge';
const DAY = 86_400_000;

/**
 * Forgets expired sign-in and e-mail-change links once a day (a day after
 * they expire): they hold an address, perhaps typed by someone who never
 * created an account; and ended sessions whose cookie has expired anyway.
 */
@Injectable()
export class SignInLinksPurge implements OnModuleInit {
  constructor(
    private readonly repository: SignInRepository,
    private readonly jobs: JobQueue,
    private readonly people: PeopleRepository,
  ) {}

  onModuleInit(): void {
    this.jobs.recurring(PURGE_JOB, every(DAY), async () => {
      await this.repository.deleteExpired(new Date());
      await this.people.deleteExpiredEndedSessions(new Date());
    });
  }
}
