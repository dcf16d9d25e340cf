import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { API_CONFIG, type ApiConfig } from '../config/config.schema';
import { JobQueue } from '../jobs/job-queue.service';
import { dailyAtUtc } from '../jobs/schedules';
import { NotificationsService } from '../notifications/notifications.service';
import { PrismaService } from '../prisma/prisma.service';
import { DeliberationsRepository } from './deliberations.repository';

const REMINDER_JOB = 'deliberation.moderation-reminders';
/** 05:30 UTC: before the 06:00 digests, so the reminders are in the morning's e-mail. */
const REMINDER_TIME = dailyAtUtc(5, 30);
const HOUR = 3_600_000;

/**
 * Once a day, each moderator hears of every space where items (pending or
 * reported contributions, appeals) have waited longer than
 * MODERATION_REMINDER_HOURS: a notification, so it also reaches their daily
 * digest or an immediate e-mail, as each chose.
 */
@Injectable()
export class ModerationRemindersService implements OnModuleInit {
  private readonly logger = new Logger('ModerationReminders');

  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly prisma: PrismaService,
    private readonly repository: DeliberationsRepository,
    private readonly notifications: NotificationsService,
    private readonly jobs: JobQueue,
  ) {}

  onModuleInit(): void {
    this.jobs.recurring(REMINDER_JOB, REMINDER_TIME, async () => {
      const sent = await this.remind();
      if (sent > 0) this.logger.log(`Moderation reminders: ${sent} notification(s)`);
    }, { firstRun: 'on-schedule' });
  }

  /** Sends the reminders; returns how many notifications were written. */
  async remind(now = new Date()): Promise<number> {
    const hours = this.config.MODERATION_REMINDER_HOURS;
    const spaces = await this.repository.waitingSince(new Date(now.getTime() - hours * HOUR));
    if (spaces.length === 0) return 0;
    const titles = await this.repository.proposalsByReference(spaces.map((space) => space.subjectReference));
    return this.prisma.$transaction(async (tx) => {
      const moderators = await this.repository.peopleWithRoles(tx, ['moderator', 'admin']);
      for (const space of spaces) {
        const title = titles.get(space.subjectReference)?.title ?? space.subjectReference;
        for (const personId of moderators) {
          await this.notifications.notify(tx, { personId, kind: 'deliberation.queue-reminder', data: { count: space.count, hours, title }, link: `/debats/${space.deliberationId}/moderation` });
        }
      }
      return spaces.length * moderators.length;
    });
  }
}
