import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client';
import { nextReference, type ReferenceSeries } from '../common/references.repository';
import { PrismaService, type PrismaTransaction } from '../prisma/prisma.service';

export const REFERRAL_REFERENCES: ReferenceSeries = { prefix: 'SA-', table: 'referrals', lock: 'referralReferences' };
export const RECOMMENDATION_REFERENCES: ReferenceSeries = { prefix: 'RC-', table: 'recommendations', lock: 'recommendationReferences' };
/** « AVIS n° 2027-003 »: the `reference` column holds "2027-003". */
export const OPINION_NUMBERS: ReferenceSeries = { prefix: '', table: 'opinions', lock: 'opinionNumbers' };

type Db = PrismaService | PrismaTransaction;

const memberSelect = { id: true, displayName: true, seatType: true, affiliation: true, state: true, position: true } as const;
export type MemberRow = Prisma.AdvisoryPanelMemberGetPayload<{ select: typeof memberSelect }>;

const recommendationInclude = {
  referral: { select: { reference: true, state: true } },
  rapporteur: { select: memberSelect },
  versions: { orderBy: { version: 'asc' } },
  amendments: { orderBy: { number: 'asc' }, include: { author: { select: memberSelect }, votes: { select: { id: true } } } },
  votes: { orderBy: { openedAt: 'asc' }, include: { participations: { include: { member: { select: memberSelect } }, orderBy: { memberId: 'asc' } }, secretBallots: true, amendment: { select: { number: true } } } },
  dissents: { orderBy: { createdAt: 'asc' }, include: { signatures: { include: { member: { select: memberSelect } }, orderBy: { signedAt: 'asc' } } } },
  opinion: { select: { reference: true, state: true } },
} as const satisfies Prisma.RecommendationInclude;
export type RecommendationRow = Prisma.RecommendationGetPayload<{ include: typeof recommendationInclude }>;
export type VoteRow = RecommendationRow['votes'][number];

const sessionInclude = { attendance: { include: { member: { select: memberSelect } } }, referral: { select: { reference: true } } } as const;
export type SessionRow = Prisma.PanelSessionGetPayload<{ include: typeof sessionInclude }>;

const referralInclude = {
  dataUse: { select: { reference: true, title: true } },
  consultation: { select: { reference: true, title: true } },
  proposal: { select: { reference: true, title: true } },
  sessions: { orderBy: { number: 'asc' }, include: sessionInclude },
  hearings: { orderBy: { heldOn: 'asc' }, include: { session: { select: { number: true } } } },
  recommendations: { orderBy: { createdAt: 'asc' }, include: recommendationInclude },
  opinion: true,
} as const satisfies Prisma.ReferralInclude;
export type ReferralRow = Prisma.ReferralGetPayload<{ include: typeof referralInclude }>;

const referralSummaryInclude = {
  dataUse: { select: { reference: true } },
  consultation: { select: { reference: true } },
  proposal: { select: { reference: true } },
  opinion: { select: { reference: true } },
  _count: { select: { recommendations: true } },
} as const satisfies Prisma.ReferralInclude;
export type ReferralSummaryRow = Prisma.ReferralGetPayload<{ include: typeof referralSummaryInclude }>;

const opinionInclude = {
  referral: { include: referralInclude },
  recommendations: { orderBy: { position: 'asc' }, include: recommendationInclude },
  _count: { select: { followers: true } },
} as const satisfies Prisma.OpinionInclude;
export type OpinionRow = Prisma.OpinionGetPayload<{ include: typeof opinionInclude }>;

/** The only place the recommendations feature touches the database. */
@Injectable()
export class RecommendationsRepository {
  constructor(private readonly prisma: PrismaService) {}

