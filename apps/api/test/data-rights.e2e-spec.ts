import { MeSchema, SessionPersonSchema } from '@sesame/domain';
import request from 'supertest';
import { JobQueue } from '../src/jobs/job-queue.service';
import { createNeighbourhood, createNotification, createPerson, createSignInLink, linkOidcIdentity } from './fixtures';
import { SmtpSink, tokenFrom } from './smtp-sink';
import { startTestApp, type TestApp } from './test-app';
import { bearer, personToken, serviceToken } from './tokens';

describe('Personal data rights', () => {
  const smtp = new SmtpSink();
  let t: TestApp;

  /** Signs a new person in through the real e-mail flow. */
  async function signIn(email: string) {
    await request(t.server).post('/api/v1/auth/sign-in-links').send({ email }).expect(202);
    const token = tokenFrom(await smtp.waitFor(email));
    const person = SessionPersonSchema.parse((await request(t.server).post('/api/v1/auth/sign-in-links/consume').set(bearer(await serviceToken())).send({ token }).expect(200)).body);
    return { ...person, auth: bearer(await personToken(person.id, person.sessionVersion)) };
  }

  beforeAll(async () => {
    t = await startTestApp({ SMTP_URL: await smtp.start() });
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('downloads everything held about me, restricted log entries included', async () => {
    const me = await signIn('export@example.org');
    await request(t.server).patch('/api/v1/me').set(me.auth).send({ pseudonym: 'Exportatrice' }).expect(200);
    const response = await request(t.server).get('/api/v1/me/export').set(me.auth).expect(200);
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="sesame-mes-donnees-\d{4}-\d{2}-\d{2}\.json"/);
    expect(response.body.people.account).toMatchObject({ id: me.id, pseudonym: 'Exportatrice', email: 'export@example.org', roles: ['resident'] });
    expect(response.body.identity.emailLinks).toEqual([expect.objectContaining({ purpose: 'sign_in', usedAt: expect.any(String) })]);
    expect(response.body.people.auditLog.map((e: { action: string }) => e.action)).toEqual(['person.created', 'role.granted', 'person.renamed']);
    expect(JSON.stringify(response.body)).not.toMatch(/token_?hash/i);
  });

  it('changes my e-mail only once the new address confirms', async () => {
    const me = await signIn('ancienne@example.org');
    await request(t.server).post('/api/v1/me/email-change').set(me.auth).send({ email: 'Nouvelle@Example.org' }).expect(202);
    const mail = await smtp.waitFor('nouvelle@example.org');
    expect(mail.subject).toBe('Confirmez votre nouvelle adresse sur Sésame');
    const token = /confirmer-adresse\?token=([A-Za-z0-9_-]{43})/.exec(mail.text ?? '')![1]!;
    // Not yet changed, and the token is no sign-in link.
    expect((await request(t.server).get('/api/v1/me').set(me.auth)).body.email).toBe('ancienne@example.org');
    await request(t.server).post('/api/v1/auth/sign-in-links/consume').set(bearer(await serviceToken())).send({ token }).expect(401);
    // Someone else cannot use it.
    const other = await signIn('autre@example.org');
    await request(t.server).post('/api/v1/me/email-change/confirm').set(other.auth).send({ token }).expect(422);

    const confirmed = MeSchema.parse((await request(t.server).post('/api/v1/me/email-change/confirm').set(me.auth).send({ token }).expect(200)).body);
    expect(confirmed.email).toBe('nouvelle@example.org');
    await request(t.server).post('/api/v1/me/email-change/confirm').set(me.auth).send({ token }).expect(422);
    const [entry] = await t.sql<{ visibility: string }>("SELECT visibility FROM audit_entries WHERE action = 'person.email-changed' AND subject_id = $1", [me.id]);
    expect(entry?.visibility).toBe('restricted');
  });

  it('answers the same whether the new address is free or another account’s, and tells the owner by e-mail', async () => {
    await signIn('prise@example.org');
    const me = await signIn('curieuse@example.org');
    const taken = await request(t.server).post('/api/v1/me/email-change').set(me.auth).send({ email: 'prise@example.org' });
    const free = await request(t.server).post('/api/v1/me/email-change').set(me.auth).send({ email: 'libre@example.org' });
    for (const response of [taken, free]) expect({ status: response.status, type: response.headers['content-type'], body: response.body }).toEqual({ status: 202, type: free.headers['content-type'], body: { sent: true } });

    // The free address gets its link; the owner of the taken one a warning without any link.
    expect((await smtp.waitFor('libre@example.org')).subject).toBe('Confirmez votre nouvelle adresse sur Sésame');
    const warning = await smtp.waitFor('prise@example.org', 2);
    expect(warning.subject).toBe('Quelqu’un a essayé d’utiliser votre adresse sur Sésame');
    expect(warning.text).not.toMatch(/https?:\/\//);
    expect(await t.sql("SELECT 1 FROM sign_in_links WHERE purpose = 'email_change' AND email = 'prise@example.org'")).toEqual([]);
    expect((await request(t.server).get('/api/v1/me').set(me.auth)).body.email).toBe('curieuse@example.org');
  });

  it('keeps the last admin: of the last two deleting their accounts at once, one stays, and cannot leave (409)', async () => {
    const [first, second] = [await signIn('admin-un@example.org'), await signIn('admin-deux@example.org')];
    await t.sql("DELETE FROM person_roles WHERE role = 'admin'");
    for (const admin of [first, second]) await t.sql("INSERT INTO person_roles (person_id, role) VALUES ($1, 'admin')", [admin.id]);
    const statuses = (await Promise.all([first, second].map((admin) => request(t.server).delete('/api/v1/me').set(admin.auth)))).map((r) => r.status).sort();
    expect(statuses).toEqual([204, 409]);
    const admins = await t.sql<{ person_id: string }>("SELECT person_id FROM person_roles WHERE role = 'admin'");
    expect(admins).toHaveLength(1);
    const last = admins[0]!.person_id === first.id ? first : second;
    const refused = await request(t.server).delete('/api/v1/me').set(last.auth).expect(409);
    expect(refused.body.detail).toMatch(/dernier compte d’administration/);
  });

  it('downloads my notifications, e-mail preference, linked identities, verification and pending address change', async () => {
    const me = await signIn('complete@example.org');
    await createNeighbourhood(t, { slug: 'les-coteaux', name: 'Les Coteaux' });
    const organizer = await createPerson(t, { roles: ['organizer'] });
    await request(t.server).post('/api/v1/verification/census').set(organizer.auth).set('Content-Type', 'text/csv').send('Nom,Prénom,Date de naissance,Quartier\nComplete,Cléo,03/04/1975,Les Coteaux\n').expect(200);
    await request(t.server).post('/api/v1/me/verification/census').set(me.auth).send({ lastName: 'Complete', firstName: 'Cleo', birthDate: '1975-04-03' }).expect(200);
    await request(t.server).put('/api/v1/me/notification-preferences').set(me.auth).send({ email: 'never' }).expect(200);
    await linkOidcIdentity(t, { personId: me.id, issuer: 'https://idp.example', subject: 'sub-complete' });
    await createNotification(t, { personId: me.id, kind: 'role.granted', data: { role: 'moderator' } });
    await request(t.server).post('/api/v1/me/email-change').set(me.auth).send({ email: 'ailleurs@example.org' }).expect(202);

    const exported = (await request(t.server).get('/api/v1/me/export').set(me.auth).expect(200)).body;
    expect(exported.notifications).toEqual({
      emailPreference: 'never',
      notifications: [expect.objectContaining({ kind: 'resident.verified' }), expect.objectContaining({ kind: 'role.granted', data: { role: 'moderator' } })],
    });
    expect(exported.identity.linkedIdentities).toEqual([expect.objectContaining({ issuer: 'https://idp.example', subject: 'sub-complete' })]);
    expect(exported.verification).toMatchObject({ residentVerification: { neighbourhood: 'Les Coteaux', method: 'census' }, censusEntriesUsed: [{ neighbourhood: 'Les Coteaux' }] });
    // Every address the platform wrote to for me, the one I asked to move to included.
    expect(exported.identity.emailLinks).toEqual([
      expect.objectContaining({ purpose: 'sign_in', sentTo: 'complete@example.org', usedAt: expect.any(String) }),
      expect.objectContaining({ purpose: 'email_change', sentTo: 'ailleurs@example.org', usedAt: null }),
    ]);
    expect(exported.people.account.roleGrants).toEqual([{ role: 'resident', grantedAt: expect.any(String) }]);
  });

  it('deletes my account: personal fields erased, contributions attributed to "Compte supprimé", sessions ended', async () => {
    const me = await signIn('partante@example.org');
    await request(t.server).patch('/api/v1/me').set(me.auth).send({ pseudonym: 'Partante' }).expect(200);
    await request(t.server).put('/api/v1/me/notification-preferences').set(me.auth).send({ email: 'daily' }).expect(200);
    await linkOidcIdentity(t, { personId: me.id, issuer: 'https://idp.example', subject: 'sub-partante' });
    await createNotification(t, { personId: me.id, kind: 'role.granted' });
    await request(t.server).delete('/api/v1/me').set(me.auth).expect(204);

    await request(t.server).get('/api/v1/me').set(me.auth).expect(401);
    await request(t.server).get('/api/v1/me').set(bearer(await personToken(me.id, me.sessionVersion + 1))).expect(401);
    const [row] = await t.sql<Record<string, unknown>>('SELECT email, pseudonym, neighbourhood_id, deleted_at FROM people WHERE id = $1', [me.id]);
    expect(row).toMatchObject({ email: null, neighbourhood_id: null, deleted_at: expect.any(Date) });
    expect(row!.pseudonym).not.toBe('Partante');
    expect(await t.sql('SELECT 1 FROM person_roles WHERE person_id = $1', [me.id])).toEqual([]);
    expect(await t.sql('SELECT 1 FROM sign_in_links WHERE person_id = $1', [me.id])).toEqual([]);
    for (const table of ['oidc_identities', 'notifications', 'notification_preferences']) {
      expect(await t.sql(`SELECT 1 FROM ${table} WHERE person_id = $1`, [me.id])).toEqual([]);
    }

    const log = await request(t.server).get(`/api/v1/audit-log?subjectType=person&subjectId=${me.id}`).expect(200);
    expect(log.body.items[0]).toMatchObject({ action: 'person.deleted', actor: 'Compte supprimé' });
    expect(JSON.stringify(log.body)).not.toContain('Partante');
    // The log still verifies: erasing a person never touches it.
    expect((await request(t.server).get('/api/v1/audit-log/verification')).body.valid).toBe(true);

    // The same address can start afresh, as a new person.
    const again = await signIn('partante@example.org');
    expect(again.id).not.toBe(me.id);
  });

  it('forgets expired e-mail links (and the addresses they hold) through the daily purge', async () => {
    await createSignInLink(t, { email: 'jamais-venu@example.org', expiresIn: '-2 days' });
    await createSignInLink(t, { email: 'en-cours@example.org', expiresIn: '10 minutes' });
    const jobs = t.app.get(JobQueue);
    await jobs.enqueue(undefined, 'sign-in-links.purge', {});
    await jobs.drain();
    const left = (await t.sql<{ email: string }>("SELECT email FROM sign_in_links WHERE email IN ('jamais-venu@example.org', 'en-cours@example.org')")).map((r) => r.email);
    expect(left).toEqual(['en-cours@example.org']);
  });
});
