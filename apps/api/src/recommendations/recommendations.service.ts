import { Inject, Injectable } from '@nestjs/common';
import { applyPatch, structuredPatch } from 'diff';
import {
  canOnRecommendations,
  DEFAULT_RESPONSE_DEADLINE_DAYS,
  OPINION_VIEWER_ACTIONS,
  PANEL_WORKSPACE_VIEWER_ACTIONS,
  PanelRulesSchema,
  permissionsFor,
  problemTypes,
  quorumOf,
  RECOMMENDATION_VIEWER_ACTIONS,
  REFERRAL_VIEWER_ACTIONS,
  SECRET_VOTE_ADOPTION,
  tallyVote,
  votingSeatsOf,
  VOTING_SEAT_TYPES,
  type Actor,
  type CreateReferral,
  type DissentDto,
  type DissentInput,
  type DraftRecommendation,
  type EditDraft,
  type JsonValue,
  type OpinionDraftInput,
  type OpinionDto,
  type OpinionSummaryDto,
  type PanelHearingInput,
  type PanelRules,
  type PanelSessionDto,
  type PanelVoteDto,
  type ProblemDocument,
  type ProposeAmendment,
  type PublishedRecommendationFacts,
  type RecommendationDto,
  type RecordAttendance,
  type ReferralDossier,
  type ReferralDto,
  type ReferralSummaryDto,
  type SeatFacts,
  type SessionInput,
  type SetAmendmentProcedure,
  type VersionDiffDto,
  type VoteChoice,
  type VoteRules,
} from '@sesame/domain';
import type { Prisma } from '../generated/prisma/client';
import { AuditService } from '../audit/audit.service';
import { authorize } from '../common/authorize';
import { ProblemException } from '../common/problem.exception';
import { API_CONFIG, type ApiConfig } from '../config/config.schema';
import { NotificationsService } from '../notifications/notifications.service';
import type { PrismaTransaction } from '../prisma/prisma.service';
import { adoptionRefusal, amendmentDto, day, dissentDto, iso, memberRef, opinionLabel, tallyOf, textDiff, unifiedDiff, voteDto } from './recommendations.dto';
import { buildDossier } from './recommendations.dossier';
import { RecommendationsRepository, type MemberRow, type OpinionRow, type RecommendationRow, type ReferralRow, type ReferralSummaryRow, type SessionRow } from './recommendations.repository';

const DAY_MS = 86_400_000;
/**
 * The members' acts are audited out of the public log: a public entry names
 * its actor's account (id and pseudonym), which beside the member's public
 * name would tie a drawn citizen's seat to their pseudonym everywhere else
 * on the platform; and the entries carry the workspace (drafts, amendments,
 * sessions, hearings, counts of unpublished votes), which is the panel's own.
 */
const MEMBERS_ONLY = 'restricted' as const;
type Seat = (MemberRow & { memberId: string }) | null;

/**
 * Panel recommendations: referrals and their dossier, the members' workspace
 * (sessions, attendance and quorum, discussion, hearings), recommendations
 * drafted, amended (versions, diffs, merges), voted on (recorded or secret;
 * quorum and threshold by the domain's `tallyVote`), dissents, and the
 * numbered opinion. Every change is one transaction: lock, check the policy
 * against the locked row, write, audit, notify.
 */
@Injectable()
export class RecommendationsService {
  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly repository: RecommendationsRepository,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  // ——— seats and rules ———

  async seatOf(actor: Actor, tx?: PrismaTransaction): Promise<Seat> {
    if (!actor) return null;
    const m = await this.repository.seatOf(actor.id, tx);
    return m ? { ...m, memberId: m.id } : null;
  }
  private facts(seat: Seat): SeatFacts {
    return seat ? { memberId: seat.id, seatType: seat.seatType, state: seat.state, position: seat.position } : null;
  }

  /**
   * Members' routes refuse non-members before looking anything up: whether a
   * referral or a vote exists is the panel's business (and the route matrix
   * sees a plain 401/403).
   */
  private async requireMember(actor: Actor): Promise<void> {
    const seat = await this.seatOf(actor);
    authorize(canOnRecommendations('recommendations.discuss', { actor, seat: this.facts(seat), referral: { reference: '', state: 'open' } }));
  }

  /** The panel rules in force; a vote needs them (422 before the first version is published). */
  async rules(tx?: PrismaTransaction): Promise<PanelRules> {
    const raw = await this.repository.rulesInForce(tx);
    if (!raw) throw ProblemException.ruleViolation('Le règlement du comité n’est pas encore publié : ni quorum ni majorité ne sont fixés.');
    return PanelRulesSchema.parse(raw);
  }
  private voteRules(rules: PanelRules): VoteRules {
    return { votingSeats: votingSeatsOf(rules.seats), quorumPercent: rules.quorumPercent, threshold: rules.adoptionThreshold };
  }

  async workspace(actor: Actor) {
    const seat = await this.seatOf(actor);
    authorize(canOnRecommendations('recommendations.view-workspace', { actor, seat: this.facts(seat) }));
    const referrals = await this.repository.referrals();
    return {
      seat: seat ? memberRef(seat) : null,
      referrals: referrals.map((r) => this.summary(r)),
      viewer: { can: permissionsFor(PANEL_WORKSPACE_VIEWER_ACTIONS, (action) => canOnRecommendations(action, { actor, seat: this.facts(seat) })) },
    };
  }

  async linkSeat(actor: Actor, memberId: string, personId: string) {
    const organizer = authorize(canOnRecommendations('recommendations.link-seat', { actor }));
    const member = await this.repository.member(memberId);
    if (!member) throw ProblemException.notFound('Aucun membre du comité avec cet identifiant.');
    if (!(await this.repository.personExists(personId))) throw ProblemException.validation([{ path: 'personId', code: 'unknown_person', message: 'Aucun compte avec cet identifiant.' }]);
    await this.repository.transaction(async (tx) => {
      await this.repository.linkSeat(tx, memberId, personId);
      await this.audit.record(tx, { actorId: organizer.id, action: 'panel-seat.linked', subjectType: 'panel-member', subjectId: memberId, data: { seatType: member.seatType }, visibility: 'restricted' });
    });
    return { member: memberRef(member), linked: true };
  }

  async unlinkSeat(actor: Actor, memberId: string): Promise<void> {
    const organizer = authorize(canOnRecommendations('recommendations.link-seat', { actor }));
    const member = await this.repository.member(memberId);
    if (!member) throw ProblemException.notFound('Aucun membre du comité avec cet identifiant.');
    await this.repository.transaction(async (tx) => {
      await this.repository.unlinkSeat(tx, memberId);
      await this.audit.record(tx, { actorId: organizer.id, action: 'panel-seat.unlinked', subjectType: 'panel-member', subjectId: memberId, visibility: 'restricted' });
    });
  }

  // ——— referrals ———

  async referrals(actor: Actor): Promise<ReferralSummaryDto[]> {
    const seat = await this.seatOf(actor);
    authorize(canOnRecommendations('recommendations.view-referral', { actor, seat: this.facts(seat), referral: { reference: '', state: 'open' } }));
    return (await this.repository.referrals()).map((r) => this.summary(r));
  }

