import { DataUseSchema, type DataUseContentInput } from '@sesame/domain';
import request from 'supertest';
import { createDataUse, createPerson, type TestPerson } from './fixtures';
import { startTestApp, type TestApp } from './test-app';

const marketCamera: DataUseContentInput = {
  title: 'Identifier les visages au marché du dimanche',
  summary: 'Des caméras filment le marché et un logiciel compare les visages des passants à une liste de personnes recherchées.',
  domain: 'public_safety',
  accountability: { controller: 'Ville de Val-de-Noue', contactEmail: 'donnees@val-de-noue.example' },
  purpose: { purposes: ['Retrouver des personnes recherchées'] },
  legal: { basis: 'e_public_task', specialCategories: [{ category: 'biometric_identification', exception: 'Art. 9(2)(g)' }] },
  data: { subjectCategories: ['Passants du marché'], categories: [{ name: 'Image du visage', retention: '30 jours' }] },
  automation: { level: 'decision_support', howToContest: 'Écrire au délégué à la protection des données.' },
  risks: [{ description: 'Fausse identification', severity: 'maximum', likelihood: 'significant' }],
  alternatives: [{ description: 'Présence humaine sans caméra', nonInvasive: true }],
  proportionality: 'Contestée : la mesure touche tous les passants.',
  lifecycle: { status: 'pilot', reviewDate: '2027-06-30' },
};

