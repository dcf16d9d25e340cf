import { Injectable, Logger } from '@nestjs/common';
import {
  canOnOpinionMap,
  emptyOpinionMapView,
  OPINION_MAP_ALGORITHM_VERSION,
  OPINION_MAP_LIMITS,
  permissionsFor,
  pickWeighted,
  seedFromText,
  signedIn,
  STATEMENT_VIEWER_ACTIONS,
  statementLength,
  statementPriority,
  type Actor,
  type AuditAction,
  type ModerationReason,
  type NextStatement,
  type OpinionMapPosition,
  type OpinionMapView,
  type SpaceFacts,
  type Statement,
  type StatementDecision,
  type StatementDecisionInput,
  type StatementInput,
  type StatementList,
  type StatementVoteInput,
  type StatementVote,
} from '@sesame/domain';
import { AuditService } from '../audit/audit.service';
import { authorize } from '../common/authorize';
import { ProblemException } from '../common/problem.exception';
import { DeliberationsService } from '../deliberations/deliberations.service';
import { DeliberationEventsService } from '../deliberations/live/deliberation-events.service';
import { NotificationsService } from '../notifications/notifications.service';
import { PrismaService } from '../prisma/prisma.service';
import { LIMITS, RateLimitService } from '../rate-limit/rate-limit.service';
import { OpinionMapRecomputeService } from './opinion-map-recompute.service';
import { OpinionMapRepository, type StatementRow } from './opinion-map.repository';

const spaceNotFound = (id: string) => ProblemException.notFound(`Aucun espace de délibération ${id}.`);
/** Facts the view rule does not read (it needs the subject's visibility only). */
const HIDDEN_SPACE: Omit<SpaceFacts, 'id' | 'subjectVisible'> = { moderation: 'post', whoMayPost: 'signed_in', neighbourhoodIds: [], opensAt: new Date(0), closesAt: new Date(0) };
const statementNotFound = () => ProblemException.notFound('Aucune affirmation de ce numéro dans cet espace.');
const AUDIT_OF_DECISION: Record<StatementDecision, AuditAction> = { approve: 'statement.approved', reject: 'statement.rejected', meta: 'statement.marked-meta', not_meta: 'statement.unmarked-meta' };

/** The snapshot's history, with the priorities of the next-statement pick (§1.10) by statement number. */

/**
 * Statements and the opinion map of a deliberation space (issue 16): people
 * add statements and vote on others' under the space's rules; moderators
 * approve, reject with a reason of the space's policy, or mark meta; the map
 * is recomputed in the background (debounced job, warm-started from the last
 * snapshot) and served as stored, never computed in a request.
 */
@Injectable()
export class OpinionMapService {
  private readonly logger = new Logger('OpinionMap');

  constructor(
    private readonly prisma: PrismaService,
    private readonly repository: OpinionMapRepository,
    private readonly deliberations: DeliberationsService,
    private readonly live: DeliberationEventsService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly rateLimits: RateLimitService,
    private readonly recomputes: OpinionMapRecomputeService,
  ) {}

  // ---- reading ----------------------------------------------------------------

  private async space(actor: Actor, id: string) {
    const visible = await this.deliberations.visible(actor, id);
    authorize(canOnOpinionMap('opinion-map.view', { actor, space: visible.facts }));
    const maxLength = (await this.repository.statementMaxLength(id)) ?? OPINION_MAP_LIMITS.defaultStatementLength;
    return { ...visible, maxLength, policy: visible.space.rules.moderationPolicy as ModerationReason[] };
  }

  /** Statements as their reader sees them: counts on approved ones only, the rejection reason to the author and moderators only. */
  private async dtos(actor: Actor, rows: StatementRow[], policy: ModerationReason[], options: { moderator?: boolean } = {}): Promise<Statement[]> {
    const now = new Date();
    const [counts, mine] = await Promise.all([
      this.repository.counts(rows.filter((r) => r.state === 'approved').map((r) => r.id), now),
      actor && rows.length > 0 ? this.repository.votesOf(rows[0]!.deliberationId, actor.id) : Promise.resolve(new Map<string, StatementVote>()),
    ]);
    const described = new Map(policy.map((reason) => [reason.code, reason.description]));
    return rows.map((row) => {
      const isMine = actor !== null && row.authorId === actor.id;
      const showReason = row.state === 'rejected' && row.rejectionCode !== null && (isMine || options.moderator === true);
      return {
        id: row.id,
        number: row.number,
        text: row.text,
        seeded: row.seeded,
        state: row.state,
        meta: row.meta,
        votes: counts.get(row.id) ?? { agree: 0, disagree: 0, pass: 0 },
        myVote: mine.get(row.id) ?? null,
        mine: isMine,
        rejection: showReason ? { code: row.rejectionCode!, description: described.get(row.rejectionCode!) ?? row.rejectionCode! } : null,
        createdAt: row.createdAt.toISOString(),
      };
    });
  }

