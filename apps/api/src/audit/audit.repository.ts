import { Injectable } from '@nestjs/common';
import { chainEntry, DELETED_ACCOUNT_NAME, type AuditContent, type ChainHead, type ChainedAuditEntry, type JsonValue, type VerifiableEntry } from '@sesame/domain';
import type { AuditEntry, AuditPublishedHead, Prisma } from '../generated/prisma/client';
import { takeTransactionLock } from '../common/advisory-locks.repository';
import { PrismaService, type PrismaTransaction } from '../prisma/prisma.service';

export type NewAuditEntry = Omit<AuditContent, 'seq' | 'occurredAt'>;

export function contentOf(row: AuditEntry): AuditContent {
  return {
    seq: row.seq,
    occurredAt: row.occurredAt.toISOString(),
    actorId: row.actorId,
    action: row.action,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    visibility: row.visibility,
    data: row.data as JsonValue,
  };
}

/** An entry as the verifier reads it: content, hash scheme and salt (the salt never leaves the API). */
export function verifiableOf(row: AuditEntry): VerifiableEntry {
  return { seq: row.seq, contentHash: row.contentHash, prevHash: row.prevHash, hash: row.hash, content: contentOf(row), scheme: row.scheme, salt: row.salt };
}

@Injectable()
export class AuditRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Appends one entry inside the caller's transaction, so the entry exists if
   * and only if the change it records was committed. The advisory lock makes
   * concurrent appends wait their turn: seq has no gaps and each entry links
   * to the true previous one. A restricted entry is stored with its salt
   * (chainEntry draws it).
   */
  async append(tx: PrismaTransaction, entry: NewAuditEntry): Promise<ChainedAuditEntry> {
    await takeTransactionLock(tx, 'auditAppend');
    const head = await tx.auditChainHead.findUnique({ where: { id: 1 } });
    // Taken after the lock, so occurredAt grows with seq.
    const chained = chainEntry(head && { seq: head.seq, hash: head.hash }, { ...entry, occurredAt: new Date().toISOString() });
    await tx.auditEntry.create({
      data: {
        seq: chained.seq,
        occurredAt: new Date(chained.occurredAt),
        actorId: chained.actorId,
        action: chained.action,
        subjectType: chained.subjectType,
        subjectId: chained.subjectId,
        visibility: chained.visibility,
        data: chained.data as Prisma.InputJsonValue,
        scheme: chained.scheme,
        salt: chained.salt,
        contentHash: chained.contentHash,
        prevHash: chained.prevHash,
        hash: chained.hash,
      },
    });
    await tx.auditChainHead.upsert({
      where: { id: 1 },
      create: { id: 1, seq: chained.seq, hash: chained.hash },
      update: { seq: chained.seq, hash: chained.hash },
    });
    return chained;
  }

  async findPublicPage(filter: { subjectType?: string; subjectId?: string; action?: string }, skip: number, take: number): Promise<{ rows: AuditEntry[]; total: number }> {
    const where: Prisma.AuditEntryWhereInput = { visibility: 'public', ...filter };
    // One snapshot, queries in sequence: a batch ($transaction([...])) makes the pg adapter
    // send them concurrently on one connection, which pg deprecates.
    const [rows, total] = await this.prisma.$transaction(async (tx) => [
      await tx.auditEntry.findMany({ where, orderBy: { seq: 'desc' }, skip, take }),
      await tx.auditEntry.count({ where }),
    ] as const, { isolationLevel: 'RepeatableRead' });
    return { rows, total };
  }

  /** Entries with seq > after, in order: the verifier reads the log in batches. */
  findBatchAfter(after: number, take: number): Promise<AuditEntry[]> {
    return this.prisma.auditEntry.findMany({ where: { seq: { gt: after } }, orderBy: { seq: 'asc' }, take });
  }

  async findHead(): Promise<ChainHead | null> {
    const head = await this.prisma.auditChainHead.findUnique({ where: { id: 1 } });
    return head && { seq: head.seq, hash: head.hash };
  }

  /** The last published head, if any. */
  findLatestPublishedHead(): Promise<AuditPublishedHead | null> {
    return this.prisma.auditPublishedHead.findFirst({ orderBy: { seq: 'desc' } });
  }

  /** Publishes `head` (once per seq: a second claim for the same entry is ignored). */
  async publishHead(head: ChainHead, publishedAt: Date): Promise<void> {
    await this.prisma.auditPublishedHead.createMany({ data: [{ seq: head.seq, hash: head.hash, publishedAt }], skipDuplicates: true });
  }

  /** Published heads, newest first. */
  async findPublishedHeadPage(skip: number, take: number): Promise<{ rows: AuditPublishedHead[]; total: number }> {
    const [rows, total] = await this.prisma.$transaction(async (tx) => [
      await tx.auditPublishedHead.findMany({ orderBy: { seq: 'desc' }, skip, take }),
      await tx.auditPublishedHead.count(),
    ] as const, { isolationLevel: 'RepeatableRead' });
    return { rows, total };
  }

  /** Every published head, newest first (open data, and the verifier). */
  findAllPublishedHeads(take?: number): Promise<AuditPublishedHead[]> {
    return this.prisma.auditPublishedHead.findMany({ orderBy: { seq: 'desc' }, take });
  }

  /** Pseudonyms of the given people (the log stores ids only). */
  async pseudonymsOf(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const people = await this.prisma.person.findMany({ where: { id: { in: ids } }, select: { id: true, pseudonym: true, deletedAt: true } });
    return new Map(people.map((person) => [person.id, person.deletedAt ? DELETED_ACCOUNT_NAME : person.pseudonym]));
  }
}
