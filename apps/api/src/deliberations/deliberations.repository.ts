import { Injectable } from '@nestjs/common';
import { DELETED_ACCOUNT_NAME, type ContributionQuery, type ContributionState, type DecisionGround, type DeliberationRules, type Role } from '@sesame/domain';
import { Prisma } from '../generated/prisma/client';
import { PrismaService, type PrismaTransaction } from '../prisma/prisma.service';

type Db = PrismaTransaction | PrismaService;

const rulesSelect = { version: true, moderation: true, whoMayPost: true, neighbourhoodIds: true, opensAt: true, closesAt: true, autoHideThreshold: true, moderationPolicy: true, changeNote: true, publishedAt: true } as const;
export type RulesRow = Prisma.DeliberationRuleVersionGetPayload<{ select: typeof rulesSelect }>;
export type SpaceRow = { id: string; subjectType: string; subjectReference: string; createdAt: Date; rules: RulesRow };
export type ContributionRow = Prisma.ContributionGetPayload<object>;
export type DecisionRow = Prisma.ModerationDecisionGetPayload<{ include: { appeal: true } }>;
export type AppealRow = Prisma.ModerationAppealGetPayload<{ include: { decision: true } }>;

/** The deliberations' tables: the only file of the feature that touches Prisma (with the personal-data provider). */
@Injectable()
export class DeliberationsRepository {
  constructor(private readonly prisma: PrismaService) {}

  // ---- subjects and spaces -------------------------------------------------

  /** The proposal a space is opened on: its state, title, whether it was submitted (public). */
  consultation(reference: string, db: Db = this.prisma) {
    return db.consultation.findUnique({ where: { reference }, select: { title: true, state: true, rulesPublishedAt: true } });
  }

  proposal(reference: string, db: Db = this.prisma) {
    return db.proposal.findUnique({ where: { reference }, select: { id: true, reference: true, state: true, title: true, submittedAt: true } });
  }

  async spaceOf(subjectType: string, subjectReference: string, db: Db = this.prisma): Promise<string | null> {
    return (await db.deliberation.findUnique({ where: { subjectType_subjectReference: { subjectType, subjectReference } }, select: { id: true } }))?.id ?? null;
  }

  async space(id: string, db: Db = this.prisma): Promise<SpaceRow | null> {
    const row = await db.deliberation.findUnique({ where: { id }, select: { id: true, subjectType: true, subjectReference: true, createdAt: true, rules: { select: rulesSelect, orderBy: { version: 'desc' }, take: 1 } } });
    if (!row || !row.rules[0]) return null;
    return { id: row.id, subjectType: row.subjectType, subjectReference: row.subjectReference, createdAt: row.createdAt, rules: row.rules[0] };
  }

  async lockSpace(tx: PrismaTransaction, id: string): Promise<SpaceRow | null> {
    await tx.$queryRaw`SELECT id FROM deliberations WHERE id = ${id}::uuid FOR UPDATE`;
    return this.space(id, tx);
  }

  async createSpace(tx: PrismaTransaction, subject: { type: string; reference: string }, openedById: string, rules: DeliberationRules): Promise<string> {
    const space = await tx.deliberation.create({ data: { subjectType: subject.type, subjectReference: subject.reference, openedById }, select: { id: true } });
    await this.addRules(tx, space.id, 1, rules, '', openedById);
    return space.id;
  }

  async addRules(tx: PrismaTransaction, deliberationId: string, version: number, rules: DeliberationRules, changeNote: string, publishedById: string): Promise<void> {
    await tx.deliberationRuleVersion.create({
      data: {
        deliberationId,
        version,
        moderation: rules.moderation,
        whoMayPost: rules.whoMayPost.who,
        neighbourhoodIds: rules.whoMayPost.who === 'verified_in_neighbourhoods' ? rules.whoMayPost.neighbourhoodIds : [],
        opensAt: new Date(rules.opensAt),
        closesAt: new Date(rules.closesAt),
        autoHideThreshold: rules.autoHideThreshold,
        moderationPolicy: rules.moderationPolicy,
        changeNote,
        publishedById,
      },
    });
  }