  async list(actor: Actor, id: string): Promise<StatementList> {
    const { facts, maxLength, policy } = await this.space(actor, id);
    const now = new Date();
    const [rows, voters, participant] = await Promise.all([this.repository.listed(id, actor?.id ?? null), this.repository.voters(id, now), this.deliberations.participantFacts(actor, now)]);
    const can = permissionsFor(STATEMENT_VIEWER_ACTIONS, (action) => {
      // The charter is accepted with the first statement: the page asks for it then.
      if (action === 'opinion-map.add-statement') return canOnOpinionMap(action, { actor, space: facts, participant: { ...participant, charterAccepted: true }, now });
      if (action === 'opinion-map.vote') return canOnOpinionMap(action, { actor, space: facts, participant, statement: null, now });
      return canOnOpinionMap(action, { actor });
    });
    return { deliberationId: id, maxLength, statements: await this.dtos(actor, rows, policy), voters, viewer: { can } };
  }

  async mine(actor: Actor, id: string): Promise<Statement[]> {
    const person = authorize(signedIn(actor, 'Connectez-vous pour voir vos affirmations.'));
    const { policy } = await this.space(actor, id);
    return this.dtos(actor, await this.repository.mine(id, person.id), policy);
  }

  async queue(actor: Actor, id: string): Promise<Statement[]> {
    authorize(canOnOpinionMap('opinion-map.moderate', { actor }));
    const { policy } = await this.space(actor, id);
    return this.dtos(actor, await this.repository.pending(id), policy, { moderator: true });
  }

  /**
   * The next statement to vote on (§1.10): among the approved ones the viewer
   * has not voted on, a pick in proportion to the priorities of the latest map
   * (a statement the map has not seen yet gets the top priority, as in Polis),
   * seeded by the space, the person and how many votes they cast: the same
   * state gives the same statement.
   */
  async next(actor: Actor, id: string): Promise<NextStatement> {
    const person = authorize(signedIn(actor, 'Connectez-vous pour voter sur les affirmations.'));
    const { policy } = await this.space(actor, id);
    const [approved, votes, known] = await Promise.all([this.repository.approved(id), this.repository.votesOf(id, person.id), this.repository.priorities(id)]);
    const candidates = approved.filter((row) => !votes.has(row.id));
    if (candidates.length === 0) return { statement: null, remaining: 0 };
    const top = Math.max(statementPriority(0, 0, 0, 0), ...Object.values(known));
    const weighted = candidates.map((row) => ({ id: row.number, priority: known[String(row.number)] ?? top }));
    const picked = pickWeighted(weighted, seedFromText(`${id}:${person.id}:${votes.size}`));
    const row = candidates.find((r) => r.number === picked)!;
    return { statement: (await this.dtos(actor, [row], policy))[0]!, remaining: candidates.length };
  }

  /**
   * The map as last computed; `me`: the viewer's own position when they voted
   * and the map is drawn. One round trip: the view and the one position, never
   * the whole snapshot (positions of everyone, warm-start history).
   */
  async map(actor: Actor, id: string): Promise<OpinionMapView> {
    const read = await this.repository.mapOf(id, actor?.id ?? null);
    if (!read.exists) throw spaceNotFound(id);
    authorize(canOnOpinionMap('opinion-map.view', { actor, space: { ...HIDDEN_SPACE, id, subjectVisible: read.subjectVisible } }));
    if (read.view === null) {
      return emptyOpinionMapView({ deliberationId: id, computedAt: new Date().toISOString(), inputHash: '', minVoters: OPINION_MAP_LIMITS.minVoters, algorithmVersion: OPINION_MAP_ALGORITHM_VERSION });
    }
    const view = read.view as OpinionMapView;
    if (!actor || view.status !== 'ready') return view;
    // A suspended person is out of the map (the next recompute takes them out): no position for them meanwhile.
    if (read.me && (await this.deliberations.participantFacts(actor, new Date())).suspendedUntil) return { ...view, me: null };
    return { ...view, me: (read.me as OpinionMapPosition | null) ?? null };
  }

