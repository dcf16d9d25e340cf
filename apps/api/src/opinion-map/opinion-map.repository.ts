import { Injectable } from '@nestjs/common';
import type { StatementState, StatementVote } from '@sesame/domain';
import { Prisma } from '../generated/prisma/client';
import { PrismaService, type PrismaTransaction } from '../prisma/prisma.service';

type Db = PrismaTransaction | PrismaService;

export type StatementRow = Prisma.StatementGetPayload<object>;
export type SnapshotRow = Prisma.OpinionMapSnapshotGetPayload<object>;

export const RECOMPUTE_JOB = 'opinion-map.recompute';
/** A space's recomputes: not before max(minSeconds, factor × the last one's cost, `compute_ms`) after the last one started. */
export const RECOMPUTE_SPACING = { minSeconds: 2, factor: 10 } as const;
/** When the next recompute may start after the last one, from its snapshot row `m` (null without one). */
const SPACED_AFTER_SQL = (m: string) =>
  `${m}.checked_at + make_interval(secs => greatest(${RECOMPUTE_SPACING.minSeconds}::float8, ${RECOMPUTE_SPACING.factor}::float8 * ${m}.compute_ms / 1000.0))`;

/** What a vote needs to know, read in one round trip: the space and its rules in force, its subject's visibility, the statement, the voter's facts and participant id. */
export interface VoteContext {
  space: { id: string; subjectVisible: boolean; moderation: string; whoMayPost: string; neighbourhoodIds: string[]; opensAt: Date; closesAt: Date } | null;
  statement: StatementRow | null;
  participant: { verified: boolean; neighbourhoodId: string | null; suspendedUntil: Date | null; charterAccepted: boolean };
  participantId: string | null;
}

/** Runs one statement, on the pool (`PrismaService.sql`) or in a transaction. */
type Run = <Row extends object>(text: string, params: readonly unknown[]) => Promise<Row[]>;

/**
 * The space's recompute job still waiting to be claimed, if any: a new vote or
 * decision relies on it (debounce) instead of enqueuing another. Locked FOR
 * SHARE until the caller's transaction ends, so that it is never claimed in
 * between: the job queue's claim (FOR UPDATE SKIP LOCKED) passes it over until
 * the vote is committed, hence the recompute's read of the votes sees it; and
 * a job claimed while this statement started is re-checked once the claim
 * commits (READ COMMITTED) and no longer counts as waiting, so the vote
 * enqueues the next recompute. Without the lock a vote could see a job as
 * waiting, the job be claimed and its votes read before the vote committed:
 * the vote stayed out of every map until some later vote or the catch-up.
 */
const WAITING_RECOMPUTE_SQL = (kind: string, deliberationId: string) => `
    SELECT j.id FROM jobs j WHERE j.kind = ${kind} AND j.completed_at IS NULL AND j.failed_at IS NULL AND j.locked_at IS NULL
      AND j.payload = jsonb_build_object('deliberationId', ${deliberationId}::text)
    FOR SHARE OF j`;

/**
 * A vote in one statement (the hot path of a live workshop): the vote upserted
 * while the statement is still approved (one row per participant and
 * statement: the primary key), the space's recompute enqueued unless one is
 * waiting (debounce; in the same statement, so atomically with the vote), and
 * the statement's counts without this participant's own row (the statement's
 * snapshot precedes its own insert: the caller adds the vote it just cast).
 */
