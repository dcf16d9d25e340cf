import { createHash } from 'node:crypto';
import { Controller, Get, Inject, Injectable, Logger, Param, Req, Res } from '@nestjs/common';
import { DeliberationIdParamsSchema, OPEN_DATA_LICENCE } from '@sesame/domain';
import type { Request, Response } from 'express';
import { Public } from '../auth/access.decorators';
import { csvCell, defuseFormulas, toCsv, type CsvValue } from '../common/csv';
import { ProblemException } from '../common/problem.exception';
import { ZodPipe } from '../common/zod-validation.pipe';
import { API_CONFIG, type ApiConfig } from '../config/config.schema';
import { RateLimitService, type Limit } from '../rate-limit/rate-limit.service';
import type { AtomFeed } from './atom';
import { openDataController, type OpenDataset } from './open-data.controller';
import { OpinionMapOpenDataRepository, type OpenSnapshotRow, type OpenStatementRow, type OpenVoteColumns, type OpinionMapFilesVersion } from './opinion-map-open-data.repository';

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
 * e-mail; statements never by their author; times only to the day; rejected
 * and pending statements appear nowhere. The votes are published as of the
 * latest map — the votes it was computed from, without those of people
 * suspended then — so the files change only when the map changes. Each file
 * is built once per version and served from memory (OpinionMapFiles). `npm
 * run opinion-map:recompute` recomputes a space's map from these files.
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

/** A statement as published: never its author. */
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

/** A vote as published: the participant's number in the space, never who they are; the day, never the time. */
export interface OpenVoteRecord {
  participant: number;
  statement: number;
  /** agree = 1, disagree = −1, pass = 0. */
  vote: number;
  /** The day of the vote (YYYY-MM-DD, UTC). */
  votedDay: string;
}

const STATEMENT_COLUMNS = ['number', 'text', 'seeded', 'meta', 'createdDay', 'agree', 'disagree', 'pass'] as const;

const DAY_MS = 86_400_000;
const dayOf = (date: Date) => Math.floor(date.getTime() / DAY_MS);
const isoDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');
/** Polis's `datetime` column (JavaScript's Date#toString), in UTC whatever the server's time zone. */
export function polisDatetime(date: Date): string {
  return `${DAYS[date.getUTCDay()]} ${MONTHS[date.getUTCMonth()]} ${two(date.getUTCDate())} ${date.getUTCFullYear()} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} GMT+0000 (Coordinated Universal Time)`;
}
/** Polis's `timestamp,datetime` cells of a day: its start (seconds since 1970, as Polis's export counts) — never the time of day. */
const polisDay = (day: number) => `${(day * DAY_MS) / 1000},${polisDatetime(new Date(day * DAY_MS))}`;

/** One Polis CSV line (LF-terminated, as Polis writes): numbers as they are, text cells quoted and defused. */
const polisLine = (cells: readonly CsvValue[]) => `${cells.map(csvCell).join(',')}\n`;
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

/** Lets other requests run while a large file is written (every this many rows). */
const ROWS_PER_TURN = 20_000;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Writes text in chunks of bytes (a 100 MB file is never one string). */
class Chunks {
  private readonly parts: Buffer[] = [];
  private pending = '';
  add(text: string): void {
    this.pending += text;
    if (this.pending.length > 1 << 20) this.flush();
  }
  private flush(): void {
    if (this.pending) this.parts.push(Buffer.from(this.pending, 'utf8'));
    this.pending = '';
  }
  done(): Buffer {
    this.flush();
    return Buffer.concat(this.parts);
  }
}

/** What the files of one version of a space are written from: read once per version. */
export interface OpinionMapFilesData {
  version: OpinionMapFilesVersion;
  statements: OpenStatementRow[];
  votes: OpenVoteColumns;
  snapshot: OpenSnapshotRow | null;
  commenters: number;
  builtAt: Date;
}

export type OpinionMapFile = keyof typeof PER_SPACE_FILES;

/** One built file: its bytes, its entity tag and content type. */
export interface BuiltFile {
  body: Buffer;
  etag: string;
  contentType: string;
}

const JSON_TYPE = 'application/json; charset=utf-8';
const CSV_TYPE = 'text/csv; charset=utf-8';

/** Writes each file of a space from its data (pure but for yielding to other requests). */
export class OpinionMapFileWriter {
  constructor(
    private readonly data: OpinionMapFilesData,
    private readonly webOrigin: string,
  ) {}

