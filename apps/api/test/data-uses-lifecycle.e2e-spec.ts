import { DataUseSchema, OpenDataUsesDocumentSchema, parisToday, type DataUseContentInput } from '@sesame/domain';
import Papa from 'papaparse';
import request from 'supertest';
import { DataUseReviewsService } from '../src/data-uses/data-use-reviews.service';
import { JobQueue } from '../src/jobs/job-queue.service';
import { createDataUse, createPerson, type TestPerson } from './fixtures';
import { startTestApp, type TestApp } from './test-app';

/** The supplier's item id: redactions name list items by id. */
const CANTINEX = '0d6f3b1e-6a2c-4f7e-9b8d-3c5a7e9f1b20';

const canteen: DataUseContentInput = {
  title: 'Reconnaître la main des élèves à l’entrée de la cantine',
  summary: 'Un lecteur mesure la forme de la main de chaque élève pour vérifier qu’il a payé son repas.',
  domain: 'education',
  accountability: { controller: 'Ville de Val-de-Noue', contactEmail: 'cantines@val-de-noue.example' },
  purpose: { purposes: ['Contrôler l’accès à la cantine'] },
  legal: { basis: 'a_consent', specialCategories: [{ category: 'biometric_identification', exception: 'Art. 9(2)(a), consentement des parents' }] },
  data: { subjectCategories: ['Élèves demi-pensionnaires'], categories: [{ name: 'Gabarit de la main', retention: 'Jusqu’à la fin de la scolarité' }] },
  processors: [{ id: CANTINEX, name: 'Cantinex SAS', role: 'Fournisseur du lecteur', contractReference: 'MAPA-2026-17' }],
  automation: { level: 'automated_decision', howToContest: 'S’adresser à la direction de l’école.' },
  risks: [{ description: 'Fuite de gabarits biométriques', severity: 'significant', likelihood: 'limited' }],
  alternatives: [{ description: 'Badge ou liste papier', nonInvasive: true }],
  proportionality: 'Discutable : un badge suffit.',
  lifecycle: { status: 'operational', reviewDate: '2030-01-31' },
};

