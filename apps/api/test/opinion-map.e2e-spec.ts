import { buildVoteMatrix, voteMatrixHash, DeliberationEventSchema, NextStatementSchema, OpinionMapSchema, StatementListSchema, StatementSchema, type OpinionMapView, type Statement } from '@sesame/domain';
import http from 'node:http';
import { Client } from 'pg';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { JobQueue } from '../src/jobs/job-queue.service';
import { PrismaService } from '../src/prisma/prisma.service';
import { OpinionMapRepository } from '../src/opinion-map/opinion-map.repository';
import { OpinionMapService } from '../src/opinion-map/opinion-map.service';
import { computeSnapshot } from '../src/opinion-map/opinion-map-recompute.compute';
import { OpinionMapRecomputeService } from '../src/opinion-map/opinion-map-recompute.service';
import { addStatement, createDeliberation, createPerson, postContribution, type TestPerson } from './fixtures';
import { startTestApp, type TestApp } from './test-app';

describe('Statements and the opinion map', () => {
  let t: TestApp;
  let moderator: TestPerson;
  const api = () => request(t.server);
  const statements = (id: string) => `/api/v1/deliberations/${id}/statements`;
  const vote = (id: string, statementId: string, person: TestPerson, choice: string) => api().put(`${statements(id)}/${statementId}/vote`).set(person.auth).send({ vote: choice });
  const mapOf = async (id: string, person?: TestPerson): Promise<OpinionMapView> => OpinionMapSchema.parse((await (person ? api().get(`/api/v1/deliberations/${id}/opinion-map`).set(person.auth) : api().get(`/api/v1/deliberations/${id}/opinion-map`)).expect(200)).body);
  /** Runs the recompute jobs now, as the worker would once their debounce delay has passed. */
  const runRecomputes = async () => {
    await t.sql("UPDATE jobs SET run_at = now() WHERE kind = 'opinion-map.recompute' AND completed_at IS NULL AND failed_at IS NULL");
    await t.app.get(JobQueue).drain();
  };
  const catchUp = async () => {
    await t.app.get(OpinionMapService).catchUp();
    await runRecomputes();
  };

  /** A space with 6 statements and `voters` people in two camps (camp A agrees with 1–3 and disagrees with 4–6; camp B the opposite). */
  async function twoCamps(voters: number) {
    const space = await createDeliberation(t);
    const list: { id: string; number: number }[] = [];
    for (let k = 1; k <= 6; k++) list.push(await addStatement(t, space.id, { text: `Affirmation numéro ${k} sur les caméras.` }));
    const people: TestPerson[] = [];
    for (let p = 0; p < voters; p++) {
      const person = await createPerson(t);
      people.push(person);
      const camp = p % 2 === 0 ? 1 : -1;
      for (const [k, s] of list.entries()) {
        const choice = (k < 3 ? 1 : -1) * camp === 1 ? 'agree' : 'disagree';
        await vote(space.id, s.id, person, choice).expect(200);
      }
    }
    return { space, list, people };
  }

  beforeAll(async () => {
    t = await startTestApp();
  });
  // Credentials last 60 s: a fresh moderator for each test.
  beforeEach(async () => {
    moderator = await createPerson(t, { roles: ['resident', 'moderator'] });
  });
  afterAll(() => t.close());

  describe('adding statements', () => {
    it('approves at once under post-moderation, keeps pending under pre-moderation (seen by its author only)', async () => {
      const post = await createDeliberation(t);
      const author = await createPerson(t);
      const added = StatementSchema.parse((await api().post(statements(post.id)).set(author.auth).send({ text: 'Les caméras ne servent à rien.', charterAccepted: true }).expect(201)).body);
      expect(added).toMatchObject({ number: 1, state: 'approved', seeded: false, mine: true, meta: false, votes: { agree: 0, disagree: 0, pass: 0 } });
      const participants = await t.sql('SELECT number FROM opinion_participants WHERE deliberation_id = $1 AND person_id = $2', [post.id, author.id]);
      expect(participants).toEqual([{ number: 1 }]);

      const pre = await createDeliberation(t, { moderation: 'pre' });
      const pending = StatementSchema.parse((await api().post(statements(pre.id)).set(author.auth).send({ text: 'Il faudrait un panneau à l’entrée.' }).expect(201)).body);
      expect(pending.state).toBe('pending');
      const publicList = StatementListSchema.parse((await api().get(statements(pre.id)).expect(200)).body);
      expect(publicList.statements).toEqual([]);
      const ownList = StatementListSchema.parse((await api().get(statements(pre.id)).set(author.auth).expect(200)).body);
      expect(ownList.statements.map((s) => [s.number, s.state, s.mine])).toEqual([[1, 'pending', true]]);
      expect(ownList.viewer.can['opinion-map.add-statement']).toEqual({ allowed: true, reason: null });
    });

    it('refuses an empty statement or one over the space’s limit (400 naming it), a visitor (401), a closed space (422)', async () => {
      const space = await createDeliberation(t);
      const author = await createPerson(t);
      const long = await api().post(statements(space.id)).set(author.auth).send({ text: 'a'.repeat(141), charterAccepted: true }).expect(400);
      expect(long.body.errors).toEqual([expect.objectContaining({ path: 'text', message: expect.stringContaining('140') })]);
      await api().post(statements(space.id)).set(author.auth).send({ text: '   ', charterAccepted: true }).expect(400);
      await api().post(statements(space.id)).set(author.auth).send({}).expect(400);
      await api().post(statements(space.id)).send({ text: 'Anonyme.' }).expect(401);
      const closed = await createDeliberation(t, { opensAt: new Date(Date.now() - 10 * 86_400_000), closesAt: new Date(Date.now() - 86_400_000) });
      await api().post(statements(closed.id)).set(author.auth).send({ text: 'Trop tard.', charterAccepted: true }).expect(422);
      // Without the charter accepted once, a first statement is refused.
      const refused = await api().post(statements(space.id)).set((await createPerson(t)).auth).send({ text: 'Sans la charte.' }).expect(422);
      expect(refused.body.detail).toContain('charte');
      expect(await t.sql('SELECT 1 FROM statements WHERE deliberation_id = $1', [space.id])).toEqual([]);
    });

    it('lets organizers seed statements, labelled and listed first; not residents', async () => {
      const space = await createDeliberation(t);
      await addStatement(t, space.id, { text: 'Une affirmation d’une habitante.' });
      const seeded = StatementSchema.parse((await api().post(`${statements(space.id)}/seeded`).set(space.organizer.auth).send({ text: 'Les caméras protègent les commerçants.' }).expect(201)).body);
      expect(seeded).toMatchObject({ seeded: true, state: 'approved', number: 2 });
      await api().post(`${statements(space.id)}/seeded`).set((await createPerson(t)).auth).send({ text: 'Moi aussi.' }).expect(403);
      const list = StatementListSchema.parse((await api().get(statements(space.id)).expect(200)).body);
      expect(list.statements.map((s) => [s.number, s.seeded])).toEqual([
        [2, true],
        [1, false],
      ]);
      const [audit] = await t.sql('SELECT action, subject_type FROM audit_entries WHERE subject_id = $1', [seeded.id]);
      expect(audit).toEqual({ action: 'statement.seeded', subject_type: 'statement' });
    });
  });

  describe('voting', () => {
    it('gives the next statement deterministically, never one already voted on', async () => {
      const space = await createDeliberation(t);
      for (let k = 1; k <= 4; k++) await addStatement(t, space.id, { text: `Affirmation ${k}.` });
      const voter = await createPerson(t);
      await api().get(`${statements(space.id)}/next`).expect(401);
      const seen: number[] = [];
      for (let round = 4; round >= 1; round--) {
        const next = NextStatementSchema.parse((await api().get(`${statements(space.id)}/next`).set(voter.auth).expect(200)).body);
        const again = NextStatementSchema.parse((await api().get(`${statements(space.id)}/next`).set(voter.auth).expect(200)).body);
        expect(again).toEqual(next);
        expect(next.remaining).toBe(round);
        expect(seen).not.toContain(next.statement!.number);
        seen.push(next.statement!.number);
        await vote(space.id, next.statement!.id, voter, 'pass').expect(200);
      }
      expect(NextStatementSchema.parse((await api().get(`${statements(space.id)}/next`).set(voter.auth).expect(200)).body)).toEqual({ statement: null, remaining: 0 });
      expect([...seen].sort()).toEqual([1, 2, 3, 4]);
    });

    it('records a vote, replaces it when changed, and counts it once', async () => {
      const space = await createDeliberation(t);
      const statement = await addStatement(t, space.id);
      const voter = await createPerson(t);
      const first = StatementSchema.parse((await vote(space.id, statement.id, voter, 'agree').expect(200)).body);
      expect(first).toMatchObject({ myVote: 'agree', votes: { agree: 1, disagree: 0, pass: 0 } });
      const changed = StatementSchema.parse((await vote(space.id, statement.id, voter, 'disagree').expect(200)).body);
      expect(changed).toMatchObject({ myVote: 'disagree', votes: { agree: 0, disagree: 1, pass: 0 } });
      expect(await t.sql('SELECT vote FROM statement_votes WHERE statement_id = $1', [statement.id])).toEqual([{ vote: -1 }]);
      await vote(space.id, statement.id, voter, 'maybe').expect(400);
      // The vote enqueued one recompute of the space (debounced: one waiting job, not one per vote).
      expect(await t.sql("SELECT payload FROM jobs WHERE kind = 'opinion-map.recompute' AND completed_at IS NULL AND payload->>'deliberationId' = $1", [space.id])).toEqual([{ payload: { deliberationId: space.id } }]);
    });

    it('answers a vote with the statement’s counts: everyone else’s plus this one, whether first, changed or repeated', async () => {
      const space = await createDeliberation(t);
      const statement = await addStatement(t, space.id);
      const [a, b, c] = [await createPerson(t), await createPerson(t), await createPerson(t)];
      await vote(space.id, statement.id, a, 'agree').expect(200);
      await vote(space.id, statement.id, b, 'disagree').expect(200);
      const counts = async (choice: string) => StatementSchema.parse((await vote(space.id, statement.id, c, choice).expect(200)).body).votes;
      expect(await counts('pass')).toEqual({ agree: 1, disagree: 1, pass: 1 });
      expect(await counts('agree')).toEqual({ agree: 2, disagree: 1, pass: 0 });
      expect(await counts('agree')).toEqual({ agree: 2, disagree: 1, pass: 0 });
      expect(await t.sql('SELECT count(*)::int AS n FROM statement_votes WHERE statement_id = $1', [statement.id])).toEqual([{ n: 3 }]);
      // Five votes, one waiting recompute (debounced), written with the votes.
      expect(await t.sql("SELECT count(*)::int AS n FROM jobs WHERE kind = 'opinion-map.recompute' AND completed_at IS NULL AND payload->>'deliberationId' = $1", [space.id])).toEqual([{ n: 1 }]);
      // The map's reader gets the view and their own position only, never the snapshot's history.
      await runRecomputes();
      const body = (await api().get(`/api/v1/deliberations/${space.id}/opinion-map`).set(c.auth).expect(200)).body as Record<string, unknown>;
      expect(body).not.toHaveProperty('history');
      expect(body).not.toHaveProperty('positions');
    });

    it('keeps one row for 100 parallel identical votes, then limits the rate (429)', async () => {
      const space = await createDeliberation(t);
      const statement = await addStatement(t, space.id);
      const voter = await createPerson(t);
      const statuses = (await Promise.all(Array.from({ length: 100 }, () => vote(space.id, statement.id, voter, 'agree')))).map((r) => r.status);
      expect(statuses.filter((s) => s !== 200 && s !== 429)).toEqual([]);
      expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(0);
      expect(await t.sql('SELECT vote FROM statement_votes WHERE statement_id = $1', [statement.id])).toEqual([{ vote: 1 }]);
      expect(await t.sql('SELECT number FROM opinion_participants WHERE deliberation_id = $1', [space.id])).toHaveLength(2);
      const limited = await vote(space.id, statement.id, voter, 'disagree').expect(429);
      expect(limited.headers['retry-after']).toBeDefined();
    });

    it('answers 404 on an unknown, pending or rejected statement', async () => {
      const space = await createDeliberation(t, { moderation: 'pre' });
      const voter = await createPerson(t);
      await vote(space.id, '00000000-0000-4000-8000-000000000000', voter, 'agree').expect(404);
      const pending = StatementSchema.parse((await api().post(statements(space.id)).set((await createPerson(t)).auth).send({ text: 'En attente.', charterAccepted: true }).expect(201)).body);
      await vote(space.id, pending.id, voter, 'agree').expect(404);
      await api().post(`${statements(space.id)}/${pending.id}/decisions`).set(moderator.auth).send({ decision: 'reject', reasonCode: 'off_topic' }).expect(201);
      await vote(space.id, pending.id, voter, 'agree').expect(404);
      const elsewhere = await createDeliberation(t);
      await vote(elsewhere.id, pending.id, voter, 'agree').expect(404);
    });
  });

  describe('moderation', () => {
    it('approves, rejects with a reason of the space’s policy (the author is told), marks meta — audited; others may not', async () => {
      const space = await createDeliberation(t, { moderation: 'pre' });
      const author = await createPerson(t);
      const add = async (text: string) => StatementSchema.parse((await api().post(statements(space.id)).set(author.auth).send({ text, charterAccepted: true }).expect(201)).body);
      const [good, bad, metaOne] = [await add('Les images devraient être effacées après 24 heures.'), await add('Achetez mes légumes !'), await add('Cette consultation est trop courte.')];
      await api().get(`${statements(space.id)}/moderation-queue`).set(author.auth).expect(403);
      const queue = (await api().get(`${statements(space.id)}/moderation-queue`).set(moderator.auth).expect(200)).body as Statement[];
      expect(queue.map((s) => s.number)).toEqual([1, 2, 3]);
      const decide = (id: string, body: object, who = moderator) => api().post(`${statements(space.id)}/${id}/decisions`).set(who.auth).send(body);

      await decide(good.id, { decision: 'approve' }, author).expect(403);
      expect(StatementSchema.parse((await decide(good.id, { decision: 'approve' }).expect(201)).body).state).toBe('approved');
      await decide(good.id, { decision: 'approve' }).expect(422);
      const missing = await decide(bad.id, { decision: 'reject' }).expect(400);
      expect(missing.body.errors).toEqual([expect.objectContaining({ path: 'reasonCode' })]);
      await decide(bad.id, { decision: 'reject', reasonCode: 'not_a_reason' }).expect(400);
      const rejected = StatementSchema.parse((await decide(bad.id, { decision: 'reject', reasonCode: 'spam', facts: 'Publicité.' }).expect(201)).body);
      expect(rejected).toMatchObject({ state: 'rejected', rejection: { code: 'spam' } });
      await decide(metaOne.id, { decision: 'approve' }).expect(201);
      expect(StatementSchema.parse((await decide(metaOne.id, { decision: 'meta' }).expect(201)).body).meta).toBe(true);

      const notices = await t.sql<{ kind: string; data: Record<string, string> }>('SELECT kind, data FROM notifications WHERE person_id = $1', [author.id]);
      expect(notices).toEqual([{ kind: 'opinion-map.statement-rejected', data: expect.objectContaining({ reason: expect.stringContaining('Publicité.') }) }]);
      const mine = (await api().get(`${statements(space.id)}/mine`).set(author.auth).expect(200)).body as Statement[];
      expect(mine.map((s) => [s.number, s.state, s.rejection?.code ?? null])).toEqual([
        [1, 'approved', null],
        [2, 'rejected', 'spam'],
        [3, 'approved', null],
      ]);
      expect(mine[1]!.rejection!.description.length).toBeGreaterThan(3);
      const audit = await t.sql<{ action: string }>("SELECT action FROM audit_entries WHERE subject_type = 'statement' AND data->>'deliberation' = $1 ORDER BY seq", [space.id]);
      expect(audit.map((a) => a.action)).toEqual(['statement.approved', 'statement.rejected', 'statement.approved', 'statement.marked-meta']);
    });

    it('lets a moderator act on a published statement afterwards: meta, not meta, withdrawn with a reason; meta on a pending one publishes it', async () => {
      const space = await createDeliberation(t, { moderation: 'pre' });
      const author = await createPerson(t);
      const add = async (text: string) => StatementSchema.parse((await api().post(statements(space.id)).set(author.auth).send({ text, charterAccepted: true }).expect(201)).body);
      const decide = (id: string, body: object) => api().post(`${statements(space.id)}/${id}/decisions`).set(moderator.auth).send(body);
      const [published, aboutTheDebate] = [await add('Les caméras rassurent les commerçants.'), await add('Ce débat devrait durer un mois de plus.')];

      // Meta on a pending statement publishes it (shown and voted on, kept out of the math).
      const meta = StatementSchema.parse((await decide(aboutTheDebate.id, { decision: 'meta' }).expect(201)).body);
      expect(meta).toMatchObject({ state: 'approved', meta: true });
      await vote(space.id, meta.id, (await createPerson(t)), 'agree').expect(200);
      const listed = StatementListSchema.parse((await api().get(statements(space.id)).expect(200)).body);
      expect(listed.statements.map((s) => [s.number, s.meta])).toEqual([[aboutTheDebate.number, true]]);
      expect(StatementSchema.parse((await decide(meta.id, { decision: 'not_meta' }).expect(201)).body)).toMatchObject({ state: 'approved', meta: false });

      // A published statement: marked meta afterwards, then withdrawn with a reason; its author is told.
      await decide(published.id, { decision: 'approve' }).expect(201);
      const voter = await createPerson(t);
      await vote(space.id, published.id, voter, 'disagree').expect(200);
      expect(StatementSchema.parse((await decide(published.id, { decision: 'meta' }).expect(201)).body)).toMatchObject({ state: 'approved', meta: true });
      await decide(published.id, { decision: 'reject' }).expect(400);
      const withdrawn = StatementSchema.parse((await decide(published.id, { decision: 'reject', reasonCode: 'off_topic', facts: 'Hors sujet.' }).expect(201)).body);
      expect(withdrawn).toMatchObject({ state: 'rejected', rejection: { code: 'off_topic' } });
      await decide(published.id, { decision: 'meta' }).expect(422);
      await vote(space.id, published.id, voter, 'agree').expect(404);
      const after = StatementListSchema.parse((await api().get(statements(space.id)).expect(200)).body);
      expect(after.statements.map((s) => s.number)).toEqual([aboutTheDebate.number]);
      const notices = await t.sql<{ kind: string }>('SELECT kind FROM notifications WHERE person_id = $1', [author.id]);
      expect(notices.map((n) => n.kind)).toEqual(['opinion-map.statement-rejected']);
      const audit = await t.sql<{ action: string }>("SELECT action FROM audit_entries WHERE subject_type = 'statement' AND data->>'deliberation' = $1 ORDER BY seq", [space.id]);
      expect(audit.map((a) => a.action)).toEqual(['statement.marked-meta', 'statement.unmarked-meta', 'statement.approved', 'statement.marked-meta', 'statement.rejected']);
      // The viewer's permissions say who may moderate: the page shows its forms to them only.
      expect(StatementListSchema.parse((await api().get(statements(space.id)).set(moderator.auth).expect(200)).body).viewer.can['opinion-map.moderate'].allowed).toBe(true);
      expect(StatementListSchema.parse((await api().get(statements(space.id)).set(voter.auth).expect(200)).body).viewer.can['opinion-map.moderate'].allowed).toBe(false);
    });

    it('keeps a rejected statement out of every public route: the list, the next statement, the map', async () => {
      const { space, list, people } = await twoCamps(8);
      const rejectedText = 'Affirmation numéro 6 sur les caméras.';
      await api().post(`${statements(space.id)}/${list[5]!.id}/decisions`).set(moderator.auth).send({ decision: 'reject', reasonCode: 'off_topic' }).expect(201);
      await runRecomputes();
      expect(JSON.stringify((await api().get(statements(space.id)).expect(200)).body)).not.toContain(rejectedText);
      expect(JSON.stringify((await api().get(statements(space.id)).set(people[0]!.auth).expect(200)).body)).not.toContain(rejectedText);
      const map = await mapOf(space.id);
      expect(map.status).toBe('ready');
      expect(JSON.stringify(map)).not.toContain(rejectedText);
      expect(map.statements.map((s) => s.number)).not.toContain(6);
      const newcomer = await createPerson(t);
      for (let k = 0; k < 5; k++) {
        const next = NextStatementSchema.parse((await api().get(`${statements(space.id)}/next`).set(newcomer.auth).expect(200)).body);
        expect(next.statement!.number).not.toBe(6);
        await vote(space.id, next.statement!.id, newcomer, 'pass').expect(200);
      }
      expect(NextStatementSchema.parse((await api().get(`${statements(space.id)}/next`).set(newcomer.auth).expect(200)).body).statement).toBeNull();
    });
  });

  describe('the map', () => {
    it('says it is too early before any snapshot and below 7 voters', async () => {
      const { space } = await twoCamps(6);
      expect(await mapOf(space.id)).toMatchObject({ status: 'too_early', voters: 0, participants: [], groups: [] });
      await runRecomputes();
      const map = await mapOf(space.id);
      expect(map).toMatchObject({ status: 'too_early', voters: 6, votes: 36, minVoters: 7, participants: [], groups: [], me: null });
      expect(map.inputHash).toMatch(/^[0-9a-f]{64}$/);
    });

    it('is computed by the background job: groups, the voter’s own position, provenance; the same input stores nothing new', async () => {
      const { space, people } = await twoCamps(10);
      await runRecomputes();
      const snapshots = await t.sql<{ voters: number; votes: number; input_hash: string; algorithm_version: string; computed_at: Date }>('SELECT voters, votes, input_hash, algorithm_version, computed_at FROM opinion_map_snapshots WHERE deliberation_id = $1', [space.id]);
      expect(snapshots).toHaveLength(1);
      expect(snapshots[0]).toMatchObject({ voters: 10, votes: 60, algorithm_version: expect.stringContaining('sesame-opinion-map') });
      const map = await mapOf(space.id);
      expect(map).toMatchObject({ status: 'ready', voters: 10, votes: 60, me: null, inputHash: snapshots[0]!.input_hash });
      expect(map.groups.map((g) => g.group)).toEqual(['A', 'B']);
      expect(map.groups.map((g) => g.size)).toEqual([5, 5]);
      expect(map.participants).toHaveLength(10);
      const mine = await mapOf(space.id, people[0]);
      expect(mine.me).toEqual({ x: expect.any(Number), y: expect.any(Number), group: expect.stringMatching(/^[AB]$/) });
      // Same camp, same group.
      expect((await mapOf(space.id, people[2])).me!.group).toBe(mine.me!.group);
      expect((await mapOf(space.id, people[1])).me!.group).not.toBe(mine.me!.group);
      expect((await mapOf(space.id, await createPerson(t))).me).toBeNull();
      // No personal data in the public map.
      for (const person of people) expect(JSON.stringify(map)).not.toContain(person.id);
      // Nothing changed: the recompute stores nothing.
      expect(await t.app.get(OpinionMapService).recompute(space.id)).toBe(false);
      // And the catch-up finds nothing stale.
      expect(await t.app.get(OpinionMapService).catchUp()).toBe(0);
    });

    it('leaves a suspended participant out while suspended, and back once the suspension ends', async () => {
      const { space, people } = await twoCamps(9);
      await runRecomputes();
      expect((await mapOf(space.id)).voters).toBe(9);
      const suspended = people[0]!;
      const contribution = await postContribution(t, space.id, { author: suspended });
      await api().post(`/api/v1/deliberations/${space.id}/contributions/${contribution.id}/decisions`).set(moderator.auth).send({ decision: 'suspend', ground: { kind: 'policy', code: 'hate_or_harassment' }, facts: 'Insultes.', until: new Date(Date.now() + 86_400_000).toISOString() }).expect(201);
      await catchUp();
      const during = await mapOf(space.id, suspended);
      expect(during).toMatchObject({ voters: 8, votes: 48, me: null });
      expect(during.participants).toHaveLength(8);
      expect(StatementListSchema.parse((await api().get(statements(space.id)).expect(200)).body).voters).toBe(8);
      const statement = (await t.sql<{ id: string }>('SELECT id FROM statements WHERE deliberation_id = $1 AND number = 1', [space.id]))[0]!;
      await vote(space.id, statement.id, suspended, 'pass').expect(403);

      await t.sql('UPDATE deliberation_suspensions SET until = now() WHERE person_id = $1', [suspended.id]);
      await catchUp();
      expect(await mapOf(space.id, suspended)).toMatchObject({ voters: 9, votes: 54, me: expect.objectContaining({ group: expect.any(String) }) });
    });

    it('keeps the votes of a deleted account, anonymously', async () => {
      const { space, list, people } = await twoCamps(7);
      const leaving = people[3]!;
      const own = await addStatement(t, space.id, { author: leaving, text: 'Une affirmation de quelqu’un qui part.' });
      const exported = (await api().get('/api/v1/me/export').set(leaving.auth).expect(200)).body as Record<string, Record<string, unknown[]>>;
      expect(exported['opinion-map']!.statements).toHaveLength(1);
      expect(exported['opinion-map']!.participations).toEqual([expect.objectContaining({ votes: expect.arrayContaining([expect.objectContaining({ statement: list[0]!.number })]) })]);
      await api().delete('/api/v1/me').set(leaving.auth).expect(204);
      expect(await t.sql('SELECT 1 FROM opinion_participants WHERE person_id = $1', [leaving.id])).toEqual([]);
      expect(await t.sql('SELECT author_id FROM statements WHERE id = $1', [own.id])).toEqual([{ author_id: null }]);
      const [{ n }] = (await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM statement_votes v JOIN opinion_participants p ON p.id = v.participant_id WHERE p.deliberation_id = $1 AND p.person_id IS NULL', [space.id])) as [{ n: number }];
      expect(n).toBe(6);
      await runRecomputes();
      expect((await mapOf(space.id)).voters).toBe(7);
    });
  });
  describe('live events', () => {
    it('tells the space’s stream when a statement becomes public and when a new map is computed, with public figures only', async () => {
      await t.app.listen(0, '127.0.0.1');
      const port = (t.server.address() as AddressInfo).port;
      const space = await createDeliberation(t, { moderation: 'pre' });
      const received: { name: string; data: unknown }[] = [];
      const req = http.get({ host: '127.0.0.1', port, path: `/api/v1/deliberations/${space.id}/events`, headers: { accept: 'text/event-stream' } }, (response) => {
        let pending = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          pending += chunk;
          let end;
          while ((end = pending.indexOf('\n\n')) >= 0) {
            const block = pending.slice(0, end);
            pending = pending.slice(end + 2);
            const name = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (name && data) received.push({ name, data: JSON.parse(data) as unknown });
          }
        });
      });
      const waitFor = async (name: string) => {
        for (let i = 0; i < 100; i++) {
          const event = received.find((e) => e.name === name);
          if (event) return event;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        throw new Error(`No ${name} event; received ${JSON.stringify(received)}`);
      };
      try {
        await new Promise((resolve) => setTimeout(resolve, 300));
        const author = await createPerson(t);
        const pending = StatementSchema.parse((await api().post(statements(space.id)).set(author.auth).send({ text: 'Une affirmation à relire.', charterAccepted: true }).expect(201)).body);
        await new Promise((resolve) => setTimeout(resolve, 200));
        // Pending: nothing is sent until a moderator approves it.
        expect(received).toEqual([]);
        await api().post(`${statements(space.id)}/${pending.id}/decisions`).set(moderator.auth).send({ decision: 'approve' }).expect(201);
        const statement = await waitFor('statement');
        expect(DeliberationEventSchema.parse(statement.data)).toEqual({ type: 'statement', number: 1, counts: { statements: 1, voters: 0 } });
        await vote(space.id, pending.id, await createPerson(t), 'agree').expect(200);
        await runRecomputes();
        const map = await waitFor('map');
        expect(DeliberationEventSchema.parse(map.data)).toEqual({ type: 'map', computedAt: expect.any(String), voters: 1 });
        expect(JSON.stringify(received)).not.toContain('Une affirmation');
      } finally {
        req.destroy();
      }
    });
  });

  describe('the background recompute under load and abuse', () => {
    const recomputes = () => t.app.get(OpinionMapRecomputeService);
    const waitingJobs = (id: string) => t.sql<{ run_at: Date }>("SELECT run_at FROM jobs WHERE kind = 'opinion-map.recompute' AND completed_at IS NULL AND failed_at IS NULL AND locked_at IS NULL AND payload->>'deliberationId' = $1", [id]);

    it('computes a 200 000-vote map in a worker thread (the API answers meanwhile) and stores what the domain computes', async () => {
      const space = await createDeliberation(t);
      await t.sql("INSERT INTO statements (id, deliberation_id, number, text, state, meta) SELECT gen_random_uuid(), $1, g, 'Affirmation ' || g, 'approved', g = 7 FROM generate_series(1, 400) g", [space.id]);
      await t.sql("INSERT INTO statements (id, deliberation_id, number, text, state, rejection_code) VALUES (gen_random_uuid(), $1, 401, 'Rejetée', 'rejected', 'spam')", [space.id]);
      await t.sql('INSERT INTO opinion_participants (id, deliberation_id, number) SELECT gen_random_uuid(), $1, g FROM generate_series(1, 500) g', [space.id]);
      await t.sql(
        `INSERT INTO statement_votes (statement_id, participant_id, vote)
         SELECT s.id, p.id, (CASE WHEN (p.number % 2 = 0) = (s.number % 3 = 0) THEN 1 WHEN (p.number * 7 + s.number) % 5 = 0 THEN 0 ELSE -1 END)::smallint
         FROM statements s JOIN opinion_participants p ON p.deliberation_id = s.deliberation_id WHERE s.deliberation_id = $1`,
        [space.id],
      );
      // The event loop's longest pause while the map is computed, and /health's slowest answer.
      let last = performance.now();
      let longestPause = 0;
      const ticker = setInterval(() => {
        const now = performance.now();
        longestPause = Math.max(longestPause, now - last);
        last = now;
      }, 10);
      const health: number[] = [];
      let done = false;
      const started = performance.now();
      let wallMs = 0;
      const computing = recomputes()
        .recompute(space.id)
        .finally(() => {
          done = true;
          wallMs = performance.now() - started;
        });
      while (!done) {
        const started = performance.now();
        await api().get('/api/v1/health').expect(200);
        health.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      clearInterval(ticker);
      expect(await computing).toBe(true);
      const [row] = await t.sql<{ input_hash: string; view: OpinionMapView; positions: Record<string, unknown>; computed_at: Date; compute_ms: number; checked_at: Date }>(
        'SELECT input_hash, view, positions, computed_at, compute_ms, checked_at FROM opinion_map_snapshots WHERE deliberation_id = $1',
        [space.id],
      );
      // The computation took a while; the API kept answering within a fraction of it.
      expect(wallMs).toBeGreaterThan(500);
      expect(health.length).toBeGreaterThan(2);
      expect(longestPause).toBeLessThan(Math.max(400, wallMs / 3));
      expect(Math.max(...health)).toBeLessThan(Math.max(800, wallMs / 2));
      // Its cost, which spaces out the next one, is the thread's CPU time: some, and no more than the recompute's wall time.
      expect(row!.compute_ms).toBeGreaterThan(0);
      expect(row!.compute_ms).toBeLessThanOrEqual(wallMs + 20);
      expect(row!.checked_at).toEqual(row!.computed_at);

      // The same numbers as the domain's computation on the main thread, from the votes read row by row.
      const votes = await t.sql<{ participant: number; statement: number; vote: number }>(
        'SELECT p.number AS participant, s.number AS statement, v.vote::int AS vote FROM statement_votes v JOIN statements s ON s.id = v.statement_id JOIN opinion_participants p ON p.id = v.participant_id WHERE s.deliberation_id = $1',
        [space.id],
      );
      expect(votes).toHaveLength(200_500);
      const texts = await t.sql<{ number: number; text: string; seeded: boolean; state: 'approved' | 'rejected'; meta: boolean }>('SELECT number, text, seeded, state::text AS state, meta FROM statements WHERE deliberation_id = $1', [space.id]);
      const expected = computeSnapshot({
        deliberationId: space.id,
        computedAt: row!.computed_at.toISOString(),
        votes: { kind: 'all', snapshot: null, columns: { participants: Int32Array.from(votes, (v) => v.participant), statements: Int32Array.from(votes, (v) => v.statement), votes: Int8Array.from(votes, (v) => v.vote) } },
        statements: texts,
        suspended: [],
        previous: null,
      });
      const matrix = buildVoteMatrix({ votes: votes.map((v) => ({ ...v, vote: v.vote as -1 | 0 | 1 })), removedStatements: [401], zeroedStatements: [7] });
      expect(row!.input_hash).toBe(voteMatrixHash(matrix));
      expect(expected).toMatchObject({ changed: true, inputHash: row!.input_hash });
      expect(row!.view).toEqual(JSON.parse(JSON.stringify((expected as { view: object }).view)));
      expect(row!.positions).toEqual(JSON.parse(JSON.stringify((expected as { positions: object }).positions)));
      expect(row!.view).toMatchObject({ status: 'ready', voters: 500, votes: 200_000 });
    }, 180_000);

    it('spaces a space’s recomputes out: not before max(2 s, 10 × the last duration) after the last one', async () => {
      const { space, list, people } = await twoCamps(7);
      await runRecomputes();
      const [snapshot] = await t.sql<{ checked_at: Date; compute_ms: number }>('SELECT checked_at, compute_ms FROM opinion_map_snapshots WHERE deliberation_id = $1', [space.id]);
      expect(snapshot!.compute_ms).toBeGreaterThanOrEqual(0);
      // A last recompute of 30 s: the next vote's recompute waits 300 s after it.
      await t.sql('UPDATE opinion_map_snapshots SET compute_ms = 30000 WHERE deliberation_id = $1', [space.id]);
      await vote(space.id, list[0]!.id, people[0]!, 'pass').expect(200);
      const [slow] = await waitingJobs(space.id);
      expect(slow!.run_at.getTime()).toBe(snapshot!.checked_at.getTime() + 300_000);
      // Flipping votes meanwhile adds nothing.
      await vote(space.id, list[0]!.id, people[0]!, 'agree').expect(200);
      await vote(space.id, list[1]!.id, people[0]!, 'pass').expect(200);
      expect(await waitingJobs(space.id)).toHaveLength(1);
      // A fast last recompute: 2 s after the vote.
      await t.sql("UPDATE jobs SET run_at = now() WHERE kind = 'opinion-map.recompute' AND payload->>'deliberationId' = $1 AND completed_at IS NULL", [space.id]);
      await t.app.get(JobQueue).drain();
      await t.sql('UPDATE opinion_map_snapshots SET compute_ms = 1, checked_at = now() - interval \'1 minute\' WHERE deliberation_id = $1', [space.id]);
      const before = Date.now();
      await vote(space.id, list[2]!.id, people[0]!, 'pass').expect(200);
      const [fast] = await waitingJobs(space.id);
      expect(fast!.run_at.getTime()).toBeGreaterThanOrEqual(before + 1_500);
      expect(fast!.run_at.getTime()).toBeLessThan(Date.now() + 5_000);
    });

    it('never runs two recomputes of a space at once: while another holds it, it is tried again later and stores nothing', async () => {
      const { space, list, people } = await twoCamps(7);
      await runRecomputes();
      const before = await t.sql('SELECT input_hash, computed_at FROM opinion_map_snapshots WHERE deliberation_id = $1', [space.id]);
      await vote(space.id, list[0]!.id, people[0]!, 'pass').expect(200);
      await t.sql("UPDATE jobs SET completed_at = now() WHERE kind = 'opinion-map.recompute' AND payload->>'deliberationId' = $1 AND completed_at IS NULL", [space.id]);
      const other = new Client({ connectionString: t.databaseUrl });
      await other.connect();
      try {
        await other.query('BEGIN');
        await other.query('SELECT pg_advisory_xact_lock(7362008, hashtext($1))', [space.id]);
        expect(await recomputes().recompute(space.id)).toBe(false);
        expect(await t.sql('SELECT input_hash, computed_at FROM opinion_map_snapshots WHERE deliberation_id = $1', [space.id])).toEqual(before);
        expect(await waitingJobs(space.id)).toHaveLength(1);
      } finally {
        await other.query('ROLLBACK');
        await other.end();
      }
      expect(await recomputes().recompute(space.id)).toBe(true);
    });

    it('takes a vote cast while a recompute runs into a map soon after: the next recompute is spaced out after the one that ran, not the one before', async () => {
      const { space, list, people } = await twoCamps(7);
      await runRecomputes();
      // The last recompute took 30 s (a worker thread starting on a loaded machine): a vote's recompute waits 300 s after it.
      await t.sql('UPDATE opinion_map_snapshots SET compute_ms = 30000 WHERE deliberation_id = $1', [space.id]);
      await vote(space.id, list[0]!.id, people[0]!, 'pass').expect(200);
      expect(await waitingJobs(space.id)).toHaveLength(1);
      // Its time comes: it runs, but cannot store its map yet (another session holds the snapshot's row).
      await t.sql("UPDATE jobs SET run_at = now() WHERE kind = 'opinion-map.recompute' AND payload->>'deliberationId' = $1 AND completed_at IS NULL", [space.id]);
      const other = new Client({ connectionString: t.databaseUrl });
      await other.connect();
      let running: Promise<number>;
      try {
        await other.query('BEGIN');
        await other.query('SELECT 1 FROM opinion_map_snapshots WHERE deliberation_id = $1 FOR UPDATE', [space.id]);
        running = t.app.get(JobQueue).drain();
        // The recompute has read the votes and waits to store the map.
        for (let k = 0; ; k++) {
          const [blocked] = await t.sql<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query ILIKE '%opinion_map_snapshots%' AND pid <> pg_backend_pid()");
          if (blocked!.n > 0) break;
          if (k > 200) throw new Error('the recompute never reached its write');
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
        // A newcomer votes meanwhile: the running recompute read the votes before; the vote enqueues the next one.
        const newcomer = await createPerson(t);
        await vote(space.id, list[1]!.id, newcomer, 'agree').expect(200);
        expect(await waitingJobs(space.id)).toHaveLength(1);
      } finally {
        await other.query('ROLLBACK');
        await other.end();
      }
      await running!;
      const [stored] = await t.sql<{ voters: number; checked_at: Date; compute_ms: number }>('SELECT voters, checked_at, compute_ms FROM opinion_map_snapshots WHERE deliberation_id = $1', [space.id]);
      expect(stored!.voters).toBe(7);
      // The recompute that ran was quick: the next one waits max(2 s, 10 × its duration), not 300 s.
      const [next] = await t.sql<{ run_at: Date; created_at: Date }>(
        "SELECT run_at, created_at FROM jobs WHERE kind = 'opinion-map.recompute' AND completed_at IS NULL AND locked_at IS NULL AND payload->>'deliberationId' = $1",
        [space.id],
      );
      expect(next!.run_at.getTime()).toBe(Math.max(next!.created_at.getTime() + 2000, stored!.checked_at.getTime() + Math.max(2000, 10 * stored!.compute_ms)));
      expect(next!.run_at.getTime()).toBeLessThan(Date.now() + 5_000);
      // Once it is due (no forcing), the job queue runs it: the map includes the newcomer.
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, next!.run_at.getTime() - Date.now() + 50)));
      expect(await t.app.get(JobQueue).drain()).toBeGreaterThanOrEqual(1);
      expect(await t.sql('SELECT voters FROM opinion_map_snapshots WHERE deliberation_id = $1', [space.id])).toEqual([{ voters: 8 }]);
    });

    it('never lets a recompute be claimed between a vote and its commit: a vote that relies on the waiting recompute is in its map', async () => {
      const { space, list, people } = await twoCamps(7);
      await runRecomputes();
      await vote(space.id, list[0]!.id, people[0]!, 'pass').expect(200);
      await t.sql("UPDATE jobs SET run_at = now() WHERE kind = 'opinion-map.recompute' AND payload->>'deliberationId' = $1 AND completed_at IS NULL", [space.id]);
      // A newcomer's first vote (numbered in a transaction): the due recompute is waiting, so the vote enqueues none.
      const newcomer = await createPerson(t);
      const maps = t.app.get(OpinionMapRepository);
      await t.app.get(PrismaService).$transaction(async (tx) => {
        const participant = await maps.participantOf(tx, space.id, newcomer.id);
        const outcome = await maps.voteOnce(tx, { deliberationId: space.id, statementId: list[1]!.id, participantId: participant.id, vote: 'agree', recomputeAt: new Date(Date.now() + 2000) });
        expect(outcome.voted).toBe(true);
        // The job queue looks for work before the vote is committed: the recompute the vote relies on is not taken yet.
        await t.app.get(JobQueue).drain();
      });
      expect(await waitingJobs(space.id)).toHaveLength(1);
      expect(await t.app.get(JobQueue).drain()).toBeGreaterThanOrEqual(1);
      expect(await t.sql('SELECT voters FROM opinion_map_snapshots WHERE deliberation_id = $1', [space.id])).toEqual([{ voters: 8 }]);
    });

    it('recomputes the map as soon as a participant is suspended (or the suspension is lifted on appeal), and gives a suspended viewer no position', async () => {
      const { space, people } = await twoCamps(9);
      await runRecomputes();
      const suspended = people[0]!;
      expect((await mapOf(space.id, suspended)).me).not.toBeNull();
      const contribution = await postContribution(t, space.id, { author: suspended });
      const decision = (
        await api()
          .post(`/api/v1/deliberations/${space.id}/contributions/${contribution.id}/decisions`)
          .set(moderator.auth)
          .send({ decision: 'suspend', ground: { kind: 'policy', code: 'hate_or_harassment' }, facts: 'Insultes.', until: new Date(Date.now() + 86_400_000).toISOString() })
          .expect(201)
      ).body as { id: string };
      // Before the recompute: the stored map still has them, but not for them.
      expect((await mapOf(space.id, suspended)).me).toBeNull();
      expect((await mapOf(space.id, people[1]!)).me).not.toBeNull();
      // The suspension enqueued the space's recompute (no catch-up needed).
      expect(await waitingJobs(space.id)).toHaveLength(1);
      await runRecomputes();
      expect(await mapOf(space.id)).toMatchObject({ voters: 8 });
      // Lifted on appeal: recomputed again.
      const appealed = (await api().post(`/api/v1/moderation-decisions/${decision.id}/appeal`).set(suspended.auth).send({ explanation: 'Je conteste cette suspension.' }).expect(201)).body as { appeal: { id: string } };
      const secondModerator = await createPerson(t, { roles: ['resident', 'moderator'] });
      await api().post(`/api/v1/moderation-appeals/${appealed.appeal.id}/decision`).set(secondModerator.auth).send({ outcome: 'reversed', facts: 'Propos mal compris.' }).expect(200);
      expect(await waitingJobs(space.id)).toHaveLength(1);
      await runRecomputes();
      expect(await mapOf(space.id, suspended)).toMatchObject({ voters: 9, me: expect.objectContaining({ group: expect.any(String) }) });
    });

    it('notes an unchanged input as checked: the catch-up does not recompute the space again and again', async () => {
      const { space, list, people } = await twoCamps(7);
      await runRecomputes();
      const [first] = await t.sql<{ computed_at: Date; input_hash: string }>('SELECT computed_at, input_hash FROM opinion_map_snapshots WHERE deliberation_id = $1', [space.id]);
      // A vote flipped and back: stale by date, the same input.
      await vote(space.id, list[0]!.id, people[0]!, 'pass').expect(200);
      await vote(space.id, list[0]!.id, people[0]!, 'agree').expect(200);
      expect(await recomputes().catchUp()).toBe(1);
      await runRecomputes();
      const [after] = await t.sql<{ computed_at: Date; checked_at: Date; input_hash: string }>('SELECT computed_at, checked_at, input_hash FROM opinion_map_snapshots WHERE deliberation_id = $1', [space.id]);
      expect(after).toMatchObject({ computed_at: first!.computed_at, input_hash: first!.input_hash });
      expect(after!.checked_at.getTime()).toBeGreaterThan(first!.computed_at.getTime());
      expect(await recomputes().catchUp()).toBe(0);
    }, 90_000); // two recomputes in worker threads: over 30 s on a loaded 2-core machine

    it('reads only the votes written since when its worker keeps the matrix, and stores what a full rebuild computes (new, changed, deleted votes; a restarted worker)', async () => {
      const { space, list, people } = await twoCamps(8);
      const thread = (recomputes() as unknown as { thread: { keptRead(id: string): string | null; close(): Promise<void> } }).thread;
      /** The snapshot the domain computes from every vote read row by row, continuing from `previous`. */
      const rebuilt = async (previous: { input_hash: string; algorithm_version: string; history: unknown }, computedAt: Date) => {
        const votes = await t.sql<{ participant: number; statement: number; vote: number }>(
          'SELECT p.number AS participant, s.number AS statement, v.vote::int AS vote FROM statement_votes v JOIN statements s ON s.id = v.statement_id JOIN opinion_participants p ON p.id = v.participant_id WHERE s.deliberation_id = $1 ORDER BY random()',
          [space.id],
        );
        const texts = await t.sql<{ number: number; text: string; seeded: boolean; state: 'approved' | 'rejected'; meta: boolean }>('SELECT number, text, seeded, state::text AS state, meta FROM statements WHERE deliberation_id = $1', [space.id]);
        return computeSnapshot({
          deliberationId: space.id,
          computedAt: computedAt.toISOString(),
          votes: { kind: 'all', snapshot: null, columns: { participants: Int32Array.from(votes, (v) => v.participant), statements: Int32Array.from(votes, (v) => v.statement), votes: Int8Array.from(votes, (v) => v.vote) } },
          statements: texts,
          suspended: [],
          previous: { inputHash: previous.input_hash, algorithmVersion: previous.algorithm_version, history: previous.history },
        });
      };
      const snapshot = async () => (await t.sql<{ input_hash: string; algorithm_version: string; history: unknown; view: object; positions: object; computed_at: Date }>('SELECT * FROM opinion_map_snapshots WHERE deliberation_id = $1', [space.id]))[0]!;
      /** Recomputes after `change`; the stored snapshot is the full rebuild's. */
      const recomputeAfter = async (change: () => Promise<unknown>, keptBefore: boolean) => {
        const before = await snapshot();
        expect(thread.keptRead(space.id) !== null).toBe(keptBefore);
        await change();
        await runRecomputes();
        const after = await snapshot();
        expect(after.input_hash).not.toBe(before.input_hash);
        const expected = (await rebuilt(before, after.computed_at)) as { inputHash: string; view: object; positions: object };
        expect(after.input_hash).toBe(expected.inputHash);
        expect(after.view).toEqual(JSON.parse(JSON.stringify(expected.view)));
        expect(after.positions).toEqual(JSON.parse(JSON.stringify(expected.positions)));
        expect(thread.keptRead(space.id)).not.toBeNull();
      };
      await runRecomputes();
      // A newcomer's votes (a new row), a changed vote, a vote on a statement nobody had voted on.
      const newcomer = await createPerson(t);
      const sixth = await addStatement(t, space.id, { text: 'Affirmation numéro 7 sur les caméras.' });
      await recomputeAfter(async () => {
        for (const s of list) await vote(space.id, s.id, newcomer, 'pass').expect(200);
        await vote(space.id, list[0]!.id, people[1]!, 'agree').expect(200);
        await vote(space.id, sixth.id, people[2]!, 'disagree').expect(200);
      }, true);
      // A deleted vote (as a cascade would) and a new one: the count reveals it, every vote is read again.
      await recomputeAfter(async () => {
        await t.sql('DELETE FROM statement_votes WHERE statement_id = $1 AND participant_id = (SELECT participant_id FROM statement_votes WHERE statement_id = $1 LIMIT 1)', [list[3]!.id]);
        await vote(space.id, sixth.id, people[3]!, 'agree').expect(200);
      }, true);
      // A restarted worker keeps nothing: every vote is read.
      await thread.close();
      await recomputeAfter(() => vote(space.id, sixth.id, people[4]!, 'pass').expect(200), false);
    });
  });

  describe('statement text', () => {
    it('refuses a statement without a letter or digit once invisible characters are removed (400), counts user-perceived characters', async () => {
      const space = await createDeliberation(t);
      const author = await createPerson(t);
      for (const text of ['\u200B\u200B', '\u2060\uFEFF\u200D', '\u3164\u3164', '\u200E!?\u200F', '\u180E \u2800']) {
        const refused = await api().post(statements(space.id)).set(author.auth).send({ text, charterAccepted: true }).expect(400);
        expect(refused.body.errors).toEqual([expect.objectContaining({ path: 'text' })]);
      }
      // Emoji (two UTF-16 units each) and flags (two code points each) count one character each: within 140.
      await api().post(statements(space.id)).set(author.auth).send({ text: `Oui ${'😀'.repeat(136)}`, charterAccepted: true }).expect(201);
      await api().post(statements(space.id)).set(author.auth).send({ text: `Drapeaux ${'🇫🇷'.repeat(60)}` }).expect(201);
      const long = await api().post(statements(space.id)).set(author.auth).send({ text: `Oui ${'😀'.repeat(137)}` }).expect(400);
      expect(long.body.errors).toEqual([expect.objectContaining({ path: 'text', message: expect.stringContaining('141') })]);
      // A zero-width space inside real words is left alone.
      await api().post(statements(space.id)).set(author.auth).send({ text: 'Des\u200Bbancs au parc.' }).expect(201);
    });
  });
});
