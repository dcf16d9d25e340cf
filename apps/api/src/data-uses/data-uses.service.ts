import { Injectable } from '@nestjs/common';
import {
  canOnDataUse,
  DATA_USE_VIEWER_ACTIONS,
  permissionsFor,
  DataUseContentSchema,
  diffDataUse,
  editMayMoveStatus,
  lifecycleTransitionRefusal,
  LIFECYCLE_STATUS_NAMES_FR,
  missingForPublication,
  parisToday,
  redactForPublic,
  dataUseLifecycle,
  type Actor,
  type DataUseFacts,
  type Person,
  type DataUseFollow,
  type DataUseTransition,
  type LifecycleStatus,
  type LifecycleTransition,
  type DataUseContent,
  type DataUseDiff,
  type DataUseDto,
  type DataUseQuery,
  type DataUseSummary,
  type DataUseVersionSummary,
  type UpdateDataUse,
  type FieldError,
} from '@sesame/domain';
import { AuditService } from '../audit/audit.service';
import { authorize } from '../common/authorize';
import { ProblemException } from '../common/problem.exception';
import { TransitionRunner } from '../common/transition.runner';
import type { DataUse } from '../generated/prisma/client';
import { NotificationsService, type NewNotification } from '../notifications/notifications.service';
import { PrismaService, type PrismaTransaction } from '../prisma/prisma.service';
import { DataUsesRepository, type DataUseWithContent } from './data-uses.repository';

const notFound = (reference: string) => ProblemException.notFound(`Aucun usage de données ${reference}.`);
/** The lifecycle status as the current version says (the column mirrors it). */
const statusOf = (dataUse: DataUseWithContent): LifecycleStatus => DataUseContentSchema.parse(dataUse.current.content).lifecycle.status;
const day = (date: Date | null) => date?.toISOString().slice(0, 10) ?? null;

/** Past review and sunset dates, as of `today` (a retired record has neither). */
function dueFlags(dataUse: DataUse, today = parisToday()): { reviewOverdue: boolean; sunsetPassed: boolean } {
  const live = dataUse.state === 'published' && dataUse.lifecycleStatus !== 'retired';
  const review = day(dataUse.reviewDate);
  const sunset = day(dataUse.sunsetDate);
  return { reviewOverdue: live && review !== null && review < today, sunsetPassed: live && sunset !== null && sunset < today };
}

const readsWithheld = (actor: Actor) => canOnDataUse('data-uses.read-withheld', { actor }).allowed;

/** What the rules need to know about a record. */
function factsOf(dataUse: DataUse): DataUseFacts {
  return { reference: dataUse.reference, state: dataUse.state, status: dataUse.lifecycleStatus as LifecycleStatus };
}

/** The content as this actor may read it: editors see everything, others see redacted fields withheld. */
function contentFor(actor: Actor, stored: unknown): DataUseContent {
  // Stored content was validated on the way in; parsing again fills defaults added since.
  const content = DataUseContentSchema.parse(stored);
  return readsWithheld(actor) ? content : redactForPublic(content);
}

function toDto(dataUse: DataUseWithContent, actor: Actor, follow: { followers: number; following: boolean | null }): DataUseDto {
  return {
    reference: dataUse.reference,
    state: dataUse.state,
    revision: dataUse.revision,
    version: dataUse.currentVersion,
    createdAt: dataUse.createdAt.toISOString(),
    updatedAt: dataUse.updatedAt.toISOString(),
    publishedAt: dataUse.publishedAt?.toISOString() ?? null,
    content: contentFor(actor, dataUse.current.content),
    ...dueFlags(dataUse),
    ...follow,
    viewer: { can: permissionsFor(DATA_USE_VIEWER_ACTIONS, (action) => (action === 'data-uses.read-withheld' ? canOnDataUse(action, { actor }) : canOnDataUse(action, { actor, dataUse: factsOf(dataUse) }))) },
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
    neighbourhoodIds: dataUse.neighbourhoodIds,
    reviewDate: day(dataUse.reviewDate),
    sunsetDate: day(dataUse.sunsetDate),
    ...dueFlags(dataUse),
    publishedAt: dataUse.publishedAt?.toISOString() ?? null,
    updatedAt: dataUse.updatedAt.toISOString(),
  };
}

