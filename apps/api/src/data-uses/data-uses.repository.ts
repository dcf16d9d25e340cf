import { Injectable } from '@nestjs/common';
import type { DataUseContent, DataUseQuery } from '@sesame/domain';
import type { DataUse, DataUseVersion, Prisma } from '../generated/prisma/client';
import { PrismaService, type PrismaTransaction } from '../prisma/prisma.service';

/** Serialises reference numbering (DU-2027-001, -002…). */
const REFERENCE_LOCK = 7_362_003;

export type DataUseWithContent = DataUse & { current: DataUseVersion };

/** The columns lists filter on, copied from the content. */
export function dataUseColumns(content: DataUseContent) {
  return {
    title: content.title,
    summary: content.summary,
    domain: content.domain,
    lifecycleStatus: content.lifecycle.status,
    automationLevel: content.automation.level,
    controller: content.accountability.controller,
    specialCategories: content.legal.specialCategories.map((s) => s.category),
    neighbourhoodIds: content.neighbourhoodIds,
    tags: content.tags,
    reviewDate: content.lifecycle.reviewDate ? new Date(content.lifecycle.reviewDate) : null,
    sunsetDate: content.lifecycle.sunsetDate ? new Date(content.lifecycle.sunsetDate) : null,
  };
}

@Injectable()
export class DataUsesRepository {
  constructor(private readonly prisma: PrismaService) {}

  async nextReference(tx: PrismaTransaction, year: number): Promise<string> {
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${REFERENCE_LOCK})`);
    const prefix = `DU-${year}-`;
    const last = await tx.dataUse.findFirst({ where: { reference: { startsWith: prefix } }, orderBy: { reference: 'desc' }, select: { reference: true } });
    const next = last ? Number(last.reference.slice(prefix.length)) + 1 : 1;
    return `${prefix}${String(next).padStart(3, '0')}`;
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

  async page(query: DataUseQuery, includeDrafts: boolean): Promise<{ rows: DataUse[]; total: number }> {
    const { page, pageSize, q, domain, status, specialCategory, automationLevel, controller, neighbourhoodId } = query;
    let matching: string[] | undefined;
    if (q) {
      const hits = await this.prisma.$queryRaw<{ id: string }[]>`
        SELECT id FROM data_uses
        WHERE to_tsvector('french'::regconfig, title || ' ' || summary || ' ' || controller) @@ websearch_to_tsquery('french'::regconfig, ${q})`;
      matching = hits.map((hit) => hit.id);
    }
    const where: Prisma.DataUseWhereInput = {
      ...(includeDrafts ? {} : { state: 'published' }),
      ...(matching ? { id: { in: matching } } : {}),
      ...(domain ? { domain } : {}),
      ...(status ? { lifecycleStatus: status } : {}),
      ...(specialCategory ? { specialCategories: { has: specialCategory } } : {}),
      ...(automationLevel ? { automationLevel } : {}),
      ...(controller ? { controller: { contains: controller, mode: 'insensitive' } } : {}),
      ...(neighbourhoodId ? { neighbourhoodIds: { has: neighbourhoodId } } : {}),
    };
    return this.prisma.$transaction(async (tx) => ({
      rows: await tx.dataUse.findMany({ where, orderBy: [{ publishedAt: { sort: 'desc', nulls: 'last' } }, { reference: 'desc' }], skip: (page - 1) * pageSize, take: pageSize }),
      total: await tx.dataUse.count({ where }),
    }));
  }

  async versions(id: string) {
    const versions = await this.prisma.dataUseVersion.findMany({ where: { dataUseId: id }, orderBy: { version: 'desc' }, select: { version: true, changeNote: true, createdAt: true, createdById: true } });
    const people = await this.prisma.person.findMany({ where: { id: { in: [...new Set(versions.map((v) => v.createdById))] } }, select: { id: true, pseudonym: true, deletedAt: true } });
    const names = new Map(people.map((p) => [p.id, p.deletedAt ? 'Participant supprimé' : p.pseudonym]));
    return versions.map((v) => ({ version: v.version, changeNote: v.changeNote, createdAt: v.createdAt.toISOString(), author: names.get(v.createdById) ?? null }));
  }

  version(id: string, version: number) {
    return this.prisma.dataUseVersion.findUnique({ where: { dataUseId_version: { dataUseId: id, version } } });
  }
}
