import { Injectable } from '@nestjs/common';
import { ProvidesPersonalData, type PersonalDataProvider } from '../personal-data/personal-data.provider';
import { PrismaService, type PrismaTransaction } from '../prisma/prisma.service';

/** The seat a person's account holds, and the opinions they follow. What members wrote belongs to their seat (a public office), not to the account. */
@ProvidesPersonalData()
@Injectable()
export class RecommendationsPersonalDataRepository implements PersonalDataProvider {
  readonly feature = 'recommendations';
  readonly tables = ['panel_seat_accounts', 'opinion_follows'];
  readonly kept = [];

  constructor(private readonly prisma: PrismaService) {}

  async export(personId: string): Promise<Record<string, unknown>> {
    const seat = await this.prisma.panelSeatAccount.findUnique({ where: { personId }, select: { linkedAt: true, member: { select: { displayName: true, seatType: true } } } });
    const follows = await this.prisma.opinionFollow.findMany({ where: { personId }, select: { createdAt: true, opinion: { select: { reference: true } } }, orderBy: { createdAt: 'asc' } });
    return {
      panelSeat: seat ? { displayName: seat.member.displayName, seatType: seat.member.seatType, linkedAt: seat.linkedAt.toISOString() } : null,
      followedOpinions: follows.map((f) => ({ number: f.opinion.reference, since: f.createdAt.toISOString() })),
    };
  }

  async erase(tx: PrismaTransaction, personId: string): Promise<void> {
    await tx.panelSeatAccount.deleteMany({ where: { personId } });
    await tx.opinionFollow.deleteMany({ where: { personId } });
  }
}
