import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import {
  isNotificationKind,
  notificationFields,
  notificationText,
  type Actor,
  type Locale,
  type MarkNotificationsRead,
  type NotificationFields,
  type NotificationKind,
  type NotificationPage,
  type NotificationPreferences,
} from '@sesame/domain';
import type { Prisma } from '../generated/prisma/client';
import { ProblemException } from '../common/problem.exception';
import { API_CONFIG, type ApiConfig } from '../config/config.schema';
import { JobQueue } from '../jobs/job-queue.service';
import { MailService } from '../mail/mail.service';
import type { PrismaTransaction } from '../prisma/prisma.service';
import { notificationMail } from './notification-texts';
import { NotificationsRepository } from './notifications.repository';
import { dailyAtUtc } from '../jobs/schedules';

const EMAIL_JOB = 'notification.email';
const DIGEST_JOB = 'notification.daily-digest';

/** 07:00 in Paris, roughly (06:00 UTC): when daily digests go out. */
const DIGEST_TIME = dailyAtUtc(6);

type NotificationData = Record<string, Prisma.InputJsonValue>;

/**
 * The data a notification of `Kind` carries: at least the fields its sentences
 * need (`{title}`…), required by the compiler for a kind written in the code.
 * A kind only known as a `string` is checked when sent.
 */
type DataOf<Kind extends string> = string extends Kind
  ? { data?: NotificationData }
  : [Kind] extends [NotificationKind]
    ? [NotificationFields<Kind>] extends [never]
      ? { data?: NotificationData }
      : { data: Record<NotificationFields<Kind>, Prisma.InputJsonValue> & NotificationData }
    : { data?: NotificationData; unknownKind: `${Kind} is not a notification kind: declare it in its feature's *.notifications.ts (packages/domain)` };

export type NewNotification<Kind extends string = NotificationKind> = { personId: string; kind: Kind; link?: string } & DataOf<Kind>;

/** A notification its sentences cannot be written for is a programming error: refuse it before anything is stored. */
function assertSendable(kind: string, data: NotificationData): void {
  if (!isNotificationKind(kind)) throw new Error(`Unknown notification kind ${kind}: declare it in its feature's *.notifications.ts (packages/domain).`);
  const missing = notificationFields(kind).filter((field) => data[field] === undefined);
  if (missing.length > 0) throw new Error(`Notification ${kind} lacks the data its sentences need: ${missing.join(', ')}.`);
}

/** Tells people what concerns them: in the app at once, by e-mail as they prefer. */
@Injectable()
export class NotificationsService implements OnModuleInit {
  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly repository: NotificationsRepository,
    private readonly jobs: JobQueue,
    private readonly mail: MailService,
  ) {}

  onModuleInit(): void {
    this.jobs.register(EMAIL_JOB, (payload) => this.emailOne((payload as { notificationId: string }).notificationId));
    this.jobs.recurring(DIGEST_JOB, DIGEST_TIME, () => this.sendDigests(), { firstRun: 'on-schedule' });
  }

  /** Called by features inside the transaction of the change it reports. */
  async notify<Kind extends string>(tx: PrismaTransaction, notification: NewNotification<Kind>): Promise<void> {
    const data: NotificationData = 'data' in notification ? (notification.data ?? {}) : {};
    assertSendable(notification.kind, data);
    const created = await this.repository.create(tx, { personId: notification.personId, kind: notification.kind, data, link: notification.link ?? null });
    if ((await this.repository.emailFrequency(notification.personId, tx)) === 'immediately') {
      await this.jobs.enqueue(tx, EMAIL_JOB, { notificationId: created.id });
    }
  }

  async list(actor: Actor, page: number, pageSize: number): Promise<NotificationPage> {
    const personId = this.personId(actor);
    const { items, total, unread } = await this.repository.page(personId, (page - 1) * pageSize, pageSize);
    return {
      items: items.map((n) => ({ id: n.id, kind: n.kind, data: n.data as NotificationPage['items'][number]['data'], link: n.link, createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null })),
      page,
      pageSize,
      total,
      unread,
    };
  }

  async markRead(actor: Actor, input: MarkNotificationsRead): Promise<void> {
    await this.repository.markRead(this.personId(actor), input.ids);
  }

  async preferences(actor: Actor): Promise<NotificationPreferences> {
    return { email: await this.repository.emailFrequency(this.personId(actor)) };
  }

  async setPreferences(actor: Actor, preferences: NotificationPreferences): Promise<NotificationPreferences> {
    await this.repository.setEmailFrequency(this.personId(actor), preferences.email);
    return preferences;
  }

  private personId(actor: Actor): string {
    if (!actor) throw ProblemException.unauthorized('Connectez-vous pour continuer.');
    return actor.id;
  }

  private url(path: string | null): string | null {
    return path ? new URL(path, this.config.WEB_ORIGIN).toString() : null;
  }

  private async emailOne(notificationId: string): Promise<void> {
    const notification = await this.repository.forEmail(notificationId);
    // Gone, read in the app already, or already sent: nothing to do.
    if (!notification?.person.email || notification.readAt || notification.emailedAt) return;
    const locale: Locale = notification.person.locale === 'en' ? 'en' : 'fr';
    const text = notificationText(notification.kind, notification.data as Record<string, unknown>, locale);
    await this.mail.send({ to: notification.person.email, language: locale, ...notificationMail(locale, [{ text, url: this.url(notification.link) }], this.url('/compte')!) });
    await this.repository.markEmailed([notification.id]);
  }

  private async sendDigests(): Promise<void> {
    for (const person of await this.repository.pendingDigests()) {
      const locale: Locale = person.locale === 'en' ? 'en' : 'fr';
      const lines = person.notifications.map((n) => ({ text: notificationText(n.kind, n.data as Record<string, unknown>, locale), url: this.url(n.link) }));
      await this.mail.send({ to: person.email!, language: locale, ...notificationMail(locale, lines, this.url('/compte')!) });
      await this.repository.markEmailed(person.notifications.map((n) => n.id));
    }
  }
}