  // ---- writing ------------------------------------------------------------------

  private checkLength(text: string, maxLength: number): void {
    const length = statementLength(text);
    if (length > maxLength) throw ProblemException.validation([{ path: 'text', code: 'too_big', message: `Une affirmation tient en ${maxLength} caractères au plus dans cet espace (la vôtre en a ${length}).` }]);
  }

  /** A statement: pending under pre-moderation, approved at once under post-moderation. */
  async add(actor: Actor, id: string, input: StatementInput): Promise<Statement> {
    const person = authorize(signedIn(actor, 'Connectez-vous pour ajouter une affirmation.'));
    const { facts, maxLength, policy } = await this.space(actor, id);
    const now = new Date();
    const participant = await this.deliberations.participantFacts(person, now);
    authorize(canOnOpinionMap('opinion-map.add-statement', { actor, space: facts, participant: { ...participant, charterAccepted: participant.charterAccepted || input.charterAccepted === true }, now }));
    this.checkLength(input.text, maxLength);
    await this.rateLimits.consume(LIMITS.opinionMapStatements, person.id);
    const state = facts.moderation === 'pre' ? ('pending' as const) : ('approved' as const);
    const created = await this.prisma.$transaction(async (tx) => {
      if (!participant.charterAccepted) await this.deliberations.acceptCharter(tx, person.id);
      await this.repository.participantOf(tx, id, person.id);
      return this.repository.createStatement(tx, { deliberationId: id, authorId: person.id, text: input.text, state, seeded: false });
    });
    if (state === 'approved') await this.announceStatement(id, created.number);
    return (await this.dtos(actor, [created], policy))[0]!;
  }

  /** Organizers' seed statements: approved at once, labelled as theirs. */
  async seed(actor: Actor, id: string, input: StatementInput): Promise<Statement> {
    const { facts, maxLength, policy } = await this.space(actor, id);
    const organizer = authorize(canOnOpinionMap('opinion-map.seed-statement', { actor, space: facts }));
    this.checkLength(input.text, maxLength);
    const created = await this.prisma.$transaction(async (tx) => {
      const row = await this.repository.createStatement(tx, { deliberationId: id, authorId: organizer.id, text: input.text, state: 'approved', seeded: true });
      await this.audit.record(tx, { actorId: organizer.id, action: 'statement.seeded', subjectType: 'statement', subjectId: row.id, data: { deliberation: id, number: row.number } });
      return row;
    });
    await this.announceStatement(id, created.number);
    return (await this.dtos(actor, [created], policy))[0]!;
  }

  /**
   * Agree, disagree or pass; a changed vote replaces the previous one, a
   * repeated one changes nothing. The hot path of a live workshop: one
   * round trip reads what the rules need (the space, the statement, the
   * voter), one statement writes the vote, enqueues the debounced recompute
   * and counts the votes (a first vote numbers the participant in a short
   * transaction first).
   */
  async vote(actor: Actor, id: string, statementId: string, input: StatementVoteInput): Promise<Statement> {
    const person = authorize(signedIn(actor, 'Connectez-vous pour voter sur les affirmations.'));
    const now = new Date();
    const context = await this.repository.voteContext(id, statementId, person.id, now);
    if (!context.space) throw spaceNotFound(id);
    const facts = { ...context.space, moderation: context.space.moderation as SpaceFacts['moderation'], whoMayPost: context.space.whoMayPost as SpaceFacts['whoMayPost'] };
    authorize(canOnOpinionMap('opinion-map.view', { actor, space: facts }));
    const statement = context.statement;
    if (!statement || statement.state !== 'approved') throw statementNotFound();
    authorize(canOnOpinionMap('opinion-map.vote', { actor, space: facts, participant: context.participant, statement: { authorId: statement.authorId, state: statement.state, meta: statement.meta }, now }));
    await this.rateLimits.consume(LIMITS.opinionMapVotes, person.id);
    const write = { deliberationId: id, statementId: statement.id, vote: input.vote, recomputeAt: new Date(now.getTime() + OPINION_MAP_LIMITS.recomputeDelaySeconds * 1000) };
    const outcome = context.participantId
      ? await this.repository.voteOnce(null, { ...write, participantId: context.participantId })
      : await this.prisma.$transaction(async (tx) => this.repository.voteOnce(tx, { ...write, participantId: (await this.repository.participantOf(tx, id, person.id)).id }));
    // Rejected between the read and the write: as unknown.
    if (!outcome.voted) throw statementNotFound();
    const votes = { ...outcome.others, [input.vote]: outcome.others[input.vote] + 1 };
    return {
      id: statement.id,
      number: statement.number,
      text: statement.text,
      seeded: statement.seeded,
      state: 'approved',
      meta: statement.meta,
      votes,
      myVote: input.vote,
      mine: statement.authorId === person.id,
      rejection: null,
      createdAt: statement.createdAt.toISOString(),
    };
  }

