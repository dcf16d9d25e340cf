import { DELETED_ACCOUNT_NAME, ProposalSchema, type ProposalContentInput } from '@sesame/domain';
import request from 'supertest';
import { JobQueue } from '../src/jobs/job-queue.service';
import { ProposalsService } from '../src/proposals/proposals.service';
import { createNeighbourhood, createPerson, createProposal, type TestPerson } from './fixtures';
import { SmtpSink } from './smtp-sink';
import { startTestApp, type TestApp } from './test-app';

const banCameras: ProposalContentInput = {
  kind: 'ban',
  title: 'Interdire la reconnaissance faciale au marché',
  body: 'La ville retire le logiciel de reconnaissance faciale des caméras du marché du dimanche et ne le remplace pas.',
  why: 'Tout le monde est filmé et comparé à une liste sans l’avoir choisi.',
  expectedEffect: 'Plus aucun visage analysé au marché.',
};

describe('Proposals and supports', () => {
  const smtp = new SmtpSink();
  let t: TestApp;
  let jobs: JobQueue;
  let neighbourhoodId: string;
  let author: TestPerson;
  let organizerPerson: TestPerson;

  const api = () => request(t.server);
  const verifiedResident = () => createPerson(t, { verifiedIn: neighbourhoodId });
  // A fresh author by default: each person may submit 5 proposals a day.
  const submitted = async (content: ProposalContentInput = banCameras, given?: TestPerson) => (await createProposal(t, { state: 'submitted', content, author: given })).reference;
  async function collecting(threshold: number, content: ProposalContentInput = banCameras, who?: TestPerson) {
    await api().put('/api/v1/proposal-settings').set(organizerPerson.auth).send({ threshold, windowDays: 90, requiresVerification: true }).expect(200);
    return (await createProposal(t, { state: 'admissible', content, author: who, organizer: organizerPerson })).reference;
  }

  beforeAll(async () => {
    t = await startTestApp({ SMTP_URL: await smtp.start() });
    jobs = t.app.get(JobQueue);
    neighbourhoodId = await createNeighbourhood(t, { slug: 'la-noue', name: 'La Noue' });
    author = await createPerson(t);
    organizerPerson = await createPerson(t, { pseudonym: 'Service démocratie', roles: ['resident', 'organizer'] });
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('keeps drafts private, saves them, and refuses an incomplete submission with 422 listing what is missing', async () => {
    const draft = ProposalSchema.parse((await api().post('/api/v1/proposals').set(author.auth).send({ content: { title: 'Caméras' } }).expect(201)).body);
    expect(draft).toMatchObject({ state: 'draft', supports: 0, viewer: { isAuthor: true } });
    expect(draft.reference).toMatch(/^PR-\d{4}-\d{3}$/);
    await api().get(`/api/v1/proposals/${draft.reference}`).expect(404);
    await api().get(`/api/v1/proposals/${draft.reference}`).set((await createPerson(t)).auth).expect(404);
    await api().get(`/api/v1/proposals/${draft.reference}`).set(organizerPerson.auth).expect(404);
    expect((await api().get('/api/v1/proposals').expect(200)).body.items.map((p: { reference: string }) => p.reference)).not.toContain(draft.reference);

    const saved = (await api().put(`/api/v1/proposals/${draft.reference}`).set(author.auth).send({ content: { title: 'Caméras du marché', kind: 'ban' } }).expect(200)).body;
    expect(saved.content).toMatchObject({ title: 'Caméras du marché', kind: 'ban' });
    await api().put(`/api/v1/proposals/${draft.reference}`).set((await createPerson(t)).auth).send({ content: { title: 'Volé' } }).expect(404);

    // Everything to fix comes in one answer, in the editor's order, the charter last.
    const noCharter = await api().post(`/api/v1/proposals/${draft.reference}/submit`).set(author.auth).send({}).expect(422);
    expect(noCharter.body.errors.map((e: { path: string; code: string }) => `${e.code} ${e.path}`)).toEqual([
      'missing content.dataUseReference',
      'missing content.body',
      'missing content.why',
      'missing content.expectedEffect',
      'charter charterAccepted',
    ]);
    await api().post(`/api/v1/proposals/${draft.reference}/submit`).set(author.auth).send({ charterAccepted: 'oui' }).expect(400);
    const incomplete = await api().post(`/api/v1/proposals/${draft.reference}/submit`).set(author.auth).send({ charterAccepted: true }).expect(422);
    expect(incomplete.body.errors.map((e: { path: string }) => e.path)).toEqual(['content.dataUseReference', 'content.body', 'content.why', 'content.expectedEffect']);
    expect((await api().get(`/api/v1/proposals/${draft.reference}`).set(author.auth)).body.state).toBe('draft');
    expect((await api().get('/api/v1/me/proposals').set(author.auth).expect(200)).body.map((p: { reference: string }) => p.reference)).toContain(draft.reference);
  });

  it('answers 400 per invalid field (raw HTML, lengths, unknown data use) and stores nothing', async () => {
    const before = (await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM proposals'))[0]!.n;
    const bad = await api()
      .post('/api/v1/proposals')
      .set(author.auth)
      .send({ content: { kind: 'abolish', title: 'x'.repeat(121), body: 'Voir <script>alert(1)</script>', extra: 1 } })
      .expect(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['content', 'content.body', 'content.kind', 'content.title']);
    const unknown = await api().post('/api/v1/proposals').set(author.auth).send({ content: { ...banCameras, dataUseReference: 'DU-1999-001' } }).expect(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ path: 'content.dataUseReference' })]);
    await api().post('/api/v1/proposals').send({ content: banCameras }).expect(401);
    expect((await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM proposals'))[0]!.n).toBe(before);
  });

  it('walks every transition allowed, and refuses the others with 422 or 403', async () => {
    const reference = await submitted({ ...banCameras, unlistedDataUse: 'Caméras du marché du dimanche' }, author);
    const path = `/api/v1/proposals/${reference}`;
    // Submitted: public, no supports yet; residents cannot decide; an organizer cannot select before qualification.
    expect((await api().get(path).expect(200)).body.state).toBe('submitted');
    await api().post(`${path}/admissibility`).set(author.auth).send({ decision: 'admissible' }).expect(403);
    await api().post(`${path}/selection`).set(organizerPerson.auth).send({ decision: 'selected' }).expect(422);
    await api().post(`${path}/submit`).set(author.auth).send({ charterAccepted: true }).expect(422);
    await api().put(path).set(author.auth).send({ content: banCameras }).expect(422);
    const noReason = await api().post(`${path}/admissibility`).set(organizerPerson.auth).send({ decision: 'inadmissible' }).expect(400);
    expect(noReason.body.errors[0].path).toBe('reason');

    const admissible = ProposalSchema.parse((await api().post(`${path}/admissibility`).set(organizerPerson.auth).send({ decision: 'admissible' }).expect(200)).body);
    expect(admissible).toMatchObject({ state: 'admissible', threshold: 50 });
    await api().post(`${path}/admissibility`).set(organizerPerson.auth).send({ decision: 'inadmissible', reason: 'Trop tard' }).expect(422);

    const inadmissibleRef = await submitted({ ...banCameras, unlistedDataUse: 'Caméras du marché du dimanche' }, author);
    const refused = ProposalSchema.parse(
      (await api().post(`/api/v1/proposals/${inadmissibleRef}/admissibility`).set(organizerPerson.auth).send({ decision: 'inadmissible', reason: 'Hors des compétences de la ville.' }).expect(200)).body,
    );
    expect(refused.timeline.map((e) => [e.state, e.reason])).toEqual([
      ['submitted', ''],
      ['inadmissible', 'Hors des compétences de la ville.'],
    ]);
    await api().post(`/api/v1/proposals/${inadmissibleRef}/withdraw`).set(author.auth).send({}).expect(422);

    // Qualify through the clock, then select / not select.
    await t.sql("UPDATE proposals SET threshold = 0, collecting_until = now() - interval '1 minute' WHERE reference = $1", [reference]);
    expect(await t.app.get(ProposalsService).closeDueWindows()).toEqual([{ reference, state: 'qualified' }]);
    await api().post(`${path}/selection`).set(organizerPerson.auth).send({ decision: 'not_selected' }).expect(400);
    const selected = ProposalSchema.parse((await api().post(`${path}/selection`).set(organizerPerson.auth).send({ decision: 'selected', reason: 'Consultation en mars.' }).expect(200)).body);
    expect(selected.timeline.map((e) => e.state)).toEqual(['submitted', 'admissible', 'qualified', 'selected']);
    await api().post(`${path}/withdraw`).set(author.auth).send({}).expect(422);
    await api().post(`${path}/selection`).set(organizerPerson.auth).send({ decision: 'not_selected', reason: 'Non' }).expect(422);

    const log = (await api().get(`/api/v1/audit-log?subjectType=proposal&subjectId=${reference}`).expect(200)).body;
    expect(log.items.map((e: { action: string }) => e.action)).toEqual(['proposal.selected', 'proposal.qualified', 'proposal.admissible', 'proposal.submitted']);
  });

  it('lets the author withdraw until selection, and nobody else', async () => {
    const reference = await submitted({ ...banCameras, unlistedDataUse: 'Caméras du marché du dimanche' }, author);
    await api().post(`/api/v1/proposals/${reference}/withdraw`).set(organizerPerson.auth).send({}).expect(403);
    const withdrawn = ProposalSchema.parse((await api().post(`/api/v1/proposals/${reference}/withdraw`).set(author.auth).send({ reason: 'Je préfère en discuter.' }).expect(200)).body);
    expect(withdrawn.state).toBe('withdrawn');
    expect((await api().get(`/api/v1/proposals/${reference}`).expect(200)).body.state).toBe('withdrawn');
  });

  it('takes supports only from verified residents while collecting; one per person; withdrawable while open', async () => {
    const reference = await collecting(3, { ...banCameras, unlistedDataUse: 'Caméras du marché du dimanche' });
    const path = `/api/v1/proposals/${reference}/support`;
    await api().put(path).expect(401);
    const unverified = await createPerson(t);
    const refused = await api().put(path).set(unverified.auth).expect(403);
    expect(refused.body.detail).toMatch(/Mon compte/);
    // The page is told why, by the same rule the API enforced.
    expect((await api().get(`/api/v1/proposals/${reference}`).set(unverified.auth)).body.viewer.can['proposals.support']).toEqual({ allowed: false, reason: 'verification_needed' });
    expect((await api().get(`/api/v1/proposals/${reference}`)).body.viewer.can['proposals.support']).toEqual({ allowed: false, reason: 'sign_in' });

    const first = await verifiedResident();
    expect((await api().put(path).set(first.auth).expect(201)).body).toEqual({ supporting: true, supports: 1, state: 'admissible' });
    expect((await api().put(path).set(first.auth).expect(200)).body).toEqual({ supporting: true, supports: 1, state: 'admissible' });
    expect((await api().delete(path).set(first.auth).expect(200)).body).toEqual({ supporting: false, supports: 0, state: 'admissible' });

    const notCollecting = await submitted({ ...banCameras, unlistedDataUse: 'Caméras du marché du dimanche' });
    const closed = await api().put(`/api/v1/proposals/${notCollecting}/support`).set(first.auth).expect(422);
    expect(closed.body.detail).toMatch(/pas encore accepté cette proposition/);
  });

  it('stores exactly one support from 100 parallel identical requests', async () => {
    const reference = await collecting(1000, { ...banCameras, unlistedDataUse: 'Caméras du marché du dimanche' });
    const supporter = await verifiedResident();
    const responses = await Promise.all(Array.from({ length: 100 }, () => api().put(`/api/v1/proposals/${reference}/support`).set(supporter.auth)));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(99);
    const [{ rows, counted }] = (await t.sql<{ rows: number; counted: number }>(
      'SELECT (SELECT count(*)::int FROM proposal_supports s WHERE s.proposal_id = p.id) AS rows, (SELECT COALESCE(sum(t.count), 0)::int FROM proposal_support_tallies t WHERE t.proposal_id = p.id) AS counted FROM proposals p WHERE reference = $1',
      [reference],
    )) as [{ rows: number; counted: number }];
    expect({ rows, counted }).toEqual({ rows: 1, counted: 1 });
  });

  it('qualifies at the threshold and tells the author in the app and by e-mail', async () => {
    const mailAuthor = await createPerson(t, { email: 'autrice@example.org' });
    const reference = await collecting(3, { ...banCameras, unlistedDataUse: 'Caméras du marché du dimanche' }, mailAuthor);
    const follower = await createPerson(t);
    await api().put(`/api/v1/proposals/${reference}/follow`).set(follower.auth).expect(200);
    const supporters = await Promise.all([verifiedResident(), verifiedResident(), verifiedResident()]);
    await Promise.all(supporters.map((s) => api().put(`/api/v1/proposals/${reference}/support`).set(s.auth).expect(201)));
    const proposal = ProposalSchema.parse((await api().get(`/api/v1/proposals/${reference}`).expect(200)).body);
    expect(proposal).toMatchObject({ state: 'qualified', supports: 3 });
    expect(proposal.timeline.at(-1)).toMatchObject({ state: 'qualified', by: null });
    // Closed: no more supports, and none withdrawn.
    await api().put(`/api/v1/proposals/${reference}/support`).set((await verifiedResident()).auth).expect(422);
    await api().delete(`/api/v1/proposals/${reference}/support`).set(supporters[0]!.auth).expect(422);

    const kinds = async (id: string) => (await t.sql<{ kind: string }>("SELECT kind FROM notifications WHERE person_id = $1 AND data->>'reference' = $2", [id, reference])).map((n) => n.kind);
    expect(await kinds(mailAuthor.id)).toEqual(['proposal.admissible', 'proposal.qualified']);
    expect(await kinds(follower.id)).toEqual(['proposal.qualified']);
    await jobs.drain();
    const mail = await smtp.waitFor('autrice@example.org', 2);
    expect(smtp.messagesTo('autrice@example.org').map((m) => m.subject)).toContain('Sésame : Votre proposition « Interdire la reconnaissance faciale au marché » a atteint son objectif de soutiens.');
    expect(mail.text).toContain('http://localhost:3000/propositions/');
  });

  it('counts every support of 30 people arriving at once, and qualifies the proposal exactly once', async () => {
    const reference = await collecting(10, { ...banCameras, unlistedDataUse: 'Caméras du marché du dimanche' });
    const supporters = await Promise.all(Array.from({ length: 30 }, () => verifiedResident()));
    const statuses = await Promise.all(supporters.map(async (s) => (await api().put(`/api/v1/proposals/${reference}/support`).set(s.auth)).status));
    const stored = statuses.filter((status) => status === 201).length;
    // Once qualified the proposal stops collecting: the later ones are refused, none half-stored.
    expect(statuses.every((status) => status === 201 || status === 422)).toBe(true);
    expect(stored).toBeGreaterThanOrEqual(10);
    const [row] = await t.sql<{ support_count: number; state: string; rows: number; qualified: number }>(
      `SELECT (SELECT COALESCE(sum(t.count), 0)::int FROM proposal_support_tallies t WHERE t.proposal_id = p.id) AS support_count, p.state::text AS state,
         (SELECT count(*)::int FROM proposal_supports s WHERE s.proposal_id = p.id) AS rows,
         (SELECT count(*)::int FROM proposal_events e WHERE e.proposal_id = p.id AND e.state = 'qualified') AS qualified
       FROM proposals p WHERE p.reference = $1`,
      [reference],
    );
    expect(row).toEqual({ support_count: stored, state: 'qualified', rows: stored, qualified: 1 });
    const logged = await t.sql<{ n: number }>("SELECT count(*)::int AS n FROM audit_entries WHERE action = 'proposal.qualified' AND subject_id = $1", [reference]);
    expect(logged[0]!.n).toBe(1);
  });

  it('never fails when one person supports and withdraws in parallel (one lock order), and replays a support after the close', async () => {
    const reference = await collecting(100, { ...banCameras, unlistedDataUse: 'Caméras du marché du dimanche' });
    const supporter = await verifiedResident();
    const statuses: number[] = [];
    for (let round = 0; round < 10; round += 1) {
      const calls = Array.from({ length: 6 }, (_, i) => (i % 2 === 0 ? api().put(`/api/v1/proposals/${reference}/support`) : api().delete(`/api/v1/proposals/${reference}/support`)).set(supporter.auth));
      statuses.push(...(await Promise.all(calls)).map((answer) => answer.status));
    }
    expect(statuses.filter((status) => ![200, 201].includes(status))).toEqual([]);
    const [row] = await t.sql<{ support_count: number; rows: number }>(
      'SELECT (SELECT COALESCE(sum(t.count), 0)::int FROM proposal_support_tallies t WHERE t.proposal_id = p.id) AS support_count, (SELECT count(*)::int FROM proposal_supports s WHERE s.proposal_id = p.id) AS rows FROM proposals p WHERE p.reference = $1',
      [reference],
    );
    expect(row!.support_count).toBe(row!.rows);

    await api().put(`/api/v1/proposals/${reference}/support`).set(supporter.auth).expect((answer) => expect([200, 201]).toContain(answer.status));
    await t.sql("UPDATE proposals SET collecting_until = now() - interval '1 second' WHERE reference = $1", [reference]);
    // A retry after the close (a timeout right at the end): the support is there, so 200.
    const replay = await api().put(`/api/v1/proposals/${reference}/support`).set(supporter.auth).expect(200);
    expect(replay.body).toMatchObject({ supporting: true });
    await api().put(`/api/v1/proposals/${reference}/support`).set((await verifiedResident()).auth).expect(422);
  });

  it('catches up a qualification cut short after its support was stored (the hourly sweep)', async () => {
    const reference = await collecting(2, { ...banCameras, unlistedDataUse: 'Caméras du marché du dimanche' });
    // As if the process had stopped between storing the second support and qualifying.
    await t.sql('INSERT INTO proposal_support_tallies (proposal_id, shard, count) SELECT id, 0, 2 FROM proposals WHERE reference = $1', [reference]);
    await jobs.enqueue(undefined, 'proposal.close-windows', {});
    await jobs.drain();
    const proposal = (await api().get(`/api/v1/proposals/${reference}`).expect(200)).body;
    expect(proposal.state).toBe('qualified');
    expect(proposal.timeline.at(-1)).toMatchObject({ state: 'qualified' });
  });

  it('expires proposals whose window closes below the threshold, through the scheduled job', async () => {
    const reference = await collecting(5, { ...banCameras, unlistedDataUse: 'Caméras du marché du dimanche' });
    await t.sql("UPDATE proposals SET collecting_until = now() - interval '1 second' WHERE reference = $1", [reference]);
    await jobs.enqueue(undefined, 'proposal.close-windows', {});
    await jobs.drain();
    expect((await api().get(`/api/v1/proposals/${reference}`).expect(200)).body.state).toBe('expired');
  });

  it('lists public proposals with filters, sorting and French search', async () => {
    const a = await collecting(100, { ...banCameras, title: 'Arrêter les capteurs de bruit', unlistedDataUse: 'Capteurs de bruit', kind: 'restrict', neighbourhoodId });
    const supporter = await verifiedResident();
    await api().put(`/api/v1/proposals/${a}/support`).set(supporter.auth).expect(201);
    const restrict = (await api().get('/api/v1/proposals?kind=restrict').expect(200)).body;
    expect(restrict.items.map((p: { reference: string }) => p.reference)).toEqual([a]);
    expect((await api().get(`/api/v1/proposals?neighbourhoodId=${neighbourhoodId}`).expect(200)).body.total).toBe(1);
    const top = (await api().get('/api/v1/proposals?sort=most_supported&status=admissible').expect(200)).body;
    expect(top.items[0].reference).toBe(a);
    const closing = (await api().get('/api/v1/proposals?sort=closing_soon').expect(200)).body;
    expect(closing.items.every((p: { state: string }) => p.state === 'admissible')).toBe(true);
    // "capteur" finds "capteurs" (French stemming).
    expect((await api().get('/api/v1/proposals?q=capteur').expect(200)).body.items.map((p: { reference: string }) => p.reference)).toEqual([a]);
    await api().get('/api/v1/proposals?sort=random').expect(400);
    await api().get('/api/v1/proposals?status=draft').expect(400);
  });

  it('gives each summary its author, neighbourhood and data use, and the same total on every page, past the last one too', async () => {
    const writer = await createPerson(t, { pseudonym: 'Autrice de la liste' });
    const reference = await collecting(100, { ...banCameras, title: 'Un résumé complet dans la liste', unlistedDataUse: 'Caméras du marché du dimanche', neighbourhoodId }, writer);
    const listed = async () => {
      const whole = (await api().get('/api/v1/proposals?pageSize=100').expect(200)).body as { total: number; items: { reference: string; author: string; neighbourhood: { id: string; name: string } | null }[] };
      return { whole, item: whole.items.find((p) => p.reference === reference)! };
    };
    const { whole, item } = await listed();
    const page = ProposalSchema.parse((await api().get(`/api/v1/proposals/${reference}`).expect(200)).body);
    expect(page.neighbourhood?.name).toMatch(/\S/);
    expect(item).toMatchObject({ author: 'Autrice de la liste', neighbourhood: page.neighbourhood, dataUse: page.dataUse });
    expect(page.author).toBe('Autrice de la liste');
    // The timeline names who decided; the platform's own steps name nobody.
    expect(page.timeline.map((e) => [e.state, e.by])).toEqual([['submitted', 'Autrice de la liste'], ['admissible', 'Service démocratie']]);
    expect(whole.total).toBe(whole.items.length);
    for (const query of ['page=2&pageSize=1', `page=${whole.total + 5}&pageSize=1`]) {
      expect((await api().get(`/api/v1/proposals?${query}`).expect(200)).body.total).toBe(whole.total);
    }
    // A deleted account's name is gone from the list and the page.
    await api().delete('/api/v1/me').set(writer.auth).expect(204);
    expect((await listed()).item.author).toBe(DELETED_ACCOUNT_NAME);
    const after = ProposalSchema.parse((await api().get(`/api/v1/proposals/${reference}`).expect(200)).body);
    expect([after.author, after.timeline[0]!.by]).toEqual([DELETED_ACCOUNT_NAME, DELETED_ACCOUNT_NAME]);
  });

  it('limits submissions to 5 a day per person (429 with Retry-After)', async () => {
    const busy = await createPerson(t);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const draft = (await api().post('/api/v1/proposals').set(busy.auth).send({ content: { ...banCameras, unlistedDataUse: 'Caméras du marché du dimanche' } }).expect(201)).body;
      const response = await api().post(`/api/v1/proposals/${draft.reference}/submit`).set(busy.auth).send({ charterAccepted: true });
      statuses.push(response.status);
      if (response.status === 429) expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });

  it('publishes public proposals as JSON, CSV and Atom, never drafts nor e-mail addresses', async () => {
    const reference = await submitted({ ...banCameras, title: 'Publier les images des caméras', unlistedDataUse: 'Caméras de la gare routière' });
    await createProposal(t, { author, content: { title: 'Brouillon confidentiel' } });
    const json = (await api().get('/api/v1/open-data/proposals.json').expect(200)).body;
    expect(json.records.map((r: { reference: string }) => r.reference)).toContain(reference);
    const csv = (await api().get('/api/v1/open-data/proposals.csv').expect('content-type', /text\/csv/).expect(200)).text;
    const atom = (await api().get('/api/v1/open-data/proposals.atom').expect('content-type', /atom/).expect(200)).text;
    for (const body of [JSON.stringify(json), csv, atom]) {
      expect(body).not.toContain('Brouillon confidentiel');
      expect(body).not.toContain('autrice@example.org');
    }
    expect(csv).toContain('Publier les images des caméras');
    expect(atom).toContain(`${reference} — Publier les images des caméras : déposée`);
  });

  it('lets organizers change the support rules (validated), not residents', async () => {
    await api().put('/api/v1/proposal-settings').set(author.auth).send({ threshold: 1, windowDays: 1, requiresVerification: false }).expect(403);
    const bad = await api().put('/api/v1/proposal-settings').set(organizerPerson.auth).send({ threshold: 0, windowDays: 9999, requiresVerification: 'yes' }).expect(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['requiresVerification', 'threshold', 'windowDays']);
    await api().put('/api/v1/proposal-settings').set(organizerPerson.auth).send({ threshold: 50, windowDays: 90, requiresVerification: true }).expect(200);
    expect((await api().get('/api/v1/proposal-settings').expect(200)).body).toEqual({ threshold: 50, windowDays: 90, requiresVerification: true });
  });
});
