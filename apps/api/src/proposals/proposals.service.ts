import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  canOnProposal,
  DELETED_ACCOUNT_NAME,
  submissionProblems,
  notCollecting,
  permissionsFor,
  PROPOSAL_VIEWER_ACTIONS,
  proposalLifecycle,
  proposalTransitionRefusal,
  ROLES,
  type Actor,
  type Role,
  signedIn,
  type Person,
  type AdmissibilityDecision,
  type ProposalContent,
  type ProposalDto,
  type ProposalQuery,
  type ProposalState,
  type ProposalSummary,
  type ProposalTransition,
  type SelectionDecision,
  type SupportSettings,
  type SupportState,
} from '@sesame/domain';
import { AuditService, type AuditRecord } from '../audit/audit.service';
import { authorize } from '../common/authorize';
import { ProblemException } from '../common/problem.exception';
import { TransitionRunner } from '../common/transition.runner';
import { JobQueue } from '../jobs/job-queue.service';
import { every } from '../jobs/schedules';
import { NotificationsService, type NewNotification } from '../notifications/notifications.service';
import { PrismaService, type PrismaTransaction } from '../prisma/prisma.service';
import { LIMITS, RateLimitService } from '../rate-limit/rate-limit.service';
import { contentOf, ProposalsRepository, type ProposalColumns, type ProposalListRow, type ProposalRow } from './proposals.repository';

const CLOSE_JOB = 'proposal.close-windows';
const HOUR = 3_600_000;
const DAY = 86_400_000;

/** The roles whose holders decide on proposals, as the policy says (`proposals.organize`): they hear of each new one. */
const DECIDING_ROLES: readonly Role[] = ROLES.filter((role) => canOnProposal('proposals.organize', { actor: { id: 'role', roles: [role] } }).allowed);
/** Where they decide (the web's page). */
const ORGANIZER_QUEUE = '/organisation/propositions';

const notFound = (reference: string) => ProblemException.notFound(`Aucune proposition ${reference}.`);