  private header(): Record<string, unknown> {
    const { version, builtAt } = this.data;
    return {
      generatedAt: builtAt.toISOString(),
      licence: OPEN_DATA_LICENCE,
      deliberationId: version.id,
      subjectReference: version.subjectReference,
      // The votes are those the latest map was computed from (null: no map yet, so no vote published).
      asOfMap: version.computedAt ? { computedAt: version.computedAt.toISOString(), inputHash: version.inputHash } : null,
    };
  }

  statementRecords(): OpenStatementRecord[] {
    const { statements, votes } = this.data;
    const counts = new Map<number, [number, number, number]>();
    for (let k = 0; k < votes.length; k++) {
      const statement = votes.statement[k]!;
      const vote = votes.vote[k]!;
      let c = counts.get(statement);
      if (!c) counts.set(statement, (c = [0, 0, 0]));
      c[vote === 1 ? 0 : vote === -1 ? 1 : 2]++;
    }
    return statements.map((s) => {
      const [agree, disagree, pass] = counts.get(s.number) ?? [0, 0, 0];
      return { number: s.number, text: s.text, seeded: s.seeded, meta: s.meta, createdDay: isoDay(dayOf(s.createdAt)), agree, disagree, pass };
    });
  }

  async write(file: OpinionMapFile): Promise<{ body: Buffer; contentType: string }> {
    switch (file) {
      case 'statementsJson':
        return { body: Buffer.from(JSON.stringify({ ...this.header(), records: this.statementRecords() }), 'utf8'), contentType: JSON_TYPE };
      case 'statementsCsv':
        return { body: Buffer.from(toCsv([[...STATEMENT_COLUMNS], ...this.statementRecords().map((r) => STATEMENT_COLUMNS.map((c) => r[c]))]), 'utf8'), contentType: CSV_TYPE };
      case 'votesJson':
        return { body: await this.votesJson(), contentType: JSON_TYPE };
      case 'votesCsv':
        return { body: await this.votesCsv(), contentType: CSV_TYPE };
      case 'snapshot':
        return { body: Buffer.from(JSON.stringify(this.snapshotDocument()), 'utf8'), contentType: JSON_TYPE };
      case 'polisComments':
        return { body: Buffer.from(this.polisComments(), 'utf8'), contentType: CSV_TYPE };
      case 'polisVotes':
        return { body: await this.polisVotes(), contentType: CSV_TYPE };
      case 'polisParticipantsVotes':
        return { body: await this.polisParticipantsVotes(), contentType: CSV_TYPE };
      case 'polisSummary':
        return { body: Buffer.from(this.polisSummary(), 'utf8'), contentType: CSV_TYPE };
    }
  }

  private snapshotDocument(): object {
    const s = this.data.snapshot;
    if (!s) throw ProblemException.notFound('Pas encore de carte des opinions pour cet espace : elle est calculée après les premiers votes.');
    const { asOfMap: _asOfMap, ...header } = this.header();
    return { ...header, algorithmVersion: s.algorithmVersion, inputHash: s.inputHash, computedAt: s.computedAt.toISOString(), voters: s.voters, votes: s.votes, view: s.view, positions: s.positions, history: s.history };
  }

  private async votesJson(): Promise<Buffer> {
    const { votes } = this.data;
    const out = new Chunks();
    out.add(`${JSON.stringify(this.header()).slice(0, -1)},"records":[`);
    const days = new Map<number, string>();
    for (let k = 0; k < votes.length; k++) {
      const day = votes.day[k]!;
      let iso = days.get(day);
      if (iso === undefined) days.set(day, (iso = isoDay(day)));
      out.add(`${k === 0 ? '' : ','}{"participant":${votes.participant[k]},"statement":${votes.statement[k]},"vote":${votes.vote[k]},"votedDay":"${iso}"}`);
      if (k % ROWS_PER_TURN === ROWS_PER_TURN - 1) await nextTurn();
    }
    out.add(']}');
    return out.done();
  }

  private async votesCsv(): Promise<Buffer> {
    const { votes } = this.data;
    const out = new Chunks();
    out.add('participant,statement,vote,votedDay\r\n');
    const days = new Map<number, string>();
    for (let k = 0; k < votes.length; k++) {
      const day = votes.day[k]!;
      let iso = days.get(day);
      if (iso === undefined) days.set(day, (iso = isoDay(day)));
      out.add(`${votes.participant[k]},${votes.statement[k]},${votes.vote[k]},${iso}\r\n`);
      if (k % ROWS_PER_TURN === ROWS_PER_TURN - 1) await nextTurn();
    }
    return out.done();
  }

