import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  computeOpinionMap,
  OPINION_MAP_LIMITS,
  opinionMapHistory,
  opinionMapPositions,
  opinionMapView,
  parseCsv,
  statementsFromPolisCsv,
  voteMatrixHash,
  buildVoteMatrix,
  votesFromPolisCsv,
  type VoteMatrixInput,
  type VoteRecord,
} from '@sesame/domain';
import request from 'supertest';
import { JobQueue } from '../src/jobs/job-queue.service';
import { OPINION_MAP_FILES_LIMIT, OpinionMapFiles } from '../src/open-data/opinion-map-open-data';
import { OpinionMapOpenDataRepository } from '../src/open-data/opinion-map-open-data.repository';
import { addStatement, createDeliberation, createPerson, type TestPerson } from './fixtures';
import { startTestApp, type TestApp } from './test-app';

const root = path.resolve(__dirname, '../../..');

/**
 * The opinion map's open data (apps/api/src/open-data/opinion-map-open-data.ts):
 * statements, votes, the snapshot and Polis's CSV export of a space, with
 * rejected and pending statements and suspended people left out, no person
 * id nor e-mail anywhere; and `npm run opinion-map:recompute` reproduces the
 * published snapshot from these files.
 */
describe('Opinion map open data', () => {
  let t: TestApp;
  const api = () => request(t.server);
  let spaceId: string;
  let people: TestPerson[];
  const files = (id: string) => `/api/v1/open-data/opinion-maps/${id}`;
  const EMAIL = (k: number) => `votant-${k}@exemple.test`;
  const SUSPENDED = 10;
  // Statement numbers: 1 seeded, 2–4 participants', 5 meta, 6 rejected, 7 pending.
  const TEXTS: Record<number, string> = {
    1: 'Les caméras du marché doivent être arrêtées.',
    2: 'Un éclairage public suffit à rassurer, "sans" filmer.',
    3: 'La reconnaissance faciale protège les commerçants.',
    4: '=SOMME(A1) les vols ont baissé depuis les caméras.',
    5: 'Ce débat devrait durer plus longtemps.',
    6: 'Texte rejeté : insulte.',
    7: 'Texte en attente de modération.',
  };

  /** The votes of the space: two camps of four, a fifth undecided, a suspended tenth; everyone passes on the meta statement. */
  function castVotes(): { participant: number; statement: number; vote: number }[] {
    const votes: { participant: number; statement: number; vote: number }[] = [];
    for (let p = 1; p <= SUSPENDED; p++) {
      const camp = p <= 4 ? 1 : p <= 8 ? -1 : p === 9 ? 0 : 1;
      for (const s of [1, 2, 3, 4, 6]) votes.push({ participant: p, statement: s, vote: s === 1 || s === 2 ? camp : -camp });
      votes.push({ participant: p, statement: 5, vote: 0 });
    }
    return votes;
  }

  beforeAll(async () => {
    t = await startTestApp();
    const space = await createDeliberation(t);
    spaceId = space.id;
    people = [];
    for (let k = 1; k <= SUSPENDED; k++) people.push(await createPerson(t, { pseudonym: `Votant Numéro ${k}`, email: EMAIL(k) }));
    for (let k = 1; k <= SUSPENDED; k++) await t.sql('INSERT INTO opinion_participants (id, deliberation_id, number, person_id) VALUES (gen_random_uuid(), $1, $2, $3)', [spaceId, k, people[k - 1]!.id]);
    for (const [number, text] of Object.entries(TEXTS)) {
      const n = Number(number);
      const state = n === 6 ? 'rejected' : n === 7 ? 'pending' : 'approved';
      const author = n === 1 ? space.organizer.id : people[n - 1]!.id;
      await t.sql(
        `INSERT INTO statements (id, deliberation_id, number, author_id, seeded, text, state, meta, rejection_code, created_at)
         VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6::"StatementState", $7, $8, '2026-12-01T09:30:00Z')`,
        [spaceId, n, author, n === 1, text, state, n === 5, n === 6 ? 'hate_or_harassment' : null],
      );
    }
    for (const v of castVotes()) {
      await t.sql(
        `INSERT INTO statement_votes (statement_id, participant_id, vote, voted_at)
         SELECT s.id, p.id, $4, '2026-12-02T10:00:00.456Z' FROM statements s, opinion_participants p
         WHERE s.deliberation_id = $1 AND p.deliberation_id = $1 AND s.number = $2 AND p.number = $3`,
        [spaceId, v.statement, v.participant, v.vote],
      );
    }
    // Suspended before the map was computed: out of the map and of the files published as of it.
    await t.sql("INSERT INTO deliberation_suspensions (id, person_id, decision_id, until, created_at) VALUES (gen_random_uuid(), $1, gen_random_uuid(), now() + interval '7 days', '2026-12-02T10:00:01Z')", [people[SUSPENDED - 1]!.id]);
    await storeSnapshotAsTheJobDoes();
  });
  afterAll(() => t.close());

  /**
   * The snapshot the background recompute stores: from every vote row, with
   * rejected statements removed, suspended participants excluded, meta
   * statements zeroed; warm-started from a first map of the first votes.
   */
  async function storeSnapshotAsTheJobDoes(): Promise<void> {
    const rows = await t.sql<{ participant: number; statement: number; vote: number; state: string; meta: boolean; suspended: boolean }>(
      `SELECT p.number AS participant, s.number AS statement, v.vote::int AS vote, s.state::text AS state, s.meta,
              EXISTS (SELECT 1 FROM deliberation_suspensions x WHERE x.person_id = p.person_id AND x.until > now()) AS suspended
       FROM statement_votes v JOIN statements s ON s.id = v.statement_id JOIN opinion_participants p ON p.id = v.participant_id
       WHERE s.deliberation_id = $1`,
      [spaceId],
    );
    const votes: VoteRecord[] = rows.map((r) => ({ participant: r.participant, statement: r.statement, vote: r.vote as -1 | 0 | 1 }));
    const meta = [...new Set(rows.filter((r) => r.meta).map((r) => r.statement))];
    const input: VoteMatrixInput = {
      votes,
      zeroedStatements: meta,
      removedStatements: [...new Set(rows.filter((r) => r.state !== 'approved').map((r) => r.statement))],
      excludedParticipants: [...new Set(rows.filter((r) => r.suspended).map((r) => r.participant))],
    };
    const first = computeOpinionMap({ ...input, votes: votes.filter((v) => v.participant <= 8) }, { metaStatements: meta });
    const previous = opinionMapHistory(first);
    const map = computeOpinionMap(input, { previous, metaStatements: meta });
    const inputHash = voteMatrixHash(buildVoteMatrix(input));
    const computedAt = '2026-12-02T10:00:05.000Z';
    const statements = Object.entries(TEXTS)
      .filter(([n]) => Number(n) <= 5)
      .map(([n, text]) => ({ number: Number(n), text, seeded: n === '1' }));
    const view = opinionMapView(map, statements, { deliberationId: spaceId, computedAt, inputHash, minVoters: OPINION_MAP_LIMITS.minVoters });
    const history = { ...opinionMapHistory(map), previous };
    await t.sql(
      `INSERT INTO opinion_map_snapshots (deliberation_id, algorithm_version, input_hash, voters, votes, view, positions, history, computed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [spaceId, map.algorithmVersion, inputHash, map.participantCount, view.votes, JSON.stringify(view), JSON.stringify(opinionMapPositions(map)), JSON.stringify(history), computedAt],
    );
  }

  const get = async (file: string) => (await api().get(`${files(spaceId)}/${file}`).expect(200)).text;

  it('publishes the approved statements only, with their counts, seeded and meta flags and the day written', async () => {
    const json = (await api().get(`${files(spaceId)}/statements.json`).expect('content-type', /json/).expect(200)).body as { licence: string; deliberationId: string; records: Record<string, unknown>[] };
    expect(json.deliberationId).toBe(spaceId);
    expect(json.records.map((r) => r.number)).toEqual([1, 2, 3, 4, 5]);
    expect(json.records[0]).toEqual({ number: 1, text: TEXTS[1], seeded: true, meta: false, createdDay: '2026-12-01', agree: 4, disagree: 4, pass: 1 });
    expect(json.records[4]).toMatchObject({ number: 5, meta: true, agree: 0, disagree: 0, pass: 9 });
    const csv = parseCsv(await get('statements.csv'));
    expect(Object.keys(csv[0]!)).toEqual(['number', 'text', 'seeded', 'meta', 'createdDay', 'agree', 'disagree', 'pass']);
    // A formula-like text is defused in the plain CSV.
    expect(csv[3]!.text).toBe(`'${TEXTS[4]}`);
  });

  it('publishes the votes by participant number, to the day, without the suspended participant nor rejected statements', async () => {
    const json = (await api().get(`${files(spaceId)}/votes.json`).expect(200)).body as { asOfMap: unknown; records: { participant: number; statement: number; vote: number; votedDay: string }[] };
    expect(json.records).toHaveLength(9 * 5);
    expect(new Set(json.records.map((r) => r.participant))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8, 9]));
    expect(json.records.some((r) => r.statement === 6 || r.statement === 7)).toBe(false);
    // The day only: a time to the second would let anyone match a participant number with a person's public contributions.
    expect(json.records[0]).toEqual({ participant: 1, statement: 1, vote: 1, votedDay: '2026-12-02' });
    expect(json.asOfMap).toEqual({ computedAt: '2026-12-02T10:00:05.000Z', inputHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const text = await get('votes.csv');
    const csv = parseCsv(text);
    expect(Object.keys(csv[0]!)).toEqual(['participant', 'statement', 'vote', 'votedDay']);
    expect(csv).toHaveLength(45);
    // A disagree vote is the number -1, not defused text.
    expect(text).toContain('\r\n5,1,-1,2026-12-02\r\n');
    expect(text).not.toContain("'-1");
    expect(csv.filter((r) => r.vote === '-1')).toHaveLength(json.records.filter((r) => r.vote === -1).length);
    expect(text).not.toMatch(/T\d\d:/);
  });

  it('writes Polis’s CSV export with Polis’s columns, readable by the Polis readers', async () => {
    const comments = await get('polis/comments.csv');
    expect(comments.split('\n')[0]).toBe('timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body');
    const commentRows = parseCsv(comments);
    expect(commentRows.map((r) => r['comment-id'])).toEqual(['1', '2', '3', '4', '5']);
    expect(commentRows[1]).toEqual({
      // The day's start, never the time written; no author (authorship is never published).
      timestamp: String(Date.parse('2026-12-01T00:00:00Z') / 1000),
      datetime: 'Tue Dec 01 2026 00:00:00 GMT+0000 (Coordinated Universal Time)',
      'comment-id': '2',
      'author-id': '',
      agrees: '4',
      disagrees: '4',
      moderated: '1',
      'comment-body': TEXTS[2],
    });
    expect(commentRows.map((r) => r['author-id'])).toEqual(['', '', '', '', '']);
    // Meta: out of the math, as Polis's mod-out.
    expect(statementsFromPolisCsv(comments).zeroedStatements).toEqual([5]);

    const votes = await get('polis/votes.csv');
    expect(votes.split('\n')[0]).toBe('timestamp,datetime,comment-id,voter-id,vote');
    expect(votesFromPolisCsv(votes)).toHaveLength(45);
    expect(votes.split('\n')[1]).toBe(`${Date.parse('2026-12-02T00:00:00Z') / 1000},Wed Dec 02 2026 00:00:00 GMT+0000 (Coordinated Universal Time),1,1,1`);
    expect(votes).not.toContain("'-1");
    expect(votes).toContain(',1,5,-1\n');

    const participants = await get('polis/participants-votes.csv');
    const header = participants.split('\n')[0];
    expect(header).toBe('participant,group-id,n-comments,n-votes,n-agree,n-disagree,1,2,3,4,5');
    const participantRows = parseCsv(participants);
    expect(participantRows.map((r) => r.participant)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(participantRows.map((r) => r['n-comments'])).toEqual(Array(9).fill('0'));
    expect(participantRows[1]).toMatchObject({ 'n-comments': '0', 'n-votes': '5', 'n-agree': '2', 'n-disagree': '2', '1': '1', '3': '-1', '5': '0' });
    // Group ids as Polis numbers them (A = 0…), the two camps apart.
    const groups = participantRows.map((r) => r['group-id']);
    expect(groups[0]).toMatch(/^\d$/);
    expect(groups[0]).not.toBe(groups[5]);

    const summary = (await get('polis/summary.csv')).split('\n');
    expect(summary.map((line) => line.split(',')[0])).toEqual(['topic', 'url', 'voters', 'voters-in-conv', 'commenters', 'comments', 'groups', 'conversation-description']);
    expect(summary).toContain('voters,9');
    expect(summary).toContain('comments,5');
    expect(summary).toContain('commenters,4');
    expect(summary[0]).toMatch(/^topic,".+"$/);
  });

  it('publishes the snapshot as stored, and lists the space’s map with its files', async () => {
    const snapshot = (await api().get(`${files(spaceId)}/snapshot.json`).expect(200)).body as Record<string, unknown>;
    expect(snapshot).toMatchObject({ deliberationId: spaceId, voters: 9, computedAt: '2026-12-02T10:00:05.000Z' });
    expect(snapshot.inputHash).toMatch(/^[0-9a-f]{64}$/);
    const list = (await api().get('/api/v1/open-data/opinion-maps.json').expect(200)).body as { records: { deliberationId: string; files: Record<string, string>; inputHash: string }[] };
    const record = list.records.find((r) => r.deliberationId === spaceId)!;
    expect(record.inputHash).toBe(snapshot.inputHash);
    for (const file of Object.values(record.files)) await api().get(file).expect(200);
    expect((await api().get('/api/v1/open-data/opinion-maps.csv').expect('content-type', /text\/csv/).expect(200)).text).toContain(spaceId);
    expect((await api().get('/api/v1/open-data/opinion-maps.atom').expect('content-type', /atom/).expect(200)).text).toContain('/debat/carte');
  });

  it('never shows a person id, an e-mail, a pseudonym, a rejected or a pending statement', async () => {
    const everything = [
      ...(await Promise.all(['statements.json', 'statements.csv', 'votes.json', 'votes.csv', 'snapshot.json', 'polis/comments.csv', 'polis/votes.csv', 'polis/participants-votes.csv', 'polis/summary.csv'].map(get))),
      (await api().get('/api/v1/open-data/opinion-maps.json').expect(200)).text,
      (await api().get('/api/v1/open-data/opinion-maps.csv').expect(200)).text,
      (await api().get('/api/v1/open-data/opinion-maps.atom').expect(200)).text,
    ].join('\n');
    for (const [k, person] of people.entries()) {
      expect(everything).not.toContain(person.id);
      expect(everything).not.toContain(EMAIL(k + 1));
      expect(everything).not.toContain(`Votant Numéro ${k + 1}`);
    }
    expect(everything).not.toContain(TEXTS[6]);
    expect(everything).not.toContain(TEXTS[7]);
  });

  it('answers 404 for an unknown space, a space whose subject is not public, or no map yet; 400 for a malformed id', async () => {
    await api().get(`${files('00000000-0000-4000-8000-000000000000')}/votes.csv`).expect(404).expect('content-type', /problem\+json/);
    await api().get(`${files('not-a-uuid')}/statements.json`).expect(400).expect('content-type', /problem\+json/);
    const other = await createDeliberation(t);
    await api().get(`${files(other.id)}/statements.json`).expect(200);
    await api().get(`${files(other.id)}/snapshot.json`).expect(404);
    expect(parseCsv(await (await api().get(`${files(other.id)}/polis/participants-votes.csv`).expect(200)).text)).toEqual([]);
    await t.sql("UPDATE proposals SET state = 'draft', submitted_at = NULL WHERE reference = $1", [other.proposalReference]);
    await api().get(`${files(other.id)}/statements.json`).expect(404);
  });

  describe('files built once per map, from memory', () => {
    const VOTE_FILES = ['statements.json', 'statements.csv', 'votes.json', 'votes.csv', 'polis/comments.csv', 'polis/votes.csv', 'polis/participants-votes.csv', 'polis/summary.csv'];
    const run = (...args: string[]) => spawnSync(path.join(root, 'node_modules', '.bin', 'tsx'), ['--conditions=sesame-source', 'scripts/opinion-map-recompute.ts', ...args], { cwd: root, encoding: 'utf8' });
    const recompute = async () => {
      await t.sql("UPDATE jobs SET run_at = now() WHERE kind = 'opinion-map.recompute' AND completed_at IS NULL AND failed_at IS NULL");
      await t.app.get(JobQueue).drain();
    };

    it('answers with an entity tag, 304 on If-None-Match, cacheable a minute; the same bytes until the map changes; rebuilt with the new map', async () => {
      const space = await createDeliberation(t);
      const list: { id: string }[] = [];
      for (let k = 1; k <= 3; k++) list.push(await addStatement(t, space.id, { text: `Affirmation ${k} sur le marché couvert.` }));
      const vote = (person: TestPerson, statement: { id: string }, value: string) => api().put(`/api/v1/deliberations/${space.id}/statements/${statement.id}/vote`).set(person.auth).send({ vote: value }).expect(200);
      const voters: TestPerson[] = [];
      // Four different ways of voting (two components, no tie left to chance).
      const PATTERNS = [
        ['agree', 'agree', 'disagree'],
        ['disagree', 'disagree', 'agree'],
        ['agree', 'disagree', 'pass'],
        ['disagree', 'agree', 'agree'],
      ];
      for (const [p, pattern] of PATTERNS.entries()) {
        voters.push(await createPerson(t));
        for (const [k, statement] of list.entries()) await vote(voters[p]!, statement, pattern[k]!);
      }
      await recompute();
      const at = (file: string) => `${files(space.id)}/${file}`;
      const first = await api().get(at('votes.csv')).expect(200);
      expect(first.headers['cache-control']).toBe('public, max-age=60');
      const etag = first.headers.etag as string;
      expect(etag).toMatch(/^"[\w-]+"$/);
      const notModified = await api().get(at('votes.csv')).set('If-None-Match', etag).expect(304);
      expect(notModified.headers.etag).toBe(etag);
      expect(notModified.text).toBe('');
      await api().get(at('votes.csv')).set('If-None-Match', '"autre"').expect(200);
      const before = new Map<string, string>();
      for (const file of VOTE_FILES) before.set(file, (await api().get(at(file)).expect(200)).text);
      expect((await api().get(at('votes.csv')).expect(200)).text).toBe(first.text);
      const participantsBefore = parseCsv(before.get('votes.csv')!).map((r) => r.participant);
      expect(new Set(participantsBefore).size).toBe(4);

      // A new voter, and a suspension of the first voter: nothing shows before the map is computed again
      // (the vanishing of a participant number would tell who is suspended).
      const late = await createPerson(t);
      for (const [k, statement] of list.entries()) await vote(late, statement, k === 1 ? 'pass' : 'agree');
      await t.sql("INSERT INTO deliberation_suspensions (id, person_id, decision_id, until) VALUES (gen_random_uuid(), $1, gen_random_uuid(), now() + interval '7 days')", [voters[0]!.id]);
      for (const file of VOTE_FILES) expect((await api().get(at(file)).expect(200)).text).toBe(before.get(file));
      await api().get(at('votes.csv')).set('If-None-Match', etag).expect(304);

      // The map is computed again: the files are rebuilt, with the new votes and without the suspended voter, together.
      await recompute();
      const rebuilt = await api().get(at('votes.csv')).expect(200);
      expect(rebuilt.headers.etag).not.toBe(etag);
      const participantsAfter = new Set(parseCsv(rebuilt.text).map((r) => r.participant));
      expect(participantsAfter.size).toBe(4);
      expect(participantsAfter.has(participantsBefore[0]!)).toBe(false);
      await api().get(at('votes.csv')).set('If-None-Match', etag).expect(200);
      await api().get(at('votes.csv')).set('If-None-Match', rebuilt.headers.etag as string).expect(304);

      // The files still reproduce the map.
      const saved = mkdtempSync(path.join(os.tmpdir(), 'opinion-map-cached-'));
      try {
        for (const file of ['statements.json', 'votes.json', 'snapshot.json']) writeFileSync(path.join(saved, file), (await api().get(at(file)).expect(200)).text);
        const result = run(saved);
        expect(result.stdout).toContain('same numbers as the published map');
        expect(result.status).toBe(0);
      } finally {
        rmSync(saved, { recursive: true, force: true });
      }
    });

    it('reads the votes once for a crowd asking at the same time (single flight)', async () => {
      t.app.get(OpinionMapFiles).clear();
      const reads = jest.spyOn(t.app.get(OpinionMapOpenDataRepository), 'votesAsOf');
      try {
        const answers = await Promise.all(
          Array.from({ length: 12 }, (_, k) =>
            api()
              .get(`${files(spaceId)}/${k % 2 === 0 ? 'votes.csv' : 'polis/votes.csv'}`)
              .set('X-Forwarded-For', `203.0.113.${100 + k}`)
              .expect(200),
          ),
        );
        expect(reads).toHaveBeenCalledTimes(1);
        expect(new Set(answers.filter((_, k) => k % 2 === 0).map((a) => a.headers.etag)).size).toBe(1);
        expect(new Set(answers.filter((_, k) => k % 2 === 0).map((a) => a.text)).size).toBe(1);
      } finally {
        reads.mockRestore();
      }
    });

    it('limits downloads per address: 429 with Retry-After past the limit, other addresses unaffected', async () => {
      const at = `${files(spaceId)}/polis/summary.csv`;
      for (let k = 0; k < OPINION_MAP_FILES_LIMIT.points; k++) await api().get(at).set('X-Forwarded-For', '203.0.113.61').expect(200);
      const refused = await api().get(at).set('X-Forwarded-For', '203.0.113.61').expect(429);
      expect(refused.headers['content-type']).toMatch(/problem\+json/);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      await api().get(at).set('X-Forwarded-For', '203.0.113.62').expect(200);
    });
  });

  describe('npm run opinion-map:recompute', () => {
    let folder: string;
    const run = (...args: string[]) => spawnSync(path.join(root, 'node_modules', '.bin', 'tsx'), ['--conditions=sesame-source', 'scripts/opinion-map-recompute.ts', ...args], { cwd: root, encoding: 'utf8' });

    beforeAll(async () => {
      folder = mkdtempSync(path.join(os.tmpdir(), 'opinion-map-recompute-'));
      for (const file of ['statements.json', 'votes.json', 'snapshot.json']) writeFileSync(path.join(folder, file), await get(file));
    });
    afterAll(() => rmSync(folder, { recursive: true, force: true }));

    it('recomputes the published snapshot from the published files: the same input hash, view and positions', async () => {
      const result = run(folder);
      expect(result.stderr).toBe('');
      expect(result.stdout).toContain('same numbers as the published map');
      expect(result.status).toBe(0);
      const printed = JSON.parse(run(folder, '--json').stdout) as { inputHash: string; view: unknown; positions: unknown };
      const snapshot = (await api().get(`${files(spaceId)}/snapshot.json`).expect(200)).body as { inputHash: string; view: unknown; positions: unknown };
      expect(printed.inputHash).toBe(snapshot.inputHash);
      expect(printed.view).toEqual(snapshot.view);
      expect(printed.positions).toEqual(snapshot.positions);
    });

    it('exits 1 and says what differs when a published vote was changed', () => {
      const tampered = mkdtempSync(path.join(os.tmpdir(), 'opinion-map-tampered-'));
      try {
        for (const file of ['statements.json', 'snapshot.json']) writeFileSync(path.join(tampered, file), JSON.stringify(JSON.parse(readFileSync(path.join(folder, file), 'utf8'))));
        const votes = JSON.parse(readFileSync(path.join(folder, 'votes.json'), 'utf8')) as { records: { vote: number }[] };
        votes.records[0]!.vote = -votes.records[0]!.vote;
        writeFileSync(path.join(tampered, 'votes.json'), JSON.stringify(votes));
        const result = run(tampered);
        expect(result.status).toBe(1);
        expect(result.stdout).toContain('inputHash: recomputed');
      } finally {
        rmSync(tampered, { recursive: true, force: true });
      }
    });

    it('reproduces the map the background recompute stored, after votes through the API, a warm-started recompute, a rejection and a suspension', async () => {
      const space = await createDeliberation(t);
      const list: { id: string; number: number }[] = [];
      for (let k = 1; k <= 6; k++) list.push(await addStatement(t, space.id, { text: `Affirmation numéro ${k} sur les caméras du marché.` }));
      const voters: TestPerson[] = [];
      const voteAll = async (person: TestPerson, p: number) => {
        const camp = p % 3 === 0 ? 1 : p % 3 === 1 ? -1 : 0;
        for (const [k, statement] of list.entries()) {
          const value = camp === 0 ? (k % 2 === 0 ? 'agree' : 'pass') : (k < 3 ? 1 : -1) * camp === 1 ? 'agree' : 'disagree';
          await api().put(`/api/v1/deliberations/${space.id}/statements/${statement.id}/vote`).set(person.auth).send({ vote: value }).expect(200);
        }
      };
      const recompute = async () => {
        await t.sql("UPDATE jobs SET run_at = now() WHERE kind = 'opinion-map.recompute' AND completed_at IS NULL AND failed_at IS NULL");
        await t.app.get(JobQueue).drain();
      };
      for (let p = 0; p < 9; p++) {
        voters.push(await createPerson(t));
        await voteAll(voters[p]!, p);
      }
      await recompute();
      const first = (await api().get(`${files(space.id)}/snapshot.json`).expect(200)).body as { inputHash: string };
      for (let p = 9; p < 15; p++) {
        voters.push(await createPerson(t));
        await voteAll(voters[p]!, p);
      }
      const moderator = await createPerson(t, { roles: ['resident', 'moderator'] });
      await api().post(`/api/v1/deliberations/${space.id}/statements/${list[5]!.id}/decisions`).set(moderator.auth).send({ decision: 'reject', reasonCode: 'off_topic' }).expect(201);
      await t.sql("INSERT INTO deliberation_suspensions (id, person_id, decision_id, until) VALUES (gen_random_uuid(), $1, gen_random_uuid(), now() + interval '7 days')", [voters[14]!.id]);
      await recompute();
      const snapshot = (await api().get(`${files(space.id)}/snapshot.json`).expect(200)).body as { inputHash: string; voters: number; view: { status: string; groups: unknown[] } };
      expect(snapshot.inputHash).not.toBe(first.inputHash);
      expect(snapshot.voters).toBe(14);
      expect(snapshot.view.status).toBe('ready');

      const saved = mkdtempSync(path.join(os.tmpdir(), 'opinion-map-api-'));
      try {
        for (const file of ['statements.json', 'votes.json', 'snapshot.json']) writeFileSync(path.join(saved, file), (await api().get(`${files(space.id)}/${file}`).expect(200)).text);
        const result = run(saved);
        expect(result.stdout).toContain('same numbers as the published map');
        expect(result.status).toBe(0);
      } finally {
        rmSync(saved, { recursive: true, force: true });
      }
    });

    it('exits 2 on unusable arguments', () => {
      expect(run().status).toBe(2);
      expect(run(path.join(os.tmpdir(), 'no-such-folder-for-opinion-maps')).status).toBe(2);
    });
  });
});
