import { MeSchema } from '@sesame/domain';
import request from 'supertest';
import { createConsultation, createNeighbourhood, createPerson, voterCodeOf, type TestPerson } from './fixtures';
import { publicAuditLog } from './support/panel-seats';
import { startTestApp, type TestApp } from './test-app';

/** « Renouveler mon code d’électeur » (decision 0019): a leaked code can be replaced; the old one finds nobody. */
describe('Voter code renewal', () => {
  let t: TestApp;
  let neighbourhoodId: string;
  let organizer: TestPerson;
  const api = () => request(t.server);

  beforeAll(async () => {
    t = await startTestApp();
    neighbourhoodId = await createNeighbourhood(t, { slug: 'renouvellement', name: 'Quartier du renouvellement' });
    organizer = await createPerson(t, { pseudonym: 'Service démocratie', roles: ['resident', 'organizer'] });
  });
  afterAll(() => t.close());

  it('gives a new random code; the old one gets the same answer as an unknown code at a station, the new one is found; the export shows it', async () => {
    const { reference } = await createConsultation(t, { organizer, state: 'vote' });
    const officer = await createPerson(t, { roles: ['facilitator'] });
    const resident = await createPerson(t, { verifiedIn: neighbourhoodId });
    const lookup = (code: string) => api().get(`/api/v1/consultations/${reference}/station/eligibility/${code}`).set(officer.auth);
    const old = await voterCodeOf(t, resident.id);
    await lookup(old).expect(200);

    const me = MeSchema.parse((await api().post('/api/v1/me/voter-code/renewal').set(resident.auth).expect(200)).body);
    const renewed = me.verification!.voterCode;
    expect(renewed).toMatch(/^[0-9A-F]{5}-[0-9A-F]{5}$/);
    expect(renewed).not.toBe(old);
    expect(await voterCodeOf(t, resident.id)).toBe(renewed);
    expect(MeSchema.parse((await api().get('/api/v1/me').set(resident.auth).expect(200)).body).verification!.voterCode).toBe(renewed);

    // The old code: exactly what a code nobody holds gets (status and wording, the code aside).
    const gone = await lookup(old).expect(404);
    const unknown = await lookup('00000-00000').expect(404);
    expect(gone.body.detail.replace(old, 'CODE')).toBe(unknown.body.detail.replace('00000-00000', 'CODE'));
    expect(Object.keys(gone.body).sort()).toEqual(Object.keys(unknown.body).sort());
    await api().post(`/api/v1/consultations/${reference}/station/participations`).set(officer.auth).send({ voterCode: old, stationName: 'Bureau 1' }).expect(404);
    expect((await lookup(renewed).expect(200)).body).toMatchObject({ voterCode: renewed, eligible: true, alreadyVoted: false });

    // The data export carries the new code, never the old one.
    const exported = JSON.stringify((await api().get('/api/v1/me/export').set(resident.auth).expect(200)).body);
    expect(exported).toContain(renewed.replace('-', ''));
    expect(exported).not.toContain(old.replace('-', ''));
  });

  it('journals the renewal in a restricted entry that carries no code', async () => {
    const resident = await createPerson(t, { verifiedIn: neighbourhoodId });
    const old = (await voterCodeOf(t, resident.id)).replace('-', '');
    await api().post('/api/v1/me/voter-code/renewal').set(resident.auth).expect(200);
    const renewed = (await voterCodeOf(t, resident.id)).replace('-', '');
    const entries = await t.sql<{ visibility: string; data: unknown; actor_id: string }>("SELECT visibility, data, actor_id FROM audit_entries WHERE subject_id = $1 AND action = 'person.voter-code-renewed'", [resident.id]);
    expect(entries).toEqual([{ visibility: 'restricted', data: {}, actor_id: resident.id }]);
    const everything = JSON.stringify(await t.sql('SELECT * FROM audit_entries WHERE subject_id = $1', [resident.id])).toUpperCase();
    expect(everything).not.toContain(old);
    expect(everything).not.toContain(renewed);
    // Restricted: not in the public journal.
    expect((await publicAuditLog(t)).some((entry) => entry.action === 'person.voter-code-renewed')).toBe(false);
  });

  it('draws again when the new code equals someone else’s (the unique index refuses it), without a second journal entry', async () => {
    const other = await createPerson(t, { verifiedIn: neighbourhoodId });
    const resident = await createPerson(t, { verifiedIn: neighbourhoodId });
    const taken = (await voterCodeOf(t, other.id)).replace('-', '');
    // The first draw for this resident comes out equal to the other's code; later draws are left alone
    // (a sequence counts the draws: it is not rolled back with the refused transaction).
    await t.sql('CREATE SEQUENCE renewal_draws');
    await t.sql(`CREATE FUNCTION collide_once() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.person_id = '${resident.id}'::uuid AND nextval('renewal_draws') = 1 THEN
          NEW.voter_code := '${taken}';
        END IF;
        RETURN NEW;
      END $$`);
    await t.sql('GRANT USAGE ON SEQUENCE renewal_draws TO PUBLIC');
    await t.sql('CREATE TRIGGER collide_once BEFORE UPDATE ON resident_verifications FOR EACH ROW EXECUTE FUNCTION collide_once()');
    try {
      const me = MeSchema.parse((await api().post('/api/v1/me/voter-code/renewal').set(resident.auth).expect(200)).body);
      expect((await t.sql<{ last_value: string }>('SELECT last_value FROM renewal_draws'))[0]!.last_value).toBe('2');
      expect(me.verification!.voterCode.replace('-', '')).not.toBe(taken);
      expect((await voterCodeOf(t, other.id)).replace('-', '')).toBe(taken);
      expect((await t.sql("SELECT 1 FROM audit_entries WHERE subject_id = $1 AND action = 'person.voter-code-renewed'", [resident.id])).length).toBe(1);
    } finally {
      await t.sql('DROP TRIGGER collide_once ON resident_verifications');
      await t.sql('DROP FUNCTION collide_once()');
      await t.sql('DROP SEQUENCE renewal_draws');
    }
  });

  it('answers 401 without a session, and 422 to someone who has no voter code yet', async () => {
    await api().post('/api/v1/me/voter-code/renewal').expect(401);
    const unverified = await createPerson(t);
    const refused = await api().post('/api/v1/me/voter-code/renewal').set(unverified.auth).expect(422);
    expect(refused.body.detail).toContain('code d’électeur');
    expect((await t.sql("SELECT 1 FROM audit_entries WHERE subject_id = $1 AND action = 'person.voter-code-renewed'", [unverified.id])).length).toBe(0);
  });
});
