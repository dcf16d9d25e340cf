import { Injectable } from '@nestjs/common';
import { DEFAULT_MODERATION_POLICY, DELETED_ACCOUNT_NAME, DELIBERATION_LIMITS, type ConsultationQuery, type ConsultationState, type Person, type QuestionQuery, type Role } from '@sesame/domain';
import { Prisma, type Consultation, type ConsultationHearing, type ConsultationPaperCount } from '../generated/prisma/client';
import { nextReference, type ReferenceSeries } from '../common/references.repository';
import { PrismaService, type PrismaTransaction } from '../prisma/prisma.service';
import { CAST_CONTEXT, CAST_ONLINE, castOnlineValues, type OnlineBallot } from './ballot-cast';
import type { UnconfirmedCaller } from '../auth/access.decorators';

/** A consultation as casting a ballot reads it, with the voter's verification. */
export interface CastContext {
  id: string;
  reference: string;
  state: ConsultationState;
  rules: Prisma.JsonValue;
  voteClosesAt: Date;
  voter: { verified: boolean; neighbourhoodId: string | null };
}

/** Consultations' references: CO-2027-001, -002… */
export const CONSULTATION_REFERENCES: ReferenceSeries = { prefix: 'CO-', table: 'consultations', lock: 'consultationReferences' };

export type ConsultationRow = Consultation & { dataUse: { reference: string; title: string } };

export interface ConsultationColumns {
  title: string;
  question: string;
  briefing: string;
  dataUseId: string;
  dataUseVersion: number;
  informationOpensAt: Date;
  deliberationOpensAt: Date;
  voteOpensAt: Date;
  voteClosesAt: Date;
  method: string;
  rules: Prisma.InputJsonValue;
}

export interface QuestionRow {
  id: string;
  body: string;
  authorId: string | null;
  author: string;
  state: string;
  supportCount: number;
  createdAt: Date;
  answerBody: string | null;
  answeredBy: string | null;
  answeredAt: Date | null;
  supporting: boolean;
}

/** The one place that touches the consultations' tables (and reads what they need from others). */
@Injectable()
export class ConsultationsRepository {
  constructor(private readonly prisma: PrismaService) {}

  nextReference(tx: PrismaTransaction, year: number): Promise<string> {
    return nextReference(tx, CONSULTATION_REFERENCES, year);
  }

  private async withDataUse(row: Consultation | null, tx: PrismaTransaction | PrismaService = this.prisma): Promise<ConsultationRow | null> {
    if (!row) return null;
    const dataUse = await tx.dataUse.findUnique({ where: { id: row.dataUseId }, select: { reference: true, title: true } });
    return { ...row, dataUse: dataUse ?? { reference: '', title: '' } };
  }

  async find(reference: string): Promise<ConsultationRow | null> {
    return this.withDataUse(await this.prisma.consultation.findUnique({ where: { reference } }));
  }

