import { Injectable } from '@nestjs/common';
import type { StatementState } from '@sesame/domain';
import type { Prisma } from '../generated/prisma/client';
import { tryTransactionLockOn } from '../common/advisory-locks.repository';
import { PrismaService, type PrismaTransaction } from '../prisma/prisma.service';
import type { VoteColumns, VotesRead } from './opinion-map-recompute.compute';

/** Bytes per vote in votes(): participant (int4), statement (int4), vote (int2), big-endian. */
const VOTE_BYTES = 10;

/** What the background recompute reads and stores (opinion-map-recompute.service.ts). */
@Injectable()
export class OpinionMapRecomputeRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The database's clock: votes are stamped with it, and the catch-up compares with it. */
  async now(): Promise<Date> {
    const [row] = await this.prisma.sql<{ now: Date }>('SELECT clock_timestamp() AS now');
    return row!.now;
  }

  /**
   * The space's votes, by participant and statement numbers, as columns: every
   * vote, or (`since`: the snapshot of a previous read whose votes the worker
   * keeps) only those written by a transaction that read could not see — any
   * row whose xmin is not older than that read's snapshot xmin (more is
   * harmless: a change sets a cell to its stored value) — with the number of
   * stored votes, which reveals deletions. One statement, hence one snapshot,
   * whose xmin is returned for the next read. The votes are packed server-side
   * into one bytea (10 bytes each), so that 1.5 M votes cost the API's event
   * loop one decoding, not 1.5 M row objects.
   */
  async votes(deliberationId: string, since: string | null = null): Promise<VotesRead> {
    // age() counts transactions back from the same point for both: the row's is at most the read's when the row is not older.
    const [row] = await this.prisma.sql<{ packed: Buffer | null; total: number; snapshot: string; sinceAge: number | null }>(
      `SELECT string_agg(int4send(p.number) || int4send(s.number) || int2send(v.vote), ''::bytea)
                FILTER (WHERE $2::text IS NULL OR age(v.xmin) <= age($2::text::xid)) AS packed,
              count(*)::int AS total,
              (pg_snapshot_xmin(pg_current_snapshot())::text::bigint % 4294967296)::text AS snapshot,
              CASE WHEN $2::text IS NULL THEN NULL ELSE age($2::text::xid) END AS "sinceAge"
       FROM statement_votes v JOIN statements s ON s.id = v.statement_id JOIN opinion_participants p ON p.id = v.participant_id
       WHERE s.deliberation_id = $1::uuid`,
      [deliberationId, since],
    );
    // Normal transaction ids start at 3; a read more than 2^30 transactions old could be confused by wraparound: read everything.
    const snapshot = row && Number(row.snapshot) >= 3 ? row.snapshot : null;
    if (since !== null && (row?.sinceAge === null || row?.sinceAge === undefined || row.sinceAge > 2 ** 30)) return this.votes(deliberationId, null);
    const packed = row?.packed ?? Buffer.alloc(0);
    const count = packed.length / VOTE_BYTES;
    const columns: VoteColumns = { participants: new Int32Array(count), statements: new Int32Array(count), votes: new Int8Array(count) };
    for (let k = 0, at = 0; k < count; k++, at += VOTE_BYTES) {
      columns.participants[k] = packed.readInt32BE(at);
      columns.statements[k] = packed.readInt32BE(at + 4);
      columns.votes[k] = packed.readInt16BE(at + 8);
    }
    return since === null ? { kind: 'all', columns, snapshot } : { kind: 'changes', columns, snapshot, since, total: row?.total ?? 0 };
  }

  statements(deliberationId: string): Promise<{ number: number; text: string; seeded: boolean; state: StatementState; meta: boolean }[]> {
    return this.prisma.statement.findMany({ where: { deliberationId }, select: { number: true, text: true, seeded: true, state: true, meta: true }, orderBy: { number: 'asc' } });
  }

  /** The numbers of the space's participants suspended at `now`. */
  async suspendedParticipants(deliberationId: string, now: Date): Promise<number[]> {
    const rows = await this.prisma.sql<{ number: number }>(
      `SELECT DISTINCT p.number FROM opinion_participants p JOIN deliberation_suspensions s ON s.person_id = p.person_id
       WHERE p.deliberation_id = $1::uuid AND s.until > $2`,
      [deliberationId, now],
    );
    return rows.map((r) => r.number);
  }

  /** The spaces where the person takes part in the opinion map (a suspension of theirs changes these maps). */
  async spacesOf(tx: PrismaTransaction, personId: string): Promise<string[]> {
    const rows = await tx.opinionParticipant.findMany({ where: { personId }, select: { deliberationId: true } });
    return rows.map((r) => r.deliberationId);
  }

  /** One recompute of the space at a time, on any instance: false when another holds it. */
  lock(tx: PrismaTransaction, deliberationId: string): Promise<boolean> {
    return tryTransactionLockOn(tx, 'opinionMapRecompute', deliberationId);
  }

  previous(tx: PrismaTransaction, deliberationId: string) {
    return tx.opinionMapSnapshot.findUnique({ where: { deliberationId }, select: { inputHash: true, algorithmVersion: true, history: true, computedAt: true, checkedAt: true, computeMs: true } });
  }

  async save(
    tx: PrismaTransaction,
    data: { deliberationId: string; algorithmVersion: string; inputHash: string; voters: number; votes: number; view: object; positions: object; history: object; computedAt: Date; computeMs: number },
  ): Promise<void> {
    const { deliberationId, ...rest } = data;
    const json = { ...rest, checkedAt: rest.computedAt, view: rest.view as Prisma.InputJsonValue, positions: rest.positions as Prisma.InputJsonValue, history: rest.history as Prisma.InputJsonValue };
    await tx.opinionMapSnapshot.upsert({ where: { deliberationId }, create: { deliberationId, ...json }, update: json });
  }

  /** The input was read again and is the same: the map stands, checked at `checkedAt`. */
  async checked(tx: PrismaTransaction, deliberationId: string, checkedAt: Date, computeMs: number): Promise<void> {
    await tx.opinionMapSnapshot.update({ where: { deliberationId }, data: { checkedAt, computeMs } });
  }

  /**
   * Spaces whose map is missing or stale: votes and no snapshot, a vote or a
   * decision since the last recompute read its input, or a suspension of one
   * of their participants that began or ended since.
   */
  async staleSpaces(now: Date): Promise<string[]> {
    const rows = await this.prisma.sql<{ id: string }>(
      `SELECT d.id FROM deliberations d LEFT JOIN opinion_map_snapshots m ON m.deliberation_id = d.id
       CROSS JOIN LATERAL (SELECT coalesce(m.checked_at, m.computed_at) AS at) c
       WHERE EXISTS (SELECT 1 FROM statements s JOIN statement_votes v ON v.statement_id = s.id WHERE s.deliberation_id = d.id)
         AND (m.deliberation_id IS NULL
           OR EXISTS (SELECT 1 FROM statements s JOIN statement_votes v ON v.statement_id = s.id WHERE s.deliberation_id = d.id AND v.voted_at > c.at)
           OR EXISTS (SELECT 1 FROM statements s WHERE s.deliberation_id = d.id AND s.decided_at > c.at)
           OR EXISTS (SELECT 1 FROM opinion_participants p JOIN deliberation_suspensions x ON x.person_id = p.person_id
                      WHERE p.deliberation_id = d.id AND (x.created_at > c.at OR (x.until > c.at AND x.until <= $1))))`,
      [now],
    );
    return rows.map((r) => r.id);
  }
}
