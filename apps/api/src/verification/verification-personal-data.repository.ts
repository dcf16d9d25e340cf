import { Injectable } from '@nestjs/common';
import { ProvidesPersonalData, type PersonalDataProvider } from '../personal-data/personal-data.provider';
import { PrismaService, type PrismaTransaction } from '../prisma/prisma.service';

/**
 * The person's resident verification and what it used (an invitation code, a
 * census entry); for organizers, the letters they printed and the census
 * entries they imported.
 */
@ProvidesPersonalData()
@Injectable()
export class VerificationPersonalDataRepository implements PersonalDataProvider {
  readonly feature = 'verification';
  readonly tables = ['resident_verifications', 'invitation_codes', 'census_entries', 'invitation_batches'];
  readonly kept = [
    {
      table: 'invitation_codes',
      reason: 'A used code stays used and linked to the account id: one code verifies one person, and the deleted account\'s supports still come from a verified resident.',
    },
    {
      table: 'census_entries',
      reason: 'The importing organizer\'s id stays with the entries they imported, as the audit log records the import. A used entry is released (no longer linked to the deleted account), so that the resident can verify a new account later.',
    },
    {
      table: 'invitation_batches',
      reason: 'The organizer who printed a batch of letters stays known by account id, as the audit log records it.',
    },
  ];

  constructor(private readonly prisma: PrismaService) {}

  async export(personId: string): Promise<Record<string, unknown>> {
    const verification = await this.prisma.residentVerification.findUnique({ where: { personId }, include: { neighbourhood: { select: { name: true } } } });
    const codes = await this.prisma.invitationCode.findMany({
      where: { usedById: personId },
      select: { hint: true, usedAt: true, batch: { select: { label: true, neighbourhood: { select: { name: true } } } } },
      orderBy: { usedAt: 'asc' },
    });
    const censusEntries = await this.prisma.censusEntry.findMany({ where: { usedById: personId }, select: { usedAt: true, neighbourhood: { select: { name: true } } }, orderBy: { usedAt: 'asc' } });
    const batches = await this.prisma.invitationBatch.findMany({ where: { createdById: personId }, select: { label: true, createdAt: true, neighbourhood: { select: { name: true } } }, orderBy: { createdAt: 'asc' } });
    const imported = await this.prisma.censusEntry.count({ where: { importedById: personId } });
    return {
      residentVerification: verification && {
        neighbourhood: verification.neighbourhood.name,
        method: verification.method,
        verifiedAt: verification.verifiedAt.toISOString(),
        voterCode: verification.voterCode,
      },
      invitationCodesUsed: codes.map((code) => ({ endsWith: code.hint, batch: code.batch.label, neighbourhood: code.batch.neighbourhood.name, usedAt: code.usedAt?.toISOString() ?? null })),
      censusEntriesUsed: censusEntries.map((entry) => ({ neighbourhood: entry.neighbourhood.name, usedAt: entry.usedAt?.toISOString() ?? null })),
      invitationBatchesCreated: batches.map((batch) => ({ label: batch.label, neighbourhood: batch.neighbourhood.name, createdAt: batch.createdAt.toISOString() })),
      censusEntriesImported: imported,
    };
  }

  /**
   * Removes the verification and releases the census entry it used (one account
   * at a time: the resident can verify again later); used codes stay used (see `kept`).
   */
  async erase(tx: PrismaTransaction, personId: string): Promise<void> {
    await tx.residentVerification.deleteMany({ where: { personId } });
    await tx.censusEntry.updateMany({ where: { usedById: personId }, data: { usedById: null, usedAt: null } });
  }
}
