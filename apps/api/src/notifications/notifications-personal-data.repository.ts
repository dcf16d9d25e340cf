import { Injectable } from '@nestjs/common';
import { ProvidesPersonalData, type PersonalDataProvider } from '../personal-data/personal-data.provider';
import { PrismaService, type PrismaTransaction } from '../prisma/prisma.service';

/** The person's notifications and their e-mail preference. */
@ProvidesPersonalData()
@Injectable()
export class NotificationsPersonalDataRepository implements PersonalDataProvider {
  readonly feature = 'notifications';
  readonly tables = ['notifications', 'notification_preferences'];
  readonly kept = [];

  constructor(private readonly prisma: PrismaService) {}

  async export(personId: string): Promise<Record<string, unknown>> {
    const preference = await this.prisma.notificationPreference.findUnique({ where: { personId } });
    const notifications = await this.prisma.notification.findMany({ where: { personId }, orderBy: { createdAt: 'asc' } });
    return {
      // null: never chosen, e-mails go out immediately.
      emailPreference: preference?.email ?? null,
      notifications: notifications.map((n) => ({
        kind: n.kind,
        data: n.data,
        link: n.link,
        createdAt: n.createdAt.toISOString(),
        readAt: n.readAt?.toISOString() ?? null,
        emailedAt: n.emailedAt?.toISOString() ?? null,
      })),
    };
  }

  async erase(tx: PrismaTransaction, personId: string): Promise<void> {
    await tx.notification.deleteMany({ where: { personId } });
    await tx.notificationPreference.deleteMany({ where: { personId } });
  }
}
