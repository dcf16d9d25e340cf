import { SessionPersonSchema } from '@sesame/domain';
import request from 'supertest';
import { createPerson } from './fixtures';
import { bearer, serviceToken } from './tokens';
import { SmtpSink, tokenFrom } from './smtp-sink';
import { startTestApp, type TestApp } from './test-app';

describe('Sign-in by e-mail link', () => {
  const smtp = new SmtpSink();
  let t: TestApp;

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    t = await startTestApp({ SMTP_URL: smtpUrl, ADMIN_EMAILS: 'chef@example.org' });
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  async function requestLink(email: string, locale = 'fr') {
    const address = email.trim().toLowerCase();
    const before = smtp.count(address);
    await request(t.server).post('/api/v1/auth/sign-in-links').send({ email, locale }).expect(202, { sent: true });
    return smtp.waitFor(address, before + 1);
  }

  const consume = async (token: string) => request(t.server).post('/api/v1/auth/sign-in-links/consume').set(bearer(await serviceToken())).send({ token });

  it('sends a French link that signs a new person in once, as a resident', async () => {
    const mail = await requestLink('  Nadia@Example.org ');
    expect(mail.subject).toBe('Votre lien de connexion à Sésame');
    expect(mail.text).toContain('valable 15 minutes');
    expect(mail.headers.get('content-language')).toBe('fr');
    expect(mail.html).toContain('lang="fr"');
    const token = tokenFrom(mail);

    const first = await consume(token);
    expect(first.status).toBe(200);
    const person = SessionPersonSchema.parse(first.body);
    expect(person).toMatchObject({ roles: ['resident'], locale: 'fr', sessionVersion: 0 });
    expect(person.pseudonym).toMatch(/^Participant \d{5}$/);
    expect(JSON.stringify(first.body)).not.toContain('@');

    const again = await consume(token);
    expect(again.status).toBe(401);
    expect(again.body.detail).toMatch(/expiré ou a déjà servi/);

    const [stored] = await t.sql<{ email: string }>('SELECT email FROM people WHERE id = $1', [person.id]);
    expect(stored?.email).toBe('nadia@example.org');
    const audit = await t.sql<{ action: string }>("SELECT action FROM audit_entries WHERE subject_id = $1 ORDER BY seq", [person.id]);
    expect(audit.map((a) => a.action)).toEqual(['person.created', 'role.granted']);
  });

  it('signs a known person in as themselves, in their language', async () => {
    const first = SessionPersonSchema.parse((await consume(tokenFrom(await requestLink('jo@example.org', 'en')))).body);
    await t.sql("UPDATE people SET locale = 'en' WHERE id = $1", [first.id]);
    const mail = await requestLink('jo@example.org', 'fr');
    expect(mail.subject).toBe('Your link to sign in to Sésame');
    const second = SessionPersonSchema.parse((await consume(tokenFrom(mail))).body);
    expect(second.id).toBe(first.id);
  });

  it('refuses an expired link', async () => {
    const token = tokenFrom(await requestLink('late@example.org'));
    await t.sql("UPDATE sign_in_links SET expires_at = now() - interval '1 second' WHERE email = 'late@example.org'");
    expect((await consume(token)).status).toBe(401);
    expect(await t.sql("SELECT id FROM people WHERE email = 'late@example.org'")).toEqual([]);
  });

  it('gives a link to exactly one of many simultaneous attempts', async () => {
    const token = tokenFrom(await requestLink('race@example.org'));
    const statuses = (await Promise.all(Array.from({ length: 10 }, () => consume(token)))).map((r) => r.status).sort();
    expect(statuses).toEqual([200, ...Array(9).fill(401)]);
    expect(await t.sql("SELECT id FROM people WHERE email = 'race@example.org'")).toHaveLength(1);
  });

  it('stores only a hash of the link secret', async () => {
    const token = tokenFrom(await requestLink('hash@example.org'));
    const rows = await t.sql<{ token_hash: string }>("SELECT token_hash FROM sign_in_links WHERE email = 'hash@example.org'");
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]!.token_hash).not.toContain(token);
  });

  it('makes ADMIN_EMAILS admins on sign-in, audited', async () => {
    const person = SessionPersonSchema.parse((await consume(tokenFrom(await requestLink('chef@example.org')))).body);
    expect(person.roles.sort()).toEqual(['admin', 'resident']);
    const entries = await t.sql<{ data: { role: string; reason?: string } }>("SELECT data FROM audit_entries WHERE subject_id = $1 AND action = 'role.granted'", [person.id]);
    expect(entries.map((e) => e.data)).toContainEqual({ role: 'admin', reason: 'ADMIN_EMAILS' });
  });

  it('answers 400 with a French field error for a bad address, and sends nothing', async () => {
    const before = smtp.messages.length;
    const response = await request(t.server).post('/api/v1/auth/sign-in-links').send({ email: 'pas-une-adresse' }).expect(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ path: 'email', message: 'Écrivez une adresse e-mail complète, par exemple nom@exemple.fr.' })]);
    expect(smtp.messages.length).toBe(before);
  });

  it('brings the person back where they asked to sign in from, only on this site', async () => {
    const before = smtp.count('retour@example.org');
    await request(t.server).post('/api/v1/auth/sign-in-links').send({ email: 'retour@example.org', returnTo: '/registre/DU-2027-002?partie=toutes' }).expect(202);
    const mail = await smtp.waitFor('retour@example.org', before + 1);
    const link = new URL(/https?:\/\/\S+\/connexion\/lien\?\S+/.exec(mail.text ?? '')![0]);
    expect(link.searchParams.get('retour')).toBe('/registre/DU-2027-002?partie=toutes');
    expect(link.searchParams.get('token')).toBe(tokenFrom(mail));

    for (const returnTo of ['//evil.example/', 'https://evil.example/', '/\\evil', '/a\nb', `/${'a'.repeat(500)}`]) {
      const sent = smtp.messages.length;
      const response = await request(t.server).post('/api/v1/auth/sign-in-links').send({ email: 'retour@example.org', returnTo }).expect(400);
      expect(response.body.errors).toEqual([expect.objectContaining({ path: 'returnTo' })]);
      expect(smtp.messages.length).toBe(sent);
    }
  });

  describe('the consume endpoint trusts only the web server', () => {
    const validToken = 'A'.repeat(43);

    it('refuses a call with no credential', async () => {
      await request(t.server).post('/api/v1/auth/sign-in-links/consume').send({ token: validToken }).expect(401);
    });

    it.each([
      ['signed with another secret', () => serviceToken({ secret: 'another-secret-that-is-long-enough-000000' })],
      ['expired', () => serviceToken({ issuedAt: Math.floor(Date.now() / 1000) - 600, expiresIn: '-5m' })],
      ['living longer than allowed', () => serviceToken({ expiresIn: '1h' })],
      ['for another audience', () => serviceToken({ audience: 'another-api' })],
      ['from another issuer', () => serviceToken({ issuer: 'someone-else' })],
    ])('refuses a forged or expired credential: %s', async (_name, make) => {
      const response = await request(t.server).post('/api/v1/auth/sign-in-links/consume').set(bearer(await make())).send({ token: validToken });
      expect(response.status).toBe(401);
      expect(response.body.detail).toBe('Identifiants invalides ou expirés.');
    });

    it('refuses an unsigned token (alg none)', async () => {
      const header = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
      const payload = Buffer.from(JSON.stringify({ sub: 'service:web', iss: 'sesame-web', aud: 'sesame-api', iat: Math.floor(Date.now() / 1000), exp: Math.floor(Date.now() / 1000) + 60 })).toString('base64url');
      await request(t.server).post('/api/v1/auth/sign-in-links/consume').set(bearer(`${header}.${payload}.`)).send({ token: validToken }).expect(401);
    });

    it('refuses a person’s credential', async () => {
      const person = await createPerson(t, { pseudonym: 'Curieux', roles: [] });
      await request(t.server).post('/api/v1/auth/sign-in-links/consume').set(person.auth).send({ token: validToken }).expect(403);
    });
  });
});

