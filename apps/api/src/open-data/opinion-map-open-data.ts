import { Controller, Get, Header, Inject, Injectable, Param } from '@nestjs/common';
import { DeliberationIdParamsSchema, OPEN_DATA_LICENCE } from '@sesame/domain';
import { Public } from '../auth/access.decorators';
import { csvCell, defuseFormulas } from '../common/csv';
import { ProblemException } from '../common/problem.exception';
import { ZodPipe } from '../common/zod-validation.pipe';
import { API_CONFIG, type ApiConfig } from '../config/config.schema';
import type { AtomFeed } from './atom';
import { openDataController, type OpenDataset } from './open-data.controller';
import { OpinionMapOpenDataRepository, type OpenSnapshotRow, type OpenStatementRow, type OpenVoteRow, type OpinionMapSpaceRow } from './opinion-map-open-data.repository';

/**
 * The opinion map's open data (issue 16; docs/decisions/0017-opinion-map.md):
 * - `/open-data/opinion-maps.json|csv|atom`: every public space with
 *   statements, its latest map's figures (algorithm version, input hash) and
 *   the addresses of its files;
 * - per space, `/open-data/opinion-maps/{id}/…`: the approved statements and
 *   the votes (JSON, CSV), the map snapshot as computed (JSON), and Polis's CSV
 *   export (`polis/comments.csv`, `votes.csv`, `participants-votes.csv`,
 *   `summary.csv`) that other tools read.
 * Participants appear by their number in the space, never by person id or
 * e-mail; rejected and pending statements appear nowhere; the votes of people
 * suspended now are left out, as the map leaves them out. `npm run
 * opinion-map:recompute` recomputes a space's map from these files.
 */

const PER_SPACE_FILES = {
  statementsJson: 'statements.json',
  statementsCsv: 'statements.csv',
  votesJson: 'votes.json',
  votesCsv: 'votes.csv',
  snapshot: 'snapshot.json',
  polisComments: 'polis/comments.csv',
  polisVotes: 'polis/votes.csv',
  polisParticipantsVotes: 'polis/participants-votes.csv',
  polisSummary: 'polis/summary.csv',
} as const;

const filesOf = (id: string) => Object.fromEntries(Object.entries(PER_SPACE_FILES).map(([key, file]) => [key, `/api/v1/open-data/opinion-maps/${id}/${file}`])) as Record<keyof typeof PER_SPACE_FILES, string>;

/** A statement as published. */
export interface OpenStatementRecord {
  number: number;
  text: string;
  /** Added by the organizers. */
  seeded: boolean;
  /** About the conversation itself: voted on, kept out of the map. */
  meta: boolean;
  /** The day it was written (YYYY-MM-DD, UTC). */
  createdDay: string;
  agree: number;
  disagree: number;
  pass: number;
}

/** A vote as published: the participant's number in the space, never who they are. */
export interface OpenVoteRecord {
  participant: number;
  statement: number;
  /** agree = 1, disagree = −1, pass = 0. */
  vote: number;
  /** To the second, UTC. */
  votedAt: string;
}

const STATEMENT_COLUMNS = ['number', 'text', 'seeded', 'meta', 'createdDay', 'agree', 'disagree', 'pass'] as const;
const VOTE_COLUMNS = ['participant', 'statement', 'vote', 'votedAt'] as const;

const toSecond = (date: Date) => `${date.toISOString().slice(0, 19)}Z`;
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');
/** Polis's `datetime` column (JavaScript's Date#toString), in UTC whatever the server's time zone. */
export function polisDatetime(date: Date): string {
  return `${DAYS[date.getUTCDay()]} ${MONTHS[date.getUTCMonth()]} ${two(date.getUTCDate())} ${date.getUTCFullYear()} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} GMT+0000 (Coordinated Universal Time)`;
}

/** One Polis CSV line (LF-terminated, as Polis writes): numbers as they are, text cells quoted and defused. */
const polisLine = (cells: readonly (string | number | null | undefined)[]) => `${cells.map((cell) => (cell === null || cell === undefined ? '' : typeof cell === 'number' ? String(cell) : csvCell(cell))).join(',')}\n`;
/** Polis always quotes a text value (formatEscapedText). */
const polisText = (text: string) => `"${defuseFormulas(text).replaceAll('"', '""')}"`;

