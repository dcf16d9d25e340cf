import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  AdvisoryPanelSchema,
  CallSchema,
  PanelDrawReportSchema,
  PanelDrawSchema,
  PanelLotterySchema,
  PoolDetailSchema,
  sha256Hex,
  type PanelRulesInput,
} from '@sesame/domain';
import request from 'supertest';
import { JobQueue } from '../src/jobs/job-queue.service';
import { createPerson, type TestPerson } from './fixtures';
import { startTestApp, type TestApp } from './test-app';
import { bearer, personToken } from './tokens';

const root = path.join(__dirname, '..', '..', '..');
const run = promisify(execFile);

const RULES: PanelRulesInput = {
  seats: { drawnCitizens: 4, associations: 1, expertsVoting: 1, expertsConsultative: 1 },
  termMonths: 24,
  rotationByThirds: true,
  quorumPercent: 50,
  adoptionThreshold: { numerator: 2, denominator: 3 },
  substitutesPerSeatType: 1,
  categories: [
    { category: 'genre', label: 'Genre', values: ['femme', 'homme'] },
    { category: 'age', label: 'Tranche d’âge', values: ['jeune', 'adulte', 'senior'] },
  ],
};
const CATEGORIES = RULES.categories;
const POOL = `id,household,genre,age
P01,,femme,jeune
P02,,femme,adulte
P03,,femme,senior
P04,,homme,jeune
P05,,homme,adulte
P06,,homme,senior
P07,rue-des-lilas-4,femme,adulte
P08,rue-des-lilas-4,homme,adulte
P09,,femme,jeune
P10,,homme,senior
P11,,femme,adulte
P12,,homme,jeune
`;
const QUOTAS = [
  { category: 'genre', value: 'femme', min: 2, max: 2 },
  { category: 'genre', value: 'homme', min: 2, max: 2 },
  { category: 'age', value: 'jeune', min: 1, max: 2 },
  { category: 'age', value: 'adulte', min: 1, max: 2 },
  { category: 'age', value: 'senior', min: 1, max: 2 },
];
// Witness seeds carry 128 bits (32+ hexadecimal characters), as « Générer une graine » gives.
const SEEDS = ['5f0c2a9e5f0c2a9e00112233445566778899aabb', 'b71d44c3b71d44c3ffeeddccbbaa99887766554433'];
const REPLACEMENT_SEEDS = ['1111222233334444555566667777888a', '9999aaaabbbbccccddddeeeeffff0001'];
/** A member id in public: random (UUID v4), not time-ordered (v7, which gives away the order of creation). */
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** Fewer citizens' seats than the pool's panel of 4 (drawn citizens still the majority). */
const NARROW_RULES: PanelRulesInput = { ...RULES, seats: { drawnCitizens: 3, associations: 1, expertsVoting: 0, expertsConsultative: 1 } };
const witnesses = (seeds = SEEDS) => [
  { name: 'Mairie — service citoyenneté', kind: 'organizer', seedHash: sha256Hex(seeds[0]!) },
  { name: 'Association Quartiers Vivants', kind: 'association', seedHash: sha256Hex(seeds[1]!) },
];

