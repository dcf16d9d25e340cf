import request from 'supertest';
import { createNeighbourhood, createPerson } from './fixtures';
import { startTestApp, type TestApp } from './test-app';

const CSV = `\uFEFFNom,Prénom,Date de naissance,Quartier
MARTIN-DUPONT,Élodie,05/03/1990,La Noue
N'Diaye,Awa,1985-11-30,la-noue
Durand,Paul,31/02/1970,La Noue
Petit,Lou,01/01/2000,Atlantide
,Sans nom,01/01/1990,La Noue
`;

describe('Resident verification by census list', () => {
  let t: TestApp;
  let organizer: Record<string, string>;

  const upload = (csv: string, query = '') => request(t.server).post(`/api/v1/verification/census${query}`).set(organizer).set('Content-Type', 'text/csv').send(csv);
  const match = (auth: Record<string, string>, details: object) => request(t.server).post('/api/v1/me/verification/census').set(auth).send(details);

  beforeAll(async () => {
    t = await startTestApp();
    await createNeighbourhood(t, { slug: 'la-noue', name: 'La Noue' });
    organizer = (await createPerson(t, { roles: ['organizer'] })).auth;
  });
  afterAll(() => t.close());

  it('imports valid rows as keyed hashes only, reports the others by line, and audits counts', async () => {
    const response = await upload(CSV).expect(200);
    expect(response.body).toEqual({
      imported: 2,
      alreadyPresent: 0,
      rejected: [
        { line: 4, reason: expect.stringMatching(/invalide/) },
        { line: 5, reason: 'Quartier inconnu : Atlantide.' },
        { line: 6, reason: expect.stringMatching(/manquant/) },
      ],
    });
    const stored = JSON.stringify(await t.sql('SELECT * FROM census_entries'));
    for (const clear of ['martin', 'MARTIN', 'Élodie', 'elodie', '1990', 'awa']) expect(stored).not.toContain(clear);
    const [entry] = await t.sql<{ data: unknown }>("SELECT data FROM audit_entries WHERE action = 'census.imported'");
    expect(entry?.data).toEqual({ imported: 2, rejected: 3 });
    // Importing the same file again adds nothing.
    expect((await upload(CSV).expect(200)).body).toMatchObject({ imported: 0, alreadyPresent: 2 });
  });

  it('verifies a resident who types matching details, however they write them', async () => {
    const me = await createPerson(t);
    const response = await match(me.auth, { lastName: 'martin dupont', firstName: 'elodie', birthDate: '1990-03-05' }).expect(200);
    expect(response.body).toMatchObject({ neighbourhood: { name: 'La Noue' }, method: 'census' });
    // Matching again: the account is already verified (one identity per account); someone else with the same details is refused.
    const again = await match(me.auth, { lastName: 'Martin-Dupont', firstName: 'Élodie', birthDate: '05/03/1990' }).expect(409);
    expect(again.body.detail).toMatch(/déjà vérifié/);
    const other = await createPerson(t);
    await match(other.auth, { lastName: 'Martin-Dupont', firstName: 'Élodie', birthDate: '05/03/1990' }).expect(422);
  });

  it('answers 422 for details not in the list and 400 for invalid ones', async () => {
    const me = await createPerson(t);
    const missing = await match(me.auth, { lastName: 'Inconnu', firstName: 'Personne', birthDate: '01/01/1970' }).expect(422);
    expect(missing.body.detail).toMatch(/ne pouvons pas vous vérifier/);
    const invalid = await match(me.auth, { lastName: '', firstName: 'x', birthDate: '31/02/1990' }).expect(400);
    expect(invalid.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['birthDate', 'lastName']);
  });

  describe('reveals nothing, and keeps one identity per account', () => {
    /** A census entry of its own for each test, in La Noue. */
    async function resident(lastName: string): Promise<{ lastName: string; firstName: string; birthDate: string }> {
      await upload(`Nom,Prénom,Date de naissance,Quartier\n${lastName},Awa,12/06/1988,La Noue\n`).expect(200);
      return { lastName, firstName: 'Awa', birthDate: '1988-06-12' };
    }
    const entriesUsedBy = async (personId: string) => (await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM census_entries WHERE used_by_id = $1', [personId]))[0]!.n;

    it('answers exactly the same for details not on the list and details that already verify someone', async () => {
      const details = await resident('Sow');
      await match((await createPerson(t)).auth, details).expect(200);
      const me = await createPerson(t);
      const used = await match(me.auth, details);
      const unknown = await match(me.auth, { ...details, lastName: 'Sowe' });
      // Everything but the request's own id.
      const comparable = (response: request.Response) => ({ status: response.status, type: response.headers['content-type'], body: { ...response.body, requestId: undefined } });
      expect(comparable(used)).toEqual(comparable(unknown));
      expect(used.status).toBe(422);
      expect(await t.sql('SELECT 1 FROM resident_verifications WHERE person_id = $1', [me.id])).toEqual([]);
    });

    it('refuses a verified resident a second identity (409), leaving that entry free', async () => {
      const first = await resident('Ba');
      const second = await resident('Diallo');
      const me = await createPerson(t);
      await match(me.auth, first).expect(200);
      const refused = await match(me.auth, second).expect(409);
      expect(refused.body.detail).toMatch(/déjà vérifié/);
      expect(await entriesUsedBy(me.id)).toBe(1);
      // The second identity can still verify its own account.
      await match((await createPerson(t)).auth, second).expect(200);
    });

    it('lets one account hold only one identity, even when it tries two at once', async () => {
      const [first, second] = [await resident('Camara'), await resident('Keita')];
      const me = await createPerson(t);
      const statuses = (await Promise.all([match(me.auth, first), match(me.auth, second)])).map((r) => r.status).sort();
      expect(statuses).toEqual([200, 409]);
      expect(await entriesUsedBy(me.id)).toBe(1);
    });

    it('releases the identity when its account is deleted: the resident can verify a new account', async () => {
      const details = await resident('Traoré');
      const leaving = await createPerson(t);
      await match(leaving.auth, details).expect(200);
      await request(t.server).delete('/api/v1/me').set(leaving.auth).expect(204);
      expect(await t.sql('SELECT 1 FROM census_entries WHERE used_by_id = $1', [leaving.id])).toEqual([]);
      const back = await createPerson(t);
      const response = await match(back.auth, details).expect(200);
      expect(response.body).toMatchObject({ neighbourhood: { name: 'La Noue' }, method: 'census' });
    });
  });

  it('refuses a file without the needed columns, naming them', async () => {
    const response = await upload('nom,ville\nMartin,Paris\n').expect(400);
    expect(response.body.errors.map((e: { message: string }) => e.message)).toEqual(['Colonne manquante : prenom.', 'Colonne manquante : date de naissance.']);
    await upload('nom,prénom,date de naissance\nA,B,01/01/1990\n').expect(400);
  });
});