describe('Register of data uses', () => {
  let t: TestApp;
  let editor: TestPerson;
  let organizer: Record<string, string>;
  let resident: Record<string, string>;

  const create = (content: DataUseContentInput) => request(t.server).post('/api/v1/data-uses').set(organizer).send({ content });

  beforeAll(async () => {
    t = await startTestApp();
    editor = await createPerson(t, { roles: ['organizer'] });
    organizer = editor.auth;
    resident = (await createPerson(t)).auth;
  });
  afterAll(() => t.close());

  it('creates private drafts with sequential references', async () => {
    const first = DataUseSchema.parse((await create({ title: 'Compter les vélos' }).expect(201)).body);
    const second = DataUseSchema.parse((await create({ title: 'Compter les piétons' }).expect(201)).body);
    const year = new Date().getUTCFullYear();
    expect(first).toMatchObject({ reference: `DU-${year}-001`, state: 'draft', revision: 1, version: 1 });
    expect(second.reference).toBe(`DU-${year}-002`);
    await request(t.server).get(`/api/v1/data-uses/${first.reference}`).expect(404);
    await request(t.server).get(`/api/v1/data-uses/${first.reference}`).set(resident).expect(404);
    await request(t.server).get(`/api/v1/data-uses/${first.reference}`).set(organizer).expect(200);
    expect((await request(t.server).get('/api/v1/data-uses').expect(200)).body.total).toBe(0);
  });

  it('refuses publishing an incomplete draft (422 listing what is missing), changing nothing', async () => {
    const draft = DataUseSchema.parse((await create({ title: 'Noter les dossiers de logement social' }).expect(201)).body);
    const response = await request(t.server).post(`/api/v1/data-uses/${draft.reference}/publish`).set(organizer).send({ expectedRevision: 1 }).expect(422);
    expect(response.body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['content.summary', 'content.legal.basis', 'content.alternatives', 'content.lifecycle.reviewDate']));
    // All at once: the risks the data categories will need are asked for now, not once the categories are added.
    expect(response.body.errors.at(-1)).toMatchObject({ path: 'content.risks', code: 'missing' });
    expect((await request(t.server).get(`/api/v1/data-uses/${draft.reference}`).set(organizer)).body.state).toBe('draft');
  });

  it('publishes, then versions each edit with a diff, refusing stale edits with 409', async () => {
    const draft = DataUseSchema.parse((await create(marketCamera).expect(201)).body);
    const ref = draft.reference;
    const published = DataUseSchema.parse((await request(t.server).post(`/api/v1/data-uses/${ref}/publish`).set(organizer).send({ expectedRevision: 1 }).expect(200)).body);
    expect(published).toMatchObject({ state: 'published', version: 1, revision: 2 });
    await request(t.server).get(`/api/v1/data-uses/${ref}`).expect(200);

    // The editor sends the content back with its items' ids (an item without one would be a new item).
    const face = published.content.data.categories[0]!;
    const edited = { ...published.content, data: { ...published.content.data, categories: [{ ...face, retention: '72 heures' }] } };
    const noNote = await request(t.server).put(`/api/v1/data-uses/${ref}`).set(organizer).send({ content: edited, expectedRevision: 2 }).expect(400);
    expect(noNote.body.errors[0].path).toBe('changeNote');
    // A published record emptied of its summary, without a note: both problems in one answer, in the form's order.
    const both = await request(t.server).put(`/api/v1/data-uses/${ref}`).set(organizer).send({ content: { ...edited, summary: '' }, expectedRevision: 2 }).expect(422);
    expect(both.body.errors.map((e: { path: string }) => e.path)).toEqual(['content.summary', 'changeNote']);
    const v2 = DataUseSchema.parse((await request(t.server).put(`/api/v1/data-uses/${ref}`).set(organizer).send({ content: edited, expectedRevision: 2, changeNote: 'Conservation réduite à 72 heures.' }).expect(200)).body);
    expect(v2).toMatchObject({ version: 2, revision: 3 });

    const stale = await request(t.server).put(`/api/v1/data-uses/${ref}`).set(organizer).send({ content: marketCamera, expectedRevision: 2, changeNote: 'Retour en arrière' }).expect(409);
    expect(stale.body.detail).toMatch(/entre-temps/);
    expect((await request(t.server).get(`/api/v1/data-uses/${ref}`)).body.version).toBe(2);

    const versions = (await request(t.server).get(`/api/v1/data-uses/${ref}/versions`).expect(200)).body;
    expect(versions.map((v: { version: number; changeNote: string }) => [v.version, v.changeNote])).toEqual([[2, 'Conservation réduite à 72 heures.'], [1, '']]);
    const diff = (await request(t.server).get(`/api/v1/data-uses/${ref}/versions/2/diff`).expect(200)).body;
    expect(diff.changes).toEqual([{ path: `data.categories.${face.id}.retention`, at: 'data.categories.0.retention', before: '30 jours', after: '72 heures' }]);
    await request(t.server).get(`/api/v1/data-uses/${ref}/versions/3/diff`).expect(404);

    const log = await request(t.server).get(`/api/v1/audit-log?subjectType=data-use&subjectId=${ref}`).expect(200);
    expect(log.body.items.map((e: { action: string }) => e.action)).toEqual(['data-use.edited', 'data-use.published']);
  });

  it('names in the public journal only the fields the public can see: editing a withheld value leaves no trace of which field changed', async () => {
    const withSupplier: DataUseContentInput = {
      ...marketCamera,
      title: 'Contrôler les badges de la piscine',
      domain: 'other',
      legal: { basis: 'e_public_task' },
      processors: [{ id: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b', name: 'Logiciel Vision SA', contractReference: 'MARCHE-2026-001' }],
      redactions: [{ field: 'processors.6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b.contractReference', reason: 'Secret des affaires (art. L311-5 CRPA).' }],
    };
    const draft = DataUseSchema.parse((await create(withSupplier).expect(201)).body);
    const published = DataUseSchema.parse((await request(t.server).post(`/api/v1/data-uses/${draft.reference}/publish`).set(organizer).send({ expectedRevision: draft.revision }).expect(200)).body);
    const [supplier] = (await request(t.server).get(`/api/v1/data-uses/${draft.reference}`).set(organizer).expect(200)).body.content.processors;
    const edited = { ...published.content, processors: [{ ...supplier, contractReference: 'MARCHE-2026-002' }], summary: `${published.content.summary} Mis à jour.` };
    // The editor's own reading holds the withheld value: send it back as the editor sees it.
    edited.redactions = withSupplier.redactions!;
    await request(t.server).put(`/api/v1/data-uses/${draft.reference}`).set(organizer).send({ content: edited, expectedRevision: published.revision, changeNote: 'Résumé précisé.' }).expect(200);
    const log = await request(t.server).get(`/api/v1/audit-log?subjectType=data-use&subjectId=${draft.reference}`).expect(200);
    const entry = log.body.items.find((e: { action: string }) => e.action === 'data-use.edited');
    expect(entry.data.fields).toEqual(['summary']);
  });

  it('keeps only one of two simultaneous edits from the same revision', async () => {
    const draft = DataUseSchema.parse((await create({ title: 'Mesurer le bruit' }).expect(201)).body);
    const edit = (title: string) => request(t.server).put(`/api/v1/data-uses/${draft.reference}`).set(organizer).send({ content: { title }, expectedRevision: 1 });
    const statuses = (await Promise.all([edit('Mesurer le bruit, version A'), edit('Mesurer le bruit, version B')])).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409]);
  });

  it('filters the public register and searches it in French', async () => {
    await createDataUse(t, {
      editor,
      content: { ...marketCamera, title: 'Acheter des données de localisation des téléphones', domain: 'mobility', legal: { basis: 'e_public_task' }, summary: 'La ville achète des données de téléphones pour planifier le réseau de bus.' },
    });
    const biometric = (await request(t.server).get('/api/v1/data-uses?specialCategory=biometric_identification').expect(200)).body;
    expect(biometric.items.map((i: { title: string }) => i.title)).toEqual(['Identifier les visages au marché du dimanche']);
    const mobility = (await request(t.server).get('/api/v1/data-uses?domain=mobility').expect(200)).body;
    expect(mobility.total).toBe(1);
    // "téléphone" finds "téléphones" (French stemming).
    const search = (await request(t.server).get(`/api/v1/data-uses?q=${encodeURIComponent('téléphone bus')}`).expect(200)).body;
    expect(search.items.map((i: { domain: string }) => i.domain)).toEqual(['mobility']);
    await request(t.server).get('/api/v1/data-uses?domain=space').expect(400);
  });

  it('answers 400 per invalid field, 404 for an unknown or malformed reference, 403 for residents', async () => {
    const bad = await create({ title: '', legal: { basis: 'z' as never }, redactions: [{ field: 'summary', reason: '' }] } as DataUseContentInput).expect(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['content.legal.basis', 'content.redactions.0.reason', 'content.title']);
    await request(t.server).get('/api/v1/data-uses/DU-1999-001').expect(404);
    await request(t.server).get('/api/v1/data-uses/nope').expect(400);
    await request(t.server).post('/api/v1/data-uses').set(resident).send({ content: { title: 'x' } }).expect(403);
    const [{ n }] = (await t.sql<{ n: number }>("SELECT count(*)::int AS n FROM data_uses WHERE title = 'x'")) as [{ n: number }];
    expect(n).toBe(0);
  });
});
