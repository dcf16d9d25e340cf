import { ConsultationResultsSchema } from '@sesame/domain';
import request from 'supertest';
import { ConsultationsService } from '../src/consultations/consultations.service';
import { createConsultation, createNeighbourhood, createPerson, moveConsultationTo, voterCodeOf, type TestPerson } from './fixtures';
import { startTestApp, type TestApp } from './test-app';

/** An unconfirmed count record entered by mistake is withdrawn before it counts (decision 0019). */
describe('Consultations: withdrawing an unconfirmed count record', () => {
  let t: TestApp;
  let neighbourhoodId: string;
  let organizer: TestPerson;
  const api = () => request(t.server);
  const paper = (stationName: string, ballots = 1) => ({
    stationName,
    place: 'Salle des fêtes',
    countedAt: new Date().toISOString(),
    officers: ['Jeanne Martin', 'Karim Haddad'],
    ballots,
    blankOrInvalid: 0,
    counts: { grades: { retirer: [ballots, 0, 0, 0, 0, 0], limiter: [0, ballots, 0, 0, 0, 0], garder: [0, 0, 0, 0, 0, ballots] } },
  });

  /** A consultation in its vote where `officer` recorded one voter at `station` and entered its count record. */
  async function entered(station: string, officer: TestPerson) {
    const { reference } = await createConsultation(t, { organizer, state: 'vote' });
    const path = `/api/v1/consultations/${reference}`;
    const voter = await createPerson(t, { verifiedIn: neighbourhoodId });
    await api().post(`${path}/station/participations`).set(officer.auth).send({ voterCode: await voterCodeOf(t, voter.id), stationName: station }).expect(201);
    const count = (await api().post(`${path}/paper-totals`).set(officer.auth).send(paper(station)).expect(201)).body as { id: string };
    return { reference, path, withdrawal: `${path}/paper-totals/${count.id}/withdrawal`, countId: count.id };
  }
  const journal = (reference: string) => t.sql<{ action: string; actor_id: string; visibility: string; data: Record<string, unknown> }>("SELECT action, actor_id, visibility, data FROM audit_entries WHERE subject_type = 'consultation' AND data->>'reference' = $1 ORDER BY seq", [reference]);

  beforeAll(async () => {
    t = await startTestApp();
    neighbourhoodId = await createNeighbourhood(t, { slug: 'retrait-pv', name: 'Quartier du retrait' });
    organizer = await createPerson(t, { pseudonym: 'Service démocratie', roles: ['resident', 'organizer'] });
  });
  afterAll(() => t.close());

  it('lets the officer who entered it withdraw it, on record; the station may then enter it again', async () => {
    const officer = await createPerson(t, { roles: ['facilitator'] });
    const { reference, path, withdrawal } = await entered('Bureau 1 — Mairie', officer);
    const listed = (await api().get(`${path}/paper-totals`).set(officer.auth).expect(200)).body;
    expect(listed[0].viewer.can['consultations.withdraw-paper-totals']).toMatchObject({ allowed: true });
    const other = await createPerson(t, { roles: ['facilitator'] });
    expect((await api().get(`${path}/paper-totals`).set(other.auth).expect(200)).body[0].viewer.can['consultations.withdraw-paper-totals']).toMatchObject({ allowed: false });

    await api().post(withdrawal).set(officer.auth).send({}).expect(204);
    expect((await api().get(`${path}/paper-totals`).expect(200)).body).toEqual([]);
    const last = (await journal(reference)).at(-1)!;
    expect(last).toMatchObject({ action: 'consultation.paper-count-withdrawn', actor_id: officer.id, visibility: 'public', data: { reference, station: 'Bureau 1 — Mairie' } });
    // Withdrawn: gone (404 a second time), and the station enters its record again.
    await api().post(withdrawal).set(officer.auth).send({}).expect(404);
    await api().post(`${path}/paper-totals`).set(officer.auth).send(paper('Bureau 1 — Mairie')).expect(201);
  });

  it('lets an organizer withdraw someone else’s unconfirmed record, and refuses another officer (403)', async () => {
    const officer = await createPerson(t, { roles: ['facilitator'] });
    const { reference, withdrawal } = await entered('Bureau 2 — École', officer);
    const refused = await api().post(withdrawal).set((await createPerson(t, { roles: ['facilitator'] })).auth).send({}).expect(403);
    expect(refused.headers['content-type']).toMatch(/problem\+json/);
    await api().post(withdrawal).set((await createPerson(t, { verifiedIn: neighbourhoodId })).auth).send({}).expect(403);
    await api().post(withdrawal).send({}).expect(401);
    await api().post(withdrawal).set(organizer.auth).send({}).expect(204);
    expect((await journal(reference)).at(-1)).toMatchObject({ action: 'consultation.paper-count-withdrawn', actor_id: organizer.id });
  });

  it('answers a plain 404 for a record that does not exist, whoever asks and whatever the consultation’s state', async () => {
    const officer = await createPerson(t, { roles: ['facilitator'] });
    const { reference, path } = await entered('Bureau 6 — Port', officer);
    const missing = `${path}/paper-totals/00000000-0000-4000-8000-000000000000/withdrawal`;
    for (const person of [officer, organizer, await createPerson(t, { verifiedIn: neighbourhoodId })]) {
      const answer = await api().post(missing).set(person.auth).send({}).expect(404);
      expect(answer.headers['content-type']).toMatch(/problem\+json/);
      expect(answer.body.detail).toContain('Aucun procès-verbal');
    }
    await moveConsultationTo(t, reference, 'results');
    await t.sql("UPDATE consultations SET vote_closes_at = now() - interval '25 hours' WHERE reference = $1", [reference]);
    await api().post(missing).set(officer.auth).send({}).expect(404);
  });

  it('refuses to withdraw a confirmed record (409): it counts', async () => {
    const officer = await createPerson(t, { roles: ['facilitator'] });
    const { path, withdrawal, countId } = await entered('Bureau 3 — Gymnase', officer);
    await api().post(`${path}/paper-totals/${countId}/confirmation`).set((await createPerson(t, { roles: ['facilitator'] })).auth).send({}).expect(200);
    const refused = await api().post(withdrawal).set(officer.auth).send({}).expect(409);
    expect(refused.headers['content-type']).toMatch(/problem\+json/);
    expect(refused.body.detail).toContain('confirmé');
    await api().post(withdrawal).set(organizer.auth).send({}).expect(409);
    expect((await api().get(`${path}/paper-totals`).expect(200)).body).toHaveLength(1);
  });

  it('refuses after the end of the count (409), even before the sweep publishes the results', async () => {
    const officer = await createPerson(t, { roles: ['facilitator'] });
    const { reference, path, withdrawal } = await entered('Bureau 4 — Médiathèque', officer);
    await moveConsultationTo(t, reference, 'results');
    expect((await api().get(path).expect(200)).body.state).toBe('counting');
    // The counting time (24 h after the close) is over; the hourly sweep has not run yet.
    await t.sql("UPDATE consultations SET vote_closes_at = now() - interval '25 hours' WHERE reference = $1", [reference]);
    expect((await api().get(`${path}/paper-totals`).set(officer.auth).expect(200)).body[0].viewer.can['consultations.withdraw-paper-totals']).toMatchObject({ allowed: false });
    expect((await api().post(withdrawal).set(officer.auth).send({}).expect(409)).body.detail).toContain('dépouillement est terminé');
  });

  it('refuses once the results are published (409), and the unconfirmed record was never counted', async () => {
    const officer = await createPerson(t, { roles: ['facilitator'] });
    const { reference, path, withdrawal } = await entered('Bureau 5 — Gare', officer);
    await moveConsultationTo(t, reference, 'results');
    await api().post(withdrawal).set(officer.auth).send({}).expect(204);
    // Withdrawn while counting: re-entered, left unconfirmed, the results come at the end of the count without it.
    const again = (await api().post(`${path}/paper-totals`).set(officer.auth).send(paper('Bureau 5 — Gare')).expect(201)).body as { id: string };
    await t.sql("UPDATE consultations SET vote_closes_at = now() - interval '25 hours' WHERE reference = $1", [reference]);
    await t.app.get(ConsultationsService).advanceDue();
    expect((await api().get(path).expect(200)).body.state).toBe('results');
    expect(ConsultationResultsSchema.parse((await api().get(`${path}/results`).expect(200)).body)).toMatchObject({ ballots: { paper: 0 }, paperCounts: [] });
    expect((await api().post(`${path}/paper-totals/${again.id}/withdrawal`).set(officer.auth).send({}).expect(409)).body.detail).toContain('résultats sont publiés');
  });
});