  async createReferral(actor: Actor, input: CreateReferral): Promise<ReferralDto> {
    const seat = await this.seatOf(actor);
    const person = authorize(canOnRecommendations('recommendations.refer', { actor, seat: this.facts(seat), source: input.source }));
    const sources = await this.sources(input);
    const dossier = await buildDossier(this.repository, sources);
    const reference = await this.repository.transaction(async (tx) => {
      const row = await this.repository.createReferral(tx, {
        source: input.source,
        title: input.title,
        question: input.question,
        dataUseId: sources.dataUseId,
        consultationId: sources.consultation?.id ?? null,
        proposalId: sources.proposal?.id ?? null,
        dossier: dossier as unknown as Prisma.InputJsonValue,
      });
      await this.audit.record(tx, { actorId: person.id, action: 'referral.created', visibility: seat?.state === 'active' ? MEMBERS_ONLY : 'public', subjectType: 'referral', subjectId: row.reference, data: { source: input.source, title: input.title, consultation: sources.consultation?.reference ?? null, proposal: sources.proposal?.reference ?? null } });
      await this.notifyReferral(tx, row.reference, input.title, sources.dataUseId, sources.proposal?.id ?? null, sources.consultation?.id ?? null, seat?.state !== 'active');
      return row.reference;
    });
    return this.referral(actor, reference);
  }

  /** The job's half: a data use past its review or sunset date opens a referral, once per register alert. */
  async referAlert(alert: { id: string; kind: 'review_overdue' | 'sunset_passed'; dueDate: Date; dataUseId: string }): Promise<string | null> {
    const dataUse = await this.repository.dataUseById(alert.dataUseId);
    if (!dataUse) return null;
    const dossier = await buildDossier(this.repository, { dataUseId: dataUse.id, dataUse, consultation: null, proposal: null, review: { kind: alert.kind, dueDate: day(alert.dueDate) } });
    return this.repository.transaction(async (tx) => {
      if (!(await this.repository.claimAlert(tx, alert.id))) return null;
      const late = alert.kind === 'review_overdue' ? 'date de réexamen' : 'date de fin';
      const title = `Réexamen : ${dataUse.title}`.slice(0, 200);
      const row = await this.repository.createReferral(tx, {
        source: 'data_use_review',
        title,
        question: `La ${late} de l’usage ${dataUse.reference} (${day(alert.dueDate)}) est passée. Le comité recommande-t-il de le poursuivre, de le modifier ou d’y mettre fin ?`,
        dataUseId: dataUse.id,
        alertId: alert.id,
        dossier: dossier as unknown as Prisma.InputJsonValue,
      });
      await this.audit.record(tx, { actorId: null, action: 'referral.created', subjectType: 'referral', subjectId: row.reference, data: { source: 'data_use_review', title, dataUse: dataUse.reference, kind: alert.kind, dueDate: day(alert.dueDate) } });
      await this.notifyReferral(tx, row.reference, title, dataUse.id, null, null, true);
      return row.reference;
    });
  }

  private async sources(input: CreateReferral) {
    let consultation: Awaited<ReturnType<RecommendationsRepository['consultation']>> = null;
    let proposal: Awaited<ReturnType<RecommendationsRepository['proposal']>> = null;
    let dataUse: { id: string; reference: string; title: string; reviewDate: Date | null; sunsetDate: Date | null } | null = null;
    if (input.source === 'consultation') {
      consultation = await this.repository.consultation(input.consultation!);
      if (!consultation || consultation.state === 'draft') throw ProblemException.validation([{ path: 'consultation', code: 'unknown_consultation', message: `Aucune consultation ${input.consultation}.` }]);
      if (consultation.state !== 'results' && consultation.state !== 'referral') throw ProblemException.ruleViolation('Seuls les résultats d’une consultation close se transmettent au comité.');
      dataUse = await this.repository.dataUseById(consultation.dataUseId);
    }
    if (input.source === 'proposal') {
      proposal = await this.repository.proposal(input.proposal!);
      if (!proposal || proposal.state === 'draft') throw ProblemException.validation([{ path: 'proposal', code: 'unknown_proposal', message: `Aucune proposition ${input.proposal}.` }]);
      if (proposal.state !== 'qualified' && proposal.state !== 'selected') throw ProblemException.ruleViolation('Seule une proposition qui a atteint son objectif de soutiens se transmet au comité.');
      if (proposal.dataUseId && proposal.dataUse) dataUse = { id: proposal.dataUseId, ...proposal.dataUse };
    }
    if (input.dataUse && !dataUse) {
      const found = await this.repository.dataUse(input.dataUse);
      if (!found || found.state === 'draft') throw ProblemException.validation([{ path: 'dataUse', code: 'unknown_data_use', message: `Aucun usage de données ${input.dataUse}.` }]);
      dataUse = found;
    }
    return { dataUseId: dataUse?.id ?? null, dataUse, consultation, proposal, review: null };
  }

  /**
   * Members are told with a link to the referral in their workspace. Followers
   * of the data use or proposal are told only of a public referral (the
   * panel's own initiative stays among members until its opinion), with a
   * link to the panel's public page: a referral has no public page of its own.
   */
  private async notifyReferral(tx: PrismaTransaction, reference: string, title: string, dataUseId: string | null, proposalId: string | null, consultationId: string | null, isPublic: boolean) {
    const members = new Set<string>(await this.repository.activeMemberAccounts(tx));
    for (const personId of members) await this.notifications.notify(tx, { personId, kind: 'recommendations.referred', data: { title }, link: `/comite/espace/saisines/${reference}` });
    if (!isPublic) return;
    for (const personId of await this.followersOf(tx, dataUseId, proposalId, consultationId)) {
      if (!members.has(personId)) await this.notifications.notify(tx, { personId, kind: 'recommendations.referred', data: { title }, link: '/comite' });
    }
  }

  /** Followers of the data use, of the proposal (or the consultation's proposal). */
  private async followersOf(tx: PrismaTransaction, dataUseId: string | null, proposalId: string | null, consultationId: string | null): Promise<Set<string>> {
    const people = new Set<string>();
    if (dataUseId) for (const id of await this.repository.dataUseFollowers(tx, dataUseId)) people.add(id);
    const proposal = proposalId ?? (consultationId ? await this.repository.consultationProposalId(tx, consultationId) : null);
    if (proposal) for (const id of await this.repository.proposalFollowers(tx, proposal)) people.add(id);
    return people;
  }

  async referral(actor: Actor, reference: string): Promise<ReferralDto> {
    authorize(canOnRecommendations('recommendations.view-referral', { actor, seat: this.facts(await this.seatOf(actor)), referral: { reference, state: 'open' } }));
    const row = await this.repository.referral(reference);
    if (!row) throw ProblemException.notFound(`Aucune saisine ${reference}.`);
    const seat = await this.seatOf(actor);
    authorize(canOnRecommendations('recommendations.view-referral', { actor, seat: this.facts(seat), referral: row }));
    const rules = await this.repository.rulesInForce().then((r) => (r ? PanelRulesSchema.parse(r) : null));
    // The authority reads the dossier, not the drafts: a recommendation is the panel's until published (`view-item`).
    const visible = row.recommendations.filter((r) => canOnRecommendations('recommendations.view-item', { actor, seat: this.facts(seat), item: this.itemFacts(r) }).allowed);
    return {
      ...this.summary({ ...row, dataUse: row.dataUse, consultation: row.consultation, proposal: row.proposal, opinion: row.opinion?.reference ? { reference: row.opinion.reference } : null, _count: { recommendations: visible.length } }),
      question: row.question,
      dossier: row.dossier as unknown as ReferralDossier,
      dismissedReason: row.dismissedReason,
      sessions: row.sessions.map((s) => this.sessionDto(s, rules)),
      hearings: row.hearings.map((h) => this.hearingDto(h)),
      recommendations: visible.map((r) => {
        const { amendments: _a, votes: _v, dissents: _d, ...rest } = this.recommendationDto(r, actor, seat);
        return rest;
      }),
      opinionDraft: row.opinion ? { title: row.opinion.title, state: row.opinion.state } : null,
      viewer: { can: permissionsFor(REFERRAL_VIEWER_ACTIONS, (action) => canOnRecommendations(action, { actor, seat: this.facts(seat), referral: row })) },
    };
  }