  /** Locks the consultation's row until the transaction ends (transitions, ballots at the close). */
  async lock(tx: PrismaTransaction, reference: string): Promise<ConsultationRow | null> {
    const [row] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM consultations WHERE reference = ${reference} FOR UPDATE`;
    if (!row) return null;
    return this.withDataUse(await tx.consultation.findUnique({ where: { id: row.id } }), tx);
  }

  /** Locks the row in shared mode: ballots may be cast side by side, but not while the close (FOR UPDATE) runs. */
  async lockShared(tx: PrismaTransaction, id: string): Promise<ConsultationState | null> {
    const [row] = await tx.$queryRaw<{ state: ConsultationState }[]>`SELECT state FROM consultations WHERE id = ${id}::uuid FOR SHARE`;
    return row?.state ?? null;
  }

  create(tx: PrismaTransaction, data: ConsultationColumns & { reference: string; originKind: string; originProposalId: string | null; originNote: string; createdById: string }): Promise<Consultation> {
    return tx.consultation.create({ data });
  }

  update(tx: PrismaTransaction, id: string, data: Partial<ConsultationColumns> & { state?: ConsultationState; rulesPublishedAt?: Date; closedOn?: Date; ballotList?: string; ballotListSha256?: string; ballotCount?: number; results?: Prisma.InputJsonValue }): Promise<Consultation> {
    return tx.consultation.update({ where: { id }, data });
  }

  addEvent(tx: PrismaTransaction, consultationId: string, state: ConsultationState, note: string, actorId: string | null) {
    return tx.consultationEvent.create({ data: { consultationId, state, note, actorId } });
  }

  async events(consultationId: string) {
    return this.prisma.consultationEvent.findMany({ where: { consultationId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { state: true, note: true, createdAt: true } });
  }

  async page(query: ConsultationQuery, includeDrafts: boolean): Promise<{ rows: ConsultationRow[]; total: number }> {
    const where: Prisma.ConsultationWhereInput = {
      ...(query.state ? { state: query.state } : {}),
      // Never published (a draft, or a draft cancelled before publication): the organizers' own (review L5).
      ...(!includeDrafts ? { NOT: { OR: [{ state: 'draft' }, { state: 'cancelled', rulesPublishedAt: null }] } } : {}),
      ...(query.dataUse ? { dataUseId: (await this.prisma.dataUse.findUnique({ where: { reference: query.dataUse }, select: { id: true } }))?.id ?? '00000000-0000-0000-0000-000000000000' } : {}),
    };
    const [rows, total] = await Promise.all([
      this.prisma.consultation.findMany({ where, orderBy: [{ voteOpensAt: 'desc' }, { reference: 'desc' }], skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
      this.prisma.consultation.count({ where }),
    ]);
    const dataUses = await this.prisma.dataUse.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.dataUseId))] } }, select: { id: true, reference: true, title: true } });
    const byId = new Map(dataUses.map((d) => [d.id, { reference: d.reference, title: d.title }]));
    return { rows: rows.map((row) => ({ ...row, dataUse: byId.get(row.dataUseId) ?? { reference: '', title: '' } })), total };
  }

  /** Consultations whose schedule may call for a move (the job brings each to where its dates say). */
  dueForTransition(now: Date): Promise<{ reference: string }[]> {
    return this.prisma.consultation.findMany({
      where: {
        OR: [
          { state: 'scheduled', informationOpensAt: { lte: now } },
          { state: 'information', deliberationOpensAt: { lte: now } },
          { state: 'deliberation', voteOpensAt: { lte: now } },
          { state: 'vote', voteClosesAt: { lte: now } },
          // Counting ends with the last station's count record (the service moves it then) or at the latest COUNTING_HOURS after the close.
          { state: 'counting' },
        ],
      },
      select: { reference: true },
      orderBy: { voteClosesAt: 'asc' },
    });
  }

  // ---- what a consultation refers to ------------------------------------------

  /** A published data use's id, current version and that version's content. */
  async publishedDataUse(reference: string): Promise<{ id: string; version: number } | null> {
    const row = await this.prisma.dataUse.findUnique({ where: { reference }, select: { id: true, state: true, currentVersion: true } });
    return row && row.state === 'published' ? { id: row.id, version: row.currentVersion } : null;
  }

  async dataUseVersion(dataUseId: string, version: number): Promise<{ content: Prisma.JsonValue } | null> {
    return this.prisma.dataUseVersion.findUnique({ where: { dataUseId_version: { dataUseId, version } }, select: { content: true } });
  }

  proposal(reference: string) {
    return this.prisma.proposal.findUnique({ where: { reference }, select: { id: true, reference: true, title: true, state: true } });
  }

  proposalById(id: string) {
    return this.prisma.proposal.findUnique({ where: { id }, select: { reference: true, title: true } });
  }

  async neighbourhoodNames(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.prisma.neighbourhood.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true } });
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** Whether the person is a verified resident, and of which neighbourhood (the verification's). */
  async voterFacts(personId: string, tx: PrismaTransaction | PrismaService = this.prisma): Promise<{ verified: boolean; neighbourhoodId: string | null }> {
    const row = await tx.residentVerification.findUnique({ where: { personId }, select: { neighbourhoodId: true } });
    return { verified: row !== null, neighbourhoodId: row?.neighbourhoodId ?? null };
  }

  /** The verified resident holding a voter code (review M12); null for an unknown code. */
  async personByVoterCode(voterCode: string): Promise<string | null> {
    const row = await this.prisma.residentVerification.findUnique({ where: { voterCode }, select: { personId: true } });
    return row?.personId ?? null;
  }

  deliberationOf(reference: string, tx: PrismaTransaction | PrismaService = this.prisma): Promise<{ id: string } | null> {
    return tx.deliberation.findUnique({ where: { subjectType_subjectReference: { subjectType: 'consultation', subjectReference: reference } }, select: { id: true } });
  }

  /** Opens the consultation's deliberation space (post-moderation, the default reasons), for its deliberation phase. */
  async createDeliberation(tx: PrismaTransaction, reference: string, openedById: string, rules: { opensAt: Date; closesAt: Date; whoMayPost: string; neighbourhoodIds: string[] }): Promise<string> {
    const space = await tx.deliberation.create({ data: { subjectType: 'consultation', subjectReference: reference, openedById }, select: { id: true } });
    await tx.deliberationRuleVersion.create({
      data: {
        deliberationId: space.id,
        version: 1,
        moderation: 'post',
        whoMayPost: rules.whoMayPost,
        neighbourhoodIds: rules.neighbourhoodIds,
        opensAt: rules.opensAt,
        closesAt: rules.closesAt,
        autoHideThreshold: DELIBERATION_LIMITS.autoHideThreshold,
        moderationPolicy: DEFAULT_MODERATION_POLICY.map((reason) => ({ ...reason })),
        publishedById: openedById,
      },
    });
    return space.id;
  }

  // ---- hearings ---------------------------------------------------------------

  hearings(consultationId: string): Promise<ConsultationHearing[]> {
    return this.prisma.consultationHearing.findMany({ where: { consultationId }, orderBy: [{ publishedAt: 'asc' }, { id: 'asc' }] });
  }

  hearing(consultationId: string, id: string): Promise<ConsultationHearing | null> {
    return this.prisma.consultationHearing.findFirst({ where: { consultationId, id } });
  }

  createHearing(tx: PrismaTransaction, data: Prisma.ConsultationHearingUncheckedCreateInput): Promise<ConsultationHearing> {
    return tx.consultationHearing.create({ data });
  }

  updateHearing(tx: PrismaTransaction, id: string, data: Prisma.ConsultationHearingUncheckedUpdateInput): Promise<ConsultationHearing> {
    return tx.consultationHearing.update({ where: { id }, data });
  }

  async hearingBalance(consultationId: string): Promise<{ for: number; against: number; neutral: number }> {
    const rows = await this.prisma.consultationHearing.groupBy({ by: ['position'], where: { consultationId }, _count: { _all: true } });
    const count = (position: string) => rows.find((r) => r.position === position)?._count._all ?? 0;
    return { for: count('for'), against: count('against'), neutral: count('neutral') };
  }

  // ---- questions --------------------------------------------------------------

  async questionCounts(consultationId: string): Promise<{ total: number; answered: number }> {
    const [total, answered] = await Promise.all([
      this.prisma.consultationQuestion.count({ where: { consultationId } }),
      this.prisma.consultationQuestion.count({ where: { consultationId, state: 'answered' } }),
    ]);
    return { total, answered };
  }

  async questions(consultationId: string, query: QuestionQuery, personId: string | null, onlyId?: string): Promise<{ rows: QuestionRow[]; total: number }> {
    const conditions = [
      Prisma.sql`q.consultation_id = ${consultationId}::uuid`,
      ...(query.state ? [Prisma.sql`q.state = ${query.state}`] : []),
      ...(onlyId ? [Prisma.sql`q.id = ${onlyId}::uuid`] : []),
    ];
    const where = Prisma.join(conditions, ' AND ');
    const orderBy = query.sort === 'newest' ? Prisma.sql`q.created_at DESC, q.id DESC` : Prisma.sql`q.support_count DESC, q.created_at ASC, q.id ASC`;
    const name = (alias: string) => Prisma.sql`CASE WHEN ${Prisma.raw(alias)}.id IS NULL OR ${Prisma.raw(alias)}.deleted_at IS NOT NULL THEN ${DELETED_ACCOUNT_NAME} ELSE ${Prisma.raw(alias)}.pseudonym END`;
    const [rows, [count]] = await Promise.all([
      this.prisma.$queryRaw<QuestionRow[]>`
        SELECT q.id, q.body, q.author_id AS "authorId", ${name('a')} AS author, q.state, q.support_count AS "supportCount", q.created_at AS "createdAt",
               q.answer_body AS "answerBody", q.answered_at AS "answeredAt",
               CASE WHEN q.answered_at IS NULL THEN NULL WHEN h.id IS NOT NULL THEN h.speaker || CASE WHEN h.affiliation <> '' THEN ' (' || h.affiliation || ')' ELSE '' END ELSE 'L’équipe d’organisation' END AS "answeredBy",
               EXISTS (SELECT 1 FROM consultation_question_supports s WHERE s.question_id = q.id AND s.person_id = ${personId}::uuid) AS supporting
        FROM consultation_questions q
        LEFT JOIN people a ON a.id = q.author_id
        LEFT JOIN consultation_hearings h ON h.id = q.answer_hearing_id
        WHERE ${where}
        ORDER BY ${orderBy}
        LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
      this.prisma.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM consultation_questions q WHERE ${where}`,
    ]);
    return { rows, total: count!.total };
  }

  createQuestion(consultationId: string, authorId: string, body: string) {
    return this.prisma.consultationQuestion.create({ data: { consultationId, authorId, body }, select: { id: true } });
  }

  questionExists(consultationId: string, id: string): Promise<boolean> {
    return this.prisma.consultationQuestion.count({ where: { consultationId, id } }).then((n) => n > 0);
  }

  /** Adds or removes a support, keeping the count in the same transaction; returns whether the call changed anything. */
  async setQuestionSupport(questionId: string, personId: string, supporting: boolean): Promise<{ changed: boolean; supports: number }> {
    return this.prisma.$transaction(async (tx) => {
      const changed = supporting
        ? (await tx.$executeRaw`INSERT INTO consultation_question_supports (question_id, person_id) VALUES (${questionId}::uuid, ${personId}::uuid) ON CONFLICT DO NOTHING`) > 0
        : (await tx.$executeRaw`DELETE FROM consultation_question_supports WHERE question_id = ${questionId}::uuid AND person_id = ${personId}::uuid`) > 0;
      const [row] = changed
        ? await tx.$queryRaw<{ supports: number }[]>`UPDATE consultation_questions SET support_count = support_count + ${supporting ? 1 : -1}::int WHERE id = ${questionId}::uuid RETURNING support_count AS supports`
        : await tx.$queryRaw<{ supports: number }[]>`SELECT support_count AS supports FROM consultation_questions WHERE id = ${questionId}::uuid`;
      return { changed, supports: row!.supports };
    });
  }

  answerQuestion(tx: PrismaTransaction, id: string, body: string, hearingId: string | null, answeredById: string) {
    return tx.consultationQuestion.update({ where: { id }, data: { state: 'answered', answerBody: body, answerHearingId: hearingId, answeredById, answeredAt: new Date() } });
  }

  // ---- participations and ballots (secret: never joined) ---------------------------

  participation(consultationId: string, personId: string, tx: PrismaTransaction | PrismaService = this.prisma) {
    return tx.consultationParticipation.findUnique({ where: { consultationId_personId: { consultationId, personId } }, select: { channel: true } });
  }

  /** Records THAT the person took part (no date: see the schema); false when they already had (the primary key is the double-vote guard). */
  async addParticipation(tx: PrismaTransaction, consultationId: string, personId: string, channel: 'online' | 'station', station?: { name: string; recordedById: string }): Promise<boolean> {
    const inserted = await tx.$executeRaw`
      INSERT INTO consultation_participations (consultation_id, person_id, channel, station_name, recorded_by_id)
      VALUES (${consultationId}::uuid, ${personId}::uuid, ${channel}, ${station?.name ?? null}, ${station?.recordedById ?? null}::uuid)
      ON CONFLICT DO NOTHING`;
    return inserted > 0;
  }

  /** Records WHAT was voted: no person, no sequence, the day only. */
  async addBallot(tx: PrismaTransaction, ballot: { id: string; consultationId: string; receipt: string; choices: Prisma.InputJsonValue; changeKeyHash: string; idempotencyKeyHash: string; castOn: string }): Promise<void> {
    await tx.$executeRaw`
      INSERT INTO ballots (id, consultation_id, receipt, choices, change_key_hash, idempotency_key_hash, cast_on)
      VALUES (${ballot.id}::uuid, ${ballot.consultationId}::uuid, ${ballot.receipt}, ${JSON.stringify(ballot.choices)}::jsonb, ${ballot.changeKeyHash}, ${ballot.idempotencyKeyHash}, ${ballot.castOn}::date)`;
  }

  /**
   * What casting a ballot needs, in one plain statement (the hot path: see
   * `npm run bench`, docs/decisions/0013-performance.md): the caller's account
   * and session, confirmed here as AuthGuard would (the route is
   * @SessionCheckedByRoute: null when the account is gone, its sessions were
   * all ended or this one was), and the consultation's reference, state,
   * rules and closing time with the voter's verification (`consultation` null
   * when there is no such consultation). Its state is checked again,
   * share-locked, by castOnline. The text is in ballot-cast.ts (the bench's
   * SQL reference runs the same).
   */
  async castContext(reference: string, caller: UnconfirmedCaller): Promise<{ actor: Person; consultation: CastContext | null } | null> {
    const [row] = await this.prisma.sql<{ session_version: number; roles: Role[]; session_ended: boolean; id: string | null; reference: string; state: ConsultationState; rules: Prisma.JsonValue; vote_closes_at: Date; verified: boolean; neighbourhood_id: string | null }>(
      CAST_CONTEXT.text,
      [reference, caller.personId, caller.sessionId],
      { prepareAs: CAST_CONTEXT.name },
    );
    if (!row || row.session_version !== caller.sessionVersion || row.session_ended) return null;
    const actor = { id: caller.personId, roles: row.roles };
    if (row.id === null) return { actor, consultation: null };
    return { actor, consultation: { id: row.id, reference: row.reference, state: row.state, rules: row.rules, voteClosesAt: row.vote_closes_at, voter: { verified: row.verified, neighbourhoodId: row.neighbourhood_id } } };
  }

  /**
   * An online vote in one statement (ballot-cast.ts, CAST_ONLINE): the
   * participation — once per person — and, only then, the ballot, which names
   * no one, while the vote is open. Says the consultation's state and whether
   * this ballot was stored.
   */
  async castOnline(consultationId: string, personId: string, ballot: OnlineBallot): Promise<{ state: ConsultationState | null; created: boolean }> {
    const [row] = await this.prisma.sql<{ state: ConsultationState | null; created: boolean }>(CAST_ONLINE.text, castOnlineValues(consultationId, personId, ballot), { prepareAs: CAST_ONLINE.name });
    return { state: row?.state ?? null, created: row?.created ?? false };
  }

  async ballotByIdempotencyKey(consultationId: string, idempotencyKeyHash: string, tx: PrismaTransaction | PrismaService = this.prisma) {
    const [row] = await tx.$queryRaw<{ receipt: string; choices: Prisma.JsonValue; castOn: Date }[]>`
      SELECT receipt, choices, cast_on AS "castOn" FROM ballots WHERE consultation_id = ${consultationId}::uuid AND idempotency_key_hash = ${idempotencyKeyHash}`;
    return row ?? null;
  }

  async ballotByReceipt(consultationId: string, receipt: string, tx: PrismaTransaction | PrismaService = this.prisma) {
    const [row] = await tx.$queryRaw<{ id: string; changeKeyHash: string; castOn: Date }[]>`
      SELECT id, change_key_hash AS "changeKeyHash", cast_on AS "castOn" FROM ballots WHERE consultation_id = ${consultationId}::uuid AND receipt = ${receipt}`;
    return row ?? null;
  }

  async replaceChoices(tx: PrismaTransaction, id: string, choices: Prisma.InputJsonValue): Promise<void> {
    await tx.$executeRaw`UPDATE ballots SET choices = ${JSON.stringify(choices)}::jsonb WHERE id = ${id}::uuid`;
  }

  /** Ballots sorted by receipt (the published order; never the order of casting). */
  ballotsByReceipt(tx: PrismaTransaction, consultationId: string): Promise<{ receipt: string; choices: Prisma.JsonValue }[]> {
    return tx.$queryRaw`SELECT receipt, choices FROM ballots WHERE consultation_id = ${consultationId}::uuid ORDER BY receipt COLLATE "C"`;
  }

  /**
   * Rewrites the consultation's ballot rows in receipt order, so that the
   * table's physical order no longer follows the order of casting (see
   * SECURITY.md: the old row versions remain until VACUUM reclaims them).
   */
  async rewriteInReceiptOrder(tx: PrismaTransaction, consultationId: string): Promise<void> {
    await tx.$executeRaw`CREATE TEMPORARY TABLE closing_ballots ON COMMIT DROP AS SELECT * FROM ballots WHERE consultation_id = ${consultationId}::uuid`;
    await tx.$executeRaw`DELETE FROM ballots WHERE consultation_id = ${consultationId}::uuid`;
    await tx.$executeRaw`INSERT INTO ballots SELECT * FROM closing_ballots ORDER BY receipt COLLATE "C"`;
    await tx.$executeRaw`DROP TABLE closing_ballots`;
  }

  receiptInBox(consultationId: string, receipt: string): Promise<boolean> {
    return this.prisma.$queryRaw<{ found: boolean }[]>`SELECT EXISTS (SELECT 1 FROM ballots WHERE consultation_id = ${consultationId}::uuid AND receipt = ${receipt}) AS found`.then(([row]) => row!.found);
  }

  /** A ballot's choices by its receipt (only asked once the list is published: the rows are then the list's lines). */
  async choicesByReceipt(consultationId: string, receipt: string): Promise<unknown> {
    const [row] = await this.prisma.$queryRaw<{ choices: unknown }[]>`SELECT choices FROM ballots WHERE consultation_id = ${consultationId}::uuid AND receipt = ${receipt}`;
    return row ? row.choices : null;
  }

  // ---- turnout ------------------------------------------------------------------

  /**
   * Eligible people and participants, per neighbourhood. Eligible: the
   * verified residents (of the listed neighbourhoods if any) and everyone who
   * took part — a participant always counts among the eligible (review M4:
   * someone whose verification has gone since still voted), so turnout never
   * exceeds 100 %.
   */
  async turnout(consultationId: string, neighbourhoodIds: readonly string[]): Promise<{ neighbourhoodId: string | null; name: string | null; eligible: number; participants: number; online: number; station: number }[]> {
    const restrict = neighbourhoodIds.length > 0 ? Prisma.sql`WHERE v.neighbourhood_id = ANY(${[...neighbourhoodIds]}::uuid[])` : Prisma.empty;
    // Participants without a verification fall under a "none" key.
    const none = '00000000-0000-0000-0000-000000000000';
    const rows = await this.prisma.$queryRaw<{ neighbourhoodId: string; name: string | null; eligible: number; participants: number; online: number; station: number }[]>`
      WITH took_part AS (
        SELECT person_id, channel FROM consultation_participations WHERE consultation_id = ${consultationId}::uuid
      ), eligible AS (
        SELECT v.person_id, v.neighbourhood_id AS nid FROM resident_verifications v JOIN people p ON p.id = v.person_id AND p.deleted_at IS NULL ${restrict}
        UNION
        SELECT t.person_id, COALESCE(v.neighbourhood_id, ${none}::uuid) FROM took_part t LEFT JOIN resident_verifications v ON v.person_id = t.person_id
      )
      SELECT e.nid AS "neighbourhoodId", n.name,
             count(*)::int AS eligible, count(t.person_id)::int AS participants,
             count(*) FILTER (WHERE t.channel = 'online')::int AS online,
             count(*) FILTER (WHERE t.channel = 'station')::int AS station
      FROM eligible e LEFT JOIN took_part t ON t.person_id = e.person_id
      LEFT JOIN neighbourhoods n ON n.id = e.nid
      GROUP BY e.nid, n.name
      ORDER BY n.name NULLS LAST`;
    return rows.map((row) => ({ ...row, neighbourhoodId: row.neighbourhoodId === none ? null : row.neighbourhoodId }));
  }

  // ---- paper counts ---------------------------------------------------------------

  /** The stations' count records; `confirmedOnly`: those a second officer confirmed, the only ones the results count. */
  paperCounts(consultationId: string, tx: PrismaTransaction | PrismaService = this.prisma, confirmedOnly = false): Promise<ConsultationPaperCount[]> {
    return tx.consultationPaperCount.findMany({ where: { consultationId, ...(confirmedOnly ? { confirmedAt: { not: null } } : {}) }, orderBy: [{ countedAt: 'asc' }, { stationName: 'asc' }] });
  }

  /** One count record, locked until the end of the transaction (two officers confirming at once: one wins). */
  async lockPaperCount(tx: PrismaTransaction, consultationId: string, id: string): Promise<ConsultationPaperCount | null> {
    const [row] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM consultation_paper_counts WHERE id = ${id}::uuid AND consultation_id = ${consultationId}::uuid FOR UPDATE`;
    return row ? tx.consultationPaperCount.findUnique({ where: { id: row.id } }) : null;
  }

