import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import {
  isCollecting,
  isPublicProposal,
  missingForSubmission,
  proposalPolicy,
  proposalTransitionTarget,
  type Actor,
  type AdmissibilityDecision,
  type ProposalContent,
  type ProposalDto,
  type ProposalQuery,
  type ProposalState,
  type ReachableProposalState,
  type ProposalSummary,
  type ProposalTransition,
  type SelectionDecision,
  type SupportSettings,
  type SupportState,
} from '@sesame/domain';
import { AuditService } from '../audit/audit.service';
import { ProblemException } from '../common/problem.exception';
import { API_CONFIG, type ApiConfig } from '../config/config.schema';
import { JobQueue } from '../jobs/job-queue.service';
import { NotificationsService } from '../notifications/notifications.service';
import { PrismaService, type PrismaTransaction } from '../prisma/prisma.service';
import { LIMITS, RateLimitService } from '../rate-limit/rate-limit.service';
import { contentOf, ProposalsRepository, type ProposalColumns, type ProposalRow } from './proposals.repository';

const CLOSE_JOB = 'proposal.close-windows';
const HOUR = 3_600_000;
const DAY = 86_400_000;

const STATE_NAMES: Record<ProposalState, string> = {
  draft: 'brouillon',
  submitted: 'déposée',
  admissible: 'en recueil de soutiens',
  inadmissible: 'irrecevable',
  qualified: 'qualifiée',
  expired: 'expirée',
  selected: 'retenue',
  not_selected: 'non retenue',
  withdrawn: 'retirée',
};

const notFound = (reference: string) => ProblemException.notFound(`Aucune proposition ${reference}.`);

/**
 * Proposals: drafts private to their author; submission (charter accepted,
 * complete text, rate-limited); organizers decide admissibility and selection;
 * supports qualify a proposal at the threshold; a scheduled job closes support
 * windows on time. Every transition is in the timeline and the audit log.
 */