/** A group letter (A, B, …) as Polis's numeric group id (0, 1, …). */
function groupId(letter: string | null | undefined): number | null {
  if (!letter) return null;
  let n = 0;
  for (const ch of letter) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

interface Positions {
  [participant: string]: { x: number; y: number; group: string | null } | undefined;
}

@Injectable()
export class OpinionMapOpenData {
  constructor(
    private readonly repository: OpinionMapOpenDataRepository,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async space(id: string): Promise<OpinionMapSpaceRow> {
    const space = await this.repository.space(id);
    if (!space) throw ProblemException.notFound(`Aucun espace de délibération public ${id}.`);
    return space;
  }

  /** Statements and votes, with the counts each statement shows. */
  async data(id: string): Promise<{ space: OpinionMapSpaceRow; statements: OpenStatementRow[]; votes: OpenVoteRow[] }> {
    const space = await this.space(id);
    const [statements, votes] = await Promise.all([this.repository.statements(id), this.repository.votes(id)]);
    return { space, statements, votes };
  }

  statementRecords(statements: OpenStatementRow[], votes: OpenVoteRow[]): OpenStatementRecord[] {
    const counts = new Map<number, [number, number, number]>();
    for (const v of votes) {
      const c = counts.get(v.statement) ?? [0, 0, 0];
      c[v.vote === 1 ? 0 : v.vote === -1 ? 1 : 2]++;
      counts.set(v.statement, c);
    }
    return statements.map((s) => {
      const [agree, disagree, pass] = counts.get(s.number) ?? [0, 0, 0];
      return { number: s.number, text: s.text, seeded: s.seeded, meta: s.meta, createdDay: s.createdAt.toISOString().slice(0, 10), agree, disagree, pass };
    });
  }

  voteRecords(votes: OpenVoteRow[]): OpenVoteRecord[] {
    return votes.map((v) => ({ participant: v.participant, statement: v.statement, vote: v.vote, votedAt: toSecond(v.votedAt) }));
  }

  header(space: OpinionMapSpaceRow): object {
    return { generatedAt: new Date().toISOString(), licence: OPEN_DATA_LICENCE, deliberationId: space.id, subjectReference: space.subjectReference };
  }

  async snapshot(id: string): Promise<OpenSnapshotRow> {
    await this.space(id);
    const snapshot = await this.repository.snapshot(id);
    if (!snapshot) throw ProblemException.notFound('Pas encore de carte des opinions pour cet espace : elle est calculée après les premiers votes.');
    return snapshot;
  }

  // ---- Polis's CSV export ----------------------------------------------------

  polisComments(statements: OpenStatementRow[], votes: OpenVoteRow[]): string {
    const records = this.statementRecords(statements, votes);
    let csv = polisLine(['timestamp', 'datetime', 'comment-id', 'author-id', 'agrees', 'disagrees', 'moderated', 'comment-body']);
    statements.forEach((s, k) => {
      // Meta statements are out of the math: Polis's mod-out (moderated = −1), so that its readers leave them out too.
      csv += polisLine([Math.floor(s.createdAt.getTime() / 1000), polisDatetime(s.createdAt), s.number, s.authorNumber, records[k]!.agree, records[k]!.disagree, s.meta ? -1 : 1, s.text]);
    });
    return csv;
  }

  polisVotes(votes: OpenVoteRow[]): string {
    let csv = polisLine(['timestamp', 'datetime', 'comment-id', 'voter-id', 'vote']);
    for (const v of votes) csv += polisLine([Math.floor(v.votedAt.getTime() / 1000), polisDatetime(v.votedAt), v.statement, v.participant, v.vote]);
    return csv;
  }

  polisParticipantsVotes(statements: OpenStatementRow[], votes: OpenVoteRow[], snapshot: OpenSnapshotRow | null): string {
    const numbers = statements.map((s) => s.number);
    const authored = new Map<number, number>();
    for (const s of statements) if (s.authorNumber !== null) authored.set(s.authorNumber, (authored.get(s.authorNumber) ?? 0) + 1);
    const byParticipant = new Map<number, Map<number, number>>();
    for (const v of votes) {
      const row = byParticipant.get(v.participant) ?? new Map<number, number>();
      row.set(v.statement, v.vote);
      byParticipant.set(v.participant, row);
    }
    const positions = (snapshot?.positions ?? {}) as Positions;
    let csv = polisLine(['participant', 'group-id', 'n-comments', 'n-votes', 'n-agree', 'n-disagree', ...numbers.map(String)]);
    for (const participant of [...byParticipant.keys()].sort((a, b) => a - b)) {
      const row = byParticipant.get(participant)!;
      let agree = 0;
      let disagree = 0;
      for (const vote of row.values()) {
        if (vote === 1) agree++;
        else if (vote === -1) disagree++;
      }
      csv += polisLine([participant, groupId(positions[String(participant)]?.group), authored.get(participant) ?? 0, row.size, agree, disagree, ...numbers.map((n) => row.get(n))]);
    }
    return csv;
  }

  polisSummary(space: OpinionMapSpaceRow, statements: OpenStatementRow[], votes: OpenVoteRow[], snapshot: OpenSnapshotRow | null): string {
    const view = (snapshot?.view ?? null) as { groups?: unknown[] } | null;
    const history = (snapshot?.history ?? null) as { inConv?: unknown[] } | null;
    const positions = (snapshot?.positions ?? {}) as Positions;
    const inConv = history?.inConv?.length ?? Object.values(positions).filter((p) => p?.group).length;
    const rows: [string, string | number][] = [
      ['topic', polisText(space.title)],
      ['url', `${this.config.WEB_ORIGIN}/propositions/${space.subjectReference}/debat/carte`],
      ['voters', new Set(votes.map((v) => v.participant)).size],
      ['voters-in-conv', inConv],
      ['commenters', new Set(statements.flatMap((s) => (s.authorNumber === null ? [] : [s.authorNumber]))).size],
      ['comments', statements.length],
      ['groups', view?.groups?.length ?? 0],
      ['conversation-description', polisText(`Affirmations et votes de l’espace de délibération sur ${space.subjectReference} (Sésame).`)],
    ];
    return rows.map(([key, value]) => `${key},${value}`).join('\n');
  }
}

const space = new ZodPipe(DeliberationIdParamsSchema);
type Id = { id: string };

/** The files of one space's opinion map. */
@Controller('open-data/opinion-maps/:id')
export class OpinionMapFilesController {
  constructor(private readonly openData: OpinionMapOpenData) {}

  @Get('statements.json')
  @Public()
  async statementsJson(@Param(space) { id }: Id): Promise<object> {
    const { space: row, statements, votes } = await this.openData.data(id);
    return { ...this.openData.header(row), records: this.openData.statementRecords(statements, votes) };
  }

  @Get('statements.csv')
  @Public()
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'inline; filename="affirmations.csv"')
  async statementsCsv(@Param(space) { id }: Id): Promise<string> {
    const { statements, votes } = await this.openData.data(id);
    const records = this.openData.statementRecords(statements, votes);
    return toTable(STATEMENT_COLUMNS, records);
  }

  @Get('votes.json')
  @Public()
  async votesJson(@Param(space) { id }: Id): Promise<object> {
    const { space: row, votes } = await this.openData.data(id);
    return { ...this.openData.header(row), records: this.openData.voteRecords(votes) };
  }

  @Get('votes.csv')
  @Public()
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'inline; filename="votes.csv"')
  async votesCsv(@Param(space) { id }: Id): Promise<string> {
    const { votes } = await this.openData.data(id);
    return toTable(VOTE_COLUMNS, this.openData.voteRecords(votes));
  }

  @Get('snapshot.json')
  @Public()
  async snapshot(@Param(space) { id }: Id): Promise<object> {
    const row = await this.openData.space(id);
    const s = await this.openData.snapshot(id);
    return {
      ...this.openData.header(row),
      algorithmVersion: s.algorithmVersion,
      inputHash: s.inputHash,
      computedAt: s.computedAt.toISOString(),
      voters: s.voters,
      votes: s.votes,
      view: s.view,
      positions: s.positions,
      history: s.history,
    };
  }

  @Get('polis/comments.csv')
  @Public()
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'inline; filename="comments.csv"')
  async polisComments(@Param(space) { id }: Id): Promise<string> {
    const { statements, votes } = await this.openData.data(id);
    return this.openData.polisComments(statements, votes);
  }

  @Get('polis/votes.csv')
  @Public()
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'inline; filename="votes.csv"')
  async polisVotes(@Param(space) { id }: Id): Promise<string> {
    const { votes } = await this.openData.data(id);
    return this.openData.polisVotes(votes);
  }

  @Get('polis/participants-votes.csv')
  @Public()
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'inline; filename="participants-votes.csv"')
  async polisParticipantsVotes(@Param(space) { id }: Id): Promise<string> {
    const { statements, votes } = await this.openData.data(id);
    return this.openData.polisParticipantsVotes(statements, votes, await this.snapshotOrNull(id));
  }

  @Get('polis/summary.csv')
  @Public()
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'inline; filename="summary.csv"')
  async polisSummary(@Param(space) { id }: Id): Promise<string> {
    const { space: row, statements, votes } = await this.openData.data(id);
    return this.openData.polisSummary(row, statements, votes, await this.snapshotOrNull(id));
  }

  private async snapshotOrNull(id: string): Promise<OpenSnapshotRow | null> {
    try {
      return await this.openData.snapshot(id);
    } catch (error) {
      if (error instanceof ProblemException) return null;
      throw error;
    }
  }
}