  // ---- Polis's CSV export ----------------------------------------------------

  /** comments.csv: author-id is left empty for every statement — statement authorship is never published (docs/decisions/0017-opinion-map.md). */
  private polisComments(): string {
    const records = this.statementRecords();
    let csv = polisLine(['timestamp', 'datetime', 'comment-id', 'author-id', 'agrees', 'disagrees', 'moderated', 'comment-body']);
    this.data.statements.forEach((s, k) => {
      // Meta statements are out of the math: Polis's mod-out (moderated = −1), so that its readers leave them out too.
      csv += `${polisDay(dayOf(s.createdAt))},${polisLine([s.number, null, records[k]!.agree, records[k]!.disagree, s.meta ? -1 : 1, s.text])}`;
    });
    return csv;
  }

  private async polisVotes(): Promise<Buffer> {
    const { votes } = this.data;
    const out = new Chunks();
    out.add(polisLine(['timestamp', 'datetime', 'comment-id', 'voter-id', 'vote']));
    const days = new Map<number, string>();
    for (let k = 0; k < votes.length; k++) {
      const day = votes.day[k]!;
      let cells = days.get(day);
      if (cells === undefined) days.set(day, (cells = polisDay(day)));
      out.add(`${cells},${votes.statement[k]},${votes.participant[k]},${votes.vote[k]}\n`);
      if (k % ROWS_PER_TURN === ROWS_PER_TURN - 1) await nextTurn();
    }
    return out.done();
  }

  /** participants-votes.csv: n-comments is 0 for everyone (authorship is never published). */
  private async polisParticipantsVotes(): Promise<Buffer> {
    const { statements, votes, snapshot } = this.data;
    const numbers = statements.map((s) => s.number);
    const column = new Map(numbers.map((n, j) => [n, j]));
    const NONE = 2;
    const rows = new Map<number, Int8Array>();
    for (let k = 0; k < votes.length; k++) {
      const j = column.get(votes.statement[k]!);
      if (j === undefined) continue;
      const participant = votes.participant[k]!;
      let row = rows.get(participant);
      if (!row) rows.set(participant, (row = new Int8Array(numbers.length).fill(NONE)));
      row[j] = votes.vote[k]!;
    }
    const positions = (snapshot?.positions ?? {}) as Positions;
    const out = new Chunks();
    out.add(polisLine(['participant', 'group-id', 'n-comments', 'n-votes', 'n-agree', 'n-disagree', ...numbers.map(String)]));
    let written = 0;
    for (const participant of [...rows.keys()].sort((a, b) => a - b)) {
      const row = rows.get(participant)!;
      let cast = 0;
      let agree = 0;
      let disagree = 0;
      let cells = '';
      for (const vote of row) {
        if (vote === NONE) {
          cells += ',';
          continue;
        }
        cast++;
        if (vote === 1) agree++;
        else if (vote === -1) disagree++;
        cells += `,${vote}`;
      }
      out.add(`${participant},${groupId(positions[String(participant)]?.group) ?? ''},0,${cast},${agree},${disagree}${cells}\n`);
      if (++written % 1000 === 0) await nextTurn();
    }
    return out.done();
  }

  private polisSummary(): string {
    const { version, statements, votes, snapshot, commenters } = this.data;
    const view = (snapshot?.view ?? null) as { groups?: unknown[] } | null;
    const history = (snapshot?.history ?? null) as { inConv?: unknown[] } | null;
    const positions = (snapshot?.positions ?? {}) as Positions;
    const inConv = history?.inConv?.length ?? Object.values(positions).filter((p) => p?.group).length;
    const rows: [string, string | number][] = [
      ['topic', polisText(version.title)],
      ['url', `${this.webOrigin}/propositions/${version.subjectReference}/debat/carte`],
      ['voters', new Set(votes.participant).size],
      ['voters-in-conv', inConv],
      ['commenters', commenters],
      ['comments', statements.length],
      ['groups', view?.groups?.length ?? 0],
      ['conversation-description', polisText(`Affirmations et votes de l’espace de délibération sur ${version.subjectReference} (Sésame).`)],
    ];
    return rows.map(([key, value]) => `${key},${value}`).join('\n');
  }
}

