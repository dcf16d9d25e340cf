import { AdvisoryPanelSchema, PanelDrawSchema, sha256Hex } from '@sesame/domain';
import request from 'supertest';
import { AdvisoryPanelService } from '../src/advisory-panel/advisory-panel.service';
import { createPanelDraw, createPanelPool, createPerson, PANEL_RULES, PANEL_SEEDS, publishPanelRules, type TestPerson } from './fixtures';
import { startTestApp, type TestApp } from './test-app';

// Issue 17, a draw that cannot take place: the seats it was to fill were taken
// since its commitment, so the public draw refuses it (422). Without a way out
// its pool stayed frozen for good (the draw "on its way" blocked any new
// commitment). An organizer cancels it, with a public reason: the draw ends
// (cancelled), its seats and its pool are free again, the journal says why.
const witnesses = [
  { name: 'Mairie', kind: 'organizer', seedHash: sha256Hex(PANEL_SEEDS[0]!) },
  { name: 'Association', kind: 'association', seedHash: sha256Hex(PANEL_SEEDS[1]!) },
];
const REASON = 'Deux sièges ont été pourvus depuis l’engagement : le panel de trois ne peut plus être tiré.';

describe('Cancelling a draw by lot not drawn yet', () => {
  let t: TestApp;
  let organizer: TestPerson;
  const api = () => request(t.server);
  const cancel = (reference: string, body: unknown, as: Record<string, string> = organizer.auth) => api().post(`/api/v1/advisory-panel/draws/${reference}/cancel`).set(as).send(body as object);
  const drawRow = async (reference: string) => (await t.sql<{ id: string; state: string; result: unknown }>('SELECT id, state, result FROM advisory_panel_draws WHERE reference = $1', [reference]))[0]!;

  beforeAll(async () => {
    t = await startTestApp();
    organizer = await createPerson(t, { pseudonym: 'Service citoyenneté', roles: ['resident', 'organizer'] });
  });
  afterAll(async () => {
    await t.close();
  });

  it('unblocks a pool whose ready draw was refused at draw time: cancelled with a public reason, the pool takes a new commitment', async () => {
    await publishPanelRules(t, organizer, { ...PANEL_RULES, seats: { drawnCitizens: 3, associations: 1, expertsVoting: 0, expertsConsultative: 1 } });
    const { id: poolId } = await createPanelPool(t, { organizer });
    const committed = PanelDrawSchema.parse((await api().post('/api/v1/advisory-panel/draws').set(organizer.auth).send({ poolId, witnesses }).expect(201)).body);
    await t.app.get(AdvisoryPanelService).compute((await drawRow(committed.reference)).id);
    for (const [i, seed] of PANEL_SEEDS.entries()) await api().post(`/api/v1/advisory-panel/draws/${committed.reference}/seeds`).set(organizer.auth).send({ witness: i + 1, seed }).expect(200);
    // Seats taken since the commitment (here the rules now have two): the public draw refuses, the draw stays ready…
    await publishPanelRules(t, organizer, { ...PANEL_RULES, seats: { drawnCitizens: 2, associations: 1, expertsVoting: 0, expertsConsultative: 0 } });
    const tooLate = await api().post(`/api/v1/advisory-panel/draws/${committed.reference}/draw`).set(organizer.auth).expect(422);
    expect(tooLate.body.detail).toContain('annulez-le');
    // … and, on its way, it blocks any new commitment of its pool.
    await publishPanelRules(t, organizer, { ...PANEL_RULES, seats: { drawnCitizens: 3, associations: 1, expertsVoting: 0, expertsConsultative: 1 } });
    const blocked = await api().post('/api/v1/advisory-panel/draws').set(organizer.auth).send({ poolId, witnesses }).expect(409);
    expect(blocked.body.detail).toContain(`Le tirage ${committed.reference} de ce vivier n’est pas terminé : tirez-le, ou annulez-le`);
    const ready = PanelDrawSchema.parse((await api().get(`/api/v1/advisory-panel/draws/${committed.reference}`).set(organizer.auth).expect(200)).body);
    expect(ready.state).toBe('ready');
    expect(ready.viewer.can['advisory-panel.cancel-draw'].allowed).toBe(true);
    // Nobody but an organizer cancels: a visitor must sign in, a resident is refused.
    await api().post(`/api/v1/advisory-panel/draws/${committed.reference}/cancel`).send({ reason: REASON }).expect(401);
    const resident = await createPerson(t);
    const refused = await cancel(committed.reference, { reason: REASON }, resident.auth).expect(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    // The reason is required, in plain text.
    const empty = await cancel(committed.reference, { reason: '   ' }).expect(400);
    expect(empty.headers['content-type']).toContain('application/problem+json');
    expect(empty.body).toMatchObject({ status: 400, errors: [expect.objectContaining({ path: 'reason' })] });
    expect((await cancel(committed.reference, {}).expect(400)).body.errors).toEqual([expect.objectContaining({ path: 'reason' })]);
    expect((await cancel(committed.reference, { reason: '<b>Annulé</b>' }).expect(400)).body.errors).toEqual([expect.objectContaining({ path: 'reason' })]);
    expect((await drawRow(committed.reference)).state).toBe('ready');

    const cancelled = PanelDrawSchema.parse((await cancel(committed.reference, { reason: `  ${REASON}  ` }).expect(200)).body);
    expect(cancelled).toMatchObject({ state: 'cancelled', cancellation: { reason: REASON, cancelledAt: expect.any(String) } });
    expect(cancelled.viewer.can['advisory-panel.cancel-draw'].allowed).toBe(false);
    // The public page says so, with the reason; the journal records who cancelled, from which state, and why.
    const shown = PanelDrawSchema.parse((await api().get(`/api/v1/advisory-panel/draws/${committed.reference}`).expect(200)).body);
    expect(shown).toMatchObject({ state: 'cancelled', cancellation: { reason: REASON } });
    const journal = await t.sql<{ actor_id: string; data: { reference: string; from: string; reason: string } }>("SELECT actor_id, data FROM audit_entries WHERE action = 'panel-draw.cancelled' AND subject_id = $1", [
      (await drawRow(committed.reference)).id,
    ]);
    expect(journal).toEqual([{ actor_id: organizer.id, data: { reference: committed.reference, from: 'ready', reason: REASON } }]);
    // Nothing more happens to it: no draw, no seed, no second cancellation (409 problems).
    const drawAfter = await api().post(`/api/v1/advisory-panel/draws/${committed.reference}/draw`).set(organizer.auth).expect(409);
    expect(drawAfter.headers['content-type']).toContain('application/problem+json');
    expect(drawAfter.body.errors).toEqual([expect.objectContaining({ code: 'draw_cancelled' })]);
    await api().post(`/api/v1/advisory-panel/draws/${committed.reference}/seeds`).set(organizer.auth).send({ witness: 1, seed: PANEL_SEEDS[0] }).expect(409);
    await cancel(committed.reference, { reason: REASON }).expect(409);

    // Its seats are no longer reserved, and its pool takes a new commitment.
    expect(AdvisoryPanelSchema.parse((await api().get('/api/v1/advisory-panel').expect(200)).body).citizenSeats).toMatchObject({ seats: 3, reserved: 0, free: 3 });
    const again = PanelDrawSchema.parse((await api().post('/api/v1/advisory-panel/draws').set(organizer.auth).send({ poolId, witnesses }).expect(201)).body);
    expect(again).toMatchObject({ state: 'committed', cancellation: null });
    expect(again.reference).not.toBe(committed.reference);
  });

  it('cancels a draw before its computation: the computing job then leaves it cancelled and stores no result', async () => {
    const { reference } = await createPanelDraw(t, { organizer });
    await cancel(reference, { reason: 'Erreur dans les quotas publiés.' }).expect(200);
    await t.app.get(AdvisoryPanelService).compute((await drawRow(reference)).id);
    expect(await drawRow(reference)).toMatchObject({ state: 'cancelled', result: null });
  });

  it('stops a computation under way: the draw cancelled while computing stays cancelled, its result is never stored', async () => {
    const { reference } = await createPanelDraw(t, { organizer });
    const { id } = await drawRow(reference);
    // The job, as the queue runs it; the worker thread takes a moment to start, the draw is computing meanwhile.
    const computing = t.app.get(AdvisoryPanelService).compute(id);
    for (let i = 0; i < 200 && (await drawRow(reference)).state !== 'computing'; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    await cancel(reference, { reason: 'Le vivier publié contenait une erreur.' }).expect(200);
    await computing;
    expect(await drawRow(reference)).toMatchObject({ state: 'cancelled', result: null });
    const [entry] = await t.sql<{ data: { from: string } }>("SELECT data FROM audit_entries WHERE action = 'panel-draw.cancelled' AND subject_id = $1", [id]);
    expect(entry!.data.from).toBe('computing');
    expect(await t.sql("SELECT 1 FROM audit_entries WHERE action IN ('panel-draw.computed', 'panel-draw.failed') AND subject_id = $1", [id])).toEqual([]);
  });

  it('refuses to cancel a draw that took place (409)', async () => {
    const { reference } = await createPanelDraw(t, { organizer, state: 'drawn' });
    const refused = await cancel(reference, { reason: REASON }).expect(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ status: 409, errors: [expect.objectContaining({ code: 'draw_drawn' })] });
    expect((await drawRow(reference)).state).toBe('drawn');
    await cancel('TS-2000-999', { reason: REASON }).expect(404);
  });
});