  async existingNeighbourhoods(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    return new Set((await this.prisma.neighbourhood.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((n) => n.id));
  }

  async counts(deliberationId: string): Promise<{ online: number; workshop: number }> {
    const rows = await this.prisma.contribution.groupBy({ by: ['origin'], where: { deliberationId, state: 'visible' }, _count: { _all: true } });
    const of = (origin: string) => rows.find((row) => row.origin === origin)?._count._all ?? 0;
    return { online: of('online'), workshop: of('workshop') };
  }

  // ---- participants ----------------------------------------------------------

  async participant(personId: string, now: Date, db: Db = this.prisma) {
    const [verification, suspension, charter] = await Promise.all([
      db.residentVerification.findUnique({ where: { personId }, select: { neighbourhoodId: true } }),
      db.deliberationSuspension.findFirst({ where: { personId, until: { gt: now } }, orderBy: { until: 'desc' }, select: { until: true } }),
      db.deliberationCharterAcceptance.findUnique({ where: { personId }, select: { personId: true } }),
    ]);
    return { verified: verification !== null, neighbourhoodId: verification?.neighbourhoodId ?? null, suspendedUntil: suspension?.until ?? null, charterAccepted: charter !== null };
  }

  async acceptCharter(tx: PrismaTransaction, personId: string): Promise<void> {
    await tx.deliberationCharterAcceptance.upsert({ where: { personId }, create: { personId }, update: {} });
  }

  async suspend(tx: PrismaTransaction, personId: string, decisionId: string, until: Date): Promise<void> {
    await tx.deliberationSuspension.create({ data: { personId, decisionId, until } });
  }

  /** Which of these pseudonyms (compared lower-cased) accounts already use. */
  async pseudonymsInUse(pseudonyms: string[]): Promise<Set<string>> {
    const wanted = [...new Set(pseudonyms.map((p) => p.trim().toLocaleLowerCase('fr')))];
    if (wanted.length === 0) return new Set();
    const rows = await this.prisma.$queryRaw<{ pseudonym: string }[]>`SELECT lower(pseudonym) AS pseudonym FROM people WHERE lower(pseudonym) = ANY(${wanted}::text[])`;
    return new Set(rows.map((row) => row.pseudonym));
  }

  async names(ids: (string | null)[]): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
    if (wanted.length === 0) return new Map();
    const people = await this.prisma.person.findMany({ where: { id: { in: wanted } }, select: { id: true, pseudonym: true, deletedAt: true } });
    return new Map(people.map((p) => [p.id, p.deletedAt ? DELETED_ACCOUNT_NAME : p.pseudonym]));
  }

  async peopleWithRoles(tx: PrismaTransaction, roles: readonly Role[]): Promise<string[]> {
    return (await tx.person.findMany({ where: { deletedAt: null, roles: { some: { role: { in: [...roles] } } } }, select: { id: true } })).map((p) => p.id);
  }

  // ---- contributions ---------------------------------------------------------

  contribution(id: string, deliberationId: string, db: Db = this.prisma): Promise<ContributionRow | null> {
    return db.contribution.findFirst({ where: { id, deliberationId } });
  }

  async lockContribution(tx: PrismaTransaction, id: string, deliberationId: string): Promise<ContributionRow | null> {
    await tx.$queryRaw`SELECT id FROM contributions WHERE id = ${id}::uuid FOR UPDATE`;
    return this.contribution(id, deliberationId, tx);
  }

  createContribution(db: Db, data: Prisma.ContributionUncheckedCreateInput): Promise<ContributionRow> {
    return db.contribution.create({ data });
  }

  /** A contribution never published, deleted by its author: nothing of it stays (its revisions go with it). */
  async deleteContribution(tx: PrismaTransaction, id: string): Promise<void> {
    await tx.contribution.delete({ where: { id } });
  }

  async setState(tx: PrismaTransaction, id: string, state: ContributionState): Promise<void> {
    await tx.contribution.update({ where: { id }, data: { state } });
  }

  /** Replaces the text, keeping the one it replaced for moderators. */
  async replaceBody(tx: PrismaTransaction, row: ContributionRow, editedById: string, data: { body: string; stance?: string; edited?: boolean; moderationNotice?: string }): Promise<void> {
    await tx.contributionRevision.create({ data: { contributionId: row.id, body: row.body, editedById } });
    await tx.contribution.update({ where: { id: row.id }, data });
  }

  async previousBodies(ids: string[]): Promise<Map<string, string[]>> {
    const rows = await this.prisma.contributionRevision.findMany({ where: { contributionId: { in: ids } }, orderBy: { replacedAt: 'asc' }, select: { contributionId: true, body: true } });
    const map = new Map<string, string[]>();
    for (const row of rows) map.set(row.contributionId, [...(map.get(row.contributionId) ?? []), row.body]);
    return map;
  }