/** A proposal as lists show it, with its author's and neighbourhood's names at hand. */
function summaryOf(row: ProposalListRow | ProposalRow, names: Map<string, string>, places: Map<string, string>): ProposalSummary {
  return {
    reference: row.reference,
    state: row.state,
    kind: row.kind as ProposalSummary['kind'],
    title: row.title,
    author: names.get(row.authorId) ?? DELETED_ACCOUNT_NAME,
    dataUse: row.dataUse,
    unlistedDataUse: row.unlistedDataUse,
    neighbourhood: row.neighbourhoodId ? { id: row.neighbourhoodId, name: places.get(row.neighbourhoodId) ?? '' } : null,
    supports: row.supportCount,
    threshold: row.threshold,
    collectingUntil: row.collectingUntil?.toISOString() ?? null,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * Proposals: drafts private to their author; submission (charter accepted,
 * complete text, rate-limited); organizers decide admissibility and selection;
 * supports qualify a proposal at the threshold; a scheduled job closes support
 * windows on time. Every transition is in the timeline and the audit log.
 */
/**
 * Supports given at once are counted on separate tallies, so one support's
 * count may miss the others still in flight: at most one per database
 * connection (PostgreSQL's max_connections, 100 by default).
 */
const SUPPORTS_IN_FLIGHT_AT_MOST = 100;

@Injectable()
export class ProposalsService implements OnModuleInit {
  constructor(
    private readonly prisma: PrismaService,
    private readonly repository: ProposalsRepository,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly jobs: JobQueue,
    private readonly rateLimits: RateLimitService,
    private readonly transitions: TransitionRunner,
  ) {}

  onModuleInit(): void {
    // The hourly sweep; deadline jobs (with a reference) run the same handler at each window's end.
    this.jobs.recurring(CLOSE_JOB, every(HOUR), () => this.closeDueWindows());
  }

  // ---- reading ------------------------------------------------------------

  /** The proposal, if this actor may see it (a draft is a 404 to everyone but its author). */
  private async visible(actor: Actor, reference: string): Promise<ProposalRow> {
    const row = await this.repository.find(reference);
    if (!row) throw notFound(reference);
    authorize(canOnProposal('proposals.view', { actor, proposal: row }));
    return row;
  }

  private async summaries(rows: ProposalRow[]): Promise<ProposalSummary[]> {
    const [names, places] = await Promise.all([this.repository.names(rows.map((r) => r.authorId)), this.repository.neighbourhoodNames(rows.flatMap((r) => (r.neighbourhoodId ? [r.neighbourhoodId] : [])))]);
    return rows.map((row) => summaryOf(row, names, places));
  }

  private async dto(actor: Actor, row: ProposalRow): Promise<ProposalDto> {
    // Everything the page needs in one round of statements run side by side (a proposal's page is among the most read).
    const [facts, [supporting, supporter]] = await Promise.all([
      this.repository.pageFacts(row, actor?.id ?? null),
      actor ? Promise.all([this.repository.isSupporting(row.id, actor.id), this.supporterFacts(actor)]) : Promise.resolve([false, { verificationRequired: false, verified: false }] as const),
    ]);
    const summary = summaryOf(row, new Map([[row.authorId, facts.author ?? DELETED_ACCOUNT_NAME]]), new Map(row.neighbourhoodId ? [[row.neighbourhoodId, facts.neighbourhoodName ?? '']] : []));
    const now = new Date();
    // The same rules the API enforces, so the page can explain why a button is missing.
    const can = permissionsFor(PROPOSAL_VIEWER_ACTIONS, (action) => {
      if (action === 'proposals.support') return canOnProposal(action, { actor, proposal: row, supporter, now });
      if (action === 'proposals.withdraw-support') return canOnProposal(action, { actor, proposal: row, now });
      return canOnProposal(action, { actor, proposal: row });
    });
    const viewer: ProposalDto['viewer'] = { isAuthor: actor?.id === row.authorId, supporting, following: actor ? facts.following : false, can };
    return {
      ...summary,
      content: contentOf(row),
      createdAt: row.createdAt.toISOString(),
      timeline: facts.timeline,
      followers: facts.followers,
      viewer,
    };
  }

  async get(actor: Actor, reference: string): Promise<ProposalDto> {
    return this.dto(actor, await this.visible(actor, reference));
  }

  async list(query: ProposalQuery) {
    const { rows, total } = await this.repository.page(query);
    // The page's rows come with their names resolved (one statement).
    const names = new Map(rows.map((row) => [row.authorId, row.author]));
    const places = new Map(rows.flatMap((row) => (row.neighbourhoodId ? [[row.neighbourhoodId, row.neighbourhoodName ?? '']] : [])));
    return { items: rows.map((row) => summaryOf(row, names, places)), page: query.page, pageSize: query.pageSize, total };
  }

  private async supporterFacts(person: Person) {
    const [settings, verified] = await Promise.all([this.repository.supportSettings(), this.repository.isVerified(person.id)]);
    return { verificationRequired: settings.requiresVerification, verified };
  }

  /** The author's own proposals, drafts included (their account page). */
  async mine(actor: Actor): Promise<ProposalSummary[]> {
    const author = authorize(canOnProposal('proposals.create', { actor }));
    return this.summaries(await this.repository.byAuthor(author.id));
  }

  // ---- writing ------------------------------------------------------------

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
    const author = authorize(canOnProposal('proposals.create', { actor }));
    const columns = await this.columns(content);
    const created = await this.prisma.$transaction(async (tx) => {
      const reference = await this.repository.nextReference(tx, new Date().getUTCFullYear());
      return this.repository.create(tx, reference, author.id, columns);
    });
    return this.get(actor, created.reference);
  }

  /** Saves a draft (the editor saves as the author types). A submitted proposal no longer changes. */
  async update(actor: Actor, reference: string, content: ProposalContent): Promise<ProposalDto> {
    const row = await this.repository.find(reference);
    if (!row) throw notFound(reference);
    authorize(canOnProposal('proposals.edit', { actor, proposal: row }));
    await this.repository.updateDraft(row.id, await this.columns(content));
    return this.get(actor, reference);
  }

  /** Submits a complete draft whose author accepted the charter; otherwise 422 listing everything to fix (the charter with the rest). */
  async submit(actor: Actor, reference: string, charterAccepted: boolean): Promise<ProposalDto> {
    const row = await this.repository.find(reference);
    if (!row) throw notFound(reference);
    const author = authorize(canOnProposal('proposals.submit', { actor, proposal: row }));
    const problems = submissionProblems(contentOf(row), charterAccepted);
    if (problems.length > 0) {
      const count = problems.length;
      throw ProblemException.ruleViolation(`Il reste ${count} point${count > 1 ? 's' : ''} à régler avant de déposer la proposition.`, problems);
    }
    await this.rateLimits.consume(LIMITS.proposalSubmissions, author.id);
    await this.transition(author, reference, 'submit', '', async (tx, locked) => {
      const now = new Date();
      await this.repository.setState(tx, locked.id, 'submitted', { charterAcceptedAt: now, submittedAt: now });
    });
    return this.get(actor, reference);
  }

  /** The organizer's decision, checked against the rules with the proposal in hand (the state is checked again under lock). */
  private async decider(actor: Actor, reference: string, transition: ProposalTransition): Promise<Person> {
    authorize(canOnProposal('proposals.organize', { actor }));
    const row = await this.repository.find(reference);
    if (!row) throw notFound(reference);
    return authorize(canOnProposal('proposals.decide', { actor, proposal: row, transition }));
  }

  async decideAdmissibility(actor: Actor, reference: string, decision: AdmissibilityDecision): Promise<ProposalDto> {
    const transition: ProposalTransition = decision.decision === 'admissible' ? 'declare_admissible' : 'declare_inadmissible';
    const organizer = await this.decider(actor, reference, transition);
    await this.transition(organizer, reference, transition, decision.reason, async (tx, locked) => {
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
    const transition: ProposalTransition = decision.decision === 'selected' ? 'select' : 'not_select';
    const organizer = await this.decider(actor, reference, transition);
    await this.transition(organizer, reference, transition, decision.reason, (tx, locked) => this.repository.setState(tx, locked.id, decision.decision));
    return this.get(actor, reference);
  }

  async withdraw(actor: Actor, reference: string, reason: string): Promise<ProposalDto> {
    const row = await this.repository.find(reference);
    if (!row) throw notFound(reference);
    const author = authorize(canOnProposal('proposals.withdraw', { actor, proposal: row }));
    await this.transition(author, reference, 'withdraw', reason, (tx, locked) => this.repository.setState(tx, locked.id, 'withdrawn'));
    return this.get(actor, reference);
  }

  /** One transition, run by the shared runner: row locked, move checked against the lifecycle, timeline, log and notices. */
  private async transition(actor: Person | 'system', reference: string, transition: ProposalTransition, reason: string, apply: (tx: PrismaTransaction, locked: ProposalRow) => Promise<void>, tx?: PrismaTransaction): Promise<void> {
    const actorId = actor === 'system' ? null : actor.id;
    await this.transitions.run(
      {
        lifecycle: proposalLifecycle,
        transition,
        lock: (inner) => this.repository.lock(inner, reference),
        notFound: `Aucune proposition ${reference}.`,
        stateOf: (proposal) => proposal.state,
        refusal: (from) => proposalTransitionRefusal(transition, from),
        apply: async (inner, proposal, to) => {
          await apply(inner, proposal);
          await this.repository.addEvent(inner, proposal.id, to, reason, actorId);
        },
        audit: (proposal, to) => this.auditOf(actorId, proposal, to, reason),
        notify: (inner, proposal, to) => this.noticesOf(inner, actorId, proposal, to, reason),
      },
      tx,
    );
  }

  private auditOf(actorId: string | null, proposal: Pick<ProposalRow, 'reference' | 'title' | 'submittedAt'>, to: ProposalState, reason: string): AuditRecord {
    return {
      actorId,
      action: `proposal.${to as Exclude<ProposalState, 'draft'>}`,
      subjectType: 'proposal',
      subjectId: proposal.reference,
      // A draft abandoned before submission was never public.
      visibility: proposal.submittedAt === null && to === 'withdrawn' ? 'restricted' : 'public',
      data: { title: proposal.title, ...(reason ? { reason } : {}) },
    };
  }

  /**
   * The author and followers hear of every public move but their own; the
   * people who decide hear of each proposal submitted (their queue grew).
   */
  private async noticesOf(tx: PrismaTransaction, actorId: string | null, proposal: Pick<ProposalRow, 'id' | 'reference' | 'title' | 'authorId' | 'submittedAt'>, to: ProposalState, reason: string): Promise<NewNotification<string>[]> {
    if (to === 'submitted') {
      const deciders = (await this.repository.peopleWithRoles(tx, DECIDING_ROLES)).filter((personId) => personId !== actorId);
      return deciders.map((personId) => ({ personId, kind: 'proposal.received', data: { reference: proposal.reference, title: proposal.title }, link: ORGANIZER_QUEUE }));
    }
    if (to === 'withdrawn' && proposal.submittedAt === null) return [];
    const people = new Set([proposal.authorId, ...(await this.repository.followerIds(tx, proposal.id))]);
    if (actorId) people.delete(actorId);
    return [...people].map((personId) => ({ personId, kind: `proposal.${to}`, data: { reference: proposal.reference, title: proposal.title, reason }, link: `/propositions/${proposal.reference}` }));
  }

  /** A move the runner did not make (a support reaching the threshold holds the row already): timeline, log and notices the same way. */
  private async recordTransition(tx: PrismaTransaction, proposal: Pick<ProposalRow, 'id' | 'reference' | 'title' | 'authorId' | 'submittedAt'>, to: ProposalState, reason: string): Promise<void> {
    await this.repository.addEvent(tx, proposal.id, to, reason, null);
    await this.audit.record(tx, this.auditOf(null, proposal, to, reason));
    for (const notice of await this.noticesOf(tx, null, proposal, to, reason)) await this.notifications.notify(tx, notice);
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
    const person = authorize(signedIn(actor, 'Connectez-vous pour soutenir cette proposition.'));
    // One read for the proposal, the rule and the supporter, one statement to store it (the hot path: see npm run bench).
    const proposal = await this.repository.supportContext(reference, person.id);
    if (!proposal) throw notFound(reference);
    // A support given already replays (200), even once the window has closed: a retry is harmless.
    if (proposal.supporting) return { created: false, state: { supporting: true, supports: proposal.supports, state: proposal.state } };
    const supporter = { verificationRequired: proposal.requiresVerification, verified: proposal.verified };
    authorize(canOnProposal('proposals.support', { actor, proposal, supporter, now: new Date() }));
    const outcome = await this.repository.supportWhileCollecting(proposal.id, person.id);
    if (!outcome.created) {
      // The window closed (or the proposal moved) since the check above: a support given earlier still replays.
      if (!outcome.collecting && !outcome.supportedBefore) throw ProblemException.ruleViolation(notCollecting(proposal).message);
      return { created: false, state: { supporting: true, supports: outcome.supports, state: outcome.collecting ? 'admissible' : proposal.state } };
    }
    // The count misses supports still in flight (their statements run beside this one, not behind it):
    // near the threshold, qualifyIfReached locks the proposal, which waits for them, and counts again.
    const nearThreshold = outcome.threshold !== null && outcome.supports + SUPPORTS_IN_FLIGHT_AT_MOST >= outcome.threshold;
    const state = nearThreshold ? await this.qualifyIfReached(reference) : 'admissible';
    return { created: true, state: { supporting: true, supports: outcome.supports, state } };
  }

  /**
   * Qualifies a proposal whose count has reached its threshold (timeline, log,
   * notices), once: the support that reached it does this right after it is
   * stored; the hourly sweep catches up if that was cut short. Returns the
   * proposal's state.
   */
  private async qualifyIfReached(reference: string): Promise<ProposalState> {
    return this.prisma.$transaction(async (tx) => {
      const proposal = await this.repository.lock(tx, reference);
      if (!proposal) throw notFound(reference);
      if (proposal.state !== 'admissible' || proposal.threshold === null || proposal.supportCount < proposal.threshold) return proposal.state;
      await this.repository.setState(tx, proposal.id, 'qualified');
      await this.recordTransition(tx, proposal, 'qualified', `${proposal.supportCount} soutiens sur ${proposal.threshold} nécessaires.`);
      return 'qualified';
    });
  }

  async withdrawSupport(actor: Actor, reference: string): Promise<SupportState> {
    const person = authorize(signedIn(actor));
    const proposal = await this.repository.supportContext(reference, person.id);
    if (!proposal) throw notFound(reference);
    authorize(canOnProposal('proposals.withdraw-support', { actor, proposal, now: new Date() }));
    const outcome = await this.repository.withdrawWhileCollecting(proposal.id, person.id);
    // Closed since the check above, with a support still there: it stays.
    if (!outcome.collecting && outcome.supportedBefore) throw ProblemException.ruleViolation('La période de soutien vient de se terminer : on ne peut plus retirer son soutien.');
    return { supporting: false, supports: outcome.supports, state: proposal.state };
  }

  async follow(actor: Actor, reference: string, following: boolean): Promise<{ following: boolean; followers: number }> {
    const row = await this.repository.find(reference);
    if (!row) throw notFound(reference);
    const person = authorize(canOnProposal('proposals.follow', { actor, proposal: row }));
    if (following) await this.repository.follow(row.id, person.id);
    else await this.repository.unfollow(row.id, person.id);
    return this.repository.followState(row.id, person.id);
  }

  // ---- the clock ----------------------------------------------------------

  /** Closes every support window that has ended: qualified if the threshold was reached, expired otherwise. */
  async closeDueWindows(now = new Date()): Promise<{ reference: string; state: ProposalState }[]> {
    const closed: { reference: string; state: ProposalState }[] = [];
    // A qualification cut short after its support was stored (a crash): caught up here.
    for (const reference of await this.repository.reachedThreshold()) {
      if ((await this.qualifyIfReached(reference)) === 'qualified') closed.push({ reference, state: 'qualified' });
    }
    for (const reference of await this.repository.windowsClosedBy(now)) {
      await this.prisma.$transaction(async (tx) => {
        const proposal = await this.repository.lock(tx, reference);
        // Someone else (another instance, a support) may have moved it meanwhile.
        if (!proposal || proposal.state !== 'admissible' || !proposal.collectingUntil || proposal.collectingUntil > now) return;
        const reached = proposal.threshold !== null && proposal.supportCount >= proposal.threshold;
        const to = reached ? 'qualified' : 'expired';
        await this.repository.setState(tx, proposal.id, to);
        await this.recordTransition(tx, proposal, to, `${proposal.supportCount} soutiens sur ${proposal.threshold ?? 0} nécessaires à la clôture.`);
        closed.push({ reference, state: to });
      });
    }
    return closed;
  }

  // ---- the organizers' work -----------------------------------------------

  /** How many proposals wait for a decision: admissibility (submitted), selection (qualified). */
  async workCounts(actor: Actor): Promise<{ toReview: number; toDecide: number }> {
    authorize(canOnProposal('proposals.organize', { actor }));
    const counts = await this.repository.countInStates(['submitted', 'qualified']);
    return { toReview: counts.get('submitted') ?? 0, toDecide: counts.get('qualified') ?? 0 };
  }

  // ---- settings -----------------------------------------------------------

  supportSettings(): Promise<SupportSettings> {
    return this.repository.supportSettings();
  }

  async setSupportSettings(actor: Actor, settings: SupportSettings): Promise<SupportSettings> {
    const organizer = authorize(canOnProposal('proposals.organize', { actor }));
    await this.prisma.$transaction(async (tx) => {
      if (!(await this.repository.setSupportSettings(tx, settings))) throw ProblemException.ruleViolation('Aucun territoire n’est encore configuré.');
      await this.audit.record(tx, { actorId: organizer.id, action: 'proposal-settings.changed', subjectType: 'territory', subjectId: null, data: { ...settings } });
    });
    return settings;
  }
}
