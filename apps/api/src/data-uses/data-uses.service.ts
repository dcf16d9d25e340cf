import { Injectable } from '@nestjs/common';
import {
  dataUsePolicy,
  DataUseContentSchema,
  diffDataUse,
  missingForPublication,
  type Actor,
  type DataUseContent,
  type DataUseDiff,
  type DataUseDto,
  type DataUseQuery,
  type DataUseSummary,
  type DataUseVersionSummary,
  type UpdateDataUse,
} from '@sesame/domain';
import { AuditService } from '../audit/audit.service';
import { ProblemException } from '../common/problem.exception';
import type { DataUse } from '../generated/prisma/client';
import { PrismaService } from '../prisma/prisma.service';
import { DataUsesRepository, type DataUseWithContent } from './data-uses.repository';

function toDto(dataUse: DataUseWithContent): DataUseDto {
  return {
    reference: dataUse.reference,
    state: dataUse.state,
    revision: dataUse.revision,
    version: dataUse.currentVersion,
    createdAt: dataUse.createdAt.toISOString(),
    updatedAt: dataUse.updatedAt.toISOString(),
    publishedAt: dataUse.publishedAt?.toISOString() ?? null,
    // Stored content was validated on the way in; parsing again fills defaults added since.
    content: DataUseContentSchema.parse(dataUse.current.content),
  };
}

function toSummary(dataUse: DataUse): DataUseSummary {
  return {
    reference: dataUse.reference,
    state: dataUse.state,
    title: dataUse.title,
    summary: dataUse.summary,
    domain: dataUse.domain as DataUseSummary['domain'],
    lifecycleStatus: dataUse.lifecycleStatus as DataUseSummary['lifecycleStatus'],
    automationLevel: dataUse.automationLevel as DataUseSummary['automationLevel'],
    controller: dataUse.controller,
    specialCategories: dataUse.specialCategories as DataUseSummary['specialCategories'],
    reviewDate: dataUse.reviewDate?.toISOString().slice(0, 10) ?? null,
    publishedAt: dataUse.publishedAt?.toISOString() ?? null,
  };
}