const VOTE_SQL = `
  WITH voted AS (
    INSERT INTO statement_votes (statement_id, participant_id, vote, voted_at)
    SELECT s.id, $2::uuid, $3::smallint, now() FROM statements s WHERE s.id = $1::uuid AND s.deliberation_id = $4::uuid AND s.state = 'approved'
    ON CONFLICT (statement_id, participant_id) DO UPDATE SET vote = EXCLUDED.vote,
      voted_at = CASE WHEN statement_votes.vote = EXCLUDED.vote THEN statement_votes.voted_at ELSE EXCLUDED.voted_at END
    RETURNING statement_id
  ), waiting AS (${WAITING_RECOMPUTE_SQL('$5::text', '$4::uuid')}
  ), enqueued AS (
    INSERT INTO jobs (kind, payload, run_at)
    SELECT $5::text, jsonb_build_object('deliberationId', $4::uuid::text),
      -- Spaced out after the last recompute (RECOMPUTE_SPACING, as enqueueRecompute does); GREATEST skips a missing one.
      GREATEST($6::timestamptz, (SELECT ${SPACED_AFTER_SQL('m')} FROM opinion_map_snapshots m WHERE m.deliberation_id = $4::uuid))
    FROM voted
    WHERE NOT EXISTS (SELECT 1 FROM waiting)
    RETURNING id
  )
  SELECT EXISTS (SELECT 1 FROM voted) AS voted, (SELECT count(*) FROM enqueued)::int AS enqueued,
    count(*) FILTER (WHERE v.vote = 1)::int AS agree, count(*) FILTER (WHERE v.vote = -1)::int AS disagree, count(*) FILTER (WHERE v.vote = 0)::int AS pass
  FROM statement_votes v JOIN opinion_participants p ON p.id = v.participant_id
  WHERE v.statement_id = $1::uuid AND v.participant_id <> $2::uuid
    AND NOT EXISTS (SELECT 1 FROM deliberation_suspensions x WHERE x.person_id = p.person_id AND x.until > now())`;
const VOTE_VALUE: Record<StatementVote, number> = { agree: 1, disagree: -1, pass: 0 };