  async dismissReferral(actor: Actor, reference: string, reason: string): Promise<ReferralDto> {
    // Organizers only, checked before the look-up: a 404 to others would tell which referrals exist.
    authorize(canOnRecommendations('recommendations.dismiss-referral', { actor, referral: { reference, state: 'open' } }));
    await this.repository.transaction(async (tx) => {
      const row = await this.repository.lockReferral(tx, reference);
      if (!row) throw ProblemException.notFound(`Aucune saisine ${reference}.`);
      const organizer = authorize(canOnRecommendations('recommendations.dismiss-referral', { actor, referral: row }));
      await this.repository.updateReferral(tx, row.id, { state: 'dismissed', dismissedReason: reason });
      await this.audit.record(tx, { actorId: organizer.id, action: 'referral.dismissed', subjectType: 'referral', subjectId: reference, data: { reason } });
    });
    return this.referral(actor, reference);
  }

  async refreshDossier(actor: Actor, reference: string): Promise<ReferralDto> {
    await this.requireMember(actor);
    const row = await this.repository.referral(reference);
    if (!row) throw ProblemException.notFound(`Aucune saisine ${reference}.`);
    const seat = await this.seatOf(actor);
    authorize(canOnRecommendations('recommendations.work', { actor, seat: this.facts(seat), referral: row }));
    const consultation = row.consultation ? await this.repository.consultation(row.consultation.reference) : null;
    const proposal = row.proposal ? await this.repository.proposal(row.proposal.reference) : null;
    const dataUse = row.dataUseId ? await this.repository.dataUseById(row.dataUseId) : null;
    const previous = row.dossier as unknown as ReferralDossier;
    const dossier = await buildDossier(this.repository, { dataUseId: row.dataUseId, dataUse, consultation, proposal, review: previous.review });
    await this.repository.transaction((tx) => this.repository.updateReferral(tx, row.id, { dossier: dossier as unknown as Prisma.InputJsonValue }));
    return this.referral(actor, reference);
  }

  private summary(r: ReferralSummaryRow | (Omit<ReferralSummaryRow, 'opinion'> & { opinion: { reference: string | null } | null })): ReferralSummaryDto {
    return {
      reference: r.reference,
      source: r.source,
      state: r.state,
      title: r.title,
      dataUse: r.dataUse?.reference ?? null,
      consultation: r.consultation?.reference ?? null,
      proposal: r.proposal?.reference ?? null,
      recommendations: r._count.recommendations,
      opinion: r.opinion?.reference ?? null,
      createdAt: r.createdAt.toISOString(),
    };
  }

  // ——— sessions, discussion, hearings ———

  /** Runs `work` on an open referral the actor may work on (a member), locked. */
  private async onReferral<T>(actor: Actor, reference: string, work: (tx: PrismaTransaction, row: ReferralRow, seat: NonNullable<Seat>) => Promise<T>, action: 'recommendations.work' | 'recommendations.publish-opinion' = 'recommendations.work'): Promise<T> {
    await this.requireMember(actor);
    return this.repository.transaction(async (tx) => {
      const row = await this.repository.lockReferral(tx, reference);
      if (!row) throw ProblemException.notFound(`Aucune saisine ${reference}.`);
      const seat = await this.seatOf(actor, tx);
      authorize(canOnRecommendations(action, { actor, seat: this.facts(seat), referral: row }));
      return work(tx, row, seat!);
    });
  }

  async createSession(actor: Actor, reference: string, input: SessionInput): Promise<PanelSessionDto> {
    const id = await this.onReferral(actor, reference, async (tx, row, seat) => {
      const s = await this.repository.createSession(tx, row.id, { title: input.title, scheduledAt: new Date(input.scheduledAt), place: input.place, agenda: input.agenda });
      await this.audit.record(tx, { actorId: actor!.id, action: 'panel-session.scheduled', visibility: MEMBERS_ONLY, subjectType: 'panel-session', subjectId: s.id, data: { referral: reference, number: s.number, title: s.title, scheduledAt: s.scheduledAt.toISOString(), by: seat.displayName } });
      for (const personId of await this.repository.activeMemberAccounts(tx)) await this.notifications.notify(tx, { personId, kind: 'recommendations.session-scheduled', data: { title: s.title }, link: `/comite/espace/saisines/${reference}` });
      return s.id;
    });
    return this.session(id);
  }

  private async session(id: string): Promise<PanelSessionDto> {
    const row = await this.repository.session(id);
    if (!row) throw ProblemException.notFound('Aucune séance avec cet identifiant.');
    const rules = await this.repository.rulesInForce().then((r) => (r ? PanelRulesSchema.parse(r) : null));
    return this.sessionDto(row, rules);
  }

  /** A session of an open referral, locked, for a member. */
  private async onSession<T>(actor: Actor, sessionId: string, work: (tx: PrismaTransaction, s: SessionRow) => Promise<T>): Promise<T> {
    await this.requireMember(actor);
    const header = await this.repository.session(sessionId);
    if (!header) throw ProblemException.notFound('Aucune séance avec cet identifiant.');
    return this.onReferral(actor, header.referral.reference, async (tx) => {
      const s = await this.repository.lockSession(tx, sessionId);
      return work(tx, s!);
    });
  }

  async updateSession(actor: Actor, sessionId: string, input: SessionInput): Promise<PanelSessionDto> {
    await this.onSession(actor, sessionId, async (tx, s) => {
      if (s.state !== 'scheduled') throw ProblemException.ruleViolation('Une séance tenue ou annulée ne se modifie plus.');
      await this.repository.updateSession(tx, s.id, { title: input.title, scheduledAt: new Date(input.scheduledAt), place: input.place, agenda: input.agenda });
    });
    return this.session(sessionId);
  }

  async recordAttendance(actor: Actor, sessionId: string, input: RecordAttendance): Promise<PanelSessionDto> {
    await this.onSession(actor, sessionId, async (tx, s) => {
      if (s.state === 'cancelled') throw ProblemException.ruleViolation('Cette séance est annulée.');
      const members = await this.repository.members(input.attendance.map((a) => a.memberId), tx);
      const known = new Set(members.filter((m) => m.state === 'active').map((m) => m.id));
      const errors = input.attendance.flatMap((a, i) => (known.has(a.memberId) ? [] : [{ path: `attendance.${i}.memberId`, code: 'unknown_member', message: 'Ce membre ne siège pas au comité.' }]));
      if (errors.length) throw ProblemException.validation(errors);
      await this.repository.setAttendance(tx, s.id, input.attendance);
    });
    return this.session(sessionId);
  }

