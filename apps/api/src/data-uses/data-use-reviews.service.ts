import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { parisToday } from '@sesame/domain';
import { AuditService } from '../audit/audit.service';
import type { DataUseAlertKind } from '../generated/prisma/client';
import { JobQueue } from '../jobs/job-queue.service';
import { dailyAtUtc } from '../jobs/schedules';
import { NotificationsService } from '../notifications/notifications.service';
import { PrismaService } from '../prisma/prisma.service';
import { DataUsesRepository } from './data-uses.repository';

const REVIEW_JOB = 'data-use.review-check';

/** 05:00 UTC (06:00 or 07:00 in Paris): after midnight everywhere in France, before the digests. */
const CHECK_TIME = dailyAtUtc(5);

export interface ReviewCheckResult {
  /** Alerts recorded by this run (each record, kind and due date once, ever). */
  recorded: { reference: string; kind: DataUseAlertKind; dueDate: string }[];
}

/**
 * The register's daily check: a published record whose review date has
 * passed is "révision en retard"; one whose sunset date has passed without
 * renewal must stop or be renewed. Each is recorded once as a `data_use_alerts`
 * row (the event the panel feature reads to open a referral), written to the
 * public log, and told to the record's followers. Runs even if nobody visits.
 */
@Injectable()
export class DataUseReviewsService implements OnModuleInit {
  private readonly logger = new Logger('DataUseReviews');

  constructor(
    private readonly prisma: PrismaService,
    private readonly repository: DataUsesRepository,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly jobs: JobQueue,
  ) {}

  onModuleInit(): void {
    // First check at start-up, then daily: a server down at 05:00 still catches up.
    this.jobs.recurring(REVIEW_JOB, CHECK_TIME, async () => {
      const { recorded } = await this.check();
      if (recorded.length > 0) this.logger.log(`Register check: ${recorded.length} new alert(s)`);
    });
  }

  async check(now = new Date()): Promise<ReviewCheckResult> {
    const today = parisToday(now);
    const recorded: ReviewCheckResult['recorded'] = [];
    for (const dataUse of await this.repository.findPastDue(today)) {
      const due: [DataUseAlertKind, Date | null][] = [
        ['review_overdue', dataUse.reviewDate],
        ['sunset_passed', dataUse.sunsetDate],
      ];
      for (const [kind, date] of due) {
        const dueDate = date?.toISOString().slice(0, 10);
        if (!date || !dueDate || dueDate >= today) continue;
        // One transaction per alert: the row, its log entry and the notifications stand or fall together.
        const isNew = await this.prisma.$transaction(async (tx) => {
          if (!(await this.repository.recordAlert(tx, dataUse.id, kind, date))) return false;
          const action = kind === 'review_overdue' ? 'data-use.review-overdue' : 'data-use.sunset-passed';
          await this.audit.record(tx, { actorId: null, action, subjectType: 'data-use', subjectId: dataUse.reference, data: { title: dataUse.title, dueDate } });
          for (const personId of await this.repository.followerIds(tx, dataUse.id)) {
            await this.notifications.notify(tx, { personId, kind: action, data: { reference: dataUse.reference, title: dataUse.title, dueDate }, link: `/registre/${dataUse.reference}` });
          }
          return true;
        });
        if (isNew) recorded.push({ reference: dataUse.reference, kind, dueDate });
      }
    }
    return { recorded };
  }
}