  /** A moderator's decision: approve, reject with a reason of the space's policy (the author is told), mark or unmark meta. Audited. */
  async decide(actor: Actor, id: string, statementId: string, input: StatementDecisionInput): Promise<Statement> {
    authorize(canOnOpinionMap('opinion-map.moderate', { actor }));
    const { space, title, policy } = await this.space(actor, id);
    const existing = await this.repository.statement(statementId, id);
    if (!existing) throw statementNotFound();
    authorize(canOnOpinionMap('opinion-map.decide', { actor, statement: { authorId: existing.authorId, state: existing.state, meta: existing.meta }, decision: input.decision }));
    const reason = input.decision === 'reject' ? policy.find((r) => r.code === input.reasonCode) : undefined;
    if (input.decision === 'reject' && !reason) {
      throw ProblemException.validation([{ path: 'reasonCode', code: input.reasonCode ? 'unknown' : 'required', message: `Choisissez un motif de la charte de modération de cet espace : ${policy.map((r) => r.code).join(', ')}.` }]);
    }
    const now = new Date();
    const decided = await this.prisma.$transaction(async (tx) => {
      const locked = await this.repository.lockStatement(tx, statementId, id);
      if (!locked) throw statementNotFound();
      const moderator = authorize(canOnOpinionMap('opinion-map.decide', { actor, statement: { authorId: locked.authorId, state: locked.state, meta: locked.meta }, decision: input.decision }));
      const change =
        input.decision === 'approve'
          ? { state: 'approved' as const }
          : input.decision === 'reject'
            ? { state: 'rejected' as const, rejectionCode: reason!.code }
            : input.decision === 'meta' && locked.state === 'pending'
              ? // Meta on a pending statement publishes it too: a meta statement is shown and voted on (Polis), only kept out of the math.
                { state: 'approved' as const, meta: true }
              : { meta: input.decision === 'meta' };
      const row = await this.repository.decide(tx, locked.id, { ...change, decidedById: moderator.id });
      await this.audit.record(tx, {
        actorId: moderator.id,
        action: AUDIT_OF_DECISION[input.decision],
        subjectType: 'statement',
        subjectId: locked.id,
        data: { deliberation: id, number: locked.number, ...(reason ? { reasonCode: reason.code } : {}), facts: input.facts },
      });
      if (input.decision === 'reject' && locked.authorId) {
        await this.notifications.notify(tx, {
          personId: locked.authorId,
          kind: 'opinion-map.statement-rejected',
          data: { title, reason: `${reason!.description}${input.facts ? ` — ${input.facts}` : ''}` },
          link: `/propositions/${space.subjectReference}/debat/affirmations`,
        });
      }
      // Rejected, approved or (un)marked meta: the map changes with it.
      await this.repository.enqueueRecompute(tx, id, new Date(now.getTime() + OPINION_MAP_LIMITS.recomputeDelaySeconds * 1000));
      return { row, published: locked.state !== 'approved' && row.state === 'approved' };
    });
    if (decided.published) await this.announceStatement(id, decided.row.number);
    return (await this.dtos(actor, [decided.row], policy, { moderator: true }))[0]!;
  }

  private async announceStatement(id: string, number: number): Promise<void> {
    try {
      const now = new Date();
      const [approved, voters] = await Promise.all([this.repository.approved(id), this.repository.voters(id, now)]);
      this.live.announce(id, { type: 'statement', number, counts: { statements: approved.length, voters } });
    } catch (error) {
      this.logger.warn(`Live event of ${id} not sent: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  // ---- the map, in the background (opinion-map-recompute.service.ts) -----------------

  recompute(deliberationId: string): Promise<boolean> {
    return this.recomputes.recompute(deliberationId);
  }

  catchUp(): Promise<number> {
    return this.recomputes.catchUp();
  }
}