  async holdSession(actor: Actor, sessionId: string, minutes: string): Promise<PanelSessionDto> {
    await this.onSession(actor, sessionId, async (tx, s) => {
      if (s.state !== 'scheduled') throw ProblemException.ruleViolation('Cette séance est déjà tenue ou annulée.');
      const rules = await this.rules(tx);
      const quorum = this.sessionQuorum(s, rules);
      if (!quorum.reached) {
        throw new ProblemException({
          type: problemTypes.ruleViolation,
          title: 'Rule violation',
          status: 422,
          detail: `Quorum non atteint : ${quorum.present} membres votants présents sur ${quorum.required} requis (${quorum.percent} % de ${quorum.votingSeats} sièges).`,
          quorum,
        } as ProblemDocument);
      }
      await this.repository.updateSession(tx, s.id, { state: 'held', heldAt: new Date(), minutes, quorum: quorum as unknown as Prisma.InputJsonValue });
      await this.audit.record(tx, { actorId: actor!.id, action: 'panel-session.held', visibility: MEMBERS_ONLY, subjectType: 'panel-session', subjectId: s.id, data: { referral: s.referral.reference, number: s.number, present: quorum.present, required: quorum.required } });
    });
    return this.session(sessionId);
  }

  async cancelSession(actor: Actor, sessionId: string): Promise<PanelSessionDto> {
    await this.onSession(actor, sessionId, async (tx, s) => {
      if (s.state !== 'scheduled') throw ProblemException.ruleViolation('Cette séance est déjà tenue ou annulée.');
      await this.repository.updateSession(tx, s.id, { state: 'cancelled' });
      await this.audit.record(tx, { actorId: actor!.id, action: 'panel-session.cancelled', visibility: MEMBERS_ONLY, subjectType: 'panel-session', subjectId: s.id, data: { referral: s.referral.reference, number: s.number } });
    });
    return this.session(sessionId);
  }

  private sessionQuorum(s: SessionRow, rules: PanelRules | null) {
    const present = s.attendance.filter((a) => a.status === 'present' && VOTING_SEAT_TYPES.includes(a.member.seatType) && a.member.position === 'titular').length;
    return quorumOf(present, rules ? this.voteRules(rules) : { votingSeats: 0, quorumPercent: 100 });
  }

  private sessionDto(s: SessionRow, rules: PanelRules | null): PanelSessionDto {
    const bySeat = { drawn_citizen: 0, association: 0, expert_voting: 0, expert_consultative: 0 };
    for (const a of s.attendance) if (a.status === 'present') bySeat[a.member.seatType] += 1;
    return {
      id: s.id,
      referral: s.referral.reference,
      number: s.number,
      title: s.title,
      scheduledAt: s.scheduledAt.toISOString(),
      place: s.place,
      agenda: s.agenda as string[],
      state: s.state,
      minutes: s.minutes,
      attendance: s.attendance.map((a) => ({ member: memberRef(a.member), status: a.status })),
      presentBySeatType: bySeat,
      quorum: (s.quorum as unknown as PanelSessionDto['quorum']) ?? this.sessionQuorum(s, rules),
      heldAt: iso(s.heldAt),
    };
  }

  async discussion(actor: Actor, reference: string) {
    await this.requireMember(actor);
    const row = await this.repository.referral(reference);
    if (!row) throw ProblemException.notFound(`Aucune saisine ${reference}.`);
    const seat = await this.seatOf(actor);
    authorize(canOnRecommendations('recommendations.discuss', { actor, seat: this.facts(seat), referral: row }));
    return (await this.repository.posts(row.id)).map((p) => ({ id: p.id, author: memberRef(p.author), body: p.body, replyTo: p.replyToId, createdAt: p.createdAt.toISOString() }));
  }

  async post(actor: Actor, reference: string, input: { body: string; replyTo?: string }) {
    await this.requireMember(actor);
    const row = await this.repository.referral(reference);
    if (!row) throw ProblemException.notFound(`Aucune saisine ${reference}.`);
    const seat = await this.seatOf(actor);
    authorize(canOnRecommendations('recommendations.discuss', { actor, seat: this.facts(seat), referral: row }));
    if (input.replyTo && !(await this.repository.postInReferral(input.replyTo, row.id))) throw ProblemException.validation([{ path: 'replyTo', code: 'unknown_post', message: 'Ce message n’existe pas dans cette discussion.' }]);
    const p = await this.repository.transaction((tx) => this.repository.createPost(tx, { referralId: row.id, authorId: seat!.id, body: input.body, replyToId: input.replyTo ?? null }));
    return { id: p.id, author: memberRef(p.author), body: p.body, replyTo: p.replyToId, createdAt: p.createdAt.toISOString() };
  }

  async hearing(actor: Actor, reference: string, input: PanelHearingInput) {
    return this.onReferral(actor, reference, async (tx, row) => {
      if (input.sessionId && !row.sessions.some((s) => s.id === input.sessionId)) throw ProblemException.validation([{ path: 'sessionId', code: 'unknown_session', message: 'Cette séance n’appartient pas à cette saisine.' }]);
      const h = await this.repository.createHearing(tx, { referralId: row.id, sessionId: input.sessionId ?? null, kind: input.kind, name: input.name, affiliation: input.affiliation, interests: input.interests, summary: input.summary, heldOn: new Date(input.heldOn) });
      await this.audit.record(tx, { actorId: actor!.id, action: 'panel-hearing.recorded', visibility: MEMBERS_ONLY, subjectType: 'referral', subjectId: reference, data: { kind: h.kind, name: h.name, heldOn: input.heldOn } });
      return this.hearingDto(h);
    });
  }

  private hearingDto(h: ReferralRow['hearings'][number]) {
    return { id: h.id, kind: h.kind, name: h.name, affiliation: h.affiliation, interests: h.interests, summary: h.summary, heldOn: day(h.heldOn), session: h.session?.number ?? null };
  }

  // ——— recommendations ———

  async draft(actor: Actor, reference: string, input: DraftRecommendation): Promise<RecommendationDto> {
    const item = await this.onReferral(actor, reference, async (tx, row, seat) => {
      const r = await this.repository.createRecommendation(tx, { referralId: row.id, rapporteurId: seat.id, title: input.title, body: input.body });
      await this.audit.record(tx, { actorId: actor!.id, action: 'recommendation.drafted', visibility: MEMBERS_ONLY, subjectType: 'recommendation', subjectId: r.reference, data: { referral: reference, title: input.title } });
      return r.reference;
    });
    return this.item(actor, item);
  }

  async item(actor: Actor, reference: string): Promise<RecommendationDto> {
    const row = await this.repository.recommendation(reference);
    if (!row) throw ProblemException.notFound(`Aucune recommandation ${reference}.`);
    const seat = await this.seatOf(actor);
    authorize(canOnRecommendations('recommendations.view-item', { actor, seat: this.facts(seat), item: this.itemFacts(row) }));
    return this.recommendationDto(row, actor, seat);
  }

  private itemFacts(row: RecommendationRow) {
    const open = row.votes.find((v) => v.subject === 'recommendation' && v.state === 'open');
    return { reference: row.reference, state: row.state, rapporteurId: row.rapporteurId, openVote: open?.mode ?? null };
  }
  private current(row: RecommendationRow) {
    return row.versions.find((v) => v.version === row.version)!;
  }