/** The register: drafts private to its editors, published records public, every change versioned and audited. */
@Injectable()
export class DataUsesService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly repository: DataUsesRepository,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly transitions: TransitionRunner,
  ) {}

  private async dto(actor: Actor, dataUse: DataUseWithContent): Promise<DataUseDto> {
    return toDto(dataUse, actor, await this.repository.followState(dataUse.id, actor?.id ?? null));
  }

  /** What to tell the record's followers (sent inside the change's transaction). */
  private async followerNotices(tx: PrismaTransaction, dataUse: DataUse, kind: string, data: Record<string, string | number>, link = `/registre/${dataUse.reference}`): Promise<NewNotification<string>[]> {
    return (await this.repository.followerIds(tx, dataUse.id)).map((personId) => ({ personId, kind, data: { reference: dataUse.reference, title: dataUse.title, ...data }, link }));
  }

  /** A record as the actor may see it: drafts are invisible (404) to everyone but editors. */
  private async visible(actor: Actor, reference: string): Promise<DataUseWithContent> {
    const dataUse = await this.repository.find(reference);
    if (!dataUse) throw notFound(reference);
    authorize(canOnDataUse('data-uses.view', { actor, dataUse: factsOf(dataUse) }));
    return dataUse;
  }

  async create(actor: Actor, content: DataUseContent): Promise<DataUseDto> {
    const editor = authorize(canOnDataUse('data-uses.create', { actor }));
    return this.prisma.$transaction(async (tx) => {
      const reference = await this.repository.nextReference(tx, new Date().getUTCFullYear());
      const created = await this.repository.create(tx, reference, content, editor.id);
      // Restricted while a draft: drafts are private.
      await this.audit.record(tx, { actorId: editor.id, action: 'data-use.created', subjectType: 'data-use', subjectId: reference, visibility: 'restricted', data: { title: content.title } });
      return (await this.repository.find(created.reference, tx))!;
    }).then((dataUse) => this.dto(actor, dataUse));
  }

  async get(actor: Actor, reference: string): Promise<DataUseDto> {
    return this.dto(actor, await this.visible(actor, reference));
  }

  /** The public register; drafts only for those who write it. */
  async list(actor: Actor, query: DataUseQuery): Promise<{ items: DataUseSummary[]; page: number; pageSize: number; total: number }> {
    if (query.state === 'draft') authorize(canOnDataUse('data-uses.read-withheld', { actor }));
    const { rows, total } = await this.repository.page(query);
    return { items: rows.map(toSummary), page: query.page, pageSize: query.pageSize, total };
  }

  /** What waits for the register's editors (the organizers' page): records past their review or sunset date, drafts. */
  async workCounts(actor: Actor): Promise<{ reviewOverdue: number; sunsetPassed: number; drafts: number }> {
    authorize(canOnDataUse('data-uses.read-withheld', { actor }));
    return this.repository.workCounts(parisToday());
  }

  /**
   * Saves an edit. A draft is edited in place; a published record gets a new
   * version with its change note. Refused with 409 when someone saved since
   * `expectedRevision` — never silently overwritten.
   */
  async update(actor: Actor, reference: string, input: UpdateDataUse): Promise<DataUseDto> {
    return this.prisma.$transaction(async (tx) => {
      const dataUse = await this.repository.find(reference, tx);
      if (!dataUse) throw notFound(reference);
      const editor = authorize(canOnDataUse('data-uses.edit', { actor, dataUse: factsOf(dataUse) }));
      const published = dataUse.state === 'published';
      // Every problem at once, in the form's order: the editor fixes them in one round.
      const from = DataUseContentSchema.parse(dataUse.current.content).lifecycle.status;
      const problems: FieldError[] = [];
      if (published) problems.push(...missingForPublication(input.content).map((m) => ({ path: `content.${m.path}`, code: 'missing', message: m.message })));
      if (!editMayMoveStatus(from, input.content.lifecycle.status)) problems.push({ path: 'content.lifecycle.status', code: 'transition', message: statusMoveRefusal(from) });
      if (published && input.changeNote === '') problems.push({ path: 'changeNote', code: 'required', message: 'Expliquez ce qui change : la note accompagne la nouvelle version publiée.' });
      if (problems.length === 1 && problems[0]!.path === 'changeNote') throw ProblemException.validation(problems);
      if (problems.length > 0) {
        const detail = problems.some((p) => p.code === 'missing') ? 'Un usage publié doit rester complet.' : problems.some((p) => p.code === 'transition') ? statusMoveRefusal(from) : 'Certaines réponses sont à corriger.';
        throw ProblemException.ruleViolation(detail, problems);
      }
      const version = published ? dataUse.currentVersion + 1 : dataUse.currentVersion;
      const fresh = await this.repository.bumpRevision(tx, dataUse.id, input.expectedRevision, { ...this.repository.columns(input.content), currentVersion: version });
      if (!fresh) throw ProblemException.conflict('Quelqu’un a enregistré cet usage entre-temps. Rechargez-le pour voir ses changements, puis refaites les vôtres.');
      if (published) await this.repository.addVersion(tx, dataUse.id, version, input.content, input.changeNote, editor.id);
      else await this.repository.replaceVersionContent(tx, dataUse.id, version, input.content);
      // The journal is public: it names only fields the public can see, on both sides, with today's redactions.
      const changedFields = diffDataUse(...publicSides(DataUseContentSchema.parse(dataUse.current.content), input.content, input.content.redactions)).map((c) => c.path);
      await this.audit.record(tx, {
        actorId: editor.id,
        action: 'data-use.edited',
        subjectType: 'data-use',
        subjectId: reference,
        visibility: published ? 'public' : 'restricted',
        data: { version, changeNote: input.changeNote, fields: changedFields.slice(0, 50) },
      });
      if (published) {
        for (const notice of await this.followerNotices(tx, dataUse, 'data-use.updated', { version, changeNote: input.changeNote }, `/registre/${reference}/versions/${version}`)) await this.notifications.notify(tx, notice);
      }
      return (await this.repository.find(reference, tx))!;
    }).then((saved) => this.dto(actor, saved));
  }

  /**
   * Suspends or retires a published record: a new version whose only change
   * is the status, with the reason as its published note; audited; followers told.
   */
  async transition(actor: Actor, reference: string, transition: LifecycleTransition, input: DataUseTransition): Promise<DataUseDto> {
    // Editors only, before anything is read (the record-level rule is checked under the transaction below).
    const editor = authorize(canOnDataUse('data-uses.create', { actor }));
    const action = transition === 'suspend' ? 'data-use.suspended' : 'data-use.retired';
    let version = 0;
    return this.prisma.$transaction(async (tx) => {
      const { thing: dataUse } = await this.transitions.run(
        {
          lifecycle: dataUseLifecycle,
          transition,
          lock: async (inner) => {
            const found = await this.repository.find(reference, inner);
            // The rules with the record in hand: a draft is neither suspended nor retired.
            if (found) authorize(canOnDataUse('data-uses.transition', { actor, dataUse: { ...factsOf(found), status: statusOf(found) }, transition }));
            return found;
          },
          notFound: `Aucun usage de données ${reference}.`,
          stateOf: statusOf,
          refusal: (from) => lifecycleTransitionRefusal(transition, from),
          apply: async (inner, found, to) => {
            const content = DataUseContentSchema.parse(found.current.content);
            const next: DataUseContent = { ...content, lifecycle: { ...content.lifecycle, status: to } };
            version = found.currentVersion + 1;
            // Optimistic concurrency: refused when someone saved since the editor loaded it.
            if (!(await this.repository.bumpRevision(inner, found.id, input.expectedRevision, { ...this.repository.columns(next), currentVersion: version }))) {
              throw ProblemException.conflict('Quelqu’un a enregistré cet usage entre-temps. Rechargez-le avant de recommencer.');
            }
            await this.repository.addVersion(inner, found.id, version, next, input.reason, editor.id);
          },
          audit: () => ({ actorId: editor.id, action, subjectType: 'data-use', subjectId: reference, data: { version, reason: input.reason } }),
          notify: async (inner, found) => this.followerNotices(inner, found, action, { version, reason: input.reason }),
        },
        tx,
      );
      return (await this.repository.find(dataUse.reference, tx))!;
    }).then((saved) => this.dto(actor, saved));
  }

  async follow(actor: Actor, reference: string): Promise<DataUseFollow> {
    const dataUse = await this.repository.find(reference);
    if (!dataUse) throw notFound(reference);
    const person = authorize(canOnDataUse('data-uses.follow', { actor, dataUse: factsOf(dataUse) }));
    await this.repository.follow(dataUse.id, person.id);
    return this.followState(person, dataUse.id);
  }

  async unfollow(actor: Actor, reference: string): Promise<DataUseFollow> {
    const dataUse = await this.repository.find(reference);
    if (!dataUse) throw notFound(reference);
    const person = authorize(canOnDataUse('data-uses.unfollow', { actor, dataUse: factsOf(dataUse) }));
    await this.repository.unfollow(dataUse.id, person.id);
    return this.followState(person, dataUse.id);
  }

  private async followState(person: Person, id: string): Promise<DataUseFollow> {
    const { followers, following } = await this.repository.followState(id, person.id);
    return { followers, following: following ?? false };
  }

  /** Makes a complete draft public (422 listing what is missing otherwise). */
  async publish(actor: Actor, reference: string, expectedRevision: number): Promise<DataUseDto> {
    return this.prisma.$transaction(async (tx) => {
      const dataUse = await this.repository.find(reference, tx);
      if (!dataUse) throw notFound(reference);
      const editor = authorize(canOnDataUse('data-uses.edit', { actor, dataUse: factsOf(dataUse) }));
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
      await this.audit.record(tx, { actorId: editor.id, action: 'data-use.published', subjectType: 'data-use', subjectId: reference, data: { title: dataUse.title, version: dataUse.currentVersion } });
      return (await this.repository.find(reference, tx))!;
    }).then((published) => this.dto(actor, published));
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
    // The public sees both sides with today's redactions too: a field withheld now stays withheld in older versions.
    const current = DataUseContentSchema.parse(dataUse.current.content).redactions;
    const [from, to] = [DataUseContentSchema.parse(before!.content), DataUseContentSchema.parse(after!.content)];
    const changes = diffDataUse(...(readsWithheld(actor) ? ([from, to] as const) : publicSides(from, to, current)));
    return { reference, from: version - 1, to: version, changes: changes.map((c) => ({ path: c.path, at: c.at, before: c.before as never, after: c.after as never })) };
  }
}

/** Two versions as the public sees them, each also withholding what is withheld today (a field withheld now stays withheld in older versions). */
function publicSides(before: DataUseContent, after: DataUseContent, current: DataUseContent['redactions']): readonly [DataUseContent, DataUseContent] {
  const side = (content: DataUseContent) => {
    const fields = new Set(content.redactions.map((r) => r.field));
    return redactForPublic({ ...content, redactions: [...content.redactions, ...current.filter((r) => !fields.has(r.field))] });
  };
  return [side(before), side(after)];
}

function statusMoveRefusal(from: LifecycleStatus): string {
  if (from === 'retired') return 'Un usage retiré le reste : son statut ne change plus.';
  return `Depuis le statut « ${LIFECYCLE_STATUS_NAMES_FR[from]} », une modification ne peut pas choisir ce statut. Pour suspendre ou retirer l’usage, utilisez l’action dédiée, avec sa raison.`;
}