function toTable<R extends object>(columns: readonly (keyof R & string)[], records: R[]): string {
  return [[...columns], ...records.map((record) => columns.map((column) => String(record[column])))].map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}

/** A public space's opinion map, as the list of maps publishes it. */
export interface OpinionMapOpenRecord {
  deliberationId: string;
  subjectReference: string;
  title: string;
  statements: number;
  voters: number | null;
  votes: number | null;
  computedAt: string | null;
  algorithmVersion: string | null;
  inputHash: string | null;
  files: Record<keyof typeof PER_SPACE_FILES, string>;
}

const MAP_COLUMNS = ['deliberationId', 'subjectReference', 'title', 'statements', 'voters', 'votes', 'computedAt', 'algorithmVersion', 'inputHash'] as const;

/** `/open-data/opinion-maps.json|csv|atom`: every public space's map, with the addresses of its files. */
@Injectable()
export class OpinionMapsOpenDataService implements OpenDataset<OpinionMapOpenRecord> {
  constructor(private readonly repository: OpinionMapOpenDataRepository) {}

  async records(): Promise<OpinionMapOpenRecord[]> {
    const spaces = await this.repository.spaces();
    const snapshots = await this.repository.snapshots(spaces.map((s) => s.id));
    return Promise.all(
      spaces.map(async (s) => {
        const snapshot = snapshots.get(s.id);
        return {
          deliberationId: s.id,
          subjectReference: s.subjectReference,
          title: s.title,
          statements: (await this.repository.statements(s.id)).length,
          voters: snapshot?.voters ?? null,
          votes: snapshot?.votes ?? null,
          computedAt: snapshot?.computedAt.toISOString() ?? null,
          algorithmVersion: snapshot?.algorithmVersion ?? null,
          inputHash: snapshot?.inputHash ?? null,
          files: filesOf(s.id),
        };
      }),
    );
  }