  private recommendationDto(row: RecommendationRow, actor: Actor, seat: Seat): RecommendationDto {
    const text = this.current(row);
    const facts = this.facts(seat);
    const isMemberOrOrganizer = canOnRecommendations('recommendations.view-workspace', { actor, seat: facts }).allowed;
    return {
      id: row.id,
      reference: row.reference,
      referral: row.referral.reference,
      state: row.state,
      title: text.title,
      body: text.body,
      version: row.version,
      rapporteur: memberRef(row.rapporteur),
      // A withdrawn amendment was never before the panel: its text and author stay in the workspace.
      amendments: row.amendments.filter((a) => a.state !== 'withdrawn' || isMemberOrOrganizer).map((a) => amendmentDto(a, row)),
      votes: row.votes.map((v) => voteDto(v, row.reference, seat?.id ?? null)),
      dissents: row.dissents.map((d) => dissentDto(d, row.reference)),
      adoptedAt: iso(row.adoptedAt),
      opinion: row.opinion?.state === 'published' ? row.opinion.reference : null,
      position: row.position,
      viewer: { can: permissionsFor(RECOMMENDATION_VIEWER_ACTIONS, (action) => canOnRecommendations(action, { actor, seat: facts, item: this.itemFacts(row) })) },
    };
  }

  /** Locks the recommendation, checks `decide` against it, runs `work`. */
  private async onItem<T>(actor: Actor, reference: string, decide: (row: RecommendationRow, seat: SeatFacts) => Parameters<typeof authorize>[0], work: (tx: PrismaTransaction, row: RecommendationRow, seat: NonNullable<Seat>) => Promise<T>): Promise<T> {
    await this.requireMember(actor);
    return this.repository.transaction(async (tx) => {
      const row = await this.repository.lockRecommendation(tx, reference);
      if (!row) throw ProblemException.notFound(`Aucune recommandation ${reference}.`);
      const seat = await this.seatOf(actor, tx);
      authorize(decide(row, this.facts(seat)));
      return work(tx, row, seat!);
    });
  }

  async editDraft(actor: Actor, reference: string, input: EditDraft): Promise<RecommendationDto> {
    await this.onItem(actor, reference, (row, seat) => canOnRecommendations('recommendations.edit-draft', { actor, seat, item: this.itemFacts(row) }), async (tx, row) => {
      const version = row.version + 1;
      await this.repository.addVersion(tx, { recommendationId: row.id, version, title: input.title, body: input.body, changeNote: input.changeNote, amendments: [] });
      await this.repository.updateRecommendation(tx, row.id, { version });
      await this.audit.record(tx, { actorId: actor!.id, action: 'recommendation.edited', visibility: MEMBERS_ONLY, subjectType: 'recommendation', subjectId: reference, data: { version, changeNote: input.changeNote } });
    });
    return this.item(actor, reference);
  }

  async openAmendments(actor: Actor, reference: string): Promise<RecommendationDto> {
    await this.onItem(actor, reference, (row, seat) => canOnRecommendations('recommendations.open-amendments', { actor, seat, item: this.itemFacts(row) }), async (tx, row) => {
      await this.repository.updateRecommendation(tx, row.id, { state: 'amending' });
      await this.audit.record(tx, { actorId: actor!.id, action: 'recommendation.amendments-opened', visibility: MEMBERS_ONLY, subjectType: 'recommendation', subjectId: reference, data: { version: row.version } });
    });
    return this.item(actor, reference);
  }

  async withdraw(actor: Actor, reference: string): Promise<RecommendationDto> {
    await this.onItem(actor, reference, (row, seat) => canOnRecommendations('recommendations.withdraw', { actor, seat, item: this.itemFacts(row) }), async (tx, row) => {
      await this.repository.updateRecommendation(tx, row.id, { state: 'withdrawn' });
      await this.audit.record(tx, { actorId: actor!.id, action: 'recommendation.withdrawn', visibility: MEMBERS_ONLY, subjectType: 'recommendation', subjectId: reference });
    });
    return this.item(actor, reference);
  }

  async versions(actor: Actor, reference: string) {
    const item = await this.item(actor, reference);
    const row = (await this.repository.recommendation(reference))!;
    void item;
    return row.versions.map((v) => ({ version: v.version, title: v.title, body: v.body, changeNote: v.changeNote, amendments: v.amendments, createdAt: v.createdAt.toISOString() }));
  }

  async diff(actor: Actor, reference: string, from: number, to: number): Promise<VersionDiffDto> {
    await this.item(actor, reference);
    const row = (await this.repository.recommendation(reference))!;
    const a = row.versions.find((v) => v.version === from);
    const b = row.versions.find((v) => v.version === to);
    const errors = [...(a ? [] : [{ path: 'from', code: 'unknown_version', message: `Pas de version ${from}.` }]), ...(b ? [] : [{ path: 'to', code: 'unknown_version', message: `Pas de version ${to}.` }])];
    if (errors.length) throw ProblemException.validation(errors);
    return { from, to, title: textDiff(a!.title, b!.title), body: textDiff(a!.body, b!.body), unified: unifiedDiff(reference, `version ${from}`, `version ${to}`, a!.body, b!.body) };
  }

  async amend(actor: Actor, reference: string, input: ProposeAmendment) {
    const number = await this.onItem(actor, reference, (row, seat) => canOnRecommendations('recommendations.amend', { actor, seat, item: this.itemFacts(row) }), async (tx, row, seat) => {
      const number = (row.amendments.at(-1)?.number ?? 0) + 1;
      if (input.body === this.current(row).body && (input.title ?? this.current(row).title) === this.current(row).title) throw ProblemException.validation([{ path: 'body', code: 'unchanged', message: 'Cet amendement ne change rien au texte.' }]);
      await this.repository.createAmendment(tx, { recommendationId: row.id, authorId: seat.id, baseVersion: row.version, title: input.title ?? null, body: input.body, explanation: input.explanation }, number);
      await this.audit.record(tx, { actorId: actor!.id, action: 'amendment.proposed', visibility: MEMBERS_ONLY, subjectType: 'recommendation', subjectId: reference, data: { number, baseVersion: row.version } });
      return number;
    });
    return (await this.item(actor, reference)).amendments.find((a) => a.number === number)!;
  }

  private amendmentOf(row: RecommendationRow, number: number) {
    const a = row.amendments.find((x) => x.number === number);
    if (!a) throw ProblemException.notFound(`Pas d’amendement n° ${number} à ${row.reference}.`);
    return a;
  }

  async setProcedure(actor: Actor, reference: string, number: number, input: SetAmendmentProcedure) {
    await this.onItem(
      actor,
      reference,
      (row, seat) => {
        const a = this.amendmentOf(row, number);
        return canOnRecommendations('recommendations.set-procedure', { actor, seat, item: this.itemFacts(row), amendment: { state: a.state, authorId: a.authorId } });
      },
      async (tx, row) => {
        const a = this.amendmentOf(row, number);
        if (input.procedure === 'vote') {
          const rules = await this.rules(tx);
          await this.repository.updateAmendment(tx, a.id, { procedure: 'vote', procedureNote: input.note, state: 'voting' });
          await this.repository.createVote(tx, { subject: 'amendment', recommendationId: row.id, amendmentId: a.id, version: row.version, mode: rules.votingMode, rules: this.voteRules(rules) as unknown as Prisma.InputJsonValue });
          for (const personId of await this.repository.activeMemberAccounts(tx)) await this.notifications.notify(tx, { personId, kind: 'recommendations.vote-opened', data: { title: `amendement n° ${number} — ${this.current(row).title}` }, link: `/comite/espace/recommandations/${reference}` });
        } else {
          await this.repository.updateAmendment(tx, a.id, { procedure: input.procedure, procedureNote: input.note, state: 'accepted', modifiedBody: input.procedure === 'accept_modified' ? input.modifiedBody! : null });
        }
        await this.audit.record(tx, { actorId: actor!.id, action: 'amendment.procedure-set', visibility: MEMBERS_ONLY, subjectType: 'recommendation', subjectId: reference, data: { number, procedure: input.procedure } });
      },
    );
    return (await this.item(actor, reference)).amendments.find((a) => a.number === number)!;
  }