/** The register: drafts private to its editors, published records public, every change versioned and audited. */
@Injectable()
export class DataUsesService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly repository: DataUsesRepository,
    private readonly audit: AuditService,
  ) {}

  private assertEditor(actor: Actor): void {
    if (!dataUsePolicy.edit(actor)) throw actor ? ProblemException.forbidden('Réservé aux organisateurs et à la collectivité.') : ProblemException.unauthorized('Connectez-vous pour continuer.');
  }

  /** A record as the actor may see it: drafts are invisible (404) to everyone but editors. */
  private async visible(actor: Actor, reference: string): Promise<DataUseWithContent> {
    const dataUse = await this.repository.find(reference);
    if (!dataUse || (dataUse.state === 'draft' && !dataUsePolicy.viewDrafts(actor))) throw ProblemException.notFound(`Aucun usage de données ${reference}.`);
    return dataUse;
  }

  async create(actor: Actor, content: DataUseContent): Promise<DataUseDto> {
    this.assertEditor(actor);
    return this.prisma.$transaction(async (tx) => {
      const reference = await this.repository.nextReference(tx, new Date().getUTCFullYear());
      const created = await this.repository.create(tx, reference, content, actor!.id);
      // Restricted while a draft: drafts are private.
      await this.audit.record(tx, { actorId: actor!.id, action: 'data-use.created', subjectType: 'data-use', subjectId: reference, visibility: 'restricted', data: { title: content.title } });
      return toDto((await this.repository.find(created.reference, tx))!);
    });
  }

  async get(actor: Actor, reference: string): Promise<DataUseDto> {
    return toDto(await this.visible(actor, reference));
  }

  /** The public register: published records only (drafts are listed in the editors' pages, later). */
  async list(query: DataUseQuery): Promise<{ items: DataUseSummary[]; page: number; pageSize: number; total: number }> {
    const { rows, total } = await this.repository.page(query, false);
    return { items: rows.map(toSummary), page: query.page, pageSize: query.pageSize, total };
  }

  /**
   * Saves an edit. A draft is edited in place; a published record gets a new
   * version with its change note. Refused with 409 when someone saved since
   * `expectedRevision` — never silently overwritten.
   */
  async update(actor: Actor, reference: string, input: UpdateDataUse): Promise<DataUseDto> {
    this.assertEditor(actor);
    return this.prisma.$transaction(async (tx) => {
      const dataUse = await this.repository.find(reference, tx);
      if (!dataUse) throw ProblemException.notFound(`Aucun usage de données ${reference}.`);
      const published = dataUse.state === 'published';
      if (published && input.changeNote === '') {
        throw ProblemException.validation([{ path: 'changeNote', code: 'required', message: 'Expliquez ce qui change : la note accompagne la nouvelle version publiée.' }]);
      }
      if (published) {
        const missing = missingForPublication(input.content);
        if (missing.length > 0) throw ProblemException.ruleViolation('Un usage publié doit rester complet.', missing.map((m) => ({ path: `content.${m.path}`, code: 'missing', message: m.message })));
      }
      const version = published ? dataUse.currentVersion + 1 : dataUse.currentVersion;
      const fresh = await this.repository.bumpRevision(tx, dataUse.id, input.expectedRevision, { ...this.repository.columns(input.content), currentVersion: version });
      if (!fresh) throw ProblemException.conflict('Quelqu’un a enregistré cet usage entre-temps. Rechargez-le pour voir ses changements, puis refaites les vôtres.');
      if (published) await this.repository.addVersion(tx, dataUse.id, version, input.content, input.changeNote, actor!.id);
      else await this.repository.replaceVersionContent(tx, dataUse.id, version, input.content);
      const changedFields = diffDataUse(DataUseContentSchema.parse(dataUse.current.content), input.content).map((c) => c.path);
      await this.audit.record(tx, {
        actorId: actor!.id,
        action: 'data-use.edited',
        subjectType: 'data-use',
        subjectId: reference,
        visibility: published ? 'public' : 'restricted',
        data: { version, changeNote: input.changeNote, fields: changedFields.slice(0, 50) },
      });
      return toDto((await this.repository.find(reference, tx))!);
    });
  }

  /** Makes a complete draft public (422 listing what is missing otherwise). */
  async publish(actor: Actor, reference: string, expectedRevision: number): Promise<DataUseDto> {
    this.assertEditor(actor);
    return this.prisma.$transaction(async (tx) => {
      const dataUse = await this.repository.find(reference, tx);
      if (!dataUse) throw ProblemException.notFound(`Aucun usage de données ${reference}.`);
      if (dataUse.state === 'published') throw ProblemException.conflict('Cet usage est déjà publié.');
      const missing = missingForPublication(DataUseContentSchema.parse(dataUse.current.content));
      if (missing.length > 0) {
        throw ProblemException.ruleViolation(
          `Il manque ${missing.length} information${missing.length > 1 ? 's' : ''} avant de publier.`,
          missing.map((m) => ({ path: `content.${m.path}`, code: 'missing', message: m.message })),
        );
      }
      if (!(await this.repository.bumpRevision(tx, dataUse.id, expectedRevision, { state: 'published', publishedAt: new Date() }))) {
        throw ProblemException.conflict('Quelqu’un a enregistré cet usage entre-temps. Rechargez-le avant de publier.');
      }
      await this.audit.record(tx, { actorId: actor!.id, action: 'data-use.published', subjectType: 'data-use', subjectId: reference, data: { title: dataUse.title, version: dataUse.currentVersion } });
      return toDto((await this.repository.find(reference, tx))!);
    });
  }

  async versions(actor: Actor, reference: string): Promise<DataUseVersionSummary[]> {
    const dataUse = await this.visible(actor, reference);
    return this.repository.versions(dataUse.id);
  }

  /** What changed from the version before `version`. */
  async diff(actor: Actor, reference: string, version: number): Promise<DataUseDiff> {
    const dataUse = await this.visible(actor, reference);
    if (version < 2 || version > dataUse.currentVersion) throw ProblemException.notFound(`${reference} n’a pas de version ${version} à comparer.`);
    const [before, after] = await Promise.all([this.repository.version(dataUse.id, version - 1), this.repository.version(dataUse.id, version)]);
    const changes = diffDataUse(DataUseContentSchema.parse(before!.content), DataUseContentSchema.parse(after!.content));
    return { reference, from: version - 1, to: version, changes: changes.map((c) => ({ path: c.path, before: c.before as never, after: c.after as never })) };
  }
}