  confirmPaperCount(tx: PrismaTransaction, id: string, confirmedById: string): Promise<ConsultationPaperCount> {
    return tx.consultationPaperCount.update({ where: { id }, data: { confirmedById, confirmedAt: new Date() } });
  }

  /** Withdraws an unconfirmed count record (the caller holds its row lock and checked it is unconfirmed). */
  async deletePaperCount(tx: PrismaTransaction, id: string): Promise<void> {
    await tx.consultationPaperCount.delete({ where: { id } });
  }

  createPaperCount(tx: PrismaTransaction, data: Prisma.ConsultationPaperCountUncheckedCreateInput): Promise<ConsultationPaperCount> {
    return tx.consultationPaperCount.create({ data });
  }

  /** Polling stations that recorded voters but have no confirmed count record yet (entered by one officer, confirmed by a second). */
  async stationsAwaitingCount(consultationId: string, tx: PrismaTransaction | PrismaService = this.prisma): Promise<string[]> {
    const rows = await tx.$queryRaw<{ station: string }[]>`
      SELECT DISTINCT p.station_name AS station FROM consultation_participations p
      WHERE p.consultation_id = ${consultationId}::uuid AND p.channel = 'station' AND p.station_name IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM consultation_paper_counts c WHERE c.consultation_id = p.consultation_id AND c.station_name = p.station_name AND c.confirmed_at IS NOT NULL)
      ORDER BY 1`;
    return rows.map((row) => row.station);
  }

  /** People recorded as having voted at each polling station (participations, channel « station »), by station name. */
  async stationVoterCounts(tx: PrismaTransaction | PrismaService, consultationId: string): Promise<Map<string, number>> {
    const rows = await tx.$queryRaw<{ station: string; voters: number }[]>`
      SELECT station_name AS station, count(*)::int AS voters FROM consultation_participations
      WHERE consultation_id = ${consultationId}::uuid AND channel = 'station' AND station_name IS NOT NULL GROUP BY station_name`;
    return new Map(rows.map((row) => [row.station, row.voters]));
  }

  /** The public names (pseudonyms) of accounts, by id: who entered a count record is shown with it. */
  async pseudonyms(ids: readonly string[], tx: PrismaTransaction | PrismaService = this.prisma): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await tx.person.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, pseudonym: true, deletedAt: true } });
    return new Map(rows.map((row) => [row.id, row.deletedAt ? DELETED_ACCOUNT_NAME : row.pseudonym]));
  }

  paperCountExists(tx: PrismaTransaction, consultationId: string, stationName: string): Promise<boolean> {
    return tx.consultationPaperCount.count({ where: { consultationId, stationName } }).then((n) => n > 0);
  }
}
