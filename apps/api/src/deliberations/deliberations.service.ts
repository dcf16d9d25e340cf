import { Injectable } from '@nestjs/common';
import {
  appealDeadline,
  canOnDeliberation,
  CONTRIBUTION_VIEWER_ACTIONS,
  contributionLifecycle,
  contributionTransitionRefusal,
  DECISION_TRANSITIONS,
  DELIBERABLE_PROPOSAL_STATES,
  DELIBERATION_VIEWER_ACTIONS,
  DEFAULT_MODERATION_POLICY,
  DELETED_ACCOUNT_NAME,
  HOW_TO_APPEAL_FR,
  ILLEGAL_CONTENT,
  permissionsFor,
  signedIn,
  spacePhase,
  type Actor,
  type AuditAction,
  type BulkDecision,
  type ContributionDto,
  type ContributionFacts,
  type ContributionQuery,
  type ContributionState,
  type ContributionTransition,
  type DecideAppeal,
  type DecisionGround,
  type DeliberationDto,
  type EditContribution,
  type ModerationDecision,
  type ModerationReason,
  type ModerationTransparency,
  type MyModerationDecisions,
  type OpenDeliberation,
  type ParticipantFacts,
  type Person,
  type PostContribution,
  type PublishRules,
  type RecordWorkshop,
  type ReportContribution,
  type SpaceFacts,
  type StatementOfReasons,
  type WhoMayPost,
} from '@sesame/domain';
import { AuditService } from '../audit/audit.service';
import { authorize } from '../common/authorize';
import { ProblemException } from '../common/problem.exception';
import { TransitionRunner } from '../common/transition.runner';
import { NotificationsService, type NewNotification } from '../notifications/notifications.service';
import { PrismaService, type PrismaTransaction } from '../prisma/prisma.service';
import { LIMITS, RateLimitService } from '../rate-limit/rate-limit.service';
import { DeliberationsRepository, type ContributionRow, type DecisionRow, type SpaceRow } from './deliberations.repository';
import { changeOfDecision, DeliberationEventsService } from './live/deliberation-events.service';

const notFound = (id: string) => ProblemException.notFound(`Aucun espace de délibération ${id}.`);
const contributionNotFound = () => ProblemException.notFound('Aucune contribution de ce numéro dans cet espace.');

const AUDIT_OF_DECISION: Record<string, AuditAction> = {
  approve: 'contribution.approved',
  reject: 'contribution.rejected',
  hide: 'contribution.hidden',
  hide_automatically: 'contribution.hidden-automatically',
  restore: 'contribution.restored',
  edit_personal_data: 'contribution.personal-data-removed',
  warn: 'participant.warned',
  suspend: 'participant.suspended',
};
/** Decisions about the author rather than the text: published without the contribution nor the end date, which would name them. */
const ABOUT_THE_PERSON = new Set(['warn', 'suspend']);
/** Decisions that go against the person concerned: those are appealed. */
const ADVERSE = new Set(['reject', 'hide', 'hide_automatically', 'edit_personal_data', 'warn', 'suspend']);
const TOMBSTONE_REASON: Partial<Record<ContributionState, string>> = {
  deleted_by_author: 'Supprimé par son auteur.',
  hidden_automatically: 'Masquée automatiquement après plusieurs signalements, en attendant la vérification par la modération.',
};
/** Where a person reads the statements of reasons about them and appeals. */
const MY_DECISIONS_PAGE = '/compte/moderation';
const PERSONAL_DATA_NOTICE = 'Des données personnelles ont été retirées de cette contribution par la modération.';

/**
 * Deliberations: a space on a subject (a proposal now), its rules as
 * published versions, contributions and replies, helpful marks, reports with
 * automatic hiding at the threshold, moderators' decisions as statements of
 * reasons (notified, in the public log, chained in the audit log), appeals
 * decided by another moderator, suspensions, workshop contributions.
 */
/** Told of a suspension of `personId` beginning or ended early, inside its transaction. */
export type SuspensionListener = (tx: PrismaTransaction, personId: string) => Promise<void>;

