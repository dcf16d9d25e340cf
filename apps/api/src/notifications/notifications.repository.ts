import { Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client';
import { PrismaService, type PrismaTransaction } from '../prisma/prisma.service';

@Injectable()
export class NotificationsRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(tx: PrismaTransaction, data: { personId: string; kind: string; data: Prisma.InputJsonValue; link: string | null }) {
    return tx.notification.create({ data });
  }

  async emailFrequency(personId: string, tx?: PrismaTransaction): Promise<'immediately' | 'daily' | 'never'> {
    return (await (tx ?? this.prisma).notificationPreference.findUnique({ where: { personId } }))?.email ?? 'immediately';
  }

  setEmailFrequency(personId: string, email: 'immediately' | 'daily' | 'never') {
    return this.prisma.notificationPreference.upsert({ where: { personId }, create: { personId, email }, update: { email } });
  }

  async page(personId: string, skip: number, take: number) {
    // One snapshot, queries in sequence: a batch ($transaction([...])) makes the pg adapter
    // send them concurrently on one connection, which pg deprecates.
    const [items, total, unread] = await this.prisma.$transaction(async (tx) => [
      await tx.notification.findMany({ where: { personId }, orderBy: { createdAt: 'desc' }, skip, take }),
      await tx.notification.count({ where: { personId } }),
      await tx.notification.count({ where: { personId, readAt: null } }),
    ] as const, { isolationLevel: 'RepeatableRead' });
    return { items, total, unread };
  }

  async markRead(personId: string, ids?: string[]): Promise<void> {
    await this.prisma.notification.updateMany({ where: { personId, readAt: null, ...(ids ? { id: { in: ids } } : {}) }, data: { readAt: new Date() } });
  }

  /** A notification with what is needed to e-mail it (nothing when the person is gone). */
  forEmail(id: string) {
    return this.prisma.notification.findFirst({ where: { id, person: { deletedAt: null } }, include: { person: { select: { email: true, locale: true } } } });
  }

  /** People who chose a daily digest, with their notifications not yet e-mailed nor read. */
  pendingDigests() {
    return this.prisma.person.findMany({
      where: { deletedAt: null, email: { not: null }, notificationPreference: { email: 'daily' }, notifications: { some: { emailedAt: null, readAt: null } } },
      select: { id: true, email: true, locale: true, notifications: { where: { emailedAt: null, readAt: null }, orderBy: { createdAt: 'asc' } } },
    });
  }

  async markEmailed(ids: string[]): Promise<void> {
    await this.prisma.notification.updateMany({ where: { id: { in: ids } }, data: { emailedAt: new Date() } });
  }
}