/** The download limit per address on a space's files (counted on every request, 304s included). */
export const OPINION_MAP_FILES_LIMIT = {
  name: 'opinion-map-files-ip',
  points: 120,
  durationSeconds: 60,
  message: 'Trop de téléchargements des fichiers des cartes des opinions depuis votre réseau.',
} satisfies Limit;

/** At most this many spaces' files are kept, and about this many bytes (the least recently read go first). */
export const FILE_CACHE_LIMITS = { spaces: 24, bytes: 384 * 1024 * 1024 };

interface CachedSpace {
  key: string;
  data: Promise<OpinionMapFilesData>;
  files: Map<OpinionMapFile, Promise<BuiltFile>>;
  bytes: number;
}

/**
 * A space's files, built once per version and served from memory (finding 1
 * of the opinion map's attack review): a version is the latest map (its input
 * hash and time) and the approved statements; a crowd asking for a file of a
 * new version waits for one build (single flight). The votes are read as of
 * the latest map, so the files change only when the map changes.
 */
@Injectable()
export class OpinionMapFiles {
  private readonly cache = new Map<string, CachedSpace>();
  private readonly logger = new Logger('OpinionMapFiles');

  constructor(
    private readonly repository: OpinionMapOpenDataRepository,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /** The file of the space's current version: built on first request, then from memory. */
  async file(id: string, file: OpinionMapFile): Promise<BuiltFile> {
    const version = await this.repository.version(id);
    if (!version) throw ProblemException.notFound(`Aucun espace de délibération public ${id}.`);
    if (file === 'snapshot' && !version.computedAt) throw ProblemException.notFound('Pas encore de carte des opinions pour cet espace : elle est calculée après les premiers votes.');
    const key = [version.inputHash, version.computedAt?.toISOString(), version.statementsDigest, version.subjectReference, version.title].join('\n');
    let space = this.cache.get(id);
    if (!space || space.key !== key) {
      space = { key, data: this.read(version), files: new Map(), bytes: 0 };
      this.cache.set(id, space);
      // A failed read is not kept: the next request reads again.
      const current = space;
      current.data.catch(() => this.forget(id, current));
    } else {
      // Least recently read last.
      this.cache.delete(id);
      this.cache.set(id, space);
    }
    let built = space.files.get(file);
    if (!built) {
      const current = space;
      built = this.build(current, file);
      current.files.set(file, built);
      built.then(
        (b) => {
          current.bytes += b.body.length;
          this.evict();
        },
        () => current.files.delete(file),
      );
    }
    return built;
  }

  /** How many spaces and bytes are kept (tests, operators). */
  size(): { spaces: number; bytes: number } {
    let bytes = 0;
    for (const space of this.cache.values()) bytes += space.bytes;
    return { spaces: this.cache.size, bytes };
  }

  clear(): void {
    this.cache.clear();
  }

  private async read(version: OpinionMapFilesVersion): Promise<OpinionMapFilesData> {
    const id = version.id;
    const empty: OpenVoteColumns = { length: 0, participant: new Int32Array(0), statement: new Int32Array(0), vote: new Int8Array(0), day: new Int32Array(0) };
    const [statements, votes, snapshot, commenters] = await Promise.all([
      this.repository.statements(id),
      // No map yet: no vote is published (they are published as of a map).
      version.computedAt ? this.repository.votesAsOf(id, version.computedAt) : Promise.resolve(empty),
      version.computedAt ? this.repository.snapshot(id) : Promise.resolve(null),
      this.repository.commenters(id),
    ]);
    return { version, statements, votes, snapshot, commenters, builtAt: new Date() };
  }

  private async build(space: CachedSpace, file: OpinionMapFile): Promise<BuiltFile> {
    const data = await space.data;
    const started = Date.now();
    const { body, contentType } = await new OpinionMapFileWriter(data, this.config.WEB_ORIGIN).write(file);
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
    const ms = Date.now() - started;
    if (ms > 1000) this.logger.log(`${data.version.id} ${PER_SPACE_FILES[file]}: ${body.length} bytes written in ${ms} ms`);
    return { body, etag, contentType };
  }

  private forget(id: string, space: CachedSpace): void {
    if (this.cache.get(id) === space) this.cache.delete(id);
  }

  private evict(): void {
    let { bytes } = this.size();
    for (const [id, space] of this.cache) {
      if (this.cache.size <= 1 || (this.cache.size <= FILE_CACHE_LIMITS.spaces && bytes <= FILE_CACHE_LIMITS.bytes)) break;
      this.cache.delete(id);
      bytes -= space.bytes;
    }
  }
}

/** Whether the client's If-None-Match names this entity tag (or any). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}

const space = new ZodPipe(DeliberationIdParamsSchema);
type Id = { id: string };

const DOWNLOAD_NAMES: Record<OpinionMapFile, string | null> = {
  statementsJson: null,
  statementsCsv: 'affirmations.csv',
  votesJson: null,
  votesCsv: 'votes.csv',
  snapshot: null,
  polisComments: 'comments.csv',
  polisVotes: 'votes.csv',
  polisParticipantsVotes: 'participants-votes.csv',
  polisSummary: 'summary.csv',
};

/**
 * The files of one space's opinion map: from memory (OpinionMapFiles), with
 * an entity tag (304 on If-None-Match), cacheable a minute by anyone, and a
 * limit of downloads per address.
 */
@Controller('open-data/opinion-maps/:id')
export class OpinionMapFilesController {
  constructor(
    private readonly files: OpinionMapFiles,
    private readonly rateLimits: RateLimitService,
  ) {}