@Injectable()
export class DeliberationsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly repository: DeliberationsRepository,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly rateLimits: RateLimitService,
    private readonly transitions: TransitionRunner,
    private readonly live: DeliberationEventsService,
  ) {}

  private readonly suspensionListeners: SuspensionListener[] = [];

  /** Features that leave suspended people out (the opinion map) hear of a suspension beginning or ended early, inside its transaction. */
  onSuspensionChange(listener: SuspensionListener): void {
    this.suspensionListeners.push(listener);
  }

  private async suspensionChanged(tx: PrismaTransaction, personId: string): Promise<void> {
    for (const listener of this.suspensionListeners) await listener(tx, personId);
  }

  // ---- spaces -------------------------------------------------------------

  /** The subject's title and whether it is public (a proposal once submitted). */
  private async subject(space: Pick<SpaceRow, 'subjectType' | 'subjectReference'>) {
    if (space.subjectType === 'consultation') {
      // A consultation's space (its deliberation phase): public once the consultation's rules are published.
      const consultation = await this.repository.consultation(space.subjectReference);
      return { title: consultation?.title ?? '', visible: consultation !== null && consultation.rulesPublishedAt !== null };
    }
    const proposal = space.subjectType === 'proposal' ? await this.repository.proposal(space.subjectReference) : null;
    return { title: proposal?.title ?? '', visible: proposal !== null && proposal.state !== 'draft' && proposal.submittedAt !== null };
  }

  private facts(space: SpaceRow, subjectVisible: boolean): SpaceFacts {
    const rules = space.rules;
    return { id: space.id, subjectVisible, moderation: rules.moderation as SpaceFacts['moderation'], whoMayPost: rules.whoMayPost as SpaceFacts['whoMayPost'], neighbourhoodIds: rules.neighbourhoodIds, opensAt: rules.opensAt, closesAt: rules.closesAt };
  }

  /** The space, if this actor may see it. */
  async visible(actor: Actor, id: string): Promise<{ space: SpaceRow; facts: SpaceFacts; title: string }> {
    const space = await this.repository.space(id);
    if (!space) throw notFound(id);
    const subject = await this.subject(space);
    const facts = this.facts(space, subject.visible);
    authorize(canOnDeliberation('deliberations.view', { actor, space: facts }));
    return { space, facts, title: subject.title };
  }

  /** What the space's rules need to know about the actor as a participant (other features' rules follow the space's: opinion-map). */
  async participantFacts(actor: Actor, now: Date): Promise<ParticipantFacts> {
    return actor ? this.repository.participant(actor.id, now) : { verified: false, neighbourhoodId: null, suspendedUntil: null, charterAccepted: false };
  }

  /** Records the acceptance of the participation charter, in the caller's transaction (with a first contribution or statement). */
  acceptCharter(tx: PrismaTransaction, personId: string): Promise<void> {
    return this.repository.acceptCharter(tx, personId);
  }

  async get(actor: Actor, id: string): Promise<DeliberationDto> {
    const { space, facts, title } = await this.visible(actor, id);
    const now = new Date();
    const [participant, counts] = await Promise.all([this.participantFacts(actor, now), this.repository.counts(space.id)]);
    // The charter is accepted with the first contribution: the page asks for it then.
    const can = permissionsFor(DELIBERATION_VIEWER_ACTIONS, (action) => {
      if (action === 'deliberations.post') return canOnDeliberation(action, { actor, space: facts, participant: { ...participant, charterAccepted: true }, parent: null, now });
      if (action === 'deliberations.record-workshop') return canOnDeliberation(action, { actor, space: facts, now });
      if (action === 'deliberations.moderate') return canOnDeliberation(action, { actor });
      return canOnDeliberation(action, { actor, space: facts });
    });
    const rules = space.rules;
    return {
      id: space.id,
      subject: { type: space.subjectType as 'proposal', reference: space.subjectReference, title },
      rules: {
        version: rules.version,
        publishedAt: rules.publishedAt.toISOString(),
        changeNote: rules.changeNote,
        moderation: rules.moderation as 'pre' | 'post',
        whoMayPost: (rules.whoMayPost === 'verified_in_neighbourhoods' ? { who: rules.whoMayPost, neighbourhoodIds: rules.neighbourhoodIds } : { who: rules.whoMayPost }) as WhoMayPost,
        opensAt: rules.opensAt.toISOString(),
        closesAt: rules.closesAt.toISOString(),
        autoHideThreshold: rules.autoHideThreshold,
        moderationPolicy: rules.moderationPolicy as ModerationReason[],
      },
      phase: spacePhase(rules, now),
      counts,
      openedAt: space.createdAt.toISOString(),
      viewer: { charterAccepted: participant.charterAccepted, suspendedUntil: participant.suspendedUntil?.toISOString() ?? null, can },
    };
  }

  private async checkNeighbourhoods(whoMayPost: WhoMayPost, path: string): Promise<void> {
    if (whoMayPost.who !== 'verified_in_neighbourhoods') return;
    const existing = await this.repository.existingNeighbourhoods(whoMayPost.neighbourhoodIds);
    const unknown = whoMayPost.neighbourhoodIds.findIndex((id) => !existing.has(id));
    if (unknown >= 0) throw ProblemException.validation([{ path: `${path}.whoMayPost.neighbourhoodIds.${unknown}`, code: 'unknown', message: 'Ce quartier n’existe pas.' }]);
  }

  async open(actor: Actor, input: OpenDeliberation): Promise<DeliberationDto> {
    if (input.subject.type !== 'proposal') throw ProblemException.validation([{ path: 'subject.type', code: 'unsupported', message: 'Les espaces de délibération s’ouvrent pour l’instant sur une proposition.' }]);
    const proposal = await this.repository.proposal(input.subject.reference);
    const existing = await this.repository.spaceOf('proposal', input.subject.reference);
    const subject = {
      reference: input.subject.reference,
      visible: proposal !== null && proposal.state !== 'draft' && proposal.submittedAt !== null,
      admissible: proposal !== null && (DELIBERABLE_PROPOSAL_STATES as readonly string[]).includes(proposal.state),
      hasSpace: existing !== null,
    };
    const organizer = authorize(canOnDeliberation('deliberations.open', { actor, subject }));
    await this.checkNeighbourhoods(input.rules.whoMayPost, 'rules');
    const id = await this.prisma.$transaction(async (tx) => {
      // Two organizers opening at once: the unique subject keeps one.
      if (await this.repository.spaceOf('proposal', input.subject.reference, tx)) throw ProblemException.conflict('Cette proposition a déjà son espace de délibération.');
      const created = await this.repository.createSpace(tx, input.subject, organizer.id, input.rules);
      await this.audit.record(tx, { actorId: organizer.id, action: 'deliberation.opened', subjectType: 'deliberation', subjectId: created, data: { subject: input.subject.reference, title: proposal!.title, moderation: input.rules.moderation } });
      return created;
    });
    return this.get(actor, id);
  }

  /** A new version of the rules, published and logged: rules never change silently. */
  async publishRules(actor: Actor, id: string, input: PublishRules): Promise<DeliberationDto> {
    const { facts } = await this.visible(actor, id);
    const organizer = authorize(canOnDeliberation('deliberations.publish-rules', { actor, space: facts }));
    await this.checkNeighbourhoods(input.rules.whoMayPost, 'rules');
    await this.prisma.$transaction(async (tx) => {
      const locked = await this.repository.lockSpace(tx, id);
      if (!locked) throw notFound(id);
      const version = locked.rules.version + 1;
      await this.repository.addRules(tx, id, version, input.rules, input.changeNote, organizer.id);
      await this.audit.record(tx, { actorId: organizer.id, action: 'deliberation.rules-published', subjectType: 'deliberation', subjectId: id, data: { version, changeNote: input.changeNote } });
    });
    return this.get(actor, id);
  }

  // ---- the thread -----------------------------------------------------------

  private contributionFacts(row: ContributionRow): ContributionFacts {
    return { id: row.id, authorId: row.authorId, state: row.state, createdAt: row.createdAt, depth: row.depth, moderated: row.moderationNotice !== null };
  }

  /**
   * Contributions as their reader sees them. `justPosted` is the hot path of a
   * post: the new row has no replies, marks, reports or decisions yet, and the
   * author's facts were just read — so nothing more is asked of the database.
   */
  private async dtos(actor: Actor, facts: SpaceFacts, rows: ContributionRow[], justPosted?: { participant: ParticipantFacts }): Promise<ContributionDto[]> {
    const ids = rows.map((row) => row.id);
    const now = new Date();
    const noMarks = { helpful: new Set<string>(), reported: new Set<string>() };
    const [names, replies, decisions, marks, participant] = await Promise.all([
      this.repository.names(rows.map((row) => row.authorId)),
      justPosted ? new Map<string, number>() : this.repository.replyCounts(ids),
      justPosted ? new Map<string, DecisionRow>() : this.repository.latestDecisions(rows.filter((row) => row.state === 'hidden' || row.state === 'rejected').map((row) => row.id)),
      actor && !justPosted ? this.repository.viewerMarks(ids, actor.id) : Promise.resolve(noMarks),
      justPosted ? justPosted.participant : this.participantFacts(actor, now),
    ]);
    return rows.map((row) => {
      const contribution = this.contributionFacts(row);
      const tombstone = row.state === 'pending' || row.state === 'visible' ? null : { state: row.state, reason: this.tombstoneReason(row, decisions.get(row.id)), automatic: row.state === 'hidden_automatically' };
      const provenance = row.origin === 'workshop' ? (row.workshop as NonNullable<ContributionDto['workshop']>) : null;
      // A tombstone names nobody: not a workshop participant either.
      const workshop = provenance && tombstone ? { ...provenance, attribution: '' } : provenance;
      const isAuthor = actor !== null && row.authorId === actor.id;
      const can = permissionsFor(CONTRIBUTION_VIEWER_ACTIONS, (action) => {
        if (action === 'deliberations.post') return canOnDeliberation(action, { actor, space: facts, participant: { ...participant, charterAccepted: true }, parent: contribution, now });
        if (action === 'deliberations.edit') return canOnDeliberation(action, { actor, space: facts, contribution, now });
        if (action === 'deliberations.report') return canOnDeliberation(action, { actor, space: facts, contribution, participant, now });
        return canOnDeliberation(action, { actor, space: facts, contribution });
      });
      return {
        id: row.id,
        parentId: row.parentId,
        depth: row.depth,
        stance: row.stance as ContributionDto['stance'],
        state: row.state,
        origin: row.origin as ContributionDto['origin'],
        body: tombstone && !isAuthor ? null : row.body,
        author: tombstone ? null : workshop ? workshop.attribution : (names.get(row.authorId ?? '') ?? DELETED_ACCOUNT_NAME),
        workshop,
        edited: row.edited,
        moderationNotice: row.moderationNotice,
        helpful: row.helpfulCount,
        replies: replies.get(row.id) ?? 0,
        createdAt: row.createdAt.toISOString(),
        tombstone,
        viewer: { isAuthor, markedHelpful: marks.helpful.has(row.id), reported: marks.reported.has(row.id), can },
      };
    });
  }

  private tombstoneReason(row: ContributionRow, decision: DecisionRow | undefined): string {
    const fixed = TOMBSTONE_REASON[row.state];
    if (fixed) return fixed;
    const verb = row.state === 'rejected' ? 'Refusée' : 'Masquée';
    return decision ? `${verb} par la modération : ${groundText(decision.ground as DecisionGround | null)}. ${decision.facts}` : `${verb} par la modération.`;
  }

  async list(actor: Actor, id: string, query: ContributionQuery) {
    const { space, facts } = await this.visible(actor, id);
    const { rows, total } = await this.repository.page(space.id, query, actor?.id ?? null);
    return { items: await this.dtos(actor, facts, rows), page: query.page, pageSize: query.pageSize, total };
  }

  private async one(actor: Actor, facts: SpaceFacts, id: string): Promise<ContributionDto> {
    const row = await this.repository.contribution(id, facts.id);
    if (!row) throw contributionNotFound();
    return (await this.dtos(actor, facts, [row]))[0]!;
  }

  /** A contribution or a reply; pending under pre-moderation, visible at once under post-moderation. */
  async post(actor: Actor, id: string, input: PostContribution): Promise<ContributionDto> {
    const person = authorize(signedIn(actor, 'Connectez-vous pour contribuer à cette délibération.'));
    const { facts } = await this.visible(actor, id);
    const now = new Date();
    const participant = await this.participantFacts(person, now);
    const parent = input.parentId ? await this.repository.contribution(input.parentId, id) : null;
    if (input.parentId && !parent) throw ProblemException.validation([{ path: 'parentId', code: 'unknown', message: 'La contribution à laquelle vous répondez n’existe pas dans cet espace.' }]);
    authorize(canOnDeliberation('deliberations.post', { actor, space: facts, participant: { ...participant, charterAccepted: participant.charterAccepted || input.charterAccepted }, parent: parent && this.contributionFacts(parent), now }));
    await this.rateLimits.consume(LIMITS.deliberationPosts, person.id);
    const contribution = {
      deliberationId: id,
      parentId: parent?.id ?? null,
      depth: parent ? parent.depth + 1 : 0,
      authorId: person.id,
      stance: input.stance,
      state: facts.moderation === 'pre' ? ('pending' as const) : ('visible' as const),
      body: input.body,
    };
    const acceptsCharter = input.charterAccepted && !participant.charterAccepted;
    // One statement once the charter is accepted; with the acceptance, both or neither.
    const created = acceptsCharter
      ? await this.prisma.$transaction(async (tx) => {
          await this.repository.acceptCharter(tx, person.id);
          return this.repository.createContribution(tx, contribution);
        })
      : await this.repository.createContribution(this.prisma, contribution);
    this.live.publish(id, 'new', [created.id]);
    return (await this.dtos(actor, facts, [created], { participant: { ...participant, charterAccepted: true } }))[0]!;
  }

  /** Facilitators record the entries of one workshop sheet at once, with their provenance. */
  async recordWorkshop(actor: Actor, id: string, input: RecordWorkshop): Promise<ContributionDto[]> {
    const { facts } = await this.visible(actor, id);
    const facilitator = authorize(canOnDeliberation('deliberations.record-workshop', { actor, space: facts, now: new Date() }));
    // A participant's pseudonym may not be an account's: a workshop entry never speaks under someone else's name.
    const taken = await this.repository.pseudonymsInUse(input.entries.flatMap((entry) => (entry.attribution.kind === 'participant' ? [entry.attribution.pseudonym] : [])));
    const clash = input.entries.findIndex((entry) => entry.attribution.kind === 'participant' && taken.has(entry.attribution.pseudonym.trim().toLocaleLowerCase('fr')));
    if (clash >= 0) throw ProblemException.validation([{ path: `entries.${clash}.attribution.pseudonym`, code: 'taken', message: 'Ce pseudonyme est celui d’un compte de la plateforme : choisissez-en un autre avec la personne (par exemple « Mme R., des Coteaux »).' }]);
    const day = new Date(`${input.provenance.workshopDate}T12:00:00Z`).toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris', day: 'numeric', month: 'long', year: 'numeric' });
    const rows = await this.prisma.$transaction(async (tx) => {
      const created: ContributionRow[] = [];
      for (const entry of input.entries) {
        const attribution = entry.attribution.kind === 'participant' ? entry.attribution.pseudonym : `Atelier du ${day}, ${input.provenance.place}`;
        created.push(
          await this.repository.createContribution(tx, {
            deliberationId: id,
            stance: entry.stance,
            state: 'visible',
            body: entry.body,
            origin: 'workshop',
            workshop: { ...input.provenance, attribution },
            recordedById: facilitator.id,
          }),
        );
      }
      return created;
    });
    this.live.publish(id, 'new', rows.map((row) => row.id));
    return this.dtos(actor, facts, rows);
  }

  private async target(actor: Actor, id: string, contributionId: string) {
    const visible = await this.visible(actor, id);
    const row = await this.repository.contribution(contributionId, id);
    if (!row) throw contributionNotFound();
    return { ...visible, row, contribution: this.contributionFacts(row) };
  }

  /** Within 15 minutes: shown as edited; moderators see the previous text. */
  async edit(actor: Actor, id: string, contributionId: string, input: EditContribution): Promise<ContributionDto> {
    const { facts, row, contribution } = await this.target(actor, id, contributionId);
    const author = authorize(canOnDeliberation('deliberations.edit', { actor, space: facts, contribution, now: new Date() }));
    await this.prisma.$transaction((tx) => this.repository.replaceBody(tx, row, author.id, { body: input.body, ...(input.stance ? { stance: input.stance } : {}), edited: true }));
    this.live.publish(id, 'changed', [contributionId]);
    return this.one(actor, facts, contributionId);
  }

  /** A tombstone stays: « supprimé par son auteur ». */
  async remove(actor: Actor, id: string, contributionId: string): Promise<ContributionDto> {
    const { facts, contribution } = await this.target(actor, id, contributionId);
    const author = authorize(canOnDeliberation('deliberations.delete', { actor, space: facts, contribution }));
    // Never published (pre-moderation): it goes entirely, leaving no tombstone that would tell it existed.
    if (contribution.state === 'pending') {
      const gone = await this.prisma.$transaction(async (tx) => {
        const locked = await this.repository.lockContribution(tx, contributionId, id);
        if (locked?.state !== 'pending') return null;
        await this.repository.deleteContribution(tx, contributionId);
        await this.audit.record(tx, { actorId: author.id, action: 'contribution.deleted-by-author', subjectType: 'contribution', subjectId: contributionId, data: { deliberation: id, published: false }, visibility: 'restricted' });
        return locked;
      });
      if (gone) return (await this.dtos(actor, facts, [{ ...gone, state: 'deleted_by_author' }], { participant: await this.participantFacts(actor, new Date()) }))[0]!;
    }
    await this.transitions.run({
      lifecycle: contributionLifecycle,
      transition: 'delete',
      lock: (tx) => this.repository.lockContribution(tx, contributionId, id),
      notFound: 'Aucune contribution de ce numéro dans cet espace.',
      stateOf: (locked) => locked.state,
      refusal: (from) => contributionTransitionRefusal('delete', from),
      apply: (tx, locked, to) => this.repository.setState(tx, locked.id, to),
      // Restricted: a tombstone does not name its author, nor does the public log.
      audit: () => ({ actorId: author.id, action: 'contribution.deleted-by-author', subjectType: 'contribution', subjectId: contributionId, data: { deliberation: id }, visibility: 'restricted' as const }),
    });
    this.live.publish(id, 'changed', [contributionId]);
    return this.one(actor, facts, contributionId);
  }

  /** One mark per person: marking again changes nothing. */
  async markHelpful(actor: Actor, id: string, contributionId: string): Promise<{ markedHelpful: boolean; helpful: number }> {
    const { facts, contribution } = await this.target(actor, id, contributionId);
    const person = authorize(canOnDeliberation('deliberations.mark-helpful', { actor, space: facts, contribution }));
    const helpful = await this.repository.markHelpful(contributionId, person.id);
    this.live.publish(id, 'counts', [contributionId]);
    return { markedHelpful: true, helpful };
  }

  // ---- reports --------------------------------------------------------------

  /** One report per person (409 twice); at the space's threshold of distinct reporters the contribution is hidden automatically. */
  async report(actor: Actor, id: string, contributionId: string, input: ReportContribution): Promise<{ reported: true; hiddenAutomatically: boolean }> {
    const person = authorize(signedIn(actor, 'Connectez-vous pour signaler une contribution.'));
    const { space, facts, title, contribution } = await this.target(actor, id, contributionId);
    const now = new Date();
    authorize(canOnDeliberation('deliberations.report', { actor, space: facts, contribution, participant: await this.participantFacts(person, now), now }));
    const policy = space.rules.moderationPolicy as ModerationReason[];
    if (!policy.some((reason) => reason.code === input.reasonCode)) {
      throw ProblemException.validation([{ path: 'reasonCode', code: 'unknown', message: `Choisissez un motif de la charte de cet espace : ${policy.map((r) => r.code).join(', ')}.` }]);
    }
    await this.rateLimits.consume(LIMITS.deliberationReports, person.id);
    const outcome = await this.prisma.$transaction(async (tx) => {
      const locked = await this.repository.lockContribution(tx, contributionId, id);
      if (!locked) throw contributionNotFound();
      if (!(await this.repository.addReport(tx, contributionId, person.id, input))) throw ProblemException.conflict('Vous avez déjà signalé cette contribution : la modération l’examinera.');
      const reporters = await this.repository.distinctReporters(tx, contributionId);
      if (locked.state !== 'visible' || reporters < space.rules.autoHideThreshold) return { reported: true as const, hiddenAutomatically: false };
      await this.decideTransition(tx, { actorId: null, spaceId: id, title, contributionId, transition: 'hide_automatically', decision: 'hide_automatically', ground: null, facts: `${reporters} personnes différentes ont signalé cette contribution : elle est masquée en attendant la vérification par la modération.`, resolveReports: false });
      return { reported: true as const, hiddenAutomatically: true };
    });
    this.live.publish(id, outcome.hiddenAutomatically ? 'changed' : null, [contributionId]);
    return outcome;
  }

  // ---- moderation -------------------------------------------------------------

  async queue(actor: Actor, id: string) {
    authorize(canOnDeliberation('deliberations.moderate', { actor }));
    const { facts } = await this.visible(actor, id);
    const rows = await this.repository.queue(id);
    const ids = rows.map((r) => r.id);
    const authors = rows.flatMap((r) => (r.authorId ? [r.authorId] : []));
    const [dtos, previous, decisions, parents] = await Promise.all([
      this.dtos(actor, facts, rows),
      this.repository.previousBodies(ids),
      this.repository.decisionsAbout(authors),
      this.repository.bodies(rows.flatMap((r) => (r.parentId ? [r.parentId] : []))),
    ]);
    const names = await this.repository.names(rows.map((r) => r.authorId));
    const appeals = await this.repository.pendingAppeals(id);
    const appealed = await this.repository.bodies(appeals.flatMap((a) => (a.decision.contributionId ? [a.decision.contributionId] : [])));
    return {
      appeals: appeals.map((appeal) => ({
        id: appeal.id,
        explanation: appeal.explanation,
        filedAt: appeal.createdAt.toISOString(),
        decision: statementOf({ ...appeal.decision, appeal }),
        contributionBody: appeal.decision.contributionId ? (appealed.get(appeal.decision.contributionId) ?? null) : null,
        canDecide: canOnDeliberation('deliberations.decide-appeal', { actor, appeal: { decision: { decidedById: appeal.decision.decidedById, personId: appeal.decision.subjectPersonId }, appellantId: appeal.appellantPersonId, decided: false } }).allowed,
      })),
      items: rows.map((row, index) => {
        const { viewer: _viewer, ...dto } = dtos[index]!;
        return {
          contribution: { ...dto, body: row.body, author: row.origin === 'workshop' ? dto.author : (names.get(row.authorId ?? '') ?? DELETED_ACCOUNT_NAME), previousBodies: previous.get(row.id) ?? [] },
          deliberationId: id,
          parentBody: row.parentId ? (parents.get(row.parentId) ?? null) : null,
          reports: row.reports.map((r) => ({ reasonCode: r.reasonCode, law: r.law, explanation: r.explanation, at: r.createdAt.toISOString() })),
          authorDecisions: decisions.filter((d) => d.subjectPersonId === row.authorId && row.authorId !== null).map(statementOf),
          waitingSince: (row.reports.find((r) => r.resolvedAt === null)?.createdAt ?? row.createdAt).toISOString(),
        };
      }),
    };
  }

  /** A moderator's decision: a statement of reasons sent to the author, told to the reporters, in the public log and the audit log. */
  async decide(actor: Actor, id: string, contributionId: string, input: ModerationDecision): Promise<StatementOfReasons> {
    authorize(canOnDeliberation('deliberations.moderate', { actor }));
    const { space, title, contribution, row } = await this.target(actor, id, contributionId);
    const transition = DECISION_TRANSITIONS[input.decision];
    const moderator = authorize(canOnDeliberation('deliberations.decide', { actor, contribution, transition }));
    const ground = 'ground' in input ? input.ground : null;
    if (ground?.kind === 'policy' && !(space.rules.moderationPolicy as ModerationReason[]).some((reason) => reason.code === ground.code)) {
      throw ProblemException.validation([{ path: 'ground.code', code: 'unknown', message: 'Choisissez un motif de la charte de cet espace.' }]);
    }
    if (input.decision === 'suspend' && new Date(input.until) <= new Date()) throw ProblemException.validation([{ path: 'until', code: 'past', message: 'La fin de la suspension doit être dans le futur.' }]);
    const common = { actorId: moderator.id, spaceId: id, title, contributionId, decision: input.decision, ground, facts: input.facts, resolveReports: true };
    const decision = await this.prisma.$transaction(async (tx) => {
      if (transition) return this.decideTransition(tx, { ...common, transition });
      const locked = await this.repository.lockContribution(tx, contributionId, id);
      if (!locked || locked.state === 'deleted_by_author') throw ProblemException.ruleViolation('Cette contribution a été supprimée par son auteur.');
      if (input.decision === 'edit_personal_data') await this.repository.replaceBody(tx, locked, moderator.id, { body: input.body, moderationNotice: PERSONAL_DATA_NOTICE });
      const suspendedUntil = input.decision === 'suspend' ? new Date(input.until) : null;
      const recorded = await this.record(tx, { ...common, subjectPersonId: row.authorId, suspendedUntil });
      if (suspendedUntil && row.authorId) {
        await this.repository.suspend(tx, row.authorId, recorded.id, suspendedUntil);
        await this.suspensionChanged(tx, row.authorId);
      }
      return recorded;
    });
    this.live.publish(id, changeOfDecision(input.decision), [contributionId]);
    return statementOf(decision);
  }

  /** Bulk approve or reject in the pre-moderation queue: all or nothing (400 on an unknown item, 422 when one is not pending). */
  async decideMany(actor: Actor, id: string, input: BulkDecision): Promise<{ items: StatementOfReasons[] }> {
    authorize(canOnDeliberation('deliberations.moderate', { actor }));
    const { title } = await this.visible(actor, id);
    const ids = [...new Set(input.contributionIds)];
    let moderator: Person | null = null;
    for (const [index, contributionId] of ids.entries()) {
      const row = await this.repository.contribution(contributionId, id);
      if (!row) throw ProblemException.validation([{ path: `contributionIds.${index}`, code: 'unknown', message: 'Aucune contribution de ce numéro dans cet espace.' }]);
      moderator = authorize(canOnDeliberation('deliberations.decide', { actor, contribution: this.contributionFacts(row), transition: input.decision }));
    }
    const ground = input.decision === 'reject' ? input.ground : null;
    const facts = input.decision === 'reject' ? input.facts : '';
    const decisions = await this.prisma.$transaction(async (tx) => {
      const recorded: DecisionRow[] = [];
      for (const contributionId of ids) {
        recorded.push(await this.decideTransition(tx, { actorId: moderator!.id, spaceId: id, title, contributionId, transition: input.decision, decision: input.decision, ground, facts, resolveReports: true }));
      }
      return recorded;
    });
    this.live.publish(id, changeOfDecision(input.decision), ids);
    return { items: decisions.map(statementOf) };
  }

  /** The space of a subject (a proposal's page links to it). */
  async bySubject(actor: Actor, subjectType: string, subjectReference: string): Promise<DeliberationDto> {
    const id = await this.repository.spaceOf(subjectType, subjectReference);
    if (!id) throw ProblemException.notFound(`Aucun espace de délibération pour ${subjectReference}.`);
    return this.get(actor, id);
  }

  /** A state change by decision, through the lifecycle runner (lock, check, apply, audit, notify). */
  private async decideTransition(
    tx: PrismaTransaction,
    step: { actorId: string | null; spaceId: string; title: string; contributionId: string; transition: ContributionTransition; decision: string; ground: DecisionGround | null; facts: string; resolveReports: boolean },
  ): Promise<DecisionRow> {
    let recorded: DecisionRow | null = null;
    await this.transitions.run(
      {
        lifecycle: contributionLifecycle,
        transition: step.transition,
        lock: (inner) => this.repository.lockContribution(inner, step.contributionId, step.spaceId),
        notFound: 'Aucune contribution de ce numéro dans cet espace.',
        stateOf: (locked) => locked.state,
        refusal: (from) => contributionTransitionRefusal(step.transition, from),
        apply: async (inner, locked, to) => {
          await this.repository.setState(inner, locked.id, to);
          recorded = await this.repository.addDecision(inner, { deliberationId: step.spaceId, contributionId: locked.id, subjectPersonId: locked.authorId, decidedById: step.actorId, decision: step.decision, ground: step.ground, facts: step.facts, automatic: step.actorId === null });
        },
        audit: (locked) => this.auditOf(step.actorId, step.spaceId, locked.id, recorded!),
        notify: (inner, locked) => this.noticesOf(inner, step, locked.authorId),
      },
      tx,
    );
    return recorded!;
  }

  /** A decision that leaves the state as it is (edit, warn, suspend): recorded, audited, notified. */
  private async record(tx: PrismaTransaction, step: { actorId: string; spaceId: string; title: string; contributionId: string; decision: string; ground: DecisionGround | null; facts: string; subjectPersonId: string | null; suspendedUntil: Date | null; resolveReports: boolean }): Promise<DecisionRow> {
    const recorded = await this.repository.addDecision(tx, { deliberationId: step.spaceId, contributionId: step.contributionId, subjectPersonId: step.subjectPersonId, decidedById: step.actorId, decision: step.decision, ground: step.ground, facts: step.facts, automatic: false, suspendedUntil: step.suspendedUntil });
    await this.audit.record(tx, this.auditOf(step.actorId, step.spaceId, step.contributionId, recorded));
    for (const notice of await this.noticesOf(tx, step, step.subjectPersonId)) await this.notifications.notify(tx, notice);
    return recorded;
  }

  /** Chained in the audit log without the contribution's text: the statement of reasons. */
  private auditOf(actorId: string | null, spaceId: string, contributionId: string, decision: DecisionRow) {
    return {
      actorId,
      action: AUDIT_OF_DECISION[decision.decision]!,
      subjectType: 'contribution' as const,
      subjectId: contributionId,
      data: { deliberation: spaceId, decision: decision.id, ground: groundText(decision.ground as DecisionGround | null), facts: decision.facts, automatic: decision.automatic, ...(decision.suspendedUntil ? { until: decision.suspendedUntil.toISOString() } : {}) },
      // A warning or a suspension is about a person: the public log would name them through the contribution.
      ...(ABOUT_THE_PERSON.has(decision.decision) ? { visibility: 'restricted' as const } : {}),
    };
  }

  /** The author gets the statement of reasons; the reporters, once a moderator decided, the outcome. */
  private async noticesOf(tx: PrismaTransaction, step: { spaceId: string; contributionId: string; title: string; decision: string; ground: DecisionGround | null; facts: string; resolveReports: boolean }, authorId: string | null): Promise<NewNotification<string>[]> {
    const notices: NewNotification<string>[] = [];
    const reason = `${groundText(step.ground)} — ${step.facts}`.replace(/^ — /, '');
    if (authorId && step.decision !== 'approve') notices.push({ personId: authorId, kind: 'deliberation.decision', data: { title: step.title, decision: step.decision, reason }, link: MY_DECISIONS_PAGE });
    if (step.resolveReports) {
      const reporters = await this.repository.resolveReports(tx, step.contributionId);
      for (const personId of reporters) notices.push({ personId, kind: 'deliberation.report-outcome', data: { title: step.title, decision: step.decision }, link: `/debats/${step.spaceId}` });
    }
    return notices;
  }

  // ---- appeals --------------------------------------------------------------

  async appeal(actor: Actor, decisionId: string, explanation: string): Promise<StatementOfReasons> {
    const decision = await this.repository.decision(decisionId);
    if (!decision) throw ProblemException.notFound('Aucune décision de modération de ce numéro.');
    const person = authorize(
      canOnDeliberation('deliberations.appeal', { actor, decision: this.decisionFacts(decision), now: new Date() }),
    );
    await this.prisma.$transaction(async (tx) => {
      const appealId = await this.repository.addAppeal(tx, decisionId, person.id, explanation);
      if (!appealId) throw ProblemException.conflict('On fait appel d’une décision une seule fois : cet appel est déjà fait.');
      // Restricted: the appellant is the person the decision concerns, whom the public log never names.
      await this.audit.record(tx, { actorId: person.id, action: 'moderation-appeal.lodged', subjectType: 'moderation-appeal', subjectId: appealId, data: { decision: decisionId }, visibility: 'restricted' });
    });
    return statementOf((await this.repository.decision(decisionId))!);
  }

  /** Another moderator decides; a reversed decision is undone (the contribution restored, the suspension ended). */
  async decideAppeal(actor: Actor, appealId: string, input: DecideAppeal): Promise<StatementOfReasons> {
    authorize(canOnDeliberation('deliberations.moderate', { actor }));
    const appeal = await this.repository.appeal(appealId);
    if (!appeal) throw ProblemException.notFound('Aucun appel de ce numéro.');
    const moderator = authorize(
      canOnDeliberation('deliberations.decide-appeal', { actor, appeal: { decision: { decidedById: appeal.decision.decidedById, personId: appeal.decision.subjectPersonId }, appellantId: appeal.appellantPersonId, decided: appeal.outcome !== null } }),
    );
    await this.prisma.$transaction(async (tx) => {
      const locked = await this.repository.lockAppeal(tx, appealId);
      if (!locked) throw ProblemException.notFound('Aucun appel de ce numéro.');
      if (locked.outcome !== null) throw ProblemException.ruleViolation('Cet appel est déjà tranché.');
      await this.repository.decideAppeal(tx, appealId, { outcome: input.outcome, facts: input.facts, decidedById: moderator.id });
      const decision = locked.decision;
      const space = await this.repository.space(decision.deliberationId, tx);
      const { title } = await this.subject(space!);
      if (input.outcome === 'reversed') {
        if (decision.decision === 'suspend') {
          await this.repository.endSuspension(tx, decision.id);
          if (decision.subjectPersonId) await this.suspensionChanged(tx, decision.subjectPersonId);
        }
        const contribution = decision.contributionId ? await this.repository.contribution(decision.contributionId, decision.deliberationId, tx) : null;
        if (contribution && contributionLifecycle.target('restore', contribution.state) && ['hide', 'reject', 'hide_automatically'].includes(decision.decision)) {
          await this.decideTransition(tx, { actorId: moderator.id, spaceId: decision.deliberationId, title, contributionId: contribution.id, transition: 'restore', decision: 'restore', ground: null, facts: `Appel accepté : ${input.facts}`, resolveReports: false });
        }
      }
      await this.audit.record(tx, { actorId: moderator.id, action: 'moderation-appeal.decided', subjectType: 'moderation-appeal', subjectId: appealId, data: { decision: decision.id, outcome: input.outcome, facts: input.facts } });
      await this.notifications.notify(tx, { personId: locked.appellantPersonId, kind: 'deliberation.appeal-outcome', data: { title, outcome: input.outcome, reason: input.facts }, link: MY_DECISIONS_PAGE });
    });
    this.live.publish(appeal.decision.deliberationId, input.outcome === 'reversed' ? 'changed' : null, appeal.decision.contributionId ? [appeal.decision.contributionId] : []);
    return statementOf((await this.repository.decision(appeal.decisionId))!);
  }

  // ---- the person's own decisions ---------------------------------------------

  /** The statements of reasons about the signed-in person, with whether they may still appeal. */
  async mine(actor: Actor): Promise<MyModerationDecisions> {
    const person = authorize(signedIn(actor));
    const rows = await this.repository.decisionsAbout([person.id]);
    const subjects = await this.subjectsOf(rows.map((row) => row.deliberationId), { publicOnly: false });
    const now = new Date();
    return {
      items: rows.map((row) => {
        const appealUntil = appealDeadline(row.createdAt);
        const canAppeal = canOnDeliberation('deliberations.appeal', { actor, decision: this.decisionFacts(row), now }).allowed;
        return { ...statementOf(row), ...subjects.get(row.deliberationId)!, canAppeal, appealUntil: appealUntil.toISOString() };
      }),
    };
  }

  private decisionFacts(decision: DecisionRow) {
    return { personId: decision.subjectPersonId, decidedById: decision.decidedById, decidedAt: decision.createdAt, adverse: ADVERSE.has(decision.decision), appealed: decision.appeal !== null };
  }

  /** Each space's subject title and reference; with `publicOnly`, only spaces whose subject visitors may see. */
  private async subjectsOf(spaceIds: string[], options: { publicOnly: boolean }): Promise<Map<string, { subjectTitle: string; subjectReference: string }>> {
    const spaces = await this.repository.subjects(spaceIds);
    const proposals = await this.repository.proposalsByReference([...spaces.values()].filter((s) => s.subjectType === 'proposal').map((s) => s.subjectReference));
    const result = new Map<string, { subjectTitle: string; subjectReference: string }>();
    for (const [id, space] of spaces) {
      const proposal = proposals.get(space.subjectReference);
      const visible = proposal !== undefined && proposal.state !== 'draft' && proposal.submittedAt !== null;
      if (options.publicOnly && !visible) continue;
      result.set(id, { subjectTitle: proposal?.title ?? '', subjectReference: space.subjectReference });
    }
    return result;
  }

  // ---- the public log and transparency -------------------------------------------

  async log(actor: Actor, id: string, page: number, pageSize: number) {
    await this.visible(actor, id);
    const { rows, total } = await this.repository.log(id, page, pageSize);
    return { items: rows.map(publicStatementOf), page, pageSize, total };
  }

  /** The whole platform's log: every statement of reasons of spaces visitors may see, with its subject. */
  async logAll(page: number, pageSize: number) {
    const { rows, total } = await this.repository.logAll(page, pageSize);
    const subjects = await this.subjectsOf(rows.map((row) => row.deliberationId), { publicOnly: true });
    return { items: rows.flatMap((row) => (subjects.has(row.deliberationId) ? [{ ...publicStatementOf(row), ...subjects.get(row.deliberationId)! }] : [])), page, pageSize, total };
  }

  /** Decisions per reason and kind, automatic vs human, median time to decision, appeals — of a space, or overall. */
  async transparency(actor: Actor, id: string | null): Promise<ModerationTransparency> {
    const policy = id ? ((await this.visible(actor, id)).space.rules.moderationPolicy as ModerationReason[]) : DEFAULT_MODERATION_POLICY;
    const { counts, byDecision, byGround } = await this.repository.transparency(id);
    const described = new Map(policy.map((reason) => [reason.code, reason.description]));
    return {
      decisions: counts.decisions,
      byReason: byGround.map((row) => ({ code: row.code, description: described.get(row.code) ?? '', count: row.count })),
      byDecision,
      automatic: counts.automatic,
      human: counts.decisions - counts.automatic,
      medianHoursToDecision: counts.median_hours === null ? null : Math.round(counts.median_hours * 10) / 10,
      appeals: { filed: counts.filed, pending: counts.pending, upheld: counts.upheld, reversed: counts.reversed },
    };
  }
}

