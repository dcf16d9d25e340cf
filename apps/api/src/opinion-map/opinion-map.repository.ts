import { Injectable } from '@nestjs/common';
import type { StatementState, StatementVote } from '@sesame/domain';
import { Prisma } from '../generated/prisma/client';
import { PrismaService, type PrismaTransaction } from '../prisma/prisma.service';

type Db = PrismaTransaction | PrismaService;

export type StatementRow = Prisma.StatementGetPayload<object>;
export type SnapshotRow = Prisma.OpinionMapSnapshotGetPayload<object>;

export const RECOMPUTE_JOB = 'opinion-map.recompute';
/** A space's recomputes: not before max(minSeconds, factor × the last one's duration) after the last one started. */
export const RECOMPUTE_SPACING = { minSeconds: 2, factor: 10 } as const;
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

  async participantNumber(deliberationId: string, personId: string): Promise<number | null> {
    return (await this.prisma.opinionParticipant.findUnique({ where: { deliberationId_personId: { deliberationId, personId } }, select: { number: true } }))?.number ?? null;
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

  /** One row per person and statement: a repeated or changed vote replaces it (the primary key decides). */
  async vote(tx: PrismaTransaction, statementId: string, participantId: string, vote: StatementVote): Promise<void> {
    await tx.$executeRaw`
      INSERT INTO statement_votes (statement_id, participant_id, vote, voted_at) VALUES (${statementId}::uuid, ${participantId}::uuid, ${VOTE_VALUE[vote]}::smallint, now())
      ON CONFLICT (statement_id, participant_id) DO UPDATE SET vote = EXCLUDED.vote, voted_at = CASE WHEN statement_votes.vote = EXCLUDED.vote THEN statement_votes.voted_at ELSE EXCLUDED.voted_at END`;
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
   * Enqueues the space's recompute unless one is waiting already (debounce);
   * inside the transaction of the vote or decision. Spaced out: not before
   * max(2 s, 10 × the last recompute's duration) after the last one started,
   * so that flipping votes cannot keep the machine busy.
   */
  async enqueueRecompute(tx: PrismaTransaction, deliberationId: string, runAt: Date): Promise<void> {
    const waiting = await tx.job.count({ where: { kind: RECOMPUTE_JOB, completedAt: null, failedAt: null, lockedAt: null, payload: { equals: { deliberationId } } } });
    if (waiting > 0) return;
    const [spaced] = await tx.$queryRaw<{ at: Date | null }[]>`
      SELECT checked_at + make_interval(secs => greatest(${RECOMPUTE_SPACING.minSeconds}::float8, ${RECOMPUTE_SPACING.factor}::float8 * compute_ms / 1000.0)) AS at
      FROM opinion_map_snapshots WHERE deliberation_id = ${deliberationId}::uuid AND checked_at IS NOT NULL AND compute_ms IS NOT NULL`;
    const at = spaced?.at && spaced.at > runAt ? spaced.at : runAt;
    await tx.job.create({ data: { kind: RECOMPUTE_JOB, payload: { deliberationId }, runAt: at } });
  }

  snapshot(deliberationId: string): Promise<SnapshotRow | null> {
    return this.prisma.opinionMapSnapshot.findUnique({ where: { deliberationId } });
  }
}