  @Get('statements.json') @Public() statementsJson(@Param(space) { id }: Id, @Req() req: Request, @Res() res: Response) { return this.send('statementsJson', id, req, res); }
  @Get('statements.csv') @Public() statementsCsv(@Param(space) { id }: Id, @Req() req: Request, @Res() res: Response) { return this.send('statementsCsv', id, req, res); }
  @Get('votes.json') @Public() votesJson(@Param(space) { id }: Id, @Req() req: Request, @Res() res: Response) { return this.send('votesJson', id, req, res); }
  @Get('votes.csv') @Public() votesCsv(@Param(space) { id }: Id, @Req() req: Request, @Res() res: Response) { return this.send('votesCsv', id, req, res); }
  @Get('snapshot.json') @Public() snapshot(@Param(space) { id }: Id, @Req() req: Request, @Res() res: Response) { return this.send('snapshot', id, req, res); }
  @Get('polis/comments.csv') @Public() polisComments(@Param(space) { id }: Id, @Req() req: Request, @Res() res: Response) { return this.send('polisComments', id, req, res); }
  @Get('polis/votes.csv') @Public() polisVotes(@Param(space) { id }: Id, @Req() req: Request, @Res() res: Response) { return this.send('polisVotes', id, req, res); }
  @Get('polis/participants-votes.csv') @Public() polisParticipantsVotes(@Param(space) { id }: Id, @Req() req: Request, @Res() res: Response) { return this.send('polisParticipantsVotes', id, req, res); }
  @Get('polis/summary.csv') @Public() polisSummary(@Param(space) { id }: Id, @Req() req: Request, @Res() res: Response) { return this.send('polisSummary', id, req, res); }

  private async send(file: OpinionMapFile, id: string, req: Request, res: Response): Promise<void> {
    await this.rateLimits.consume(OPINION_MAP_FILES_LIMIT, req.ip ?? req.socket.remoteAddress ?? '');
    const built = await this.files.file(id, file);
    res.setHeader('ETag', built.etag);
    res.setHeader('Cache-Control', 'public, max-age=60');
    if (matchesEtag(req.headers['if-none-match'], built.etag)) {
      res.status(304).end();
      return;
    }
    res.status(200);
    res.setHeader('Content-Type', built.contentType);
    const name = DOWNLOAD_NAMES[file];
    if (name) res.setHeader('Content-Disposition', `inline; filename="${name}"`);
    res.setHeader('Content-Length', built.body.length);
    res.end(req.method === 'HEAD' ? undefined : built.body);
  }
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

  /** One statement for every space (no read per space). */
  async records(): Promise<OpinionMapOpenRecord[]> {
    return (await this.repository.list()).map((s) => ({
      deliberationId: s.id,
      subjectReference: s.subjectReference,
      title: s.title,
      statements: s.statements,
      voters: s.voters,
      votes: s.votes,
      computedAt: s.computedAt?.toISOString() ?? null,
      algorithmVersion: s.algorithmVersion,
      inputHash: s.inputHash,
      files: filesOf(s.id),
    }));
  }

  about(): object {
    return {
      description:
        'Les cartes des opinions des espaces de délibération publics. Pour chacune, ses fichiers : affirmations approuvées (sans leur auteur), votes tels que la carte les a comptés (numéros de participant, jamais d’identité ; datés au jour), la carte calculée, et l’export au format CSV de Polis. `npm run opinion-map:recompute -- <adresse de l’API> <deliberationId>` la recalcule à partir de ces fichiers.',
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
