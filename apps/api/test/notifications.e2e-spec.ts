import { NotificationPageSchema } from '@sesame/domain';
import request from 'supertest';
import { JobQueue } from '../src/jobs/job-queue.service';
import { createPerson } from './fixtures';
import { SmtpSink } from './smtp-sink';
import { startTestApp, type TestApp } from './test-app';

describe('Notifications', () => {
  const smtp = new SmtpSink();
  let t: TestApp;
  let jobs: JobQueue;
  let admin: Record<string, string>;

  const grant = (personId: string, role: string) => request(t.server).put(`/api/v1/admin/people/${personId}/roles/${role}`).set(admin).expect(200);
  const notifications = async (auth: Record<string, string>) => NotificationPageSchema.parse((await request(t.server).get('/api/v1/me/notifications').set(auth).expect(200)).body);

  beforeAll(async () => {
    t = await startTestApp({ SMTP_URL: await smtp.start() });
    jobs = t.app.get(JobQueue);
    admin = (await createPerson(t, { email: 'admin@example.org', roles: ['admin'] })).auth;
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('notifies in the app at once and by e-mail through the job queue', async () => {
    const person = await createPerson(t, { email: 'modo@example.org' });
    await grant(person.id, 'moderator');
    const page = await notifications(person.auth);
    expect(page).toMatchObject({ total: 1, unread: 1, items: [{ kind: 'role.granted', data: { role: 'moderator' }, link: '/compte', readAt: null }] });
    expect(smtp.count('modo@example.org')).toBe(0);

    expect(await jobs.drain()).toBeGreaterThanOrEqual(1);
    const mail = await smtp.waitFor('modo@example.org');
    expect(mail.subject).toBe('Sésame : Vous avez maintenant le rôle « modérateur ou modératrice ».');
    expect(mail.text).toContain('http://localhost:3000/compte');

    await request(t.server).post('/api/v1/me/notifications/read').set(person.auth).send({}).expect(204);
    expect((await notifications(person.auth)).unread).toBe(0);
  });

  it('sends nothing by e-mail to someone who chose never', async () => {
    const person = await createPerson(t, { email: 'jamais@example.org' });
    await request(t.server).put('/api/v1/me/notification-preferences').set(person.auth).send({ email: 'never' }).expect(200, { email: 'never' });
    await grant(person.id, 'facilitator');
    await jobs.drain();
    expect((await notifications(person.auth)).unread).toBe(1);
    expect(smtp.count('jamais@example.org')).toBe(0);
  });

  it('gathers the day’s notifications into one digest for someone who chose daily', async () => {
    const person = await createPerson(t, { email: 'chaque-jour@example.org' });
    await request(t.server).put('/api/v1/me/notification-preferences').set(person.auth).send({ email: 'daily' }).expect(200);
    await grant(person.id, 'facilitator');
    await grant(person.id, 'organizer');
    await jobs.drain();
    expect(smtp.count('chaque-jour@example.org')).toBe(0);

    // Bring the digest forward to now instead of tomorrow morning.
    await jobs.enqueue(undefined, 'notification.daily-digest', {});
    await jobs.drain();
    const digest = await smtp.waitFor('chaque-jour@example.org');
    expect(digest.subject).toBe('Sésame : 2 nouvelles notifications');
    expect(digest.text).toContain('animateur ou animatrice');
    expect(digest.text).toContain('organisateur ou organisatrice');
    const [next] = await t.sql<{ n: number }>("SELECT count(*)::int AS n FROM jobs WHERE kind = 'notification.daily-digest' AND completed_at IS NULL AND run_at > now()");
    expect(next!.n).toBeGreaterThanOrEqual(1);
  });

  it('keeps an e-mail that could not be sent and retries it later', async () => {
    const broken = await startTestApp({ SMTP_URL: 'smtp://127.0.0.1:1' });
    try {
      const person = await createPerson(broken, { pseudonym: 'retry', email: 'retry@example.org', roles: [] });
      const brokenAdmin = await createPerson(broken, { pseudonym: 'adm', roles: ['admin'] });
      await request(broken.server).put(`/api/v1/admin/people/${person.id}/roles/moderator`).set(brokenAdmin.auth).expect(200);
      await broken.app.get(JobQueue).drain();
      const [job] = await broken.sql<{ attempts: number; last_error: string; completed_at: Date | null; run_at: Date }>("SELECT attempts, last_error, completed_at, run_at FROM jobs WHERE kind = 'notification.email'");
      expect(job).toMatchObject({ attempts: 1, completed_at: null });
      expect(job!.last_error).toMatch(/ECONNREFUSED|connect/i);
      expect(job!.run_at.getTime()).toBeGreaterThan(Date.now());
    } finally {
      await broken.close();
    }
  });

  it('refuses invalid input', async () => {
    const person = await createPerson(t, { email: 'invalide@example.org' });
    await request(t.server).put('/api/v1/me/notification-preferences').set(person.auth).send({ email: 'hourly' }).expect(400);
    await request(t.server).post('/api/v1/me/notifications/read').set(person.auth).send({ ids: ['nope'] }).expect(400);
  });
});
