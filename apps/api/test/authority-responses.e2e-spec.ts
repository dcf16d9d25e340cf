import { AnsweredResponsesPageSchema, AuthorityResponseViewSchema, OutstandingResponsesSchema } from '@sesame/domain';
import request from 'supertest';
import { AuthorityResponsesService, REVIEW_JOB } from '../src/authority-responses/authority-responses.service';
import { publishedOpinion, panelMember } from './authority-responses.fixtures';
import { createPerson, type TestPerson } from './fixtures';
import { startTestApp, type TestApp } from './test-app';

const DAY = 86_400_000;
const partly = {
  decision: 'partially_accepted',
  justification: 'Le budget 2027 ne couvre que le marché du dimanche.',
  commitments: 'Retirer la reconnaissance faciale des caméras du marché.',
  timeline: 'D’ici juin 2027.',
};

describe('The authority’s answer: comply or explain', () => {
  let t: TestApp;
  let service: AuthorityResponsesService;
  let authority: TestPerson;
  let resident: TestPerson;
  let organizer: TestPerson;
  const api = () => request(t.server);
  const path = (reference: string) => `/api/v1/authority-responses/${reference}`;

  beforeAll(async () => {
    t = await startTestApp();
    service = t.app.get(AuthorityResponsesService);
    authority = await createPerson(t, { roles: ['resident', 'authority'] });
    resident = await createPerson(t);
    organizer = await createPerson(t, { roles: ['resident', 'organizer'] });
  });
  afterAll(() => t.close());

  // First in this file: the list holds only what it answers.
  it('lists the answered recommendations a page at a time for the town and the organizers: tracked first, next report due soonest first', async () => {
    const { references } = await publishedOpinion(t, { count: 4 });
    const [reported, fresh, refused, waiting] = references as [string, string, string, string];
    await api().post(path(reported)).set(authority.auth).send({ decision: 'accepted' }).expect(201);
    await api().post(`${path(reported)}/actions`).set(authority.auth).send({ title: 'Former les agents', owner: 'Service des eaux' }).expect(201);
    await api().post(`${path(reported)}/progress-reports`).set(authority.auth).send({ body: 'Les agents sont formés.', actions: [{ number: 1, status: 'done', progress: 100 }] }).expect(201);
    await api().post(path(fresh)).set(authority.auth).send(partly).expect(201);
    await api().post(path(refused)).set(authority.auth).send({ decision: 'rejected', justification: 'Le budget ne le permet pas.' }).expect(201);
    void waiting;

    const list = async (query: string, who: TestPerson = authority) => AnsweredResponsesPageSchema.parse((await api().get(`/api/v1/authority-responses/answered?${query}`).set(who.auth).expect(200)).body);
    // Tracked first — the one whose first report is due (3 months) before the other's second (9 months) —, then the rest; the unanswered one is not there.
    const all = await list('');
    expect(all.items.map((r) => r.recommendation.reference)).toEqual([fresh, reported, refused]);
    expect(all).toMatchObject({ page: 1, pageSize: 20, total: 3 });
    expect(all.items[1]).toMatchObject({ status: 'answered', response: { decision: 'accepted' }, progressReports: [{ number: 1 }], nextProgressReport: { number: 2 } });
    // A page at a time, and filtered.
    const second = await list('tracked=true&pageSize=1&page=2', organizer);
    expect(second).toMatchObject({ page: 2, pageSize: 1, total: 2 });
    expect(second.items.map((r) => r.recommendation.reference)).toEqual([reported]);
    expect((await list('tracked=false')).items.map((r) => r.recommendation.reference)).toEqual([refused]);
    expect((await list('page=9')).items).toEqual([]);

    // Nobody else; bad queries are 400s.
    await api().get('/api/v1/authority-responses/answered').expect(401);
    await api().get('/api/v1/authority-responses/answered').set(resident.auth).expect(403);
    await api().get('/api/v1/authority-responses/answered').set((await panelMember(t)).auth).expect(403);
    for (const bad of ['page=0', 'pageSize=101', 'tracked=yes', 'order=asc', 'page=abc']) await api().get(`/api/v1/authority-responses/answered?${bad}`).set(authority.auth).expect(400);
  });

  it('shows an unanswered recommendation as awaiting, then overdue, counted and listed with its days overdue', async () => {
    const fresh = await publishedOpinion(t, { count: 1, publishedDaysAgo: 10 });
    const late = await publishedOpinion(t, { count: 1, publishedDaysAgo: 70, deadlineDays: 60 });
    const awaiting = AuthorityResponseViewSchema.parse((await api().get(path(fresh.references[0]!)).expect(200)).body);
    expect(awaiting).toMatchObject({ status: 'awaiting', daysOverdue: 0, daysLeft: 50, response: null, viewer: { can: { 'authority-responses.answer': { allowed: false, reason: 'sign_in' } } } });
    const overdue = (await api().get(path(late.references[0]!)).set(authority.auth).expect(200)).body;
    expect(overdue).toMatchObject({ status: 'overdue', daysOverdue: 10, viewer: { can: { 'authority-responses.answer': { allowed: true } } } });

    const list = OutstandingResponsesSchema.parse((await api().get('/api/v1/authority-responses/outstanding').expect(200)).body);
    const mine = list.responses.filter((r) => [fresh.references[0], late.references[0]].includes(r.reference));
    // Overdue first.
    expect(mine.map((r) => [r.reference, r.overdue, r.daysOverdue])).toEqual([
      [late.references[0], true, 10],
      [fresh.references[0], false, 0],
    ]);
    const counter = (await api().get('/api/v1/authority-responses/overdue').expect(200)).body;
    expect(counter.overdueResponses).toBe(list.overdue);
    expect(counter.overdueResponses).toBeGreaterThanOrEqual(1);

    // Computed from the due date: 20 more days and the fresh one is overdue too (time passed in, as the job does).
    const later = await service.outstanding(new Date(Date.now() + 60 * DAY));
    expect(later.responses.find((r) => r.reference === fresh.references[0])).toMatchObject({ overdue: true, daysOverdue: 10 });
    expect(later.responses.find((r) => r.reference === late.references[0])).toMatchObject({ overdue: true, daysOverdue: 70 });
  });

  it('refuses a missing justification (400), anyone but the authority (401/403), an unknown or unpublished recommendation (404), and stores nothing', async () => {
    const { references } = await publishedOpinion(t, { count: 1 });
    const ref = references[0]!;
    const rejected = await api().post(path(ref)).set(authority.auth).send({ decision: 'rejected' }).expect(400);
    expect(rejected.body.errors.map((e: { path: string }) => e.path)).toEqual(['justification']);
    const partial = await api().post(path(ref)).set(authority.auth).send({ decision: 'partially_accepted', justification: ' ' }).expect(400);
    expect(partial.body.errors.map((e: { path: string }) => e.path)).toEqual(['justification', 'commitments']);
    await api().post(path(ref)).set(authority.auth).send({ decision: 'deferred', justification: '<script>x</script>' }).expect(400);
    await api().post(path(ref)).set(authority.auth).send({ decision: 'maybe', justification: 'x' }).expect(400);
    await api().post(path(ref)).send(partly).expect(401);
    await api().post(path(ref)).set(resident.auth).send(partly).expect(403);
    await api().post(path(ref)).set(organizer.auth).send(partly).expect(403);
    const member = await panelMember(t);
    await api().post(path(ref)).set(member.auth).send(partly).expect(403);
    await api().post(path('RC-1999-999')).set(authority.auth).send(partly).expect(404);
    await api().get(path('RC-1999-999')).expect(404);
    await api().get(path('pas-une-reference')).expect(400);
    // A recommendation not yet published is not there to answer.
    await t.sql(`UPDATE recommendations SET state = 'adopted' WHERE reference = $1`, [ref]);
    await api().post(path(ref)).set(authority.auth).send(partly).expect(404);
    await t.sql(`UPDATE recommendations SET state = 'published' WHERE reference = $1`, [ref]);
    expect(await t.sql('SELECT 1 FROM authority_responses WHERE reference = $1', [ref])).toEqual([]);
  });

  it('takes one answer per recommendation, even sent at once (409 for the others), and tells the opinion’s followers', async () => {
    const { references, opinionId } = await publishedOpinion(t, { count: 1 });
    const ref = references[0]!;
    const follower = await createPerson(t);
    await t.sql('INSERT INTO opinion_follows (opinion_id, person_id) VALUES ($1, $2)', [opinionId, follower.id]);
    const answers = await Promise.all([1, 2, 3].map(() => api().post(path(ref)).set(authority.auth).send(partly)));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409]);
    const answered = AuthorityResponseViewSchema.parse(answers.find((a) => a.status === 201)!.body);
    expect(answered).toMatchObject({ status: 'answered', response: { decision: 'partially_accepted', daysLate: 0, commitments: partly.commitments }, viewer: { can: { 'authority-responses.answer': { allowed: false } } } });
    expect(answered.nextProgressReport).toMatchObject({ number: 1, overdue: false });
    expect(answered.review).toMatchObject({ state: 'scheduled' });
    expect((await t.sql('SELECT count(*)::int AS n FROM authority_responses WHERE reference = $1', [ref]))[0]).toEqual({ n: 1 });
    expect(await t.sql('SELECT kind, data FROM notifications WHERE person_id = $1', [follower.id])).toEqual([{ kind: 'authority-responses.answered', data: expect.objectContaining({ decision: 'partially_accepted' }) }]);
    expect(await t.sql(`SELECT action FROM audit_entries WHERE subject_id = $1`, [ref])).toEqual([{ action: 'authority-response.published' }]);
    // The dated review job is planned for a year after the answer.
    const [job] = await t.sql<{ run_at: Date }>(`SELECT run_at FROM jobs WHERE kind = $1 AND payload->>'reference' = $2`, [REVIEW_JOB, ref]);
    expect(new Date(answered.review!.dueAt).getTime()).toBe(job!.run_at.getTime());
    expect((await api().get('/api/v1/authority-responses/outstanding').expect(200)).body.responses.map((r: { reference: string }) => r.reference)).not.toContain(ref);
  });

  it('takes a late answer and records its days late; once the window closed (a year after publication) answering is refused with 403', async () => {
    const late = await publishedOpinion(t, { count: 1, publishedDaysAgo: 75, deadlineDays: 60 });
    const answer = await api().post(path(late.references[0]!)).set(authority.auth).send({ decision: 'accepted' }).expect(201);
    expect(answer.body).toMatchObject({ status: 'answered', daysOverdue: 15, response: { decision: 'accepted', justification: '', daysLate: 15 } });

    const old = await publishedOpinion(t, { count: 1, publishedDaysAgo: 400 });
    const refused = await api().post(path(old.references[0]!)).set(authority.auth).send(partly).expect(403);
    expect(refused.body.detail).toMatch(/période de réponse est close/);
    expect((await api().get(path(old.references[0]!)).expect(200)).body).toMatchObject({ status: 'unanswered', daysOverdue: 340 });
    expect((await api().get('/api/v1/authority-responses/outstanding').expect(200)).body.responses.map((r: { reference: string }) => r.reference)).not.toContain(old.references[0]);
  });

  it('tracks what was accepted: actions, progress reports verified by the panel, overdue reports flagged, the score and the follow-up group', async () => {
    const { references, opinionId } = await publishedOpinion(t, { count: 2 });
    const [tracked, refused] = references as [string, string];
    const follower = await createPerson(t);
    await t.sql('INSERT INTO opinion_follows (opinion_id, person_id) VALUES ($1, $2)', [opinionId, follower.id]);
    await api().post(`${path(tracked)}/actions`).set(authority.auth).send({ title: 'Retirer le logiciel', owner: 'Direction du numérique' }).expect(422);
    await api().post(path(tracked)).set(authority.auth).send(partly).expect(201);
    await api().post(path(refused)).set(authority.auth).send({ decision: 'rejected', justification: 'Hors de nos compétences.' }).expect(201);

    await api().post(`${path(refused)}/actions`).set(authority.auth).send({ title: 'Rien', owner: 'Personne' }).expect(422);
    await api().post(`${path(tracked)}/actions`).set(resident.auth).send({ title: 'Retirer le logiciel', owner: 'Direction du numérique' }).expect(403);
    await api().post(`${path(tracked)}/actions`).set(authority.auth).send({ title: 'Retirer le logiciel', owner: 'Direction du numérique', progress: 101 }).expect(400);
    const action = await api().post(`${path(tracked)}/actions`).set(authority.auth).send({ title: 'Retirer le logiciel', owner: 'Direction du numérique', dueOn: '2027-06-30' }).expect(201);
    expect(action.body.actions).toEqual([expect.objectContaining({ number: 1, status: 'planned', progress: 0, dueOn: '2027-06-30' })]);
    await api().put(`${path(tracked)}/actions/2`).set(authority.auth).send({ title: 'x', owner: 'y' }).expect(404);

    await api().post(`${path(tracked)}/progress-reports`).set(authority.auth).send({ body: 'Avancé.', actions: [{ number: 7, status: 'done', progress: 100 }] }).expect(400);
    const report = await api().post(`${path(tracked)}/progress-reports`).set(authority.auth).send({ body: 'Le logiciel est désactivé au marché.', actions: [{ number: 1, status: 'in_progress', progress: 60 }] }).expect(201);
    expect(report.body.actions[0]).toMatchObject({ status: 'in_progress', progress: 60 });
    expect(report.body.progressReports).toEqual([expect.objectContaining({ number: 1, late: false, verification: null })]);
    expect(report.body.nextProgressReport.number).toBe(2);
    expect((await t.sql<{ kind: string }>('SELECT kind FROM notifications WHERE person_id = $1 ORDER BY created_at', [follower.id])).map((n) => n.kind)).toEqual([
      'authority-responses.answered',
      'authority-responses.answered',
      'authority-responses.progress-reported',
    ]);

    // The panel verifies; nobody else does.
    const member = await panelMember(t);
    await api().put(`${path(tracked)}/progress-reports/1/verification`).set(authority.auth).send({ verified: true }).expect(403);
    await api().put(`${path(tracked)}/progress-reports/1/verification`).set(member.auth).send({ verified: 'oui' }).expect(400);
    // « Non confirmé » is published: it says why.
    const unexplained = await api().put(`${path(tracked)}/progress-reports/1/verification`).set(member.auth).send({ verified: false, note: '  ' }).expect(400);
    expect(unexplained.body.errors).toEqual([expect.objectContaining({ path: 'note' })]);
    await api().put(`${path(tracked)}/progress-reports/9/verification`).set(member.auth).send({ verified: true }).expect(404);
    const verified = await api().put(`${path(tracked)}/progress-reports/1/verification`).set(member.auth).send({ verified: true, note: 'Constaté sur place.' }).expect(200);
    expect(verified.body.progressReports[0].verification).toMatchObject({ verified: true, note: 'Constaté sur place.' });

    // Score 0–10, published; a follow-up group of active members.
    await api().put(`${path(tracked)}/evaluation`).set(member.auth).send({ score: 11, evaluation: 'Trop.' }).expect(400);
    await api().put(`${path(tracked)}/evaluation`).set(organizer.auth).send({ score: 7, evaluation: 'Bien.' }).expect(403);
    const scored = await api().put(`${path(tracked)}/evaluation`).set(member.auth).send({ score: 7, evaluation: 'Une réponse sérieuse, mais limitée au marché.' }).expect(200);
    expect(scored.body.evaluation).toMatchObject({ score: 7 });
    const bad = await api().put(`${path(tracked)}/follow-up-group`).set(member.auth).send({ memberIds: [member.memberId, '00000000-0000-7000-8000-000000000000'] }).expect(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['memberIds.1']);
    const group = await api().put(`${path(tracked)}/follow-up-group`).set(member.auth).send({ memberIds: [member.memberId] }).expect(200);
    expect(group.body.followUpGroup).toEqual([expect.objectContaining({ id: member.memberId })]);

    // The second report is due 9 months after the answer: late after that, listed with its days overdue.
    const tenMonths = new Date(Date.now() + 305 * DAY);
    const list = await service.outstanding(tenMonths);
    const lateReport = list.progressReports.find((r) => r.reference === tracked);
    expect(lateReport).toMatchObject({ number: 2 });
    expect(lateReport!.daysOverdue).toBeGreaterThan(0);
    expect(list.progressReports.map((r) => r.reference)).not.toContain(refused);
    expect((await service.view(null, tracked, tenMonths)).nextProgressReport).toMatchObject({ number: 2, overdue: true });
  });

  it('marks the public review due a year after the answer (the dated job), once', async () => {
    const { references } = await publishedOpinion(t, { count: 1 });
    const ref = references[0]!;
    await api().post(path(ref)).set(authority.auth).send({ decision: 'accepted' }).expect(201);
    expect(await service.markReviewsDue(new Date(Date.now() + 300 * DAY))).not.toContain(ref);
    const yearOn = new Date(Date.now() + 367 * DAY);
    expect(await service.markReviewsDue(yearOn)).toContain(ref);
    expect(await service.markReviewsDue(yearOn)).not.toContain(ref);
    expect((await api().get(path(ref)).expect(200)).body.review).toMatchObject({ state: 'due' });
    expect(await t.sql(`SELECT action FROM audit_entries WHERE subject_id = $1 ORDER BY seq`, [ref])).toEqual([{ action: 'authority-response.published' }, { action: 'authority-response.review-due' }]);
  });

  it('publishes every recommendation’s answer and tracking as open data', async () => {
    const json = await api().get('/api/v1/open-data/authority-responses.json').expect(200);
    expect(json.body.records.length).toBeGreaterThan(3);
    expect(json.body.records[0]).toHaveProperty('recommendation.reference');
    expect(json.body.records.some((r: { status: string }) => r.status === 'answered')).toBe(true);
    const csv = await api().get('/api/v1/open-data/authority-responses.csv').expect(200);
    expect(csv.text.split('\n')[0]).toContain('days_overdue');
    await api().get('/api/v1/open-data/authority-responses.atom').expect(200);
  });
});