describe('Register lifecycle: transitions, follows, review check, redactions, open data', () => {
  let t: TestApp;
  let editor: TestPerson;
  let organizer: Record<string, string>;
  let residentId: string;
  let resident: Record<string, string>;

  /** Created and published by the organizer (version 1). */
  const published = (content: DataUseContentInput) => createDataUse(t, { content, editor });
  const notificationsOf = async (personId: string) => t.sql<{ kind: string; link: string }>('SELECT kind, link FROM notifications WHERE person_id = $1 ORDER BY created_at', [personId]);

  beforeAll(async () => {
    t = await startTestApp();
    editor = await createPerson(t, { roles: ['organizer'] });
    organizer = editor.auth;
    ({ id: residentId, auth: resident } = await createPerson(t));
  });
  afterAll(() => t.close());

  it('lets a signed-in person follow and unfollow a published record, idempotently', async () => {
    const record = await published(canteen);
    const path = `/api/v1/data-uses/${record.reference}/follow`;
    await request(t.server).put(path).expect(401);
    expect((await request(t.server).put(path).set(resident).expect(200)).body).toEqual({ following: true, followers: 1 });
    expect((await request(t.server).put(path).set(resident).expect(200)).body).toEqual({ following: true, followers: 1 });
    expect((await request(t.server).get(`/api/v1/data-uses/${record.reference}`).set(resident).expect(200)).body).toMatchObject({ following: true, followers: 1 });
    expect((await request(t.server).get(`/api/v1/data-uses/${record.reference}`).expect(200)).body).toMatchObject({ following: null, followers: 1 });
    expect((await request(t.server).delete(path).set(resident).expect(200)).body).toEqual({ following: false, followers: 0 });
    const draft = (await request(t.server).post('/api/v1/data-uses').set(organizer).send({ content: { title: 'Compter les passants' } }).expect(201)).body;
    await request(t.server).put(`/api/v1/data-uses/${draft.reference}/follow`).set(resident).expect(404);
    await request(t.server).put('/api/v1/data-uses/DU-1999-001/follow').set(resident).expect(404);
  });

  it('suspends and retires through explicit transitions, versioned, audited, and told to followers', async () => {
    const record = await published(canteen);
    const ref = record.reference;
    await request(t.server).put(`/api/v1/data-uses/${ref}/follow`).set(resident).expect(200);

    const noReason = await request(t.server).post(`/api/v1/data-uses/${ref}/suspend`).set(organizer).send({ expectedRevision: record.revision, reason: ' ' }).expect(400);
    expect(noReason.body.errors[0].path).toBe('reason');
    await request(t.server).post(`/api/v1/data-uses/${ref}/suspend`).set(resident).send({ expectedRevision: record.revision, reason: 'x' }).expect(403);
    await request(t.server).post(`/api/v1/data-uses/${ref}/suspend`).set(organizer).send({ expectedRevision: record.revision - 1, reason: 'x' }).expect(409);

    // An edit cannot slip the status to "suspended": that is the transition's job.
    const sneaky = await request(t.server)
      .put(`/api/v1/data-uses/${ref}`)
      .set(organizer)
      .send({ content: { ...canteen, lifecycle: { ...canteen.lifecycle, status: 'suspended' } }, expectedRevision: record.revision, changeNote: 'Suspension' })
      .expect(422);
    expect(sneaky.body.errors[0].path).toBe('content.lifecycle.status');

    const suspended = DataUseSchema.parse(
      (await request(t.server).post(`/api/v1/data-uses/${ref}/suspend`).set(organizer).send({ expectedRevision: record.revision, reason: 'Avis défavorable de la CNIL.' }).expect(200)).body,
    );
    expect(suspended).toMatchObject({ version: 2, content: { lifecycle: { status: 'suspended' } } });
    await request(t.server).post(`/api/v1/data-uses/${ref}/suspend`).set(organizer).send({ expectedRevision: suspended.revision, reason: 'Encore' }).expect(422);
    const retired = DataUseSchema.parse((await request(t.server).post(`/api/v1/data-uses/${ref}/retire`).set(organizer).send({ expectedRevision: suspended.revision, reason: 'Remplacé par des badges.' }).expect(200)).body);
    expect(retired).toMatchObject({ version: 3, content: { lifecycle: { status: 'retired' } } });
    await request(t.server).post(`/api/v1/data-uses/${ref}/retire`).set(organizer).send({ expectedRevision: retired.revision, reason: 'Encore' }).expect(422);

    const versions = (await request(t.server).get(`/api/v1/data-uses/${ref}/versions`).expect(200)).body;
    expect(versions.map((v: { changeNote: string }) => v.changeNote).slice(0, 2)).toEqual(['Remplacé par des badges.', 'Avis défavorable de la CNIL.']);
    const diff = (await request(t.server).get(`/api/v1/data-uses/${ref}/versions/3/diff`).expect(200)).body;
    expect(diff.changes).toEqual([{ path: 'lifecycle.status', at: 'lifecycle.status', before: 'suspended', after: 'retired' }]);
    const log = (await request(t.server).get(`/api/v1/audit-log?subjectType=data-use&subjectId=${ref}`).expect(200)).body;
    expect(log.items.map((e: { action: string }) => e.action)).toEqual(['data-use.retired', 'data-use.suspended', 'data-use.published']);
    expect((await notificationsOf(residentId)).filter((n) => n.link === `/registre/${ref}`).map((n) => n.kind)).toEqual(['data-use.suspended', 'data-use.retired']);

    const draft = (await request(t.server).post('/api/v1/data-uses').set(organizer).send({ content: { title: 'Compter les vélos' } }).expect(201)).body;
    await request(t.server).post(`/api/v1/data-uses/${draft.reference}/retire`).set(organizer).send({ expectedRevision: 1, reason: 'x' }).expect(422);
  });

  it('tells followers about each new published version', async () => {
    const record = await published({ ...canteen, title: 'Peser les déchets des cantines' });
    await request(t.server).put(`/api/v1/data-uses/${record.reference}/follow`).set(resident).expect(200);
    await request(t.server)
      .put(`/api/v1/data-uses/${record.reference}`)
      .set(organizer)
      .send({ content: { ...canteen, title: 'Peser les déchets des cantines', proportionality: 'Revue après un an.' }, expectedRevision: record.revision, changeNote: 'Proportionnalité revue.' })
      .expect(200);
    expect((await notificationsOf(residentId)).map((n) => n.link)).toContain(`/registre/${record.reference}/versions/2`);
  });

  it('marks overdue reviews and passed sunsets once, logs them and notifies followers, whatever the number of runs', async () => {
    const record = await published({ ...canteen, title: 'Mesurer le bruit des rues', lifecycle: { status: 'pilot', reviewDate: '2030-01-01', sunsetDate: '2031-01-01' } });
    await request(t.server).put(`/api/v1/data-uses/${record.reference}/follow`).set(resident).expect(200);
    const reviews = t.app.get(DataUseReviewsService);
    expect((await reviews.check(new Date('2029-12-31T12:00:00Z'))).recorded.filter((r) => r.reference === record.reference)).toEqual([]);

    const afterReview = (await reviews.check(new Date('2030-06-01T12:00:00Z'))).recorded.filter((r) => r.reference === record.reference);
    expect(afterReview).toEqual([{ reference: record.reference, kind: 'review_overdue', dueDate: '2030-01-01' }]);
    expect((await reviews.check(new Date('2030-06-02T12:00:00Z'))).recorded.filter((r) => r.reference === record.reference)).toEqual([]);
    const afterSunset = (await reviews.check(new Date('2031-02-01T12:00:00Z'))).recorded.filter((r) => r.reference === record.reference);
    expect(afterSunset).toEqual([{ reference: record.reference, kind: 'sunset_passed', dueDate: '2031-01-01' }]);

    const alerts = await t.sql<{ kind: string; referred_at: Date | null }>('SELECT kind, referred_at FROM data_use_alerts a JOIN data_uses d ON d.id = a.data_use_id WHERE d.reference = $1 ORDER BY kind', [record.reference]);
    expect(alerts).toEqual([{ kind: 'review_overdue', referred_at: null }, { kind: 'sunset_passed', referred_at: null }]);
    const kinds = (await notificationsOf(residentId)).filter((n) => n.link === `/registre/${record.reference}`).map((n) => n.kind);
    expect(kinds).toEqual(['data-use.review-overdue', 'data-use.sunset-passed']);
    const log = (await request(t.server).get(`/api/v1/audit-log?subjectType=data-use&subjectId=${record.reference}`).expect(200)).body;
    expect(log.items.map((e: { action: string }) => e.action).slice(0, 2)).toEqual(['data-use.sunset-passed', 'data-use.review-overdue']);
  });

  it('shows the review flags on the record as of today, and runs the check as a job', async () => {
    const record = await published({ ...canteen, title: 'Compter les voitures', lifecycle: { status: 'operational', reviewDate: '2020-01-01' } });
    expect((await request(t.server).get(`/api/v1/data-uses/${record.reference}`).expect(200)).body).toMatchObject({ reviewOverdue: true, sunsetPassed: false });
    const jobs = t.app.get(JobQueue);
    await jobs.enqueue(undefined, 'data-use.review-check', {});
    await jobs.drain();
    const [{ n }] = (await t.sql<{ n: number }>("SELECT count(*)::int AS n FROM data_use_alerts a JOIN data_uses d ON d.id = a.data_use_id WHERE d.reference = $1 AND a.kind = 'review_overdue'", [record.reference])) as [{ n: number }];
    expect(n).toBe(1);
    // The job plans its next run.
    const [{ pending }] = (await t.sql<{ pending: number }>("SELECT count(*)::int AS pending FROM jobs WHERE kind = 'data-use.review-check' AND completed_at IS NULL")) as [{ pending: number }];
    expect(pending).toBe(1);
    expect(parisToday(new Date('2030-06-30T23:30:00Z'))).toBe('2030-07-01');
  });

  it('withholds redacted fields from the public, open data and public diffs, and keeps them for editors', async () => {
    const content = { ...canteen, title: 'Noter les dossiers de logement social', redactions: [{ field: `processors.${CANTINEX}.contractReference`, reason: 'Marché en cours de renégociation.' }] };
    const record = await published(content);
    const publicView = (await request(t.server).get(`/api/v1/data-uses/${record.reference}`).expect(200)).body;
    expect(publicView.content.processors[0]).toMatchObject({ name: 'Cantinex SAS', contractReference: '' });
    expect(publicView.content.redactions).toEqual([{ field: `processors.${CANTINEX}.contractReference`, reason: 'Marché en cours de renégociation.' }]);
    expect((await request(t.server).get(`/api/v1/data-uses/${record.reference}`).set(organizer).expect(200)).body.content.processors[0].contractReference).toBe('MAPA-2026-17');
    const json = OpenDataUsesDocumentSchema.parse((await request(t.server).get('/api/v1/open-data/data-uses.json').expect(200)).body);
    const openRecord = json.records.find((r) => r.reference === record.reference)!;
    expect(openRecord.content.processors[0]!.contractReference).toBe('');
    expect(JSON.stringify(openRecord)).not.toContain('MAPA-2026-17');
    const csv = Papa.parse<Record<string, string>>((await request(t.server).get('/api/v1/open-data/data-uses.csv').expect(200)).text, { header: true }).data;
    expect(csv.find((r) => r.reference === record.reference)!.redactions).toBe(`processors.${CANTINEX}.contractReference : Marché en cours de renégociation.`);

    // Redacting a field in a new version withholds it from the public diff on both sides.
    const plain = await published({ ...canteen, title: 'Compter les vélos du pont' });
    await request(t.server)
      .put(`/api/v1/data-uses/${plain.reference}`)
      .set(organizer)
      .send({ content: { ...canteen, title: 'Compter les vélos du pont', redactions: [{ field: `processors.${CANTINEX}.contractReference`, reason: 'Secret des affaires.' }] }, expectedRevision: plain.revision, changeNote: 'Référence du marché retenue.' })
      .expect(200);
    const publicDiff = (await request(t.server).get(`/api/v1/data-uses/${plain.reference}/versions/2/diff`).expect(200)).body;
    expect(JSON.stringify(publicDiff)).not.toContain('MAPA-2026-17');

    const refused = await request(t.server).post('/api/v1/data-uses').set(organizer).send({ content: { title: 'x', redactions: [{ field: 'legal.specialCategories', reason: 'Secret' }, { field: 'nope.field', reason: 'r' }] } }).expect(400);
    expect(refused.body.errors.map((e: { path: string }) => e.path)).toEqual(['content.redactions.0.field', 'content.redactions.1.field']);
  });

  it('publishes the register as JSON, CSV and Atom, drafts excluded', async () => {
    await request(t.server).post('/api/v1/data-uses').set(organizer).send({ content: { title: 'Brouillon secret' } }).expect(201);
    const record = await published({ ...canteen, title: 'Filmer les abords de la gare' });

    const json = OpenDataUsesDocumentSchema.parse((await request(t.server).get('/api/v1/open-data/data-uses.json').expect('content-type', /json/).expect(200)).body);
    expect(json.records.map((r) => r.reference)).toContain(record.reference);
    expect(json.records.some((r) => r.content.title === 'Brouillon secret')).toBe(false);
    expect(json.fields.find((f) => f.column === 'title')).toMatchObject({ atrs: 'tier 1 — name', eurocities: 'Name' });

    const csv = await request(t.server).get('/api/v1/open-data/data-uses.csv').expect('content-type', /text\/csv/).expect(200);
    const rows = Papa.parse<Record<string, string>>(csv.text, { header: true, skipEmptyLines: true }).data;
    expect(Object.keys(rows[0]!)).toEqual(json.fields.map((f) => f.column));
    const row = rows.find((r) => r.reference === record.reference)!;
    expect(row).toMatchObject({ title: 'Filmer les abords de la gare', special_categories: 'biometric_identification (Art. 9(2)(a), consentement des parents)', legal_basis: 'a_consent' });
    expect(csv.text).not.toContain('Brouillon secret');

    const atom = await request(t.server).get('/api/v1/open-data/data-uses.atom').expect('content-type', /application\/atom\+xml/).expect(200);
    expect(atom.text).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(atom.text).toContain(`${record.reference} — Filmer les abords de la gare (version 1)`);
    expect(atom.text).toContain(`http://localhost:3000/registre/${record.reference}`);
    expect(atom.text).not.toContain('Brouillon secret');
  });

  it('lists drafts for editors only', async () => {
    await request(t.server).get('/api/v1/data-uses?state=draft').expect(401);
    await request(t.server).get('/api/v1/data-uses?state=draft').set(resident).expect(403);
    const drafts = (await request(t.server).get('/api/v1/data-uses?state=draft').set(organizer).expect(200)).body;
    expect(drafts.items.length).toBeGreaterThan(0);
    expect(drafts.items.every((i: { state: string }) => i.state === 'draft')).toBe(true);
  });

  it('keeps follows out of deleted accounts and in data downloads', async () => {
    const record = await published({ ...canteen, title: 'Lire les plaques des voitures' });
    const { id, auth: who } = await createPerson(t);
    await request(t.server).put(`/api/v1/data-uses/${record.reference}/follow`).set(who).expect(200);
    const exported = (await request(t.server).get('/api/v1/me/export').set(who).expect(200)).body;
    expect(exported['data-uses'].followedDataUses).toEqual([expect.objectContaining({ reference: record.reference })]);
    await request(t.server).delete('/api/v1/me').set(who).expect(204);
    const [{ n }] = (await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM data_use_follows WHERE person_id = $1', [id])) as [{ n: number }];
    expect(n).toBe(0);
  });
});
