import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { JobQueue } from '../jobs/job-queue.service';
import { dailyAtUtc } from '../jobs/schedules';
import { RecommendationsRepository } from './recommendations.repository';
import { RecommendationsService } from './recommendations.service';

const REFER_ALERTS_JOB = 'recommendations.refer-register-alerts';
/** 05:30 UTC: after the register's own check (05:00), which records the alerts. */
const REFER_TIME = dailyAtUtc(5, 30);

/**
 * A data use past its review or sunset date is referred to the panel
 * automatically: each register alert not yet referred opens one referral
 * (the alert row is claimed in the same transaction, so two instances never
 * open two).
 */
@Injectable()
export class RegisterAlertReferrals implements OnModuleInit {
  private readonly logger = new Logger('RecommendationsReferrals');

  constructor(
    private readonly jobs: JobQueue,
    private readonly repository: RecommendationsRepository,
    private readonly recommendations: RecommendationsService,
  ) {}

  onModuleInit(): void {
    this.jobs.recurring(REFER_ALERTS_JOB, REFER_TIME, async () => {
      const opened = await this.referAll();
      if (opened.length > 0) this.logger.log(`Register alerts referred to the panel: ${opened.join(', ')}`);
    });
  }

  async referAll(): Promise<string[]> {
    const opened: string[] = [];
    for (const alert of await this.repository.unreferredAlerts()) {
      const reference = await this.recommendations.referAlert(alert);
      if (reference) opened.push(reference);
    }
    return opened;
  }
}
