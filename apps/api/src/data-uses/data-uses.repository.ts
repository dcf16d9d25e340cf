import { Injectable } from '@nestjs/common';
import { DELETED_ACCOUNT_NAME, parisToday, redactForPublic, type DataUseContent, type DataUseQuery } from '@sesame/domain';
import type { DataUse, DataUseAlertKind, DataUseVersion, Prisma } from '../generated/prisma/client';
import { FollowsRepository } from '../common/follows.repository';
import { nextReference, type ReferenceSeries } from '../common/references.repository';
import { PrismaService, type PrismaTransaction } from '../prisma/prisma.service';

/** The register's references: DU-2027-001, -002… (the seed numbers its records with it too). */
export const DATA_USE_REFERENCES: ReferenceSeries = { prefix: 'DU-', table: 'data_uses', lock: 'dataUseReferences' };

export type DataUseWithContent = DataUse & { current: DataUseVersion };

/**
 * The columns that lists show, filter, sort and search on (the French
 * full-text index covers title, summary and controller), copied from the
 * record's PUBLIC view: a withheld value is never in a column, so no list,
 * card, filter or search can show it or match it, whoever asks.
 */
export function dataUseColumns(content: DataUseContent) {
  const shown = redactForPublic(content);
  return {
    title: shown.title,
    summary: shown.summary,
    domain: shown.domain,
    lifecycleStatus: shown.lifecycle.status,
    automationLevel: shown.automation.level,
    controller: shown.accountability.controller,
    specialCategories: shown.legal.specialCategories.map((s) => s.category),
    neighbourhoodIds: shown.neighbourhoodIds,
    tags: shown.tags,
    reviewDate: shown.lifecycle.reviewDate ? new Date(shown.lifecycle.reviewDate) : null,
    sunsetDate: shown.lifecycle.sunsetDate ? new Date(shown.lifecycle.sunsetDate) : null,
  };
}

/** Records in force (not retired) whose review or sunset date is before `today` (YYYY-MM-DD): to be reviewed again. */
function pastDue(today: string): Prisma.DataUseWhereInput {
  const day = new Date(today);
  return { lifecycleStatus: { not: 'retired' }, OR: [{ reviewDate: { lt: day } }, { sunsetDate: { lt: day } }] };
}

@Injectable()
export class DataUsesRepository {
  private readonly follows: FollowsRepository;

  constructor(private readonly prisma: PrismaService) {
    this.follows = new FollowsRepository(prisma, { table: 'data_use_follows', subjectColumn: 'data_use_id' });
  }

  nextReference(tx: PrismaTransaction, year: number): Promise<string> {
    return nextReference(tx, DATA_USE_REFERENCES, year);
  }

  async create(tx: PrismaTransaction, reference: string, content: DataUseContent, createdById: string): Promise<DataUse> {
    return tx.dataUse.create({
      data: {
        reference,
        createdById,
        ...dataUseColumns(content),
        versions: { create: { version: 1, content: content as Prisma.InputJsonValue, createdById } },
      },
    });
  }

  async find(reference: string, tx: PrismaTransaction | PrismaService = this.prisma): Promise<DataUseWithContent | null> {
    const dataUse = await tx.dataUse.findUnique({ where: { reference } });
    if (!dataUse) return null;
    const current = await tx.dataUseVersion.findUnique({ where: { dataUseId_version: { dataUseId: dataUse.id, version: dataUse.currentVersion } } });
    return { ...dataUse, current: current! };
  }

  /** Applies a change only if nobody changed the record since `expectedRevision`; false when stale. */
  async bumpRevision(tx: PrismaTransaction, id: string, expectedRevision: number, data: Prisma.DataUseUpdateManyMutationInput): Promise<boolean> {
    const { count } = await tx.dataUse.updateMany({ where: { id, revision: expectedRevision }, data: { ...data, revision: { increment: 1 } } });
    return count === 1;
  }

  columns(content: DataUseContent) {
    return dataUseColumns(content);
  }

  async replaceVersionContent(tx: PrismaTransaction, id: string, version: number, content: DataUseContent): Promise<void> {
    await tx.dataUseVersion.update({ where: { dataUseId_version: { dataUseId: id, version } }, data: { content: content as Prisma.InputJsonValue } });
  }

  async addVersion(tx: PrismaTransaction, id: string, version: number, content: DataUseContent, changeNote: string, createdById: string): Promise<void> {
    await tx.dataUseVersion.create({ data: { dataUseId: id, version, content: content as Prisma.InputJsonValue, changeNote, createdById } });
  }