  async withdrawAmendment(actor: Actor, reference: string, number: number) {
    await this.onItem(
      actor,
      reference,
      (row, seat) => {
        const a = this.amendmentOf(row, number);
        return canOnRecommendations('recommendations.withdraw-amendment', { actor, seat, item: this.itemFacts(row), amendment: { state: a.state, authorId: a.authorId } });
      },
      async (tx, row) => {
        await this.repository.updateAmendment(tx, this.amendmentOf(row, number).id, { state: 'withdrawn' });
        await this.audit.record(tx, { actorId: actor!.id, action: 'amendment.withdrawn', visibility: MEMBERS_ONLY, subjectType: 'recommendation', subjectId: reference, data: { number } });
      },
    );
    return (await this.item(actor, reference)).amendments.find((a) => a.number === number)!;
  }

  /**
   * Merges the accepted amendments, in number order, into a new version: each
   * is the patch from the version it amended to its text (or the rapporteur's
   * modified text), applied to the text as it stands — so two amendments to
   * different passages both apply; one that no longer applies is a 409 naming it.
   */
  async merge(actor: Actor, reference: string): Promise<RecommendationDto> {
    await this.onItem(actor, reference, (row, seat) => canOnRecommendations('recommendations.merge', { actor, seat, item: this.itemFacts(row) }), async (tx, row) => {
      const accepted = row.amendments.filter((a) => a.state === 'accepted');
      if (accepted.length === 0) throw ProblemException.ruleViolation('Aucun amendement accepté à intégrer.');
      const current = this.current(row);
      let body = current.body;
      let title = current.title;
      for (const a of accepted) {
        const base = row.versions.find((v) => v.version === a.baseVersion)!;
        const target = a.procedure === 'accept_modified' ? a.modifiedBody! : a.body;
        // No context lines: amendments to different lines (paragraphs) both apply; the lines an amendment removes must still be there.
        const patch = structuredPatch('texte', 'texte', `${base.body}\n`, `${target}\n`, '', '', { context: 0 });
        const merged = applyPatch(`${body}\n`, patch);
        if (merged === false) throw ProblemException.conflict(`L’amendement n° ${a.number} ne s’applique plus au texte actuel : un amendement déjà intégré a changé le même passage. Retirez-le ou proposez-en un nouveau sur la version ${row.version}.`);
        body = merged.replace(/\n$/, '');
        if (a.title) title = a.title;
      }
      const version = row.version + 1;
      const numbers = accepted.map((a) => a.number);
      await this.repository.addVersion(tx, { recommendationId: row.id, version, title, body, changeNote: `Amendements intégrés : ${numbers.map((n) => `n° ${n}`).join(', ')}.`, amendments: numbers });
      await this.repository.updateRecommendation(tx, row.id, { version });
      for (const a of accepted) await this.repository.updateAmendment(tx, a.id, { state: 'merged', mergedInto: version });
      await this.audit.record(tx, { actorId: actor!.id, action: 'recommendation.amendments-merged', visibility: MEMBERS_ONLY, subjectType: 'recommendation', subjectId: reference, data: { version, amendments: numbers } });
    });
    return this.item(actor, reference);
  }

  // ——— votes ———

  async openVote(actor: Actor, reference: string, sessionId?: string): Promise<PanelVoteDto> {
    const voteId = await this.onItem(actor, reference, (row, seat) => canOnRecommendations('recommendations.open-vote', { actor, seat, item: this.itemFacts(row) }), async (tx, row) => {
      const pending = row.amendments.filter((a) => a.state === 'proposed' || a.state === 'voting' || a.state === 'accepted');
      if (pending.length) throw ProblemException.ruleViolation(`Des amendements attendent encore leur suite ou leur intégration : ${pending.map((a) => `n° ${a.number}`).join(', ')}.`);
      const session = sessionId ? await this.repository.session(sessionId, tx) : null;
      if (sessionId && session?.referral.reference !== row.referral.reference) throw ProblemException.validation([{ path: 'sessionId', code: 'unknown_session', message: 'Aucune séance de cette saisine avec cet identifiant.' }]);
      const rules = await this.rules(tx);
      const vote = await this.repository.createVote(tx, { subject: 'recommendation', recommendationId: row.id, sessionId: sessionId ?? null, version: row.version, mode: rules.votingMode, rules: this.voteRules(rules) as unknown as Prisma.InputJsonValue });
      await this.repository.updateRecommendation(tx, row.id, { state: 'voting' });
      await this.audit.record(tx, { actorId: actor!.id, action: 'panel-vote.opened', visibility: MEMBERS_ONLY, subjectType: 'recommendation', subjectId: reference, data: { vote: vote.id, version: row.version, mode: rules.votingMode } });
      for (const personId of await this.repository.activeMemberAccounts(tx)) await this.notifications.notify(tx, { personId, kind: 'recommendations.vote-opened', data: { title: this.current(row).title }, link: `/comite/espace/recommandations/${reference}` });
      return vote.id;
    });
    return this.vote(actor, voteId);
  }

  async vote(actor: Actor, voteId: string): Promise<PanelVoteDto> {
    const header = await this.repository.voteHeader(voteId);
    if (!header) throw ProblemException.notFound('Aucun vote avec cet identifiant.');
    const item = await this.item(actor, header.recommendation.reference);
    return item.votes.find((v) => v.id === voteId)!;
  }

  async cast(actor: Actor, voteId: string, choice: VoteChoice): Promise<PanelVoteDto> {
    await this.requireMember(actor);
    const header = await this.repository.voteHeader(voteId);
    if (!header) throw ProblemException.notFound('Aucun vote avec cet identifiant.');
    await this.onItem(
      actor,
      header.recommendation.reference,
      (row, seat) => canOnRecommendations('recommendations.vote', { actor, seat, vote: { state: row.votes.find((v) => v.id === voteId)!.state } }),
      async (tx, row, seat) => {
        const vote = row.votes.find((v) => v.id === voteId)!;
        const secret = vote.mode === 'secret';
        // The primary key (vote, member) is the double-vote guard, whatever runs concurrently.
        if (!(await this.repository.recordParticipation(tx, { voteId, memberId: seat.id, seatType: seat.seatType, choice: secret ? null : choice }))) {
          throw ProblemException.conflict('Vous avez déjà voté : un vote par membre.');
        }
        if (secret) await this.repository.addSecretBallot(tx, { voteId, seatType: seat.seatType, choice });
      },
    );
    return this.vote(actor, voteId);
  }

  /** Closes a vote whatever its result: recorded as adopted, rejected or without quorum, and the recommendation or amendment moves accordingly. */
  async closeVote(actor: Actor, voteId: string): Promise<PanelVoteDto> {
    await this.requireMember(actor);
    const header = await this.repository.voteHeader(voteId);
    if (!header) throw ProblemException.notFound('Aucun vote avec cet identifiant.');
    await this.onItem(
      actor,
      header.recommendation.reference,
      (row, seat) => canOnRecommendations('recommendations.close-vote', { actor, seat, item: this.itemFacts(row), vote: { state: row.votes.find((v) => v.id === voteId)!.state } }),
      async (tx, row) => this.close(tx, actor, row, row.votes.find((v) => v.id === voteId)!),
    );
    return this.vote(actor, voteId);
  }

