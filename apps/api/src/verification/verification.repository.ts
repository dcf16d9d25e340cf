import { Injectable } from '@nestjs/common';
import type { InvitationBatchSummary } from '@sesame/domain';
import { PrismaService, type PrismaTransaction } from '../prisma/prisma.service';

type RedeemOutcome = { ok: true; neighbourhoodId: string } | { ok: false; reason: 'used' | 'unknown' | 'revoked' };

@Injectable()
export class VerificationRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Every neighbourhood of the territory (to match a census file's column). */
  neighbourhoods(tx: PrismaTransaction): Promise<{ id: string; slug: string; name: string }[]> {
    return tx.neighbourhood.findMany({ select: { id: true, slug: true, name: true } });
  }

  neighbourhood(tx: PrismaTransaction, id: string) {
    return tx.neighbourhood.findUnique({ where: { id }, include: { territory: true } });
  }

  async createBatch(tx: PrismaTransaction, batch: { neighbourhoodId: string; label: string; createdById: string; codes: { codeHash: string; hint: string }[] }): Promise<string> {
    const created = await tx.invitationBatch.create({ data: { neighbourhoodId: batch.neighbourhoodId, label: batch.label, createdById: batch.createdById } });
    await tx.invitationCode.createMany({ data: batch.codes.map((code) => ({ ...code, batchId: created.id })) });
    return created.id;
  }

  async summaries(where: { id?: string } = {}, tx: PrismaTransaction | PrismaService = this.prisma): Promise<InvitationBatchSummary[]> {
    const batches = await tx.invitationBatch.findMany({ where, include: { neighbourhood: true }, orderBy: { createdAt: 'desc' } });
    if (batches.length === 0) return [];
    const counts = await tx.$queryRaw<{ batch_id: string; total: number; used: number; revoked: number }[]>`
      SELECT batch_id, count(*)::int AS total, count(used_at)::int AS used, count(revoked_at)::int AS revoked
      FROM invitation_codes WHERE batch_id = ANY(${batches.map((b) => b.id)}::uuid[]) GROUP BY batch_id`;
    const byBatch = new Map(counts.map((c) => [c.batch_id, c]));
    return batches.map((batch) => ({
      id: batch.id,
      label: batch.label,
      neighbourhood: { id: batch.neighbourhood.id, name: batch.neighbourhood.name },
      createdAt: batch.createdAt.toISOString(),
      total: byBatch.get(batch.id)?.total ?? 0,
      used: byBatch.get(batch.id)?.used ?? 0,
      revoked: byBatch.get(batch.id)?.revoked ?? 0,
    }));
  }

  /** Revokes the codes of a batch nobody used yet; returns how many. */
  /** What waits for verification: accounts (not deleted) not verified yet, codes neither used nor revoked. */
  async workCounts(): Promise<{ unverifiedPeople: number; unusedCodes: number }> {
    return this.prisma.$transaction(async (tx) => ({
      unverifiedPeople: await tx.person.count({ where: { deletedAt: null, verification: null } }),
      unusedCodes: await tx.invitationCode.count({ where: { usedAt: null, revokedAt: null } }),
    }));
  }

  async revokeUnused(tx: PrismaTransaction, batchId: string): Promise<number> {
    const { count } = await tx.invitationCode.updateMany({ where: { batchId, usedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
    return count;
  }

  /** Uses a code for a person — atomically, so a code verifies exactly one person. */
  async redeem(tx: PrismaTransaction, codeHash: string, personId: string): Promise<RedeemOutcome> {
    const rows = await tx.$queryRaw<{ neighbourhood_id: string }[]>`
      UPDATE invitation_codes c SET used_at = now(), used_by_id = ${personId}::uuid
      FROM invitation_batches b
      WHERE c.code_hash = ${codeHash} AND c.used_at IS NULL AND c.revoked_at IS NULL AND b.id = c.batch_id
      RETURNING b.neighbourhood_id`;
    if (rows[0]) return { ok: true, neighbourhoodId: rows[0].neighbourhood_id };
    const code = await tx.invitationCode.findUnique({ where: { codeHash }, select: { usedAt: true, revokedAt: true } });
    return { ok: false, reason: !code ? 'unknown' : code.usedAt ? 'used' : 'revoked' };
  }

  /** Adds census fingerprints, skipping those already there; returns how many were new. */
  async addCensusEntries(tx: PrismaTransaction, entries: { fingerprint: string; neighbourhoodId: string; importedById: string }[]): Promise<number> {
    let added = 0;
    for (let i = 0; i < entries.length; i += 5_000) {
      added += (await tx.censusEntry.createMany({ data: entries.slice(i, i + 5_000), skipDuplicates: true })).count;
    }
    return added;
  }

  /**
   * Uses a census entry for a person, atomically (one entry verifies one account
   * at a time): the entry's neighbourhood, or null when the details are not on
   * the list or already verify someone. One query either way, so the two cannot
   * be told apart by the time the answer takes either.
   */
  async useCensusEntry(tx: PrismaTransaction, fingerprint: string, personId: string): Promise<string | null> {
    const rows = await tx.$queryRaw<{ neighbourhood_id: string }[]>`
      UPDATE census_entries SET used_at = now(), used_by_id = ${personId}::uuid
      WHERE fingerprint = ${fingerprint} AND used_at IS NULL
      RETURNING neighbourhood_id`;
    return rows[0]?.neighbourhood_id ?? null;
  }

  currentVerification(tx: PrismaTransaction, personId: string) {
    return tx.residentVerification.findUnique({ where: { personId } });
  }

  /**
   * Makes the person a verified resident of the neighbourhood, which becomes
   * their own. False when they already are one: the primary key on
   * resident_verifications is what keeps one identity per account, even when
   * two verifications of the same account race.
   */
  async verify(tx: PrismaTransaction, personId: string, neighbourhoodId: string, method: 'invitation_code' | 'census'): Promise<boolean> {
    const { count } = await tx.residentVerification.createMany({ data: [{ personId, neighbourhoodId, method }], skipDuplicates: true });
    if (count === 0) return false;
    await tx.person.update({ where: { id: personId }, data: { neighbourhoodId } });
    return true;
  }
}
