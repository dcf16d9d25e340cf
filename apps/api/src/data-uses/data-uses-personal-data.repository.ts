import { Injectable } from '@nestjs/common';
import { ProvidesPersonalData, type PersonalDataProvider } from '../personal-data/personal-data.provider';
import { PrismaService, type PrismaTransaction } from '../prisma/prisma.service';

/** Register records the person follows, and the versions they wrote as an editor. */
@ProvidesPersonalData()
@Injectable()
export class DataUsesPersonalDataRepository implements PersonalDataProvider {
  readonly feature = 'data-uses';
  readonly tables = ['data_use_follows', 'data_uses', 'data_use_versions'];
  readonly kept = [
    {
      table: 'data_uses',
      reason: 'Who created a register record stays known by account id: the register\'s history is public and its editors accountable ("Compte supprimé" once deleted).',
    },
    {
      table: 'data_use_versions',
      reason: 'Who wrote each version stays known by account id, for the same public history.',
    },
  ];

  constructor(private readonly prisma: PrismaService) {}

  async export(personId: string): Promise<Record<string, unknown>> {
    const follows = await this.prisma.dataUseFollow.findMany({ where: { personId }, select: { createdAt: true, dataUse: { select: { reference: true, title: true } } }, orderBy: { createdAt: 'asc' } });
    const versions = await this.prisma.dataUseVersion.findMany({
      where: { createdById: personId },
      select: { version: true, changeNote: true, createdAt: true, dataUse: { select: { reference: true } } },
      orderBy: { createdAt: 'asc' },
    });
    return {
      followedDataUses: follows.map((f) => ({ reference: f.dataUse.reference, title: f.dataUse.title, since: f.createdAt.toISOString() })),
      recordVersionsWritten: versions.map((v) => ({ reference: v.dataUse.reference, version: v.version, changeNote: v.changeNote, at: v.createdAt.toISOString() })),
    };
  }

  /** Removes the follows; authorship stays (see `kept`). */
  async erase(tx: PrismaTransaction, personId: string): Promise<void> {
    await tx.dataUseFollow.deleteMany({ where: { personId } });
  }
}