  /**
   * Adoption under a recorded vote: closes the open vote on the recommendation
   * if it carries; 422 with the counts otherwise (the vote stays open — the
   * counts are public anyway). Under a secret vote the policy refuses, the
   * same way whatever the ballots (`SECRET_VOTE_ADOPTION`): the vote decides
   * at its close (`closeVote`), which publishes its result.
   */
  async adopt(actor: Actor, reference: string): Promise<RecommendationDto> {
    await this.onItem(actor, reference, (row, seat) => canOnRecommendations('recommendations.adopt', { actor, seat, item: this.itemFacts(row) }), async (tx, row) => {
      const vote = row.votes.find((v) => v.subject === 'recommendation' && v.state === 'open');
      if (!vote) throw ProblemException.ruleViolation('Aucun vote ouvert sur cette recommandation.');
      // The policy let no secret vote through; were it to, nothing of its count may answer before the close.
      if (vote.mode !== 'recorded') throw ProblemException.ruleViolation(SECRET_VOTE_ADOPTION);
      const tally = tallyOf(vote);
      if (tally.outcome !== 'adopted') {
        throw new ProblemException({ type: problemTypes.ruleViolation, title: 'Rule violation', status: 422, detail: adoptionRefusal(tally), counts: tally.counts, bySeatType: tally.bySeatType, quorum: tally.quorum, threshold: tally.threshold } as ProblemDocument);
      }
      await this.close(tx, actor, row, vote);
    });
    return this.item(actor, reference);
  }

  private async close(tx: PrismaTransaction, actor: Actor, row: RecommendationRow, vote: RecommendationRow['votes'][number]): Promise<void> {
    const tally = tallyOf(vote);
    await this.repository.closeVote(tx, vote.id, { outcome: tally.outcome, tally: tally as unknown as Prisma.InputJsonValue });
    await this.audit.record(tx, { actorId: actor!.id, action: 'panel-vote.closed', visibility: MEMBERS_ONLY, subjectType: 'recommendation', subjectId: row.reference, data: { vote: vote.id, subject: vote.subject, amendment: vote.amendment?.number ?? null, outcome: tally.outcome, counts: tally.counts, bySeatType: tally.bySeatType } as unknown as JsonValue });
    if (vote.subject === 'amendment') {
      const amendment = row.amendments.find((a) => a.votes.some((v) => v.id === vote.id))!;
      await this.repository.updateAmendment(tx, amendment.id, tally.outcome === 'adopted' ? { state: 'accepted' } : tally.outcome === 'rejected' ? { state: 'rejected' } : { state: 'proposed', procedure: null });
      return;
    }
    const title = this.current(row).title;
    if (tally.outcome === 'no_quorum') {
      await this.repository.updateRecommendation(tx, row.id, { state: 'amending' });
      return;
    }
    const adopted = tally.outcome === 'adopted';
    await this.repository.updateRecommendation(tx, row.id, adopted ? { state: 'adopted', adoptedAt: new Date() } : { state: 'rejected' });
    await this.audit.record(tx, { actorId: actor!.id, action: adopted ? 'recommendation.adopted' : 'recommendation.rejected', visibility: MEMBERS_ONLY, subjectType: 'recommendation', subjectId: row.reference, data: { title, version: row.version, counts: tally.counts } });
    // Adopted is not yet published: the text is the panel's until its opinion is (`view-item`), so only the
    // members are told, with its title; the followers of the data use and of the proposal hear of it at
    // publication (`recommendations.opinion-published`), never before, with the opinion's public text.
    if (adopted) {
      for (const personId of await this.repository.activeMemberAccounts(tx)) await this.notifications.notify(tx, { personId, kind: 'recommendations.adopted', data: { title }, link: `/comite/espace/recommandations/${row.reference}` });
    }
  }

  // ——— dissents ———

  async dissent(actor: Actor, reference: string, input: DissentInput): Promise<DissentDto> {
    const id = await this.onItem(actor, reference, (row, seat) => canOnRecommendations('recommendations.dissent', { actor, seat, item: this.itemFacts(row) }), async (tx, row, seat) => {
      if (input.anonymous && !(await this.rules(tx)).anonymousDissents) throw ProblemException.ruleViolation('Le règlement du comité ne prévoit pas d’opinion divergente anonyme : elle est signée.');
      const d = await this.repository.createDissent(tx, { recommendationId: row.id, body: input.body, anonymous: input.anonymous, memberId: seat.id });
      await this.audit.record(tx, { actorId: input.anonymous ? null : actor!.id, action: 'dissent.filed', visibility: MEMBERS_ONLY, subjectType: 'recommendation', subjectId: reference, data: { dissent: d.id, anonymous: input.anonymous } });
      return d.id;
    });
    return (await this.item(actor, reference)).dissents.find((d) => d.id === id)!;
  }

  async sign(actor: Actor, dissentId: string): Promise<DissentDto> {
    await this.requireMember(actor);
    const header = await this.repository.dissent(dissentId);
    if (!header) throw ProblemException.notFound('Aucune opinion divergente avec cet identifiant.');
    const reference = header.recommendation.reference;
    await this.onItem(actor, reference, (row, seat) => canOnRecommendations('recommendations.dissent', { actor, seat, item: this.itemFacts(row) }), async (tx, row, seat) => {
      if (!(await this.repository.sign(tx, dissentId, seat.id))) throw ProblemException.conflict('Vous avez déjà signé cette opinion divergente.');
      const anonymous = row.dissents.find((d) => d.id === dissentId)!.anonymous;
      await this.audit.record(tx, { actorId: anonymous ? null : actor!.id, action: 'dissent.signed', visibility: MEMBERS_ONLY, subjectType: 'recommendation', subjectId: reference, data: { dissent: dissentId } });
    });
    return (await this.item(actor, reference)).dissents.find((d) => d.id === dissentId)!;
  }

  // ——— opinions ———

  async saveOpinionDraft(actor: Actor, reference: string, input: OpinionDraftInput) {
    await this.onReferral(actor, reference, async (tx, row) => {
      if (row.opinion?.state === 'published') throw ProblemException.ruleViolation('L’avis est publié : il ne change plus.');
      const errors = input.recommendations.flatMap((ref, i) => {
        const r = row.recommendations.find((x) => x.reference === ref);
        if (!r) return [{ path: `recommendations.${i}`, code: 'unknown_recommendation', message: `${ref} n’appartient pas à cette saisine.` }];
        if (r.state !== 'adopted') return [{ path: `recommendations.${i}`, code: 'not_adopted', message: `${ref} n’est pas adoptée : seules les recommandations adoptées forment l’avis.` }];
        return [];
      });
      if (errors.length) throw ProblemException.ruleViolation('Seules les recommandations adoptées de cette saisine forment l’avis.', errors);
      await this.repository.upsertOpinionDraft(tx, row.id, { title: input.title, context: input.context, analysis: input.analysis, items: input.recommendations });
    });
    return this.referral(actor, reference);
  }