/** The ground in words: the policy's reason code, or the law. */
function groundText(ground: DecisionGround | null): string {
  if (!ground) return '';
  return ground.kind === 'law' ? `${ILLEGAL_CONTENT} (${ground.law})` : ground.code;
}

/** A decision in the public log and open data: a warning or suspension without the contribution or the end date that would name its author. */
export function publicStatementOf(decision: DecisionRow): StatementOfReasons {
  const statement = statementOf(decision);
  return ABOUT_THE_PERSON.has(decision.decision) ? { ...statement, contributionId: null, suspendedUntil: null } : statement;
}

/** A decision as its author and moderators read it: never the hidden text, never who was concerned. */
export function statementOf(decision: DecisionRow): StatementOfReasons {
  return {
    id: decision.id,
    deliberationId: decision.deliberationId,
    contributionId: decision.contributionId,
    decision: decision.decision,
    ground: decision.ground as DecisionGround | null,
    facts: decision.facts,
    automatic: decision.automatic,
    howToAppeal: HOW_TO_APPEAL_FR,
    suspendedUntil: decision.suspendedUntil?.toISOString() ?? null,
    decidedAt: decision.createdAt.toISOString(),
    appeal: decision.appeal ? { id: decision.appeal.id, outcome: (decision.appeal.outcome as 'upheld' | 'reversed' | null) ?? null, decidedAt: decision.appeal.decidedAt?.toISOString() ?? null, facts: decision.appeal.facts } : null,
  };
}
