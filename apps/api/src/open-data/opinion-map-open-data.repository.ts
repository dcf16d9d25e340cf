import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma/prisma.service';

/** A space whose subject is public (a proposal submitted and not a draft), with statements or a map. */
export interface OpinionMapSpaceRow {
  id: string;
  subjectReference: string;
  title: string;
}

export interface OpenStatementRow {
  deliberationId: string;
  number: number;
  text: string;
  seeded: boolean;
  meta: boolean;
  createdAt: Date;
  /** The author's participant number in the space, when they have one (null: deleted account, or never took part). */
  authorNumber: number | null;
}

export interface OpenVoteRow {
  participant: number;
  statement: number;
  vote: number;
  votedAt: Date;
}

export interface OpenSnapshotRow {
  deliberationId: string;
  algorithmVersion: string;
  inputHash: string;
  voters: number;
  votes: number;
  view: unknown;
  positions: unknown;
  history: unknown;
  computedAt: Date;
}

/**
 * What the opinion map publishes as open data (issue 16): approved statements
 * only, and never the votes of people suspended now (the map leaves them out
 * for the time of the suspension). Participants appear by their number in the
 * space, never by person id.
 */
@Injectable()
export class OpinionMapOpenDataRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Public spaces with at least one approved statement, oldest first. */
  spaces(): Promise<OpinionMapSpaceRow[]> {
    return this.prisma.$queryRaw<OpinionMapSpaceRow[]>`
      SELECT d.id, d.subject_reference AS "subjectReference", p.title
      FROM deliberations d
      JOIN proposals p ON d.subject_type = 'proposal' AND p.reference = d.subject_reference
      WHERE p.state <> 'draft' AND p.submitted_at IS NOT NULL
        AND EXISTS (SELECT 1 FROM statements s WHERE s.deliberation_id = d.id AND s.state = 'approved')
      ORDER BY d.created_at, d.id`;
  }

  /** One space, when its subject is public. */
  async space(id: string): Promise<OpinionMapSpaceRow | null> {
    const rows = await this.prisma.$queryRaw<OpinionMapSpaceRow[]>`
      SELECT d.id, d.subject_reference AS "subjectReference", p.title
      FROM deliberations d
      JOIN proposals p ON d.subject_type = 'proposal' AND p.reference = d.subject_reference
      WHERE d.id = ${id}::uuid AND p.state <> 'draft' AND p.submitted_at IS NOT NULL`;
    return rows[0] ?? null;
  }

  /** Approved statements of a space, by number. */
  statements(deliberationId: string): Promise<OpenStatementRow[]> {
    return this.prisma.$queryRaw<OpenStatementRow[]>`
      SELECT s.deliberation_id AS "deliberationId", s.number, s.text, s.seeded, s.meta, s.created_at AS "createdAt", a.number AS "authorNumber"
      FROM statements s
      LEFT JOIN opinion_participants a ON a.deliberation_id = s.deliberation_id AND a.person_id = s.author_id AND s.author_id IS NOT NULL
      WHERE s.deliberation_id = ${deliberationId}::uuid AND s.state = 'approved'
      ORDER BY s.number`;
  }

  /** The latest votes on approved statements, without those of people suspended now; by statement then participant (as Polis's votes.csv). */
  votes(deliberationId: string): Promise<OpenVoteRow[]> {
    return this.prisma.$queryRaw<OpenVoteRow[]>`
      SELECT p.number AS participant, s.number AS statement, v.vote::int AS vote, v.voted_at AS "votedAt"
      FROM statement_votes v
      JOIN statements s ON s.id = v.statement_id
      JOIN opinion_participants p ON p.id = v.participant_id
      WHERE s.deliberation_id = ${deliberationId}::uuid AND s.state = 'approved'
        AND NOT EXISTS (SELECT 1 FROM deliberation_suspensions x WHERE x.person_id = p.person_id AND x.until > now())
      ORDER BY s.number, p.number`;
  }

  async snapshot(deliberationId: string): Promise<OpenSnapshotRow | null> {
    return this.prisma.opinionMapSnapshot.findUnique({ where: { deliberationId } });
  }

  /** The latest snapshots of the given spaces. */
  async snapshots(deliberationIds: string[]): Promise<Map<string, OpenSnapshotRow>> {
    const rows = await this.prisma.opinionMapSnapshot.findMany({ where: { deliberationId: { in: deliberationIds } } });
    return new Map(rows.map((row) => [row.deliberationId, row]));
  }
}