  /**
   * Publication: the number is taken in this transaction under the series'
   * lock (no gaps: a rolled-back publication never used one), the adopted
   * recommendations are published in the draft's order, the referral closes,
   * the response deadline is fixed from the rules in force.
   */
  async publishOpinion(actor: Actor, reference: string): Promise<OpinionDto> {
    const number = await this.onReferral(
      actor,
      reference,
      async (tx, row) => {
        const opinion = row.opinion;
        if (!opinion) throw ProblemException.ruleViolation('Rédigez d’abord l’avis (titre, contexte, analyse, recommandations).');
        const refs = opinion.items as string[];
        const items = refs.map((ref) => row.recommendations.find((r) => r.reference === ref));
        if (items.some((r) => !r || r.state !== 'adopted')) throw ProblemException.ruleViolation('Chaque recommandation de l’avis doit être adoptée au moment de la publication.');
        const rulesRaw = await this.repository.rulesInForce(tx);
        const days = rulesRaw ? PanelRulesSchema.parse(rulesRaw).responseDeadlineDays : DEFAULT_RESPONSE_DEADLINE_DAYS;
        const publishedAt = new Date();
        const number = await this.repository.nextOpinionNumber(tx, publishedAt.getUTCFullYear());
        await this.repository.publishOpinion(tx, opinion.id, { reference: number, publishedAt, responseDeadlineDays: days, responseDueAt: new Date(publishedAt.getTime() + days * DAY_MS) });
        for (const [i, r] of items.entries()) await this.repository.updateRecommendation(tx, r!.id, { state: 'published', opinionId: opinion.id, position: i + 1 });
        await this.repository.updateReferral(tx, row.id, { state: 'closed' });
        const published = { referral: reference, title: opinion.title, recommendations: refs, responseDueAt: new Date(publishedAt.getTime() + days * DAY_MS).toISOString() };
        // The public log says the panel published; which member pressed the button stays in the restricted entry.
        await this.audit.record(tx, { actorId: null, action: 'opinion.published', subjectType: 'opinion', subjectId: number, data: published });
        await this.audit.record(tx, { actorId: actor!.id, action: 'opinion.published', visibility: MEMBERS_ONLY, subjectType: 'opinion', subjectId: number, data: published });
        const people = await this.followersOf(tx, row.dataUseId, row.proposalId, row.consultationId);
        for (const id of await this.repository.activeMemberAccounts(tx)) people.add(id);
        // The authority is notified: it must answer each recommendation before the deadline.
        for (const id of await this.repository.authorityAccounts(tx)) people.add(id);
        for (const personId of people) await this.notifications.notify(tx, { personId, kind: 'recommendations.opinion-published', data: { number, title: opinion.title }, link: `/comite/avis/${number}` });
        return number;
      },
      'recommendations.publish-opinion',
    );
    return this.opinion(actor, number);
  }

  async opinions(): Promise<OpinionSummaryDto[]> {
    return (await this.repository.publishedOpinions()).map((o) => this.opinionSummary(o));
  }

  private opinionSummary(o: OpinionRow): OpinionSummaryDto {
    return {
      number: o.reference,
      label: opinionLabel(o.reference),
      title: o.title,
      referral: o.referral.reference,
      state: o.state,
      publishedAt: iso(o.publishedAt),
      responseDueAt: iso(o.responseDueAt),
      recommendations: o.recommendations.length,
      dataUse: o.referral.dataUse?.reference ?? null,
      consultation: o.referral.consultation?.reference ?? null,
    };
  }

  async publishedOpinion(number: string): Promise<OpinionRow> {
    const o = await this.repository.opinion(number);
    if (!o || o.state !== 'published') throw ProblemException.notFound(`Aucun avis n° ${number}.`);
    return o;
  }

  async opinion(actor: Actor, number: string): Promise<OpinionDto> {
    const o = await this.publishedOpinion(number);
    const base = `/api/v1/recommendations/opinions/${number}`;
    return {
      ...this.opinionSummary(o),
      context: o.context,
      analysis: o.analysis,
      procedure: {
        referral: { reference: o.referral.reference, source: o.referral.source, question: o.referral.question, createdAt: o.referral.createdAt.toISOString() },
        sessions: o.referral.sessions.filter((s) => s.state === 'held').map((s) => ({ number: s.number, title: s.title, heldAt: iso(s.heldAt), present: s.attendance.filter((a) => a.status === 'present').length, quorum: s.quorum as unknown as OpinionDto['procedure']['sessions'][number]['quorum'] })),
        hearings: o.referral.hearings.map((h) => this.hearingDto(h)),
      },
      items: o.recommendations.map((r) => {
        const text = this.current(r);
        const vote = r.votes.filter((v) => v.subject === 'recommendation' && v.outcome === 'adopted').at(-1)!;
        const { myChoice: _m, voted: _v, ...published } = voteDto(vote, r.reference, null);
        return {
          id: r.id,
          reference: r.reference,
          position: r.position!,
          title: text.title,
          body: text.body,
          version: r.version,
          rapporteur: memberRef(r.rapporteur),
          adoptedAt: r.adoptedAt!.toISOString(),
          vote: published,
          amendments: r.amendments.filter((a) => a.state !== 'withdrawn').map((a) => ({ number: a.number, author: memberRef(a.author), state: a.state, procedure: a.procedure })),
          dissents: r.dissents.map((d) => dissentDto(d, r.reference)),
        };
      }),
      responseDeadlineDays: o.responseDeadlineDays ?? DEFAULT_RESPONSE_DEADLINE_DAYS,
      links: { pdf: `${base}/pdf`, voteEvents: `${base}/vote-events`, feed: '/api/v1/recommendations/opinions/feed.atom' },
      followers: o._count.followers,
      following: actor ? await this.repository.isFollowing(o.id, actor.id) : false,
      viewer: { can: permissionsFor(OPINION_VIEWER_ACTIONS, (action) => canOnRecommendations(action, { actor })) },
    };
  }

  async follow(actor: Actor, number: string, following: boolean) {
    const person = authorize(canOnRecommendations('recommendations.follow-opinion', { actor }));
    const id = await this.repository.opinionId(number);
    if (!id) throw ProblemException.notFound(`Aucun avis n° ${number}.`);
    if (following) await this.repository.follow(id, person.id);
    else await this.repository.unfollow(id, person.id);
    const o = await this.publishedOpinion(number);
    return { number, following, followers: o._count.followers };
  }

  /** What `authority-responses` needs of a published recommendation. */
  async publishedFacts(reference: string): Promise<PublishedRecommendationFacts> {
    const row = await this.repository.recommendation(reference);
    if (!row || row.state !== 'published' || !row.opinionId) throw ProblemException.notFound(`Aucune recommandation publiée ${reference}.`);
    const o = await this.publishedOpinion(row.opinion!.reference!);
    return {
      id: row.id,
      reference: row.reference,
      title: this.current(row).title,
      opinion: o.reference!,
      opinionTitle: o.title,
      position: row.position!,
      publishedAt: o.publishedAt!.toISOString(),
      responseDeadlineDays: o.responseDeadlineDays ?? DEFAULT_RESPONSE_DEADLINE_DAYS,
      responseDueAt: o.responseDueAt!.toISOString(),
      dataUse: o.referral.dataUse?.reference ?? null,
      consultation: o.referral.consultation?.reference ?? null,
      referral: o.referral.reference,
    };
  }

  /** The site origin, for feeds and vote events. */
  get site(): string {
    return this.config.WEB_ORIGIN;
  }

  /** Checks a tally in one place (used by the seed too). */
  static tally = tallyVote;
}