@Injectable()
export class ProposalsService implements OnModuleInit, OnApplicationBootstrap {
  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly prisma: PrismaService,
    private readonly repository: ProposalsRepository,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly jobs: JobQueue,
    private readonly rateLimits: RateLimitService,
  ) {}

  onModuleInit(): void {
    this.jobs.register(CLOSE_JOB, async (payload) => {
      await this.closeDueWindows();
      // The hourly sweep plans its next run; deadline jobs (with a reference) do not.
      if (!(payload as { reference?: string }).reference) await this.jobs.enqueue(undefined, CLOSE_JOB, {}, new Date(Date.now() + HOUR));
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.JOBS_WORKER && !(await this.jobs.hasPending(CLOSE_JOB))) await this.jobs.enqueue(undefined, CLOSE_JOB, {});
  }

  // ---- reading ------------------------------------------------------------

  private canSee(actor: Actor, row: Pick<ProposalRow, 'state' | 'submittedAt' | 'authorId'>): boolean {
    if (isPublicProposal(row.state, row.submittedAt !== null)) return true;
    return actor !== null && actor.id === row.authorId;
  }

  private async visible(actor: Actor, reference: string): Promise<ProposalRow> {
    const row = await this.repository.find(reference);
    if (!row || !this.canSee(actor, row)) throw notFound(reference);
    return row;
  }

  private async summaries(rows: ProposalRow[]): Promise<ProposalSummary[]> {
    const [names, places] = await Promise.all([this.repository.names(rows.map((r) => r.authorId)), this.repository.neighbourhoodNames(rows.flatMap((r) => (r.neighbourhoodId ? [r.neighbourhoodId] : [])))]);
    return rows.map((row) => ({
      reference: row.reference,
      state: row.state,
      kind: row.kind as ProposalSummary['kind'],
      title: row.title,
      author: names.get(row.authorId) ?? 'Participant supprimé',
      dataUse: row.dataUse,
      unlistedDataUse: row.unlistedDataUse,
      neighbourhood: row.neighbourhoodId ? { id: row.neighbourhoodId, name: places.get(row.neighbourhoodId) ?? '' } : null,
      supports: row.supportCount,
      threshold: row.threshold,
      collectingUntil: row.collectingUntil?.toISOString() ?? null,
      submittedAt: row.submittedAt?.toISOString() ?? null,
      updatedAt: row.updatedAt.toISOString(),
    }));
  }

  private async dto(actor: Actor, row: ProposalRow): Promise<ProposalDto> {
    const [[summary], events, follow] = await Promise.all([this.summaries([row]), this.repository.events(row.id), this.repository.followState(row.id, actor?.id ?? null)]);
    const names = await this.repository.names(events.flatMap((e) => (e.actorId ? [e.actorId] : [])));
    let viewer: ProposalDto['viewer'] = null;
    if (actor) {
      const supporting = await this.repository.isSupporting(row.id, actor.id);
      const collecting = isCollecting(row.state, row.collectingUntil, new Date());
      const settings = await this.repository.supportSettings();
      const cannotSupportBecause = !collecting ? 'not_collecting' : settings.requiresVerification && !(await this.repository.isVerified(actor.id)) ? 'verification_required' : null;
      viewer = { isAuthor: actor.id === row.authorId, supporting, following: follow.following, cannotSupportBecause };
    }
    return {
      ...summary!,
      content: contentOf(row),
      createdAt: row.createdAt.toISOString(),
      timeline: events.map((e) => ({ state: e.state, at: e.createdAt.toISOString(), reason: e.reason, by: e.actorId ? (names.get(e.actorId) ?? null) : null })),
      followers: follow.followers,
      viewer,
    };
  }

  async get(actor: Actor, reference: string): Promise<ProposalDto> {
    return this.dto(actor, await this.visible(actor, reference));
  }

  async list(query: ProposalQuery) {
    const { rows, total } = await this.repository.page(query);
    return { items: await this.summaries(rows), page: query.page, pageSize: query.pageSize, total };
  }

  /** The author's own proposals, drafts included (their account page). */
  async mine(actor: Actor): Promise<ProposalSummary[]> {
    return this.summaries(await this.repository.byAuthor(this.personId(actor)));
  }

  // ---- writing ------------------------------------------------------------

  private personId(actor: Actor): string {
    if (!proposalPolicy.write(actor)) throw ProblemException.unauthorized('Connectez-vous pour continuer.');
    return actor!.id;
  }

  /** The columns for a content, checking what the schema cannot: the data use and the neighbourhood exist. */
  private async columns(content: ProposalContent): Promise<ProposalColumns> {
    const dataUseId = content.dataUseReference ? await this.repository.publishedDataUseId(content.dataUseReference) : null;
    if (content.dataUseReference && !dataUseId) {
      throw ProblemException.validation([{ path: 'content.dataUseReference', code: 'unknown', message: `Le registre ne contient pas d’usage publié ${content.dataUseReference}.` }]);
    }
    if (content.neighbourhoodId && !(await this.repository.neighbourhoodExists(content.neighbourhoodId))) {
      throw ProblemException.validation([{ path: 'content.neighbourhoodId', code: 'unknown', message: 'Ce quartier n’existe pas.' }]);
    }
    const { kind, unlistedDataUse, title, body, why, expectedEffect, neighbourhoodId } = content;
    return { kind, dataUseId, unlistedDataUse, title, body, why, expectedEffect, neighbourhoodId };
  }

  async create(actor: Actor, content: ProposalContent): Promise<ProposalDto> {
    const authorId = this.personId(actor);
    const columns = await this.columns(content);
    const created = await this.prisma.$transaction(async (tx) => {
      const reference = await this.repository.nextReference(tx, new Date().getUTCFullYear());
      return this.repository.create(tx, reference, authorId, columns);
    });
    return this.get(actor, created.reference);
  }

  /** Saves a draft (the editor saves as the author types). A submitted proposal no longer changes. */
  async update(actor: Actor, reference: string, content: ProposalContent): Promise<ProposalDto> {
    const row = await this.ownDraft(actor, reference);
    await this.repository.updateDraft(row.id, await this.columns(content));
    return this.get(actor, reference);
  }

  private async ownDraft(actor: Actor, reference: string): Promise<ProposalRow> {
    const authorId = this.personId(actor);
    const row = await this.repository.find(reference);
    if (!row || !this.canSee(actor, row)) throw notFound(reference);
    if (row.authorId !== authorId) throw ProblemException.forbidden('Seule l’autrice ou l’auteur de la proposition peut la modifier.');
    if (row.state !== 'draft') throw ProblemException.ruleViolation('Une proposition déposée ne se modifie plus : ce que les gens ont soutenu doit rester ce qu’ils ont lu.');
    return row;
  }

  async submit(actor: Actor, reference: string): Promise<ProposalDto> {
    const row = await this.ownDraft(actor, reference);
    const missing = missingForSubmission(contentOf(row));
    if (missing.length > 0) {
      throw ProblemException.ruleViolation(
        `Il manque ${missing.length} élément${missing.length > 1 ? 's' : ''} avant de déposer la proposition.`,
        missing.map((m) => ({ path: `content.${m.path}`, code: 'missing', message: m.message })),
      );
    }
    await this.rateLimits.consume(LIMITS.proposalSubmissions, row.authorId);
    await this.transition(actor, reference, 'submit', '', async (tx, locked) => {
      const now = new Date();
      await this.repository.setState(tx, locked.id, 'submitted', { charterAcceptedAt: now, submittedAt: now });
    });
    return this.get(actor, reference);
  }

  async decideAdmissibility(actor: Actor, reference: string, decision: AdmissibilityDecision): Promise<ProposalDto> {
    this.assertDecider(actor);
    const transition: ProposalTransition = decision.decision === 'admissible' ? 'declare_admissible' : 'declare_inadmissible';
    await this.transition(actor, reference, transition, decision.reason, async (tx, locked) => {
      if (decision.decision === 'inadmissible') return this.repository.setState(tx, locked.id, 'inadmissible');
      const settings = await this.repository.supportSettings(tx);
      const collectingUntil = new Date(Date.now() + settings.windowDays * DAY);
      await this.repository.setState(tx, locked.id, 'admissible', { threshold: settings.threshold, collectingUntil });
      // Closed on time even if nobody visits: a job at the deadline (and the hourly sweep as a safety net).
      await this.jobs.enqueue(tx, CLOSE_JOB, { reference }, collectingUntil);
    });
    return this.get(actor, reference);
  }

  async decideSelection(actor: Actor, reference: string, decision: SelectionDecision): Promise<ProposalDto> {
    this.assertDecider(actor);
    const transition: ProposalTransition = decision.decision === 'selected' ? 'select' : 'not_select';
    await this.transition(actor, reference, transition, decision.reason, (tx, locked) => this.repository.setState(tx, locked.id, decision.decision));
    return this.get(actor, reference);
  }

  async withdraw(actor: Actor, reference: string, reason: string): Promise<ProposalDto> {
    const personId = this.personId(actor);
    const row = await this.repository.find(reference);
    if (!row || !this.canSee(actor, row)) throw notFound(reference);
    if (row.authorId !== personId) throw ProblemException.forbidden('Seule l’autrice ou l’auteur peut retirer sa proposition.');
    await this.transition(actor, reference, 'withdraw', reason, (tx, locked) => this.repository.setState(tx, locked.id, 'withdrawn'));
    return this.get(actor, reference);
  }

  private assertDecider(actor: Actor): void {
    if (!proposalPolicy.decide(actor)) throw actor ? ProblemException.forbidden('Réservé aux organisateurs.') : ProblemException.unauthorized('Connectez-vous pour continuer.');
  }

  /**
   * One transition, in one transaction with the proposal's row locked: check the
   * move is allowed from the current state, apply it, add it to the timeline
   * and the log, tell the author and followers.
   */
  private async transition(actor: Actor | 'system', reference: string, transition: ProposalTransition, reason: string, apply: (tx: PrismaTransaction, locked: ProposalRow) => Promise<void>): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const locked = await this.repository.lock(tx, reference);
      if (!locked) throw notFound(reference);
      const to = proposalTransitionTarget(transition, locked.state);
      if (!to) throw ProblemException.ruleViolation(`Une proposition ${STATE_NAMES[locked.state]} ne peut pas passer à l’état « ${STATE_NAMES[transitionTargetName(transition)]} ».`);
      await apply(tx, locked);
      await this.recordTransition(tx, actor === 'system' ? null : actor!.id, locked, to, reason);
    });
  }

  private async recordTransition(tx: PrismaTransaction, actorId: string | null, proposal: Pick<ProposalRow, 'id' | 'reference' | 'title' | 'authorId' | 'submittedAt'>, to: ReachableProposalState, reason: string): Promise<void> {
    await this.repository.addEvent(tx, proposal.id, to, reason, actorId);
    await this.audit.record(tx, {
      actorId,
      action: `proposal.${to}`,
      subjectType: 'proposal',
      subjectId: proposal.reference,
      // A draft abandoned before submission was never public.
      visibility: proposal.submittedAt === null && to === 'withdrawn' ? 'restricted' : 'public',
      data: { title: proposal.title, ...(reason ? { reason } : {}) },
    });
    if (to === 'submitted' || (to === 'withdrawn' && proposal.submittedAt === null)) return;
    const people = new Set([proposal.authorId, ...(await this.repository.followerIds(tx, proposal.id))]);
    if (actorId) people.delete(actorId);
    for (const personId of people) {
      await this.notifications.notify(tx, { personId, kind: `proposal.${to}`, data: { reference: proposal.reference, title: proposal.title, reason }, link: `/propositions/${proposal.reference}` });
    }
  }

  // ---- supports -----------------------------------------------------------

  /**
   * Stores one support per person (201), or replays it (200); qualifies the
   * proposal at its threshold. The support's primary key is the double-support
   * guard; the count is incremented by an UPDATE that also re-checks that the
   * proposal still collects, so a support racing the window's close or the
   * qualification is refused (and rolled back) rather than counted late. The
   * row lock is held only from that UPDATE to the commit.
   */
  async support(actor: Actor, reference: string): Promise<{ created: boolean; state: SupportState }> {
    if (!proposalPolicy.support(actor)) throw ProblemException.unauthorized('Connectez-vous pour soutenir cette proposition.');
    // One read for the proposal, the rule and the supporter (the hot path: see npm run bench).
    const proposal = await this.repository.supportContext(reference, actor!.id);
    if (!proposal || !this.canSee(actor, proposal)) throw notFound(reference);
    if (proposal.requiresVerification && !proposal.verified) {
      throw ProblemException.forbidden(
        'Seules les habitantes et habitants vérifiés peuvent soutenir une proposition. Faites-vous vérifier sur la page « Mon compte » (/compte) avec le code de votre lettre d’invitation, ou avec vos informations du recensement.',
      );
    }
    if (!isCollecting(proposal.state, proposal.collectingUntil, new Date())) throw ProblemException.ruleViolation(notCollectingReason(proposal));
    return this.prisma.$transaction(async (tx) => {
      if (!(await this.repository.addSupport(tx, proposal.id, actor!.id))) {
        return { created: false, state: { supporting: true, supports: await this.repository.supportCount(tx, proposal.id), state: proposal.state } };
      }
      const counted = await this.repository.countSupportWhileCollecting(tx, proposal.id, 1);
      if (!counted) throw ProblemException.ruleViolation(notCollectingReason(proposal));
      let state: ProposalState = 'admissible';
      if (counted.supports >= counted.threshold) {
        await this.repository.setState(tx, proposal.id, 'qualified');
        await this.recordTransition(tx, null, proposal, 'qualified', `${counted.supports} soutiens sur ${counted.threshold} nécessaires.`);
        state = 'qualified';
      }
      return { created: true, state: { supporting: true, supports: counted.supports, state } };
    });
  }

  async withdrawSupport(actor: Actor, reference: string): Promise<SupportState> {
    if (!proposalPolicy.support(actor)) throw ProblemException.unauthorized('Connectez-vous pour continuer.');
    const proposal = await this.repository.supportContext(reference, actor!.id);
    if (!proposal || !this.canSee(actor, proposal)) throw notFound(reference);
    if (!isCollecting(proposal.state, proposal.collectingUntil, new Date())) throw ProblemException.ruleViolation(`${notCollectingReason(proposal)} Les soutiens ne se retirent plus.`);
    return this.prisma.$transaction(async (tx) => {
      if (!(await this.repository.removeSupport(tx, proposal.id, actor!.id))) {
        return { supporting: false, supports: await this.repository.supportCount(tx, proposal.id), state: proposal.state };
      }
      const counted = await this.repository.countSupportWhileCollecting(tx, proposal.id, -1);
      if (!counted) throw ProblemException.ruleViolation('Le recueil des soutiens vient de se clore : les soutiens ne se retirent plus.');
      return { supporting: false, supports: counted.supports, state: proposal.state };
    });
  }

  async follow(actor: Actor, reference: string, following: boolean): Promise<{ following: boolean; followers: number }> {
    if (!proposalPolicy.follow(actor)) throw ProblemException.unauthorized('Connectez-vous pour suivre cette proposition.');
    const row = await this.visible(actor, reference);
    if (following) await this.repository.follow(row.id, actor!.id);
    else await this.repository.unfollow(row.id, actor!.id);
    return this.repository.followState(row.id, actor!.id);
  }

  // ---- the clock ----------------------------------------------------------

  /** Closes every support window that has ended: qualified if the threshold was reached, expired otherwise. */
  async closeDueWindows(now = new Date()): Promise<{ reference: string; state: ProposalState }[]> {
    const closed: { reference: string; state: ProposalState }[] = [];
    for (const reference of await this.repository.windowsClosedBy(now)) {
      await this.prisma.$transaction(async (tx) => {
        const proposal = await this.repository.lock(tx, reference);
        // Someone else (another instance, a support) may have moved it meanwhile.
        if (!proposal || proposal.state !== 'admissible' || !proposal.collectingUntil || proposal.collectingUntil > now) return;
        const reached = proposal.threshold !== null && proposal.supportCount >= proposal.threshold;
        const to = reached ? 'qualified' : 'expired';
        await this.repository.setState(tx, proposal.id, to);
        await this.recordTransition(tx, null, proposal, to, `${proposal.supportCount} soutiens sur ${proposal.threshold ?? 0} nécessaires à la clôture.`);
        closed.push({ reference, state: to });
      });
    }
    return closed;
  }

  // ---- settings -----------------------------------------------------------

  supportSettings(): Promise<SupportSettings> {
    return this.repository.supportSettings();
  }

  async setSupportSettings(actor: Actor, settings: SupportSettings): Promise<SupportSettings> {
    this.assertDecider(actor);
    await this.prisma.$transaction(async (tx) => {
      if (!(await this.repository.setSupportSettings(tx, settings))) throw ProblemException.ruleViolation('Aucun territoire n’est encore configuré.');
      await this.audit.record(tx, { actorId: actor!.id, action: 'proposal-settings.changed', subjectType: 'territory', subjectId: null, data: { ...settings } });
    });
    return settings;
  }
}

function transitionTargetName(transition: ProposalTransition): ProposalState {
  const names: Record<ProposalTransition, ProposalState> = {
    submit: 'submitted',
    declare_admissible: 'admissible',
    declare_inadmissible: 'inadmissible',
    qualify: 'qualified',
    expire: 'expired',
    select: 'selected',
    not_select: 'not_selected',
    withdraw: 'withdrawn',
  };
  return names[transition];
}

function notCollectingReason(proposal: Pick<ProposalRow, 'state'>): string {
  if (proposal.state === 'admissible') return 'Le recueil des soutiens de cette proposition est clos.';
  if (proposal.state === 'submitted') return 'Cette proposition n’a pas encore été déclarée recevable : elle ne recueille pas encore de soutiens.';
  return `Cette proposition est ${STATE_NAMES[proposal.state]} : elle ne recueille pas de soutiens.`;
}