/** The opinion map's tables: the only file of the feature that touches Prisma (with the personal-data provider). */
@Injectable()
export class OpinionMapRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The space's limit on a statement's length (its rules in force). */
  async statementMaxLength(deliberationId: string): Promise<number | null> {
    const rules = await this.prisma.deliberationRuleVersion.findFirst({ where: { deliberationId }, orderBy: { version: 'desc' }, select: { statementMaxLength: true } });
    return rules?.statementMaxLength ?? null;
  }

  /**
   * Numbers are given in turn within a space (statements and participants):
   * the space's row, locked until the transaction ends (NO KEY UPDATE: rows
   * referring to the space are still inserted meanwhile).
   */
  private async lockNumbering(tx: PrismaTransaction, deliberationId: string): Promise<void> {
    await tx.$queryRaw`SELECT id FROM deliberations WHERE id = ${deliberationId}::uuid FOR NO KEY UPDATE`;
  }

  /** Everything a vote checks, in one prepared statement (docs/decisions/0013-performance.md: one round trip on the hot path). */
  async voteContext(deliberationId: string, statementId: string, personId: string, now: Date): Promise<VoteContext> {
    const [row] = await this.prisma.sql<{
      space_id: string | null;
      subject_visible: boolean;
      moderation: string;
      who_may_post: string;
      neighbourhood_ids: string[];
      opens_at: Date;
      closes_at: Date;
      statement: (Omit<StatementRow, 'createdAt' | 'decidedAt'> & { createdAt: string; decidedAt: string | null }) | null;
      neighbourhood_id: string | null;
      verified: boolean;
      suspended_until: Date | null;
      charter_accepted: boolean;
      participant_id: string | null;
    }>(
      `
      SELECT d.id AS space_id,
        ((pr.reference IS NOT NULL AND pr.state::text <> 'draft' AND pr.submitted_at IS NOT NULL) OR (co.reference IS NOT NULL AND co.rules_published_at IS NOT NULL)) AS subject_visible,
        r.moderation, r.who_may_post, r.neighbourhood_ids::text[] AS neighbourhood_ids, r.opens_at, r.closes_at,
        (SELECT json_build_object('id', s.id, 'deliberationId', s.deliberation_id, 'number', s.number, 'authorId', s.author_id, 'seeded', s.seeded, 'text', s.text,
                 'state', s.state, 'meta', s.meta, 'rejectionCode', s.rejection_code, 'decidedById', s.decided_by_id, 'decidedAt', s.decided_at, 'createdAt', s.created_at)
           FROM statements s WHERE s.id = $2::uuid AND s.deliberation_id = d.id) AS statement,
        v.neighbourhood_id, v.person_id IS NOT NULL AS verified,
        (SELECT max(x.until) FROM deliberation_suspensions x WHERE x.person_id = $3::uuid AND x.until > $4::timestamptz) AS suspended_until,
        EXISTS (SELECT 1 FROM deliberation_charter_acceptances c WHERE c.person_id = $3::uuid) AS charter_accepted,
        (SELECT o.id FROM opinion_participants o WHERE o.deliberation_id = d.id AND o.person_id = $3::uuid) AS participant_id
      FROM (SELECT $1::uuid AS id) wanted
      LEFT JOIN deliberations d ON d.id = wanted.id
      LEFT JOIN LATERAL (SELECT * FROM deliberation_rule_versions rv WHERE rv.deliberation_id = d.id ORDER BY rv.version DESC LIMIT 1) r ON true
      LEFT JOIN proposals pr ON d.subject_type = 'proposal' AND pr.reference = d.subject_reference
      LEFT JOIN consultations co ON d.subject_type = 'consultation' AND co.reference = d.subject_reference
      LEFT JOIN resident_verifications v ON v.person_id = $3::uuid`,
      [deliberationId, statementId, personId, now],
      { prepareAs: 'opinion-map-vote-context' },
    );
    const participant = { verified: row!.verified, neighbourhoodId: row!.neighbourhood_id, suspendedUntil: row!.suspended_until, charterAccepted: row!.charter_accepted };
    if (!row!.space_id || !row!.opens_at) return { space: null, statement: null, participant, participantId: null };
    const s = row!.statement;
    return {
      space: { id: row!.space_id, subjectVisible: row!.subject_visible, moderation: row!.moderation, whoMayPost: row!.who_may_post, neighbourhoodIds: row!.neighbourhood_ids, opensAt: row!.opens_at, closesAt: row!.closes_at },
      statement: s ? { ...s, createdAt: new Date(s.createdAt), decidedAt: s.decidedAt ? new Date(s.decidedAt) : null } : null,
      participant,
      participantId: row!.participant_id,
    };
  }

  /**
   * The vote, the debounced recompute and the statement's counts in one
   * statement (VOTE_SQL); on the pool when the participant exists, else in the
   * transaction that numbered them. `voted` false: the statement is no longer
   * approved (rejected meanwhile).
   */
  async voteOnce(
    db: PrismaTransaction | null,
    input: { deliberationId: string; statementId: string; participantId: string; vote: StatementVote; recomputeAt: Date },
  ): Promise<{ voted: boolean; others: { agree: number; disagree: number; pass: number } }> {
    const params = [input.statementId, input.participantId, VOTE_VALUE[input.vote], input.deliberationId, RECOMPUTE_JOB, input.recomputeAt];
    const run: Run = db ? (text, values) => db.$queryRawUnsafe(text, ...values) : (text, values) => this.prisma.sql(text, values, { prepareAs: 'opinion-map-vote' });
    const [row] = await run<{ voted: boolean; agree: number; disagree: number; pass: number }>(VOTE_SQL, params);
    return { voted: row!.voted, others: { agree: row!.agree, disagree: row!.disagree, pass: row!.pass } };
  }

  /**
   * The map as the reader needs it, in one statement: whether the space exists
   * and its subject is public, the stored view (not the positions of everyone
   * nor the warm-start history), and the reader's own position only
   * (`positions -> their number`).
   */
  async mapOf(deliberationId: string, personId: string | null): Promise<{ exists: boolean; subjectVisible: boolean; view: unknown; me: unknown }> {
    const [row] = await this.prisma.sql<{ space_id: string | null; subject_visible: boolean; view: unknown; me: unknown }>(
      `
      SELECT d.id AS space_id, ((pr.reference IS NOT NULL AND pr.state::text <> 'draft' AND pr.submitted_at IS NOT NULL) OR (co.reference IS NOT NULL AND co.rules_published_at IS NOT NULL)) AS subject_visible, m.view,
        m.positions -> (SELECT o.number::text FROM opinion_participants o WHERE o.deliberation_id = d.id AND o.person_id = $2::uuid) AS me
      FROM (SELECT $1::uuid AS id) wanted
      LEFT JOIN deliberations d ON d.id = wanted.id
      LEFT JOIN proposals pr ON d.subject_type = 'proposal' AND pr.reference = d.subject_reference
      LEFT JOIN consultations co ON d.subject_type = 'consultation' AND co.reference = d.subject_reference
      LEFT JOIN opinion_map_snapshots m ON m.deliberation_id = d.id`,
      [deliberationId, personId],
      { prepareAs: 'opinion-map-read' },
    );
    return { exists: row!.space_id !== null, subjectVisible: row!.subject_visible, view: row!.view, me: row!.me };
  }

  /** The person's participant id in the space, numbered on first use (concurrency-safe: one number per person and space). */
  async participantOf(tx: PrismaTransaction, deliberationId: string, personId: string): Promise<{ id: string; number: number }> {
    const existing = await tx.opinionParticipant.findUnique({ where: { deliberationId_personId: { deliberationId, personId } }, select: { id: true, number: true } });
    if (existing) return existing;
    await this.lockNumbering(tx, deliberationId);
    const again = await tx.opinionParticipant.findUnique({ where: { deliberationId_personId: { deliberationId, personId } }, select: { id: true, number: true } });
    if (again) return again;
    const last = await tx.opinionParticipant.aggregate({ where: { deliberationId }, _max: { number: true } });
    return tx.opinionParticipant.create({ data: { deliberationId, personId, number: (last._max.number ?? 0) + 1 }, select: { id: true, number: true } });
  }

  async createStatement(tx: PrismaTransaction, data: { deliberationId: string; authorId: string; text: string; state: StatementState; seeded: boolean }): Promise<StatementRow> {
    await this.lockNumbering(tx, data.deliberationId);
    const last = await tx.statement.aggregate({ where: { deliberationId: data.deliberationId }, _max: { number: true } });
    return tx.statement.create({ data: { ...data, number: (last._max.number ?? 0) + 1 } });
  }

  statement(id: string, deliberationId: string, db: Db = this.prisma): Promise<StatementRow | null> {
    return db.statement.findFirst({ where: { id, deliberationId } });
  }

  async lockStatement(tx: PrismaTransaction, id: string, deliberationId: string): Promise<StatementRow | null> {
    await tx.$queryRaw`SELECT id FROM statements WHERE id = ${id}::uuid FOR UPDATE`;
    return this.statement(id, deliberationId, tx);
  }

  async decide(tx: PrismaTransaction, id: string, data: { state?: StatementState; meta?: boolean; rejectionCode?: string | null; decidedById: string }): Promise<StatementRow> {
    return tx.statement.update({ where: { id }, data: { ...data, decidedAt: new Date() } });
  }

  /** Approved statements, and the viewer's own in any state; seeded first, then by number. */
  listed(deliberationId: string, viewerId: string | null): Promise<StatementRow[]> {
    return this.prisma.statement.findMany({
      where: { deliberationId, OR: [{ state: 'approved' }, ...(viewerId ? [{ authorId: viewerId }] : [])] },
      orderBy: [{ seeded: 'desc' }, { number: 'asc' }],
    });
  }

  approved(deliberationId: string): Promise<StatementRow[]> {
    return this.prisma.statement.findMany({ where: { deliberationId, state: 'approved' }, orderBy: { number: 'asc' } });
  }

  mine(deliberationId: string, personId: string): Promise<StatementRow[]> {
    return this.prisma.statement.findMany({ where: { deliberationId, authorId: personId }, orderBy: { number: 'asc' } });
  }

  pending(deliberationId: string): Promise<StatementRow[]> {
    return this.prisma.statement.findMany({ where: { deliberationId, state: 'pending' }, orderBy: { number: 'asc' }, take: 500 });
  }

  /** Counted votes per statement (suspended people's left out), agree / disagree / pass. */
  async counts(statementIds: string[], now: Date): Promise<Map<string, { agree: number; disagree: number; pass: number }>> {
    if (statementIds.length === 0) return new Map();
    const rows = await this.prisma.$queryRaw<{ statement_id: string; agree: number; disagree: number; pass: number }[]>`
      SELECT v.statement_id, count(*) FILTER (WHERE v.vote = 1)::int AS agree, count(*) FILTER (WHERE v.vote = -1)::int AS disagree, count(*) FILTER (WHERE v.vote = 0)::int AS pass
      FROM statement_votes v JOIN opinion_participants p ON p.id = v.participant_id
      WHERE v.statement_id = ANY(${statementIds}::uuid[]) AND NOT EXISTS (SELECT 1 FROM deliberation_suspensions s WHERE s.person_id = p.person_id AND s.until > ${now})
      GROUP BY v.statement_id`;
    return new Map(rows.map((r) => [r.statement_id, { agree: r.agree, disagree: r.disagree, pass: r.pass }]));
  }

  /** The person's votes in the space, by statement id. */
  async votesOf(deliberationId: string, personId: string): Promise<Map<string, StatementVote>> {
    const rows = await this.prisma.statementVote.findMany({ where: { participant: { deliberationId, personId } }, select: { statementId: true, vote: true } });
    return new Map(rows.map((r) => [r.statementId, (r.vote === 1 ? 'agree' : r.vote === -1 ? 'disagree' : 'pass') as StatementVote]));
  }

  /** People who voted at least once in the space, suspended people excluded. */
  async voters(deliberationId: string, now: Date): Promise<number> {
    const [row] = await this.prisma.$queryRaw<{ n: number }[]>`
      SELECT count(DISTINCT p.id)::int AS n FROM opinion_participants p JOIN statement_votes v ON v.participant_id = p.id
      WHERE p.deliberation_id = ${deliberationId}::uuid
        AND NOT EXISTS (SELECT 1 FROM deliberation_suspensions s WHERE s.person_id = p.person_id AND s.until > ${now})`;
    return row?.n ?? 0;
  }

  // ---- the map ------------------------------------------------------------------

  /**
   * Enqueues the space's recompute unless one is waiting already (debounce,
   * WAITING_RECOMPUTE_SQL: the waiting one cannot be claimed before this
   * transaction ends); inside the transaction of the vote or decision. Spaced out: not before
   * max(2 s, 10 × the last recompute's cost) after the last one started,
   * so that flipping votes cannot keep the machine busy.
   */
  async enqueueRecompute(tx: PrismaTransaction, deliberationId: string, runAt: Date): Promise<void> {
    const waiting = await tx.$queryRawUnsafe<{ id: bigint }[]>(WAITING_RECOMPUTE_SQL('$1::text', '$2::uuid'), RECOMPUTE_JOB, deliberationId);
    if (waiting.length > 0) return;
    const [spaced] = await tx.$queryRawUnsafe<{ at: Date | null }[]>(`SELECT ${SPACED_AFTER_SQL('m')} AS at FROM opinion_map_snapshots m WHERE m.deliberation_id = $1::uuid`, deliberationId);
    const at = spaced?.at && spaced.at > runAt ? spaced.at : runAt;
    await tx.job.create({ data: { kind: RECOMPUTE_JOB, payload: { deliberationId }, runAt: at } });
  }

  /**
   * The space's waiting recompute spaced out after the one that just stored
   * its snapshot (in its transaction): a vote cast while a recompute runs
   * enqueues the next one, spaced out after the previous recompute — whose
   * cost may have been far higher or lower. Not before `delaySeconds` after it
   * was enqueued (the debounce), nor before max(2 s, 10 × this recompute's cost) after
   * this one started.
   */
  async respaceWaitingRecompute(tx: PrismaTransaction, deliberationId: string, delaySeconds: number): Promise<void> {
    await tx.$executeRawUnsafe(
      `UPDATE jobs j SET run_at = greatest(j.created_at + make_interval(secs => $3::float8), ${SPACED_AFTER_SQL('m')})
       FROM opinion_map_snapshots m
       WHERE m.deliberation_id = $2::uuid AND m.checked_at IS NOT NULL AND m.compute_ms IS NOT NULL
         AND j.kind = $1::text AND j.completed_at IS NULL AND j.failed_at IS NULL AND j.locked_at IS NULL AND j.payload = jsonb_build_object('deliberationId', $2::uuid::text)`,
      RECOMPUTE_JOB,
      deliberationId,
      delaySeconds,
    );
  }

  /** The next-statement priorities of the latest map (by statement number), not the rest of its history. */
  async priorities(deliberationId: string): Promise<Record<string, number>> {
    const [row] = await this.prisma.sql<{ priorities: Record<string, number> | null }>(`SELECT history -> 'priorities' AS priorities FROM opinion_map_snapshots WHERE deliberation_id = $1::uuid`, [deliberationId], {
      prepareAs: 'opinion-map-priorities',
    });
    return row?.priorities ?? {};
  }

  snapshot(deliberationId: string): Promise<SnapshotRow | null> {
    return this.prisma.opinionMapSnapshot.findUnique({ where: { deliberationId } });
  }
}