  transaction<T>(work: (tx: PrismaTransaction) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work);
  }

  // ——— seats ———

  /** The seat an account holds (any state: the policy reads it). */
  seatOf(personId: string, db: Db = this.prisma) {
    return db.panelSeatAccount.findUnique({ where: { personId }, select: { member: { select: memberSelect } } }).then((r) => r?.member ?? null);
  }
  member(id: string, db: Db = this.prisma) {
    return db.advisoryPanelMember.findUnique({ where: { id }, select: memberSelect });
  }
  members(ids: readonly string[], db: Db = this.prisma) {
    return db.advisoryPanelMember.findMany({ where: { id: { in: [...ids] } }, select: memberSelect });
  }
  async linkSeat(tx: PrismaTransaction, memberId: string, personId: string): Promise<void> {
    await tx.panelSeatAccount.deleteMany({ where: { OR: [{ memberId }, { personId }] } });
    await tx.panelSeatAccount.create({ data: { memberId, personId } });
  }
  unlinkSeat(tx: PrismaTransaction, memberId: string) {
    return tx.panelSeatAccount.deleteMany({ where: { memberId } });
  }
  personExists(id: string) {
    return this.prisma.person.findFirst({ where: { id, deletedAt: null }, select: { id: true } }).then(Boolean);
  }
  /** Accounts of the active members (to notify them). */
  activeMemberAccounts(db: Db = this.prisma) {
    return db.panelSeatAccount.findMany({ where: { member: { state: 'active' } }, select: { personId: true } }).then((rows) => rows.map((r) => r.personId));
  }
  /** The newest panel rules (JSON, parsed by the service). */
  rulesInForce(db: Db = this.prisma) {
    return db.advisoryPanelRules.findFirst({ orderBy: { version: 'desc' }, select: { rules: true } }).then((r) => r?.rules ?? null);
  }

  // ——— sources of referrals ———

  consultation(reference: string) {
    return this.prisma.consultation.findUnique({
      where: { reference },
      select: {
        id: true,
        reference: true,
        title: true,
        question: true,
        method: true,
        state: true,
        closedOn: true,
        results: true,
        dataUseId: true,
        paperCounts: { select: { stationName: true, ballots: true }, orderBy: { countedAt: 'asc' } },
        _count: { select: { hearings: true, questions: true } },
      },
    });
  }
  /** The consultation's deliberation: counts, the strongest arguments each side, the opinion map's public view. */
  async deliberationFigures(subjectType: 'consultation' | 'proposal', subjectReference: string) {
    const deliberation = await this.prisma.deliberation.findUnique({ where: { subjectType_subjectReference: { subjectType, subjectReference } }, select: { id: true, opinionMap: { select: { view: true, voters: true } } } });
    if (!deliberation) return null;
    const where = { deliberationId: deliberation.id, state: 'visible' as const };
    const [contributions, workshop, contributors] = await Promise.all([
      this.prisma.contribution.count({ where }),
      this.prisma.contribution.count({ where: { ...where, origin: 'workshop' } }),
      this.prisma.contribution.findMany({ where: { ...where, authorId: { not: null } }, distinct: ['authorId'], select: { authorId: true } }).then((r) => r.length),
    ]);
    const strongest = (stance: string) =>
      this.prisma.contribution.findMany({
        where: { ...where, stance, depth: 0 },
        orderBy: [{ helpfulCount: 'desc' }, { createdAt: 'asc' }],
        take: 3,
        select: { body: true, helpfulCount: true, authorId: true, workshop: true, _count: { select: { replies: true } } },
      });
    const [pro, contra] = await Promise.all([strongest('for'), strongest('against')]);
    return { contributions, workshop, contributors, pro, contra, opinionMap: deliberation.opinionMap };
  }
  names(ids: readonly string[]) {
    return this.prisma.person.findMany({ where: { id: { in: [...ids] } }, select: { id: true, pseudonym: true, deletedAt: true } });
  }
  proposal(reference: string) {
    return this.prisma.proposal.findUnique({
      where: { reference },
      select: { id: true, reference: true, title: true, body: true, why: true, expectedEffect: true, state: true, threshold: true, dataUseId: true, dataUse: { select: { reference: true, title: true, reviewDate: true, sunsetDate: true } }, supportTallies: { select: { count: true } } },
    });
  }
  dataUse(reference: string) {
    return this.prisma.dataUse.findUnique({ where: { reference }, select: { id: true, reference: true, title: true, reviewDate: true, sunsetDate: true, state: true } });
  }
  dataUseById(id: string, db: Db = this.prisma) {
    return db.dataUse.findUnique({ where: { id }, select: { id: true, reference: true, title: true, reviewDate: true, sunsetDate: true } });
  }
  /** Register alerts no referral answers yet (the job's input). */
  unreferredAlerts() {
    return this.prisma.dataUseAlert.findMany({ where: { referredAt: null }, orderBy: { createdAt: 'asc' }, select: { id: true, kind: true, dueDate: true, dataUseId: true } });
  }
  /** Marks the alert referred, if nobody did meanwhile (true: this transaction did). */
  async claimAlert(tx: PrismaTransaction, alertId: string): Promise<boolean> {
    const { count } = await tx.dataUseAlert.updateMany({ where: { id: alertId, referredAt: null }, data: { referredAt: new Date() } });
    return count === 1;
  }

  // ——— followers ———

  dataUseFollowers(tx: Db, dataUseId: string) {
    return tx.dataUseFollow.findMany({ where: { dataUseId }, select: { personId: true } }).then((r) => r.map((x) => x.personId));
  }
  proposalFollowers(tx: Db, proposalId: string) {
    return tx.proposalFollow.findMany({ where: { proposalId }, select: { personId: true } }).then((r) => r.map((x) => x.personId));
  }
  /** People who took part in a consultation's vote online or at a station ask to hear what became of it? No: the ballot is secret; only its proposal's followers are told. */
  consultationProposalId(tx: Db, consultationId: string) {
    return tx.consultation.findUnique({ where: { id: consultationId }, select: { originProposalId: true } }).then((r) => r?.originProposalId ?? null);
  }
  opinionFollowers(tx: Db, opinionId: string) {
    return tx.opinionFollow.findMany({ where: { opinionId }, select: { personId: true } }).then((r) => r.map((x) => x.personId));
  }
  authorityAccounts(tx: Db) {
    return tx.personRole.findMany({ where: { role: 'authority', person: { deletedAt: null } }, select: { personId: true } }).then((r) => r.map((x) => x.personId));
  }
  follow(opinionId: string, personId: string) {
    return this.prisma.opinionFollow.upsert({ where: { opinionId_personId: { opinionId, personId } }, create: { opinionId, personId }, update: {} });
  }
  unfollow(opinionId: string, personId: string) {
    return this.prisma.opinionFollow.deleteMany({ where: { opinionId, personId } });
  }
  isFollowing(opinionId: string, personId: string) {
    return this.prisma.opinionFollow.findUnique({ where: { opinionId_personId: { opinionId, personId } } }).then(Boolean);
  }

  // ——— referrals ———

  async createReferral(tx: PrismaTransaction, data: Omit<Prisma.ReferralUncheckedCreateInput, 'reference'>) {
    const reference = await nextReference(tx, REFERRAL_REFERENCES, new Date().getUTCFullYear());
    return tx.referral.create({ data: { ...data, reference } });
  }
  referral(reference: string, db: Db = this.prisma): Promise<ReferralRow | null> {
    return db.referral.findUnique({ where: { reference }, include: referralInclude });
  }
  async lockReferral(tx: PrismaTransaction, reference: string): Promise<ReferralRow | null> {
    await tx.$queryRaw`SELECT id FROM referrals WHERE reference = ${reference} FOR UPDATE`;
    return this.referral(reference, tx);
  }
  referrals(states?: ('open' | 'closed' | 'dismissed')[]): Promise<ReferralSummaryRow[]> {
    return this.prisma.referral.findMany({ where: states ? { state: { in: states } } : {}, orderBy: { createdAt: 'desc' }, include: referralSummaryInclude, take: 200 });
  }
  updateReferral(tx: PrismaTransaction, id: string, data: Prisma.ReferralUncheckedUpdateInput) {
    return tx.referral.update({ where: { id }, data });
  }

  // ——— sessions, discussion, hearings ———

  async createSession(tx: PrismaTransaction, referralId: string, data: { title: string; scheduledAt: Date; place: string; agenda: string[] }) {
    const last = await tx.panelSession.aggregate({ where: { referralId }, _max: { number: true } });
    return tx.panelSession.create({ data: { referralId, number: (last._max.number ?? 0) + 1, ...data } });
  }
  session(id: string, db: Db = this.prisma): Promise<SessionRow | null> {
    return db.panelSession.findUnique({ where: { id }, include: sessionInclude });
  }
  async lockSession(tx: PrismaTransaction, id: string): Promise<SessionRow | null> {
    await tx.$queryRaw`SELECT id FROM panel_sessions WHERE id = ${id}::uuid FOR UPDATE`;
    return this.session(id, tx);
  }
  updateSession(tx: PrismaTransaction, id: string, data: Prisma.PanelSessionUncheckedUpdateInput) {
    return tx.panelSession.update({ where: { id }, data });
  }
  async setAttendance(tx: PrismaTransaction, sessionId: string, rows: { memberId: string; status: 'present' | 'excused' | 'absent' }[]) {
    for (const row of rows) {
      await tx.panelAttendance.upsert({ where: { sessionId_memberId: { sessionId, memberId: row.memberId } }, create: { sessionId, ...row }, update: { status: row.status } });
    }
  }
  posts(referralId: string) {
    return this.prisma.panelDiscussionPost.findMany({ where: { referralId }, orderBy: { createdAt: 'asc' }, include: { author: { select: memberSelect } }, take: 1000 });
  }
  createPost(tx: PrismaTransaction, data: { referralId: string; authorId: string; body: string; replyToId: string | null }) {
    return tx.panelDiscussionPost.create({ data, include: { author: { select: memberSelect } } });
  }
  postInReferral(id: string, referralId: string) {
    return this.prisma.panelDiscussionPost.findFirst({ where: { id, referralId }, select: { id: true } }).then(Boolean);
  }
  createHearing(tx: PrismaTransaction, data: Prisma.PanelHearingUncheckedCreateInput) {
    return tx.panelHearing.create({ data, include: { session: { select: { number: true } } } });
  }

  // ——— recommendations ———

  async createRecommendation(tx: PrismaTransaction, data: { referralId: string; rapporteurId: string; title: string; body: string }) {
    const reference = await nextReference(tx, RECOMMENDATION_REFERENCES, new Date().getUTCFullYear());
    const row = await tx.recommendation.create({ data: { reference, referralId: data.referralId, rapporteurId: data.rapporteurId, version: 1 } });
    await tx.recommendationVersion.create({ data: { recommendationId: row.id, version: 1, title: data.title, body: data.body, changeNote: 'Première rédaction.', amendments: [] } });
    return row;
  }
  recommendation(reference: string, db: Db = this.prisma): Promise<RecommendationRow | null> {
    return db.recommendation.findUnique({ where: { reference }, include: recommendationInclude });
  }
  async lockRecommendation(tx: PrismaTransaction, reference: string): Promise<RecommendationRow | null> {
    await tx.$queryRaw`SELECT id FROM recommendations WHERE reference = ${reference} FOR UPDATE`;
    return this.recommendation(reference, tx);
  }
  updateRecommendation(tx: PrismaTransaction, id: string, data: Prisma.RecommendationUncheckedUpdateInput) {
    return tx.recommendation.update({ where: { id }, data });
  }
  addVersion(tx: PrismaTransaction, data: { recommendationId: string; version: number; title: string; body: string; changeNote: string; amendments: number[] }) {
    return tx.recommendationVersion.create({ data });
  }
  createAmendment(tx: PrismaTransaction, data: Omit<Prisma.AmendmentUncheckedCreateInput, 'number'>, number: number) {
    return tx.amendment.create({ data: { ...data, number } });
  }
  updateAmendment(tx: PrismaTransaction, id: string, data: Prisma.AmendmentUncheckedUpdateInput) {
    return tx.amendment.update({ where: { id }, data });
  }

  // ——— votes ———

  createVote(tx: PrismaTransaction, data: Prisma.PanelVoteUncheckedCreateInput) {
    return tx.panelVote.create({ data });
  }
  /** The vote with its recommendation's reference (to load and lock the recommendation). */
  voteHeader(id: string) {
    return this.prisma.panelVote.findUnique({ where: { id }, select: { id: true, recommendation: { select: { reference: true } } } });
  }
  async lockVote(tx: PrismaTransaction, id: string) {
    await tx.$queryRaw`SELECT id FROM panel_votes WHERE id = ${id}::uuid FOR UPDATE`;
  }
  /** Records THAT the member voted (and how, when recorded); false when they already had (the primary key). */
  async recordParticipation(tx: PrismaTransaction, data: { voteId: string; memberId: string; seatType: MemberRow['seatType']; choice: 'for' | 'against' | 'abstain' | null }): Promise<boolean> {
    const inserted = await tx.$executeRaw`
      INSERT INTO panel_vote_participations (vote_id, member_id, seat_type, choice)
      VALUES (${data.voteId}::uuid, ${data.memberId}::uuid, ${data.seatType}::"PanelSeatType", ${data.choice}::"PanelVoteChoice")
      ON CONFLICT DO NOTHING`;
    return inserted === 1;
  }
  /**
   * A secret ballot gets a random (v4) id: the column's default, a v7 uuid,
   * carries the millisecond it was drawn, which the participation's time
   * would match to its voter.
   */
  addSecretBallot(tx: PrismaTransaction, data: { voteId: string; seatType: MemberRow['seatType']; choice: 'for' | 'against' | 'abstain' }) {
    return tx.panelSecretBallot.create({ data: { id: randomUUID(), ...data } });
  }
  /**
   * Closes a vote. A secret vote's ballots are written again in the order of
   * their random ids (one transaction for all), so that where a row lies on
   * disk no longer follows when it was cast — the participations' order would
   * otherwise pair each voter with a ballot (as consultations do at their close).
   */
  async closeVote(tx: PrismaTransaction, id: string, data: { outcome: 'adopted' | 'rejected' | 'no_quorum'; tally: Prisma.InputJsonValue }) {
    await tx.$executeRaw`CREATE TEMPORARY TABLE closing_panel_ballots ON COMMIT DROP AS SELECT * FROM panel_secret_ballots WHERE vote_id = ${id}::uuid`;
    await tx.$executeRaw`DELETE FROM panel_secret_ballots WHERE vote_id = ${id}::uuid`;
    await tx.$executeRaw`INSERT INTO panel_secret_ballots SELECT * FROM closing_panel_ballots ORDER BY id`;
    await tx.$executeRaw`DROP TABLE closing_panel_ballots`;
    return tx.panelVote.update({ where: { id }, data: { state: 'closed', closedAt: new Date(), ...data } });
  }

  // ——— dissents ———

  createDissent(tx: PrismaTransaction, data: { recommendationId: string; body: string; anonymous: boolean; memberId: string }) {
    return tx.dissent.create({ data: { recommendationId: data.recommendationId, body: data.body, anonymous: data.anonymous, signatures: { create: { memberId: data.memberId } } } });
  }
  dissent(id: string) {
    return this.prisma.dissent.findUnique({ where: { id }, select: { id: true, recommendation: { select: { reference: true } } } });
  }
  async sign(tx: PrismaTransaction, dissentId: string, memberId: string): Promise<boolean> {
    const inserted = await tx.$executeRaw`INSERT INTO dissent_signatures (dissent_id, member_id) VALUES (${dissentId}::uuid, ${memberId}::uuid) ON CONFLICT DO NOTHING`;
    return inserted === 1;
  }

  // ——— opinions ———

  upsertOpinionDraft(tx: PrismaTransaction, referralId: string, data: { title: string; context: string; analysis: string; items: string[] }) {
    return tx.opinion.upsert({ where: { referralId }, create: { referralId, ...data }, update: data });
  }
  async nextOpinionNumber(tx: PrismaTransaction, year: number): Promise<string> {
    return nextReference(tx, OPINION_NUMBERS, year);
  }
  publishOpinion(tx: PrismaTransaction, id: string, data: { reference: string; publishedAt: Date; responseDeadlineDays: number; responseDueAt: Date }) {
    return tx.opinion.update({ where: { id }, data: { ...data, state: 'published' } });
  }
  opinion(number: string): Promise<OpinionRow | null> {
    return this.prisma.opinion.findUnique({ where: { reference: number }, include: opinionInclude });
  }
  publishedOpinions(take = 200): Promise<OpinionRow[]> {
    return this.prisma.opinion.findMany({ where: { state: 'published' }, orderBy: { publishedAt: 'desc' }, include: opinionInclude, take });
  }
  opinionId(number: string) {
    return this.prisma.opinion.findFirst({ where: { reference: number, state: 'published' }, select: { id: true } }).then((r) => r?.id ?? null);
  }
}