describe('Sign-in through an OpenID Connect provider (API side)', () => {
  let t: TestApp;
  const issuer = 'https://idp.example.org';
  let service: Record<string, string>;
  const link = (body: object) => request(t.server).post('/api/v1/auth/oidc/link').set(service).send(body);

  beforeAll(async () => {
    t = await startTestApp({ ADMIN_EMAILS: 'dpo@example.org' });
    service = bearer(await serviceToken());
  });
  afterAll(() => t.close());

  it('creates a person on first sign-in and finds them again by subject', async () => {
    const first = SessionPersonSchema.parse((await link({ issuer, subject: 'abc-1', email: 'oidc@example.org', emailVerified: true }).expect(200)).body);
    expect(first.roles).toEqual(['resident']);
    const again = SessionPersonSchema.parse((await link({ issuer, subject: 'abc-1', email: 'changed@example.org', emailVerified: true }).expect(200)).body);
    expect(again.id).toBe(first.id);
    const [row] = await t.sql<{ email: string }>('SELECT email FROM people WHERE id = $1', [first.id]);
    expect(row?.email).toBe('oidc@example.org');
  });

  it('attaches to an existing account only through a verified address', async () => {
    const existing = await createPerson(t, { pseudonym: 'Existant', email: 'existant@example.org', roles: [] });
    const unverified = SessionPersonSchema.parse((await link({ issuer, subject: 'x-1', email: 'existant@example.org', emailVerified: false }).expect(200)).body);
    expect(unverified.id).not.toBe(existing.id);
    const verified = SessionPersonSchema.parse((await link({ issuer, subject: 'x-2', email: 'existant@example.org', emailVerified: true }).expect(200)).body);
    expect(verified.id).toBe(existing.id);
  });

  it('applies ADMIN_EMAILS to verified addresses only', async () => {
    expect(SessionPersonSchema.parse((await link({ issuer, subject: 'd-1', email: 'dpo@example.org', emailVerified: false }).expect(200)).body).roles).toEqual(['resident']);
    expect(SessionPersonSchema.parse((await link({ issuer, subject: 'd-2', email: 'dpo@example.org', emailVerified: true }).expect(200)).body).roles.sort()).toEqual(['admin', 'resident']);
  });

  it('is for the web server only, and validates its input', async () => {
    await request(t.server).post('/api/v1/auth/oidc/link').send({ issuer, subject: 'z' }).expect(401);
    const bad = await link({ issuer: 'not a url', subject: '' }).expect(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['issuer', 'subject']);
  });
});