describe('The advisory panel: rules, members, calls, pools, quotas and the public lottery', () => {
  let t: TestApp;
  let jobs: JobQueue;
  let organizerPerson: TestPerson;
  let organizer: Record<string, string>;
  let residentPerson: TestPerson;
  let resident: Record<string, string>;
  let poolId: string;
  let drawReference: string;
  const email = 'volontaire.privee@example.org';
  const api = () => request(t.server);

  beforeAll(async () => {
    t = await startTestApp();
    jobs = t.app.get(JobQueue);
    organizerPerson = await createPerson(t, { pseudonym: 'Service citoyenneté', roles: ['resident', 'organizer'] });
    residentPerson = await createPerson(t);
  });
  // Credentials last 60 s: fresh ones for each test (a draw takes a while).
  beforeEach(async () => {
    organizer = bearer(await personToken(organizerPerson.id));
    resident = bearer(await personToken(residentPerson.id));
  });
  afterAll(async () => {
    await t.close();
  });

  it('publishes versioned rules (organizers only), refuses a panel where drawn citizens are not the majority, and logs it in the journal', async () => {
    const empty = AdvisoryPanelSchema.parse((await api().get('/api/v1/advisory-panel').expect(200)).body);
    expect(empty.rules).toBeNull();
    await api().post('/api/v1/advisory-panel/rules').send({ rules: RULES, changeNote: 'Première version.' }).expect(401);
    await api().post('/api/v1/advisory-panel/rules').set(resident).send({ rules: RULES, changeNote: 'Première version.' }).expect(403);
    const minority = await api()
      .post('/api/v1/advisory-panel/rules')
      .set(organizer)
      .send({ rules: { ...RULES, seats: { ...RULES.seats, drawnCitizens: 3 } }, changeNote: 'x' })
      .expect(400);
    expect(minority.body.errors.map((e: { path: string }) => e.path)).toContain('rules.seats.drawnCitizens');
    const v1 = await api().post('/api/v1/advisory-panel/rules').set(organizer).send({ rules: RULES, changeNote: 'Première version.' }).expect(201);
    expect(v1.body).toMatchObject({ version: 1, rules: { responseDeadlineDays: 60 } });
    await api()
      .post('/api/v1/advisory-panel/rules')
      .set(organizer)
      .send({ rules: { ...RULES, responseDeadlineDays: 45 }, changeNote: 'Délai de réponse raccourci.' })
      .expect(201);
    const versions = (await api().get('/api/v1/advisory-panel/rules').expect(200)).body;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const panel = AdvisoryPanelSchema.parse((await api().get('/api/v1/advisory-panel').expect(200)).body);
    expect(panel.rules).toMatchObject({ version: 2, rules: { responseDeadlineDays: 45 } });
    const journal = (await api().get('/api/v1/audit-log?action=advisory-panel.rules-published').expect(200)).body;
    expect(journal.items.map((e: { data: { version: number } }) => e.data.version).sort()).toEqual([1, 2]);
  });

  it('seats members; a resigning member’s seat goes to the first substitute; the page shows current and past members by their chosen name', async () => {
    const asso = await api()
      .post('/api/v1/advisory-panel/members')
      .set(organizer)
      .send({ seatType: 'association', displayName: 'Nadia B.', displayMode: 'name', affiliation: 'Quartiers Vivants', termStart: '2027-01-15' })
      .expect(201);
    expect(asso.body).toMatchObject({ state: 'invited', position: 'titular', termEnd: '2029-01-15' });
    const substitute = await api()
      .post('/api/v1/advisory-panel/members')
      .set(organizer)
      .send({ seatType: 'association', position: 'substitute', displayName: 'Lune42', termStart: '2027-01-15' })
      .expect(201);
    expect(substitute.body).toMatchObject({ position: 'substitute', substituteRank: 1 });
    // The rules give one association seat and one substitute per seat type: no more are seated.
    const noSeat = await api()
      .post('/api/v1/advisory-panel/members')
      .set(organizer)
      .send({ seatType: 'association', displayName: 'Une de trop', termStart: '2027-01-15' })
      .expect(422);
    expect(noSeat.body.errors[0]).toMatchObject({ path: 'seatType', code: 'no_seat_left' });
    const noSubstitute = await api()
      .post('/api/v1/advisory-panel/members')
      .set(organizer)
      .send({ seatType: 'association', position: 'substitute', displayName: 'Deuxième suppléant', termStart: '2027-01-15' })
      .expect(422);
    expect(noSubstitute.body.errors[0]).toMatchObject({ path: 'position', code: 'no_seat_left' });
    await api().post(`/api/v1/advisory-panel/members/${asso.body.id}/activate`).set(resident).send({}).expect(403);
    await api().post(`/api/v1/advisory-panel/members/${asso.body.id}/end-term`).set(organizer).send({}).expect(422);
    await api().post(`/api/v1/advisory-panel/members/${asso.body.id}/activate`).set(organizer).send({}).expect(200);
    await api().post(`/api/v1/advisory-panel/members/${asso.body.id}/resign`).set(organizer).send({ reason: 'Déménagement.' }).expect(200);
    await api().post('/api/v1/advisory-panel/members/0190f0a0-0000-7000-8000-000000000000/activate').set(organizer).send({}).expect(404);
    const panel = AdvisoryPanelSchema.parse((await api().get('/api/v1/advisory-panel').expect(200)).body);
    expect(panel.members.map((m) => m.displayName)).toEqual(['Lune42']);
    expect(panel.substitutes).toEqual([]);
    expect(panel.pastMembers).toEqual([expect.objectContaining({ displayName: 'Nadia B.', displayMode: 'name', state: 'resigned' })]);
    expect(panel.seats.find((s) => s.seatType === 'association')).toMatchObject({ seats: 1, invited: 1, filled: 0 });
  });

  it('runs a call for volunteers: one answer per invitation letter, categories checked, closed calls refuse answers', async () => {
    const created = CallSchema.parse(
      (await api().post('/api/v1/advisory-panel/calls').set(organizer).send({ title: 'Rejoignez le comité citoyen', description: 'Tirage au sort en mars.' }).expect(201)).body,
    );
    expect(created).toMatchObject({ state: 'draft', categories: CATEGORIES });
    await api().get(`/api/v1/advisory-panel/calls/${created.reference}`).expect(404);
    const { codes } = (await api().post(`/api/v1/advisory-panel/calls/${created.reference}/invitations`).set(organizer).send({ count: 3 }).expect(201)).body;
    expect(codes).toHaveLength(3);
    const answer = (code: string, values: Record<string, string> = { genre: 'femme', age: 'jeune' }) => ({ invitationCode: code, values, displayName: 'Camille', displayMode: 'pseudonym', contactEmail: email });
    // A call in preparation is not public yet.
    await api().post(`/api/v1/advisory-panel/calls/${created.reference}/answers`).send(answer(codes[0])).expect(404);
    await api().post(`/api/v1/advisory-panel/calls/${created.reference}/open`).set(organizer).expect(200);
    const publicCall = CallSchema.parse((await api().get(`/api/v1/advisory-panel/calls/${created.reference}`).expect(200)).body);
    expect(publicCall.viewer.can['advisory-panel.answer-call'].allowed).toBe(true);
    const first = await api().post(`/api/v1/advisory-panel/calls/${created.reference}/answers`).send(answer(codes[0])).expect(201);
    expect(first.body).toEqual({ call: created.reference, volunteer: 'V-0001', withdrawToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    const again = await api().post(`/api/v1/advisory-panel/calls/${created.reference}/answers`).send(answer(codes[0].toLowerCase(), { genre: 'homme', age: 'senior' })).expect(409);
    expect(again.body.errors[0]).toMatchObject({ path: 'invitationCode' });
    await api().post(`/api/v1/advisory-panel/calls/${created.reference}/answers`).send(answer('AAAABBBBCCCC')).expect(422);
    // An empty form: every problem in one round, in the form's order, each question by its label, « missing » wording.
    const empty = await api().post(`/api/v1/advisory-panel/calls/${created.reference}/answers`).send({ invitationCode: '', values: {}, displayName: '', contactEmail: '' }).expect(400);
    expect(empty.body.errors.map((e: { path: string; message: string }) => `${e.path}: ${e.message}`)).toEqual([
      'invitationCode: Indiquez le code de votre lettre d’invitation.',
      'values.genre: Répondez à la question « Genre ».',
      'values.age: Répondez à la question « Tranche d’âge ».',
      'displayName: Indiquez le nom ou le pseudonyme sous lequel on vous présenterait.',
      'contactEmail: Indiquez votre adresse e-mail.',
    ]);
    const badEmail = await api().post(`/api/v1/advisory-panel/calls/${created.reference}/answers`).send({ ...answer(codes[1], { genre: 'autre', age: 'jeune' }), contactEmail: 'pas-une-adresse' }).expect(400);
    expect(badEmail.body.errors.map((e: { path: string; message: string }) => `${e.path}: ${e.message}`)).toEqual([
      'values.genre: Choisissez une des réponses proposées pour « Genre » : femme, homme.',
      'contactEmail: Adresse électronique invalide.',
    ]);
    const bad = await api().post(`/api/v1/advisory-panel/calls/${created.reference}/answers`).send(answer(codes[1], { genre: 'autre' })).expect(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['values.age', 'values.genre']);
    await api().post(`/api/v1/advisory-panel/calls/${created.reference}/answers`).send(answer(codes[1], { genre: 'homme', age: 'adulte' })).expect(201);
    await api().post(`/api/v1/advisory-panel/calls/${created.reference}/close`).set(organizer).expect(200);
    await api().post(`/api/v1/advisory-panel/calls/${created.reference}/answers`).send(answer(codes[2])).expect(422);
    const pools = (await api().get('/api/v1/advisory-panel/pools').set(organizer).expect(200)).body;
    const callPool = pools.find((p: { call: string | null }) => p.call === created.reference);
    expect(callPool).toMatchObject({ source: 'call', volunteers: 2 });
    const detail = PoolDetailSchema.parse((await api().get(`/api/v1/advisory-panel/pools/${callPool.id}`).set(organizer).expect(200)).body);
    expect(detail.volunteersList.map((v) => v.id)).toEqual(['V-0001', 'V-0002']);
    expect(JSON.stringify(detail)).not.toContain(email);
    // The public list of calls gives counts, never volunteers.
    const publicCalls = JSON.stringify((await api().get('/api/v1/advisory-panel/calls').expect(200)).body);
    expect(publicCalls).not.toContain(email);
    expect(publicCalls).not.toContain('Camille');

    // A drawn volunteer's contact is kept for telling them, then erased once they have answered the invitation.
    const [volunteer] = await t.sql<{ id: string; contact_email: string | null }>("SELECT v.id, v.contact_email FROM advisory_panel_volunteers v WHERE v.pool_id = $1 AND v.public_id = 'V-0001'", [callPool.id]);
    expect(volunteer!.contact_email).toBe(email);
    const [seated] = await t.sql<{ id: string }>(
      "INSERT INTO advisory_panel_members (id, seat_type, display_name, term_start, term_end, volunteer_id, updated_at) VALUES (gen_random_uuid(), 'drawn_citizen', 'Camille', current_date, current_date + 365, $1, now()) RETURNING id",
      [volunteer!.id],
    );
    const invited = (await api().get('/api/v1/advisory-panel/members').set(organizer).expect(200)).body.find((m: { id: string }) => m.id === seated!.id);
    expect(invited).toMatchObject({ state: 'invited', contactEmail: email });
    await api().post(`/api/v1/advisory-panel/members/${seated!.id}/activate`).set(organizer).send({}).expect(200);
    const active = (await api().get('/api/v1/advisory-panel/members').set(organizer).expect(200)).body.find((m: { id: string }) => m.id === seated!.id);
    expect(active).toMatchObject({ state: 'active', contactEmail: null });
    expect(await t.sql("SELECT 1 FROM advisory_panel_volunteers WHERE contact_email IS NOT NULL AND id = $1", [volunteer!.id])).toEqual([]);
    // This seat was only for the check: the draws below fill the panel.
    await t.sql('DELETE FROM advisory_panel_members WHERE id = $1', [seated!.id]);
  });

  it('refuses a pool file with missing columns, bad values or duplicate ids with 400 listing the lines', async () => {
    const noColumn = await api()
      .post('/api/v1/advisory-panel/pools')
      .set(organizer)
      .send({ label: 'Vivier', categories: CATEGORIES, poolCsv: 'id,genre\nA,femme\n' })
      .expect(400);
    expect(noColumn.body.errors).toEqual([expect.objectContaining({ path: 'poolCsv.1', code: 'missing_columns' })]);
    const badLines = await api()
      .post('/api/v1/advisory-panel/pools')
      .set(organizer)
      .send({ label: 'Vivier', categories: CATEGORIES, poolCsv: 'id,household,genre,age\nA,,femme,jeune\nB,,femme,centenaire\nA,,homme,adulte\nC,,,senior\n' })
      .expect(400);
    expect(badLines.body.errors.map((e: { path: string; code: string }) => `${e.path} ${e.code}`)).toEqual(['poolCsv.3 bad_value', 'poolCsv.4 duplicate_id', 'poolCsv.5 missing_value']);
    // A repeated column, even differing only by case, is refused, naming both columns.
    const repeated = await api()
      .post('/api/v1/advisory-panel/pools')
      .set(organizer)
      .send({ label: 'Vivier', categories: CATEGORIES, poolCsv: 'id,household,genre,age,genre\nV1,,femme,jeune,homme\n' })
      .expect(400);
    expect(repeated.body.errors).toEqual([expect.objectContaining({ path: 'poolCsv.1', code: 'duplicate_column', message: 'Colonne « genre » en double (colonnes 3 et 5).' })]);
    const byCase = await api()
      .post('/api/v1/advisory-panel/pools')
      .set(organizer)
      .send({ label: 'Vivier', categories: CATEGORIES, poolCsv: 'id,household,genre,age,Genre\nV1,,femme,jeune,homme\n' })
      .expect(400);
    expect(byCase.body.errors.map((e: { code: string; message: string }) => `${e.code} ${e.message}`).join(' | ')).toContain('duplicate_column Colonnes « genre » et « Genre » en double (colonnes 3 et 5)');
    await api().post('/api/v1/advisory-panel/pools').set(resident).send({ label: 'Vivier', categories: CATEGORIES, poolCsv: POOL }).expect(403);
    const pool = PoolDetailSchema.parse((await api().post('/api/v1/advisory-panel/pools').set(organizer).send({ label: 'Vivier de mars', categories: CATEGORIES, poolCsv: POOL }).expect(201)).body);
    expect(pool).toMatchObject({ source: 'import', volunteers: 12, households: 11 });
    poolId = pool.id;
  });

  it('refuses infeasible quotas with 422 naming the values that cannot be met and by how much', async () => {
    const quotas = QUOTAS.map((q) => (q.value === 'senior' ? { ...q, min: 4, max: 4 } : q));
    const refused = await api().put(`/api/v1/advisory-panel/pools/${poolId}/quotas`).set(organizer).send({ panelSize: 4, quotas }).expect(422);
    expect(refused.body.feasibility.feasible).toBe(false);
    expect(refused.body.errors.length).toBeGreaterThan(0);
    expect(refused.body.errors.map((e: { message: string }) => e.message).join(' ')).toMatch(/senior|jeune|adulte|femme|homme/);
    for (const v of refused.body.feasibility.violations) expect(v.by).not.toBe(0);
    const unknownValue = await api()
      .put(`/api/v1/advisory-panel/pools/${poolId}/quotas`)
      .set(organizer)
      .send({ panelSize: 4, quotas: [...QUOTAS, { category: 'age', value: 'centenaire', min: 0, max: 1 }] })
      .expect(400);
    expect(unknownValue.body.errors[0]).toMatchObject({ path: 'quotas.5.value' });
    const set = PoolDetailSchema.parse((await api().put(`/api/v1/advisory-panel/pools/${poolId}/quotas`).set(organizer).send({ panelSize: 4, quotas: QUOTAS }).expect(200)).body);
    expect(set).toMatchObject({ panelSize: 4, feasibility: { feasible: true } });
  });

  it('refuses, before anything is computed, a draw for more people than there are free citizens’ seats', async () => {
    await api().post('/api/v1/advisory-panel/rules').set(organizer).send({ rules: NARROW_RULES, changeNote: 'Trois sièges tirés au sort.' }).expect(201);
    const draws = async () => (await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM advisory_panel_draws'))[0]!.n;
    const before = await draws();
    const refused = await api().post('/api/v1/advisory-panel/draws').set(organizer).send({ poolId, witnesses: witnesses() }).expect(422);
    expect(refused.body.detail).toContain('Ce tirage désignerait 4 personnes pour 3 sièges libres');
    expect(refused.body.errors).toEqual([{ path: 'panelSize', code: 'more_than_free_seats', message: 'Au plus 3 sièges libres : ce tirage en demande 4.' }]);
    expect(refused.body.citizenSeats).toEqual({ seats: 3, held: 0, reserved: 0, free: 3, vacated: 0 });
    // An initial draw takes the pool's panel size, set with its quotas: no other.
    const otherSize = await api().post('/api/v1/advisory-panel/draws').set(organizer).send({ poolId, panelSize: 3, witnesses: witnesses() }).expect(422);
    expect(otherSize.body.errors[0]).toMatchObject({ path: 'panelSize', code: 'pool_panel_size' });
    expect(await draws()).toBe(before);
    const panel = AdvisoryPanelSchema.parse((await api().get('/api/v1/advisory-panel').expect(200)).body);
    expect(panel.citizenSeats).toEqual({ seats: 3, held: 0, reserved: 0, free: 3, vacated: 0 });
    await api().post('/api/v1/advisory-panel/rules').set(organizer).send({ rules: RULES, changeNote: 'Quatre sièges tirés au sort.' }).expect(201);
  });

  it('runs the public lottery: commitment, computation with progress, 1 000 checked panels, seeds revealed, drawn once; the drawn become invited members', async () => {
    await api().post('/api/v1/advisory-panel/draws').set(organizer).send({ poolId, witnesses: witnesses().slice(0, 1) }).expect(400);
    await api()
      .post('/api/v1/advisory-panel/draws')
      .set(organizer)
      .send({ poolId, witnesses: witnesses().map((w) => ({ ...w, kind: 'organizer' })) })
      .expect(400);
    const committed = PanelDrawSchema.parse((await api().post('/api/v1/advisory-panel/draws').set(organizer).send({ poolId, witnesses: witnesses() }).expect(201)).body);
    drawReference = committed.reference;
    expect(committed).toMatchObject({ state: 'committed', panelSize: 4, poolSize: 12, commitment: { lotterySize: 1000 } });
    // The draw on its way holds the four seats: no other draw may promise them.
    expect(AdvisoryPanelSchema.parse((await api().get('/api/v1/advisory-panel').expect(200)).body).citizenSeats).toEqual({ seats: 4, held: 0, reserved: 4, free: 0, vacated: 0 });
    const poolFile = (await api().get(`/api/v1/advisory-panel/draws/${drawReference}/files/respondents.csv`).expect(200)).text;
    expect(sha256Hex(poolFile)).toBe(committed.commitment.poolSha256);
    // Households are published as numbers, and only when shared.
    expect(poolFile).not.toContain('rue-des-lilas');
    expect(poolFile).toContain('P07,H-001,femme,adulte');
    await api().post('/api/v1/advisory-panel/draws').set(organizer).send({ poolId, witnesses: witnesses(['a-nouvelle-graine', 'b-nouvelle-graine']) }).expect(409);
    await api().get(`/api/v1/advisory-panel/draws/${drawReference}/report`).expect(422);
    await api().post(`/api/v1/advisory-panel/draws/${drawReference}/draw`).set(organizer).expect(422);
    await api().post(`/api/v1/advisory-panel/draws/${drawReference}/seeds`).set(organizer).send({ witness: 1, seed: SEEDS[0] }).expect(422);

    await jobs.drain();
    const ready = PanelDrawSchema.parse((await api().get(`/api/v1/advisory-panel/draws/${drawReference}`).expect(200)).body);
    expect(ready).toMatchObject({ state: 'ready', progress: { phase: 'done' } });
    expect(ready.minimum).toBeGreaterThan(0);
    const lottery = PanelLotterySchema.parse((await api().get(`/api/v1/advisory-panel/draws/${drawReference}/panels`).expect(200)).body);
    expect(lottery.panels).toHaveLength(1000);
    // Every published panel meets the quotas and the one-per-household rule (checked here again, independently).
    const values = new Map(POOL.trim().split('\n').slice(1).map((line) => [line.split(',')[0]!, line.split(',')]));
    for (const panel of lottery.panels) {
      expect(panel).toHaveLength(4);
      for (const q of QUOTAS) {
        const n = panel.filter((id) => values.get(id)![q.category === 'genre' ? 2 : 3] === q.value).length;
        expect(n).toBeGreaterThanOrEqual(q.min);
        expect(n).toBeLessThanOrEqual(q.max);
      }
      expect(panel.includes('P07') && panel.includes('P08')).toBe(false);
    }

    // A seed under 128 bits is refused, whatever its hash: the answer says what a valid seed is.
    const weak = await api().post(`/api/v1/advisory-panel/draws/${drawReference}/seeds`).set(organizer).send({ witness: 2, seed: 'b' }).expect(400);
    expect(weak.body.errors[0]).toMatchObject({ path: 'seed' });
    expect(weak.body.errors[0].message).toContain('au moins 32 caractères hexadécimaux');
    await api().post(`/api/v1/advisory-panel/draws/${drawReference}/seeds`).set(organizer).send({ witness: 2, seed: 'graine-de-l-association-b71d44c3' }).expect(400);
    const wrong = await api().post(`/api/v1/advisory-panel/draws/${drawReference}/seeds`).set(organizer).send({ witness: 2, seed: '00000000000000000000000000000000' }).expect(422);
    expect(wrong.body.errors[0]).toMatchObject({ path: 'seed', code: 'seed_mismatch' });
    await api().post(`/api/v1/advisory-panel/draws/${drawReference}/seeds`).set(resident).send({ witness: 1, seed: SEEDS[0] }).expect(403);
    await api().post(`/api/v1/advisory-panel/draws/${drawReference}/seeds`).set(organizer).send({ witness: 1, seed: SEEDS[0] }).expect(200);
    const missing = await api().post(`/api/v1/advisory-panel/draws/${drawReference}/draw`).set(organizer).expect(422);
    expect(missing.body.detail).toContain('Association Quartiers Vivants');
    await api().post(`/api/v1/advisory-panel/draws/${drawReference}/seeds`).set(organizer).send({ witness: 2, seed: SEEDS[1] }).expect(200);
    const drawn = PanelDrawSchema.parse((await api().post(`/api/v1/advisory-panel/draws/${drawReference}/draw`).set(organizer).expect(200)).body);
    expect(drawn.state).toBe('drawn');
    expect(drawn.drawnPanel).toEqual(lottery.panels[drawn.drawnIndex!]);
    const combined = sha256Hex(SEEDS.join(''));
    expect(drawn.combinedSeed).toBe(combined);
    expect(drawn.drawnIndex).toBe(Number(BigInt(`0x${combined}`) % 1000n));
    await api().post(`/api/v1/advisory-panel/draws/${drawReference}/draw`).set(organizer).expect(409);

    const report = PanelDrawReportSchema.parse((await api().get(`/api/v1/advisory-panel/draws/${drawReference}/report`).expect(200)).body);
    expect(report.probabilities).toHaveLength(12);
    expect(report.minimum).toBeCloseTo(Math.min(...report.probabilities.map((p) => p.probability)), 9);
    expect(report.quotaTable.find((r) => r.value === 'femme')).toMatchObject({ min: 2, max: 2, drawn: 2, volunteers: 6 });
    expect(report.witnesses.map((w) => w.seed)).toEqual(SEEDS);

    // Nothing public ties a member to a pool row: not named before accepting, random ids, never the pool id.
    const publicText = (await api().get('/api/v1/advisory-panel').expect(200)).text;
    const panel = AdvisoryPanelSchema.parse(JSON.parse(publicText));
    const citizens = panel.members.filter((m) => m.seatType === 'drawn_citizen');
    expect(citizens).toHaveLength(4);
    expect(citizens.every((m) => m.state === 'invited' && m.draw === drawReference && m.displayName === null)).toBe(true);
    for (const m of citizens) expect(m.id).toMatch(UUID_V4);
    for (const id of drawn.drawnPanel!) expect({ id, shown: publicText.includes(`"${id}"`) }).toEqual({ id, shown: false });
    // The organizers see each one as « Membre tiré au sort n° k » (an imported pool gives no names), with their pool id apart.
    const admin = (await api().get('/api/v1/advisory-panel/members').set(organizer).expect(200)).body as { id: string; seatType: string; displayName: string; volunteer: string | null }[];
    const drawnAdmin = admin.filter((m) => m.seatType === 'drawn_citizen');
    expect(drawnAdmin.map((m) => m.displayName).sort()).toEqual([1, 2, 3, 4].map((k) => `Membre tiré au sort n° ${k}`));
    expect(drawnAdmin.map((m) => m.volunteer).sort()).toEqual([...drawn.drawnPanel!].sort());
    // Once they accept, they are named, and the list is sorted by name (not by creation, which could follow the pool).
    for (const m of drawnAdmin) await api().post(`/api/v1/advisory-panel/members/${m.id}/activate`).set(organizer).send({}).expect(200);
    const seated = AdvisoryPanelSchema.parse((await api().get('/api/v1/advisory-panel').expect(200)).body).members.filter((m) => m.seatType === 'drawn_citizen');
    expect(seated.map((m) => m.displayName)).toEqual([1, 2, 3, 4].map((k) => `Membre tiré au sort n° ${k}`));
  }, 120_000);

  it('re-runs the draw from its published files with the repository command: same 1 000 panels, same drawn panel', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'sesame-rerun-'));
    try {
      for (const file of ['respondents.csv', 'categories.csv', 'draw.json', 'panels.json']) {
        const response = await api().get(`/api/v1/advisory-panel/draws/${drawReference}/files/${file}`).buffer(true).parse((res, done) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => done(null, text));
        });
        expect(response.status).toBe(200);
        writeFileSync(path.join(folder, `${drawReference}-${file}`), response.body as string);
      }
      const { stdout } = await run(path.join(root, 'node_modules', '.bin', 'tsx'), ['--conditions=sesame-source', 'scripts/sortition-rerun.ts', folder, drawReference], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
      const output = JSON.parse(stdout);
      const lottery = (await api().get(`/api/v1/advisory-panel/draws/${drawReference}/panels`).expect(200)).body;
      const drawn = (await api().get(`/api/v1/advisory-panel/draws/${drawReference}`).expect(200)).body;
      expect(output).toMatchObject({ poolSha256Matches: true, quotasSha256Matches: true, panelsMatchPublished: true, drawnPanelMatchesPublished: true });
      expect(output.panels).toEqual(lottery.panels);
      expect(output.drawnIndex).toBe(drawn.drawnIndex);
      expect(output.drawnPanel).toEqual(drawn.drawnPanel);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 120_000);

  it('fills a vacated seat with a replacement draw on the remaining pool', async () => {
    type Admin = { id: string; seatType: string; volunteer: string | null; state: string; termStart: string; termEnd: string; rotationThird: number | null; draw: string | null };
    const members = (await api().get('/api/v1/advisory-panel/members').set(organizer).expect(200)).body as Admin[];
    const drawnMembers = members.filter((m) => m.seatType === 'drawn_citizen');
    // P03 is the only senior woman: anyone else has a like volunteer left in the pool. The seat left is one of the
    // first two thirds (4 seats: 1, 1, 2), whose term ends before a whole term would.
    const leaving = drawnMembers.find((m) => m.volunteer !== 'P03' && m.rotationThird !== 3)!;
    expect(leaving.termEnd < drawnMembers.find((m) => m.rotationThird === 3)!.termEnd).toBe(true);
    // Nobody has left: no seat is vacated, nothing to replace.
    const none = await api().post(`/api/v1/advisory-panel/draws`).set(organizer).send({ poolId, kind: 'replacement', witnesses: witnesses(REPLACEMENT_SEEDS) }).expect(422);
    expect(none.body).toMatchObject({ errors: [{ path: 'panelSize', code: 'more_than_vacated_seats' }], citizenSeats: { seats: 4, held: 4, free: 0, vacated: 0 } });
    expect(none.body.detail).toContain('Aucun siège tiré au sort n’est libéré');
    await api().post(`/api/v1/advisory-panel/members/${leaving.id}/resign`).set(organizer).send({ reason: 'Ne souhaite pas siéger.' }).expect(200);
    // One seat was vacated: a replacement draw fills that one, not two.
    const two = await api().post(`/api/v1/advisory-panel/draws`).set(organizer).send({ poolId, kind: 'replacement', panelSize: 2, witnesses: witnesses(REPLACEMENT_SEEDS) }).expect(422);
    expect(two.body).toMatchObject({ errors: [{ path: 'panelSize', code: 'more_than_vacated_seats', message: 'Au plus 1 siège libéré : ce tirage en demande 2.' }], citizenSeats: { held: 3, free: 1, vacated: 1 } });
    // The remaining pool leaves out who holds or held a seat, and the housemate (P07 and P08 share a home) of a member still sitting.
    const replacement = PanelDrawSchema.parse(
      (await api().post('/api/v1/advisory-panel/draws').set(organizer).send({ poolId, kind: 'replacement', witnesses: witnesses(REPLACEMENT_SEEDS) }).expect(201)).body,
    );
    expect(replacement).toMatchObject({ kind: 'replacement', panelSize: 1, poolSize: 12 - 4 - (drawnMembers.some((m) => m.id !== leaving.id && (m.volunteer === 'P07' || m.volunteer === 'P08')) ? 1 : 0) });
    await jobs.drain();
    await api().post(`/api/v1/advisory-panel/draws/${replacement.reference}/seeds`).set(organizer).send({ witness: 1, seed: REPLACEMENT_SEEDS[0] }).expect(200);
    await api().post(`/api/v1/advisory-panel/draws/${replacement.reference}/seeds`).set(organizer).send({ witness: 2, seed: REPLACEMENT_SEEDS[1] }).expect(200);
    // Counted again before the draw: with the seats gone meanwhile (rules of three seats, three held), nobody is drawn.
    await api().post('/api/v1/advisory-panel/rules').set(organizer).send({ rules: NARROW_RULES, changeNote: 'Trois sièges tirés au sort.' }).expect(201);
    const gone = await api().post(`/api/v1/advisory-panel/draws/${replacement.reference}/draw`).set(organizer).expect(422);
    expect(gone.body).toMatchObject({ errors: [{ path: 'panelSize', code: 'more_than_vacated_seats' }], citizenSeats: { seats: 3, held: 3, free: 0 } });
    expect((await api().get(`/api/v1/advisory-panel/draws/${replacement.reference}`).expect(200)).body).toMatchObject({ state: 'ready', drawnPanel: null });
    await api().post('/api/v1/advisory-panel/rules').set(organizer).send({ rules: RULES, changeNote: 'Quatre sièges tirés au sort.' }).expect(201);
    const done = PanelDrawSchema.parse((await api().post(`/api/v1/advisory-panel/draws/${replacement.reference}/draw`).set(organizer).expect(200)).body);
    expect(done.drawnPanel).toHaveLength(1);
    expect(drawnMembers.map((m) => m.volunteer)).not.toContain(done.drawnPanel![0]);
    const panel = AdvisoryPanelSchema.parse((await api().get('/api/v1/advisory-panel').expect(200)).body);
    expect(panel.members.filter((m) => m.seatType === 'drawn_citizen')).toHaveLength(4);
    expect(panel.pastMembers.some((m) => m.id === leaving.id)).toBe(true);
    // The vacated seat is taken: none is left to replace.
    expect(panel.citizenSeats).toEqual({ seats: 4, held: 4, reserved: 0, free: 0, vacated: 0 });
    // The one drawn for the single seat is not named until they accept (their categories are in the files: SECURITY.md).
    const newcomer = panel.members.find((m) => m.draw === done.reference)!;
    expect(newcomer).toMatchObject({ state: 'invited', displayName: null });
    // The replacement serves the rest of the vacated seat's term, in its third (rotation by thirds goes on), not a whole term.
    expect(newcomer).toMatchObject({ termEnd: leaving.termEnd, remainderOfTerm: true });
    expect(newcomer.termStart > leaving.termStart || newcomer.termStart === leaving.termStart).toBe(true);
    const newcomerAdmin = ((await api().get('/api/v1/advisory-panel/members').set(organizer).expect(200)).body as Admin[]).find((m) => m.id === newcomer.id)!;
    expect(newcomerAdmin).toMatchObject({ termEnd: leaving.termEnd, rotationThird: leaving.rotationThird });
    expect(panel.members.filter((m) => m.seatType === 'drawn_citizen' && m.id !== newcomer.id).every((m) => !m.remainderOfTerm)).toBe(true);
    // The association's substitute took Nadia B.'s seat, and its term ends with that seat's: the same words.
    expect(panel.members.find((m) => m.displayName === 'Lune42')).toMatchObject({ remainderOfTerm: true });
    expect(newcomer.id).toMatch(UUID_V4);
  }, 120_000);

  it('publishes nothing personal: no e-mail, no person id, no household key in public outputs', async () => {
    const paths = [
      '/api/v1/advisory-panel',
      '/api/v1/advisory-panel/rules',
      '/api/v1/advisory-panel/calls',
      '/api/v1/advisory-panel/draws',
      `/api/v1/advisory-panel/draws/${drawReference}`,
      `/api/v1/advisory-panel/draws/${drawReference}/report`,
      `/api/v1/advisory-panel/draws/${drawReference}/panels`,
      `/api/v1/advisory-panel/draws/${drawReference}/files/respondents.csv`,
      `/api/v1/advisory-panel/draws/${drawReference}/files/draw.json`,
    ];
    const invitations = await t.sql<{ id: string }>('SELECT id FROM advisory_panel_invitations');
    for (const p of paths) {
      const response = await api().get(p).expect(200);
      const text = response.text;
      expect({ p, email: text.includes('@') }).toEqual({ p, email: false });
      expect({ p, organizer: text.includes(organizerPerson.id) }).toEqual({ p, organizer: false });
      expect({ p, household: text.includes('rue-des-lilas') }).toEqual({ p, household: false });
      for (const { id } of invitations) expect({ p, invitation: text.includes(id) }).toEqual({ p, invitation: false });
    }
    // The journal names the organizers who acted (as for every feature), never a volunteer.
    const journal = (await api().get('/api/v1/audit-log?subjectType=panel-draw').expect(200)).text;
    expect(journal).not.toContain('@');
    expect(journal).not.toContain('rue-des-lilas');
  });
});