  async page(query: DataUseQuery): Promise<{ rows: DataUse[]; total: number }> {
    const { page, pageSize, q, domain, status, specialCategory, automationLevel, controller, neighbourhoodId, state, due } = query;
    let matching: string[] | undefined;
    if (q) {
      const hits = await this.prisma.$queryRaw<{ id: string }[]>`
        SELECT id FROM data_uses
        WHERE to_tsvector('french'::regconfig, title || ' ' || summary || ' ' || controller) @@ websearch_to_tsquery('french'::regconfig, ${q})`;
      matching = hits.map((hit) => hit.id);
    }
    const where: Prisma.DataUseWhereInput = {
      state,
      ...(matching ? { id: { in: matching } } : {}),
      ...(domain ? { domain } : {}),
      ...(status ? { lifecycleStatus: status } : {}),
      ...(specialCategory ? { specialCategories: { has: specialCategory } } : {}),
      ...(automationLevel ? { automationLevel } : {}),
      ...(controller ? { controller: { contains: controller, mode: 'insensitive' } } : {}),
      ...(neighbourhoodId ? { neighbourhoodIds: { has: neighbourhoodId } } : {}),
      // With the other filters, not instead of them (a status filter, the state asked for).
      ...(due === 'past' ? { AND: [pastDue(parisToday())] } : {}),
    };
    // Two reads side by side, no transaction: a page and a total a write apart are fine for a list.
    const [rows, total] = await Promise.all([
      this.prisma.dataUse.findMany({ where, orderBy: [{ publishedAt: { sort: 'desc', nulls: 'last' } }, { reference: 'desc' }], skip: (page - 1) * pageSize, take: pageSize }),
      this.prisma.dataUse.count({ where }),
    ]);
    return { rows, total };
  }

  async versions(id: string) {
    const versions = await this.prisma.dataUseVersion.findMany({ where: { dataUseId: id }, orderBy: { version: 'desc' }, select: { version: true, changeNote: true, createdAt: true, createdById: true } });
    const people = await this.prisma.person.findMany({ where: { id: { in: [...new Set(versions.map((v) => v.createdById))] } }, select: { id: true, pseudonym: true, deletedAt: true } });
    const names = new Map(people.map((p) => [p.id, p.deletedAt ? DELETED_ACCOUNT_NAME : p.pseudonym]));
    return versions.map((v) => ({ version: v.version, changeNote: v.changeNote, createdAt: v.createdAt.toISOString(), author: names.get(v.createdById) ?? null }));
  }

  version(id: string, version: number) {
    return this.prisma.dataUseVersion.findUnique({ where: { dataUseId_version: { dataUseId: id, version } } });
  }

  /** Followers of the record, and whether `personId` follows it (null for an anonymous visitor). */
  followState(id: string, personId: string | null): Promise<{ followers: number; following: boolean | null }> {
    return this.follows.followState(id, personId);
  }

  /** Idempotent: following twice is following. */
  follow(id: string, personId: string): Promise<void> {
    return this.follows.follow(id, personId);
  }

  unfollow(id: string, personId: string): Promise<void> {
    return this.follows.unfollow(id, personId);
  }

  followerIds(tx: PrismaTransaction, id: string): Promise<string[]> {
    return this.follows.followerIds(tx, id);
  }

  /** Every published record with its current version, oldest reference first (open data). */
  async publishedWithContent(): Promise<DataUseWithContent[]> {
    const rows = await this.prisma.dataUse.findMany({ where: { state: 'published' }, orderBy: { reference: 'asc' }, include: { versions: true } });
    return rows.map(({ versions, ...dataUse }) => ({ ...dataUse, current: versions.find((v) => v.version === dataUse.currentVersion)! }));
  }

  /** The newest published versions across the register (the Atom feed). */
  async latestPublishedVersions(limit: number) {
    return this.prisma.dataUseVersion.findMany({
      where: { dataUse: { state: 'published' } },
      orderBy: [{ createdAt: 'desc' }, { version: 'desc' }],
      take: limit,
      include: { dataUse: { select: { reference: true, publishedAt: true } } },
    });
  }

  /** Published, not retired, with a review or sunset date before `today` (YYYY-MM-DD). */
  async findPastDue(today: string): Promise<DataUse[]> {
    return this.prisma.dataUse.findMany({ where: { state: 'published', ...pastDue(today) }, orderBy: { reference: 'asc' } });
  }

  /** What waits for the register's editors (the organizers' page): records past their review or sunset date, drafts. */
  async workCounts(today: string): Promise<{ reviewOverdue: number; sunsetPassed: number; drafts: number }> {
    const day = new Date(today);
    const live: Prisma.DataUseWhereInput = { state: 'published', lifecycleStatus: { not: 'retired' } };
    return this.prisma.$transaction(async (tx) => ({
      reviewOverdue: await tx.dataUse.count({ where: { ...live, reviewDate: { lt: day } } }),
      sunsetPassed: await tx.dataUse.count({ where: { ...live, sunsetDate: { lt: day } } }),
      drafts: await tx.dataUse.count({ where: { state: 'draft' } }),
    }));
  }

  /** Records the alert once: false when this record, kind and due date were already recorded. */
  async recordAlert(tx: PrismaTransaction, dataUseId: string, kind: DataUseAlertKind, dueDate: Date): Promise<boolean> {
    const { count } = await tx.dataUseAlert.createMany({ data: [{ dataUseId, kind, dueDate }], skipDuplicates: true });
    return count === 1;
  }

  /** Alerts not yet referred to the panel, oldest first (for the panel feature). */
  unreferredAlerts() {
    return this.prisma.dataUseAlert.findMany({ where: { referredAt: null }, orderBy: { createdAt: 'asc' }, include: { dataUse: { select: { reference: true, title: true } } } });
  }
}