  about(): object {
    return {
      description:
        'Les cartes des opinions des espaces de délibération publics. Pour chacune, ses fichiers : affirmations approuvées, votes (numéros de participant, jamais d’identité), la carte calculée, et l’export au format CSV de Polis. `npm run opinion-map:recompute -- <adresse de l’API> <deliberationId>` la recalcule à partir de ces fichiers.',
    };
  }

  table(records: OpinionMapOpenRecord[]): string[][] {
    return [[...MAP_COLUMNS, 'files'], ...records.map((record) => [...MAP_COLUMNS.map((column) => (record[column] === null ? '' : String(record[column]))), Object.values(record.files).join(' ')])];
  }

  async feed(): Promise<AtomFeed> {
    const records = (await this.records()).filter((r) => r.computedAt !== null).sort((a, b) => b.computedAt!.localeCompare(a.computedAt!));
    return {
      title: 'Sésame — cartes des opinions',
      description: 'Les cartes des opinions recalculées récemment, avec l’empreinte des votes dont elles sont issues.',
      page: '/donnees-ouvertes#cartes-des-opinions',
      entries: records.map((r) => ({
        id: `/propositions/${r.subjectReference}/debat/carte#${r.inputHash}`,
        title: `${r.subjectReference} — ${r.voters} votants, ${r.votes} votes`,
        link: `/propositions/${r.subjectReference}/debat/carte`,
        date: new Date(r.computedAt!),
        description: `${r.title} — ${r.algorithmVersion}, empreinte des votes ${r.inputHash}`,
      })),
    };
  }
}

/** /open-data/opinion-maps.json, .csv and .atom. */
export const OpinionMapsOpenDataController = openDataController({ name: 'opinion-maps', csvFilename: 'cartes-des-opinions.csv' }, OpinionMapsOpenDataService);
