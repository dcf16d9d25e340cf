import { AuditEntryPageSchema, MeSchema, SessionPersonSchema, type Me } from '@sesame/domain';
import request from 'supertest';
import { createPerson, type TestPerson } from './fixtures';
import { SmtpSink, tokenFrom } from './smtp-sink';
import { startTestApp, type TestApp } from './test-app';
import { bearer, personToken, serviceToken } from './tokens';

describe('A new account’s first steps', () => {
  const smtp = new SmtpSink();
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ SMTP_URL: await smtp.start() });
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  /** Signs a new address in as the web does: link by e-mail, then the web server trades it. */
  async function newcomer(email: string): Promise<TestPerson> {
    const before = smtp.count(email);
    await request(t.server).post('/api/v1/auth/sign-in-links').send({ email }).expect(202);
    const token = tokenFrom(await smtp.waitFor(email, before + 1));
    const person = SessionPersonSchema.parse((await request(t.server).post('/api/v1/auth/sign-in-links/consume').set(bearer(await serviceToken())).send({ token }).expect(200)).body);
    return { id: person.id, auth: bearer(await personToken(person.id)) };
  }
  const me = async (person: TestPerson): Promise<Me> => MeSchema.parse((await request(t.server).get('/api/v1/me').set(person.auth).expect(200)).body);
  const welcome = (person: TestPerson, body: object) => request(t.server).post('/api/v1/me/welcome').set(person.auth).send(body);

  it('starts a new account not welcomed, with the given pseudonym; accounts that existed already are welcomed', async () => {
    const person = await newcomer('premiere@example.org');
    expect(await me(person)).toMatchObject({ welcomed: false, pseudonym: expect.stringMatching(/^Participant \d{5}$/) });
    expect((await me(await createPerson(t))).welcomed).toBe(true);
  });

  it('stays welcomed at the next sign-in', async () => {
    const person = await newcomer('revient@example.org');
    await welcome(person, {}).expect(200);
    const again = await newcomer('revient@example.org');
    expect(again.id).toBe(person.id);
    expect((await me(again)).welcomed).toBe(true);
  });

  it('names the person as they chose, under the pseudonym rules, and records the rename publicly by pseudonym', async () => {
    const person = await newcomer('nommee@example.org');
    const answer = MeSchema.parse((await welcome(person, { pseudonym: '  Voisine de la Noue ' }).expect(200)).body);
    expect(answer).toMatchObject({ welcomed: true, pseudonym: 'Voisine de la Noue' });
    expect(await me(person)).toMatchObject({ welcomed: true, pseudonym: 'Voisine de la Noue' });

    // The journal shows who by pseudonym (as the actor and as the subject), never an address.
    const journal = (await request(t.server).get('/api/v1/audit-log?action=person.renamed').expect(200)).body;
    const entries = AuditEntryPageSchema.parse(journal).items.filter((entry) => entry.subjectId === person.id);
    expect(entries).toEqual([expect.objectContaining({ action: 'person.renamed', actor: 'Voisine de la Noue', subjectName: 'Voisine de la Noue', data: {} })]);
    expect(JSON.stringify(journal)).not.toContain('@example.org');
  });

  it('keeps the given pseudonym when the person skips the choice', async () => {
    const person = await newcomer('plus-tard@example.org');
    const before = (await me(person)).pseudonym;
    expect(MeSchema.parse((await welcome(person, {}).expect(200)).body)).toMatchObject({ welcomed: true, pseudonym: before });
    const renames = await t.sql("SELECT seq FROM audit_entries WHERE action = 'person.renamed' AND subject_id = $1", [person.id]);
    expect(renames).toEqual([]);
  });

  it.each([
    ['a reserved name', 'Mairie de Val-de-Noue', 400, /rôle officiel/],
    ['a deleted account’s name', 'Participant supprimé', 400, /comptes supprimés/],
    ['mixed alphabets', 'Аlice', 400, /alphabets/],
    ['too short', 'Al', 400, /au moins 3/],
  ])('refuses %s (%s) with a French reason, and the welcome is not done', async (_what, pseudonym, status, detail) => {
    const person = await newcomer(`refus-${status}-${pseudonym.length}-${Date.now()}@example.org`);
    const response = await welcome(person, { pseudonym }).expect(status);
    expect(response.headers['content-type']).toMatch(/problem\+json/);
    expect(JSON.stringify(response.body)).toMatch(detail);
    expect(await me(person)).toMatchObject({ welcomed: false, pseudonym: expect.stringMatching(/^Participant \d{5}$/) });
  });

  it('refuses a pseudonym that looks like someone else’s (409), and the welcome is not done', async () => {
    await createPerson(t, { pseudonym: 'Camille' });
    const person = await newcomer('sosie@example.org');
    const response = await welcome(person, { pseudonym: 'CAMlLLE' }).expect(409);
    expect(response.body.detail).toMatch(/déjà pris, ou ressemble trop/);
    expect((await me(person)).welcomed).toBe(false);
  });

  it('refuses fields it does not know, and visitors', async () => {
    const person = await newcomer('champs@example.org');
    await welcome(person, { pseudonym: 'Voisin discret', locale: 'en' }).expect(400);
    await request(t.server).post('/api/v1/me/welcome').send({}).expect(401);
    expect((await me(person)).welcomed).toBe(false);
  });
});
