import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma/prisma.service';

/** A space whose subject is public (a proposal submitted and not a draft), with statements or a map. */
export interface OpinionMapSpaceRow {
  id: string;
  subjectReference: string;
  title: string;
}

/** What the files of a space are built from, and what says when they must be built again. */
export interface OpinionMapFilesVersion extends OpinionMapSpaceRow {
  /** The latest map's input hash and time (null before the first map): the votes are published as of this map. */
  inputHash: string | null;
  computedAt: Date | null;
  /** Digest of the approved statements (number, meta flag, text): a newly approved or rejected statement shows without waiting for a map. */
  statementsDigest: string;
}

export interface OpenStatementRow {
  number: number;
  text: string;
  seeded: boolean;
  meta: boolean;
  createdAt: Date;
}

/**
 * The votes as published, in columns (statement then participant order, as
 * Polis's votes.csv): no object per vote, so that a space of a million votes
 * is read in one value and a few typed arrays.
 */
export interface OpenVoteColumns {
  length: number;
  participant: Int32Array;
  statement: Int32Array;
  vote: Int8Array;
  /** Days since 1970-01-01 (UTC) of the vote: never a finer time. */
  day: Int32Array;
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

/** A row of the list of maps: the space, its number of approved statements and its latest map's figures. */
export interface OpinionMapListRow extends OpinionMapSpaceRow {
  statements: number;
  voters: number | null;
  votes: number | null;
  computedAt: Date | null;
  algorithmVersion: string | null;
  inputHash: string | null;
}

const PUBLIC_SPACE = `d.subject_type = 'proposal' AND p.reference = d.subject_reference`;
const PUBLIC_SUBJECT = `p.state <> 'draft' AND p.submitted_at IS NOT NULL`;

/**
 * What the opinion map publishes as open data (issue 16): approved statements
 * only, never their author; votes as of the latest map, without the votes of
 * people suspended when that map was computed (the map leaves them out for the
 * time of the suspension), dated to the day. Participants appear by their
 * number in the space, never by person id.
 */
@Injectable()
export class OpinionMapOpenDataRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Every public space with at least one approved statement, oldest first, with its latest map's figures: one statement. */
  list(): Promise<OpinionMapListRow[]> {
    return this.prisma.sql<OpinionMapListRow>(
      `SELECT d.id, d.subject_reference AS "subjectReference", p.title, st.n AS statements,
              m.voters, m.votes, m.computed_at AS "computedAt", m.algorithm_version AS "algorithmVersion", m.input_hash AS "inputHash"
       FROM deliberations d
       JOIN proposals p ON ${PUBLIC_SPACE}
       JOIN LATERAL (SELECT count(*)::int AS n FROM statements s WHERE s.deliberation_id = d.id AND s.state = 'approved') st ON st.n > 0
       LEFT JOIN opinion_map_snapshots m ON m.deliberation_id = d.id
       WHERE ${PUBLIC_SUBJECT}
       ORDER BY d.created_at, d.id`,
    );
  }

  /** One public space and what its files are built from (a few indexed reads, no vote): asked on every download. */
  async version(id: string): Promise<OpinionMapFilesVersion | null> {
    const rows = await this.prisma.sql<OpinionMapFilesVersion>(
      `SELECT d.id, d.subject_reference AS "subjectReference", p.title, m.input_hash AS "inputHash", m.computed_at AS "computedAt",
              (SELECT coalesce(md5(string_agg(s.number::text || ':' || s.meta::text || ':' || md5(s.text), ',' ORDER BY s.number)), '')
               FROM statements s WHERE s.deliberation_id = d.id AND s.state = 'approved') AS "statementsDigest"
       FROM deliberations d
       JOIN proposals p ON ${PUBLIC_SPACE}
       LEFT JOIN opinion_map_snapshots m ON m.deliberation_id = d.id
       WHERE d.id = $1::uuid AND ${PUBLIC_SUBJECT}`,
      [id],
      { prepareAs: 'opinion-map-open-data-version' },
    );
    return rows[0] ?? null;
  }

  /** Approved statements of a space, by number; never their author. */
  statements(deliberationId: string): Promise<OpenStatementRow[]> {
    return this.prisma.sql<OpenStatementRow>(
      `SELECT s.number, s.text, s.seeded, s.meta, s.created_at AS "createdAt"
       FROM statements s WHERE s.deliberation_id = $1::uuid AND s.state = 'approved' ORDER BY s.number`,
      [deliberationId],
    );
  }

  /** How many people wrote the approved statements (organizers' seeded ones aside): a figure of Polis's summary, never who. */
  async commenters(deliberationId: string): Promise<number> {
    const [row] = await this.prisma.sql<{ n: number }>(
      `SELECT count(DISTINCT s.author_id)::int AS n FROM statements s WHERE s.deliberation_id = $1::uuid AND s.state = 'approved' AND NOT s.seeded`,
      [deliberationId],
    );
    return row?.n ?? 0;
  }

  /**
   * The votes on approved statements as of the map computed at `asOf`: the
   * votes cast or changed until then, without those of people whose
   * suspension had begun and not ended then — the input of that map. Read as
   * one text value (statement then participant order) and split into columns.
   */
  async votesAsOf(deliberationId: string, asOf: Date): Promise<OpenVoteColumns> {
    const [row] = await this.prisma.sql<{ votes: string | null; n: number }>(
      `SELECT count(*)::int AS n,
              string_agg(p.number::text || ',' || s.number::text || ',' || v.vote::text || ',' || ((v.voted_at AT TIME ZONE 'UTC')::date - DATE '1970-01-01')::text, E'\\n' ORDER BY s.number, p.number) AS votes
       FROM statement_votes v
       JOIN statements s ON s.id = v.statement_id
       JOIN opinion_participants p ON p.id = v.participant_id
       WHERE s.deliberation_id = $1::uuid AND s.state = 'approved' AND v.voted_at <= $2
         AND NOT EXISTS (SELECT 1 FROM deliberation_suspensions x WHERE x.person_id = p.person_id AND x.created_at <= $2 AND x.until > $2)`,
      [deliberationId, asOf],
    );
    return voteColumns(row?.votes ?? '', row?.n ?? 0);
  }

  async snapshot(deliberationId: string): Promise<OpenSnapshotRow | null> {
    return this.prisma.opinionMapSnapshot.findUnique({ where: { deliberationId } });
  }
}

/** `participant,statement,vote,day` lines as columns, read character by character (no string per vote). */
export function voteColumns(text: string, length: number): OpenVoteColumns {
  const columns: OpenVoteColumns = { length, participant: new Int32Array(length), statement: new Int32Array(length), vote: new Int8Array(length), day: new Int32Array(length) };
  let row = 0;
  let field = 0;
  let value = 0;
  let negative = false;
  const store = () => {
    const n = negative ? -value : value;
    if (field === 0) columns.participant[row] = n;
    else if (field === 1) columns.statement[row] = n;
    else if (field === 2) columns.vote[row] = n;
    else columns.day[row] = n;
    value = 0;
    negative = false;
  };
  if (length === 0) return columns;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 44 /* , */) {
      store();
      field++;
    } else if (c === 10 /* \n */) {
      store();
      field = 0;
      row++;
    } else if (c === 45 /* - */) negative = true;
    else value = value * 10 + (c - 48);
  }
  store();
  return columns;
}