  /** A page of a space's thread: what the public sees (every state but pending), the viewer's own pending ones too. */
  async page(deliberationId: string, query: ContributionQuery, viewerId: string | null): Promise<{ rows: ContributionRow[]; total: number }> {
    const where: Prisma.ContributionWhereInput = {
      deliberationId,
      ...(query.stance ? { stance: query.stance } : {}),
      OR: [{ state: { not: 'pending' } }, ...(viewerId ? [{ authorId: viewerId }] : [])],
    };
    const orderBy: Prisma.ContributionOrderByWithRelationInput[] =
      query.sort === 'helpful' ? [{ helpfulCount: 'desc' }, { createdAt: 'desc' }] : [{ createdAt: query.sort === 'oldest' ? 'asc' : 'desc' }, { id: 'asc' }];
    const [rows, total] = await Promise.all([
      this.prisma.contribution.findMany({ where, orderBy, skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
      this.prisma.contribution.count({ where }),
    ]);
    return { rows, total };
  }

  async replyCounts(ids: string[]): Promise<Map<string, number>> {
    const rows = await this.prisma.contribution.groupBy({ by: ['parentId'], where: { parentId: { in: ids }, state: { not: 'pending' } }, _count: { _all: true } });
    return new Map(rows.map((row) => [row.parentId!, row._count._all]));
  }

  async viewerMarks(ids: string[], personId: string): Promise<{ helpful: Set<string>; reported: Set<string> }> {
    const [helpful, reported] = await Promise.all([
      this.prisma.contributionHelpfulMark.findMany({ where: { contributionId: { in: ids }, personId }, select: { contributionId: true } }),
      this.prisma.contributionReport.findMany({ where: { contributionId: { in: ids }, reporterPersonId: personId }, select: { contributionId: true } }),
    ]);
    return { helpful: new Set(helpful.map((m) => m.contributionId)), reported: new Set(reported.map((r) => r.contributionId)) };
  }

  /** The latest decision on each contribution (a tombstone's reason). */
  async latestDecisions(ids: string[]): Promise<Map<string, DecisionRow>> {
    const rows = await this.prisma.moderationDecision.findMany({ where: { contributionId: { in: ids } }, orderBy: { createdAt: 'asc' }, include: { appeal: true } });
    return new Map(rows.map((row) => [row.contributionId!, row]));
  }

  // ---- helpful marks and reports ----------------------------------------------

  /** Idempotent: the primary key keeps one mark per person; the count follows in the same statement. */
  async markHelpful(contributionId: string, personId: string): Promise<number> {
    return this.prisma.$transaction(async (tx) => {
      const inserted = await tx.$executeRaw`INSERT INTO contribution_helpful_marks (contribution_id, person_id) VALUES (${contributionId}::uuid, ${personId}::uuid) ON CONFLICT DO NOTHING`;
      const row = inserted > 0 ? await tx.contribution.update({ where: { id: contributionId }, data: { helpfulCount: { increment: 1 } }, select: { helpfulCount: true } }) : await tx.contribution.findUniqueOrThrow({ where: { id: contributionId }, select: { helpfulCount: true } });
      return row.helpfulCount;
    });
  }

  /** Stores a report; false when this person reported it already (the unique key decides). */
  async addReport(tx: PrismaTransaction, contributionId: string, reporterPersonId: string, report: { reasonCode: string; law: string; explanation: string }): Promise<boolean> {
    const inserted = await tx.$executeRaw`
      INSERT INTO contribution_reports (id, contribution_id, reporter_person_id, reason_code, law, explanation)
      VALUES (gen_random_uuid(), ${contributionId}::uuid, ${reporterPersonId}::uuid, ${report.reasonCode}, ${report.law}, ${report.explanation})
      ON CONFLICT (contribution_id, reporter_person_id) DO NOTHING`;
    return inserted > 0;
  }

  distinctReporters(tx: PrismaTransaction, contributionId: string): Promise<number> {
    return tx.contributionReport.count({ where: { contributionId } });
  }

  /** Marks the open reports resolved and returns their reporters (told the outcome). */
  async resolveReports(tx: PrismaTransaction, contributionId: string): Promise<string[]> {
    const open = await tx.contributionReport.findMany({ where: { contributionId, resolvedAt: null }, select: { reporterPersonId: true } });
    await tx.contributionReport.updateMany({ where: { contributionId, resolvedAt: null }, data: { resolvedAt: new Date() } });
    return open.map((r) => r.reporterPersonId);
  }

  // ---- moderation ------------------------------------------------------------

  addDecision(
    tx: PrismaTransaction,
    data: { deliberationId: string; contributionId: string | null; subjectPersonId: string | null; decidedById: string | null; decision: string; ground: DecisionGround | null; facts: string; automatic: boolean; suspendedUntil?: Date | null },
  ): Promise<DecisionRow> {
    return tx.moderationDecision.create({ data: { ...data, ground: data.ground ?? Prisma.DbNull }, include: { appeal: true } });
  }

  /** Pending and reported contributions awaiting a moderator, oldest first. */
  queue(deliberationId: string | null): Promise<(ContributionRow & { reports: { reasonCode: string; law: string; explanation: string; createdAt: Date; resolvedAt: Date | null }[] })[]> {
    return this.prisma.contribution.findMany({
      where: { ...(deliberationId ? { deliberationId } : {}), OR: [{ state: { in: ['pending', 'hidden_automatically'] } }, { state: 'visible', reports: { some: { resolvedAt: null } } }] },
      include: { reports: { select: { reasonCode: true, law: true, explanation: true, createdAt: true, resolvedAt: true }, orderBy: { createdAt: 'asc' } } },
      orderBy: { createdAt: 'asc' },
      take: 200,
    });
  }

  decisionsAbout(personIds: string[]): Promise<DecisionRow[]> {
    return this.prisma.moderationDecision.findMany({ where: { subjectPersonId: { in: personIds } }, orderBy: { createdAt: 'desc' }, include: { appeal: true }, take: 500 });
  }

  async bodies(ids: string[]): Promise<Map<string, string>> {
    const rows = await this.prisma.contribution.findMany({ where: { id: { in: ids } }, select: { id: true, body: true } });
    return new Map(rows.map((r) => [r.id, r.body]));
  }

  async log(deliberationId: string, page: number, pageSize: number): Promise<{ rows: DecisionRow[]; total: number }> {
    const where = { deliberationId };
    const [rows, total] = await Promise.all([
      this.prisma.moderationDecision.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], include: { appeal: true }, skip: (page - 1) * pageSize, take: pageSize }),
      this.prisma.moderationDecision.count({ where }),
    ]);
    return { rows, total };
  }

  /** The whole platform's log, newest first. */
  async logAll(page: number, pageSize: number): Promise<{ rows: DecisionRow[]; total: number }> {
    const [rows, total] = await Promise.all([
      this.prisma.moderationDecision.findMany({ orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], include: { appeal: true }, skip: (page - 1) * pageSize, take: pageSize }),
      this.prisma.moderationDecision.count(),
    ]);
    return { rows, total };
  }

  /** Every decision, oldest first (open data). */
  allDecisions(): Promise<DecisionRow[]> {
    return this.prisma.moderationDecision.findMany({ orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], include: { appeal: true } });
  }

  /** Every contribution a visitor may see in a thread (all but pending), oldest first (open data). */
  publicContributions(): Promise<ContributionRow[]> {
    return this.prisma.contribution.findMany({ where: { state: { not: 'pending' } }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  }

  /** Where contributions came from (online or a workshop, with its provenance). */
  async origins(ids: string[]): Promise<Map<string, { origin: string; workshop: Prisma.JsonValue }>> {
    const rows = await this.prisma.contribution.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, origin: true, workshop: true } });
    return new Map(rows.map((row) => [row.id, { origin: row.origin, workshop: row.workshop }]));
  }

  /** Each space's subject, by space id. */
  async subjects(ids: string[]): Promise<Map<string, { subjectType: string; subjectReference: string }>> {
    const rows = await this.prisma.deliberation.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, subjectType: true, subjectReference: true } });
    return new Map(rows.map((row) => [row.id, { subjectType: row.subjectType, subjectReference: row.subjectReference }]));
  }

  /** Titles and states of the proposals spaces are opened on. */
  async proposalsByReference(references: string[]): Promise<Map<string, { title: string; state: string; submittedAt: Date | null }>> {
    const rows = await this.prisma.proposal.findMany({ where: { reference: { in: [...new Set(references)] } }, select: { reference: true, title: true, state: true, submittedAt: true } });
    return new Map(rows.map((row) => [row.reference, row]));
  }

  /**
   * Per space, the items waiting for a moderator since before `cutoff`:
   * pending contributions, reported ones (from their first open report) and
   * undecided appeals.
   */
  waitingSince(cutoff: Date): Promise<{ deliberationId: string; subjectType: string; subjectReference: string; count: number }[]> {
    return this.prisma.$queryRaw`
      SELECT d.id AS "deliberationId", d.subject_type AS "subjectType", d.subject_reference AS "subjectReference", w.count
      FROM (
        SELECT deliberation_id, count(*)::int AS count FROM (
          SELECT c.deliberation_id FROM contributions c
          WHERE (c.state = 'pending' AND c.created_at < ${cutoff})
             OR (c.state IN ('visible', 'hidden_automatically') AND EXISTS (
                  SELECT 1 FROM contribution_reports r WHERE r.contribution_id = c.id AND r.resolved_at IS NULL AND r.created_at < ${cutoff}))
          UNION ALL
          SELECT m.deliberation_id FROM moderation_appeals a JOIN moderation_decisions m ON m.id = a.decision_id
          WHERE a.outcome IS NULL AND a.created_at < ${cutoff}
        ) items GROUP BY deliberation_id
      ) w JOIN deliberations d ON d.id = w.deliberation_id
      ORDER BY d.created_at`;
  }

  /** Appeals not decided yet in a space, oldest first. */
  pendingAppeals(deliberationId: string): Promise<AppealRow[]> {
    return this.prisma.moderationAppeal.findMany({ where: { outcome: null, decision: { deliberationId } }, include: { decision: true }, orderBy: { createdAt: 'asc' } });
  }

  /**
   * The transparency figures in one statement: decisions per kind and ground,
   * automatic vs human, the median wait before a moderator's decision (from
   * posting in pre-moderation, or from the first report), appeals.
   */
  async transparency(deliberationId: string | null) {
    const space = deliberationId === null ? Prisma.sql`TRUE` : Prisma.sql`d.deliberation_id = ${deliberationId}::uuid`;
    const [counts] = await this.prisma.$queryRaw<{ decisions: number; automatic: number; median_hours: number | null; filed: number; pending: number; upheld: number; reversed: number }[]>`
      SELECT count(*)::int AS decisions,
             count(*) FILTER (WHERE d.automatic)::int AS automatic,
             (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM d.created_at - coalesce(
                (SELECT min(r.created_at) FROM contribution_reports r WHERE r.contribution_id = d.contribution_id AND r.created_at <= d.created_at), c.created_at)) / 3600.0)
                FILTER (WHERE NOT d.automatic AND c.id IS NOT NULL))::float8 AS median_hours,
             count(a.id)::int AS filed,
             count(a.id) FILTER (WHERE a.outcome IS NULL)::int AS pending,
             count(a.id) FILTER (WHERE a.outcome = 'upheld')::int AS upheld,
             count(a.id) FILTER (WHERE a.outcome = 'reversed')::int AS reversed
      FROM moderation_decisions d
      LEFT JOIN contributions c ON c.id = d.contribution_id
      LEFT JOIN moderation_appeals a ON a.decision_id = d.id
      WHERE ${space}`;
    const byDecision = await this.prisma.$queryRaw<{ decision: string; count: number }[]>`
      SELECT d.decision, count(*)::int AS count FROM moderation_decisions d WHERE ${space} GROUP BY d.decision ORDER BY count DESC, d.decision`;
    const byGround = await this.prisma.$queryRaw<{ code: string; count: number }[]>`
      SELECT coalesce(d.ground->>'code', CASE WHEN d.ground->>'kind' = 'law' THEN 'illegal_content' END) AS code, count(*)::int AS count
      FROM moderation_decisions d WHERE ${space} AND d.ground IS NOT NULL GROUP BY 1 ORDER BY count DESC, 1`;
    return { counts: counts!, byDecision, byGround };
  }

  decision(id: string, db: Db = this.prisma): Promise<DecisionRow | null> {
    return db.moderationDecision.findUnique({ where: { id }, include: { appeal: true } });
  }

  /** One appeal per decision: false when it exists already (the unique key decides). */
  async addAppeal(tx: PrismaTransaction, decisionId: string, appellantPersonId: string, explanation: string): Promise<string | null> {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO moderation_appeals (id, decision_id, appellant_person_id, explanation)
      VALUES (gen_random_uuid(), ${decisionId}::uuid, ${appellantPersonId}::uuid, ${explanation})
      ON CONFLICT (decision_id) DO NOTHING RETURNING id`;
    return rows[0]?.id ?? null;
  }

  async lockAppeal(tx: PrismaTransaction, id: string): Promise<AppealRow | null> {
    await tx.$queryRaw`SELECT id FROM moderation_appeals WHERE id = ${id}::uuid FOR UPDATE`;
    return tx.moderationAppeal.findUnique({ where: { id }, include: { decision: true } });
  }

  appeal(id: string): Promise<AppealRow | null> {
    return this.prisma.moderationAppeal.findUnique({ where: { id }, include: { decision: true } });
  }

  async decideAppeal(tx: PrismaTransaction, id: string, data: { outcome: string; facts: string; decidedById: string }): Promise<void> {
    await tx.moderationAppeal.update({ where: { id }, data: { ...data, decidedAt: new Date() } });
  }

  async endSuspension(tx: PrismaTransaction, decisionId: string): Promise<void> {
    await tx.deliberationSuspension.updateMany({ where: { decisionId }, data: { until: new Date() } });
  }
}
