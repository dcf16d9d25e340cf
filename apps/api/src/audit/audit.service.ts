import { Injectable } from '@nestjs/common';
import {
  verifyStoredChain,
  type AuditAction,
  type AuditEntryDto,
  type AuditEntryPage,
  type AuditHeadPage,
  type AuditHeadsQuery,
  type AuditLogQuery,
  type AuditSubjectType,
  type AuditVerification,
  type ChainedAuditEntry,
  type JsonValue,
} from '@sesame/domain';
import { PrismaService, type PrismaTransaction } from '../prisma/prisma.service';
import { AuditRepository, contentOf, verifiableOf, type NewAuditEntry } from './audit.repository';

export interface AuditRecord {
  /** The person who acted, or null for the platform itself (jobs, seed). */
  actorId: string | null;
  /** One of AUDIT_ACTIONS (the journal has a label for each). */
  action: AuditAction;
  subjectType: AuditSubjectType;
  subjectId: string | null;
  /** What changed; never personal data such as an e-mail address. */
  data?: JsonValue;
  /**
   * `restricted` entries are chained and verified but not listed publicly;
   * their hash includes a secret salt, so their content cannot be guessed.
   */
  visibility?: 'public' | 'restricted';
}

const VERIFY_BATCH = 1_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The audit log every feature writes to for each state change. */
@Injectable()
export class AuditService {
  constructor(
    private readonly repository: AuditRepository,
    private readonly prisma: PrismaService,
  ) {}

  /** Records a change inside the transaction that makes it. */
  record(tx: PrismaTransaction, record: AuditRecord): Promise<ChainedAuditEntry> {
    const entry: NewAuditEntry = {
      actorId: record.actorId,
      action: record.action,
      subjectType: record.subjectType,
      subjectId: record.subjectId,
      visibility: record.visibility ?? 'public',
      data: record.data ?? {},
    };
    return this.repository.append(tx, entry);
  }

  /** Records an event that is not part of another transaction. */
  recordAlone(record: AuditRecord): Promise<ChainedAuditEntry> {
    return this.prisma.$transaction((tx) => this.record(tx, record));
  }

  async listPublic(query: AuditLogQuery): Promise<AuditEntryPage> {
    const { page, pageSize, ...filter } = query;
    const { rows, total } = await this.repository.findPublicPage(filter, (page - 1) * pageSize, pageSize);
    // People appear by pseudonym, whether they acted or the entry is about them.
    const personSubject = (row: (typeof rows)[number]) => (row.subjectType === 'person' && row.subjectId !== null && UUID.test(row.subjectId) ? row.subjectId : null);
    const peopleIds = [...new Set(rows.flatMap((row) => [row.actorId, personSubject(row)]).filter((id): id is string => id !== null))];
    const pseudonyms = await this.repository.pseudonymsOf(peopleIds);
    const items: AuditEntryDto[] = rows.map((row) => ({
      ...contentOf(row),
      actor: row.actorId === null ? null : (pseudonyms.get(row.actorId) ?? null),
      subjectName: pseudonyms.get(personSubject(row) ?? '') ?? null,
      contentHash: row.contentHash,
      prevHash: row.prevHash,
      hash: row.hash,
    }));
    return { items, page, pageSize, total };
  }

  /** The heads published so far, newest first. */
  async listPublishedHeads(query: AuditHeadsQuery): Promise<AuditHeadPage> {
    const { page, pageSize } = query;
    const { rows, total } = await this.repository.findPublishedHeadPage((page - 1) * pageSize, pageSize);
    return { items: rows.map((row) => ({ seq: row.seq, hash: row.hash, publishedAt: row.publishedAt.toISOString() })), page, pageSize, total };
  }

  /**
   * Recomputes the whole chain from the table, batch by batch, and checks
   * that it still passes through every head published so far (read first, so
   * a head published during the check cannot look unreachable).
   */
  async verify(): Promise<AuditVerification> {
    const published = await this.repository.findAllPublishedHeads();
    const result = await verifyStoredChain(
      {
        batchAfter: async (after) => (await this.repository.findBatchAfter(after, VERIFY_BATCH)).map(verifiableOf),
        head: () => this.repository.findHead(),
      },
      published.map((row) => ({ seq: row.seq, hash: row.hash })),
    );
    return { ...result, checkedAt: new Date().toISOString() };
  }
}
