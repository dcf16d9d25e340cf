import { NotificationPageSchema, WorkQueuesSchema, type WorkQueues } from '@sesame/domain';
import request from 'supertest';
import { JobQueue } from '../src/jobs/job-queue.service';
import { createDataUse, createInvitationBatch, createNeighbourhood, createPerson, createProposal, SUBMITTABLE_PROPOSAL, type TestPerson } from './fixtures';
import { SmtpSink } from './smtp-sink';
import { startTestApp, type TestApp } from './test-app';

describe('The organizers’ work queues', () => {
  const smtp = new SmtpSink();
  let t: TestApp;
  let organizer: TestPerson;

  const workQueues = async (person: TestPerson): Promise<WorkQueues> => WorkQueuesSchema.parse((await request(t.server).get('/api/v1/work-queues').set(person.auth).expect(200)).body);

  beforeAll(async () => {
    t = await startTestApp({ SMTP_URL: await smtp.start() });
    organizer = await createPerson(t, { roles: ['resident', 'organizer'] });
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  describe('who may see the counts', () => {
    it('asks a visitor to sign in (401)', async () => {
      const response = await request(t.server).get('/api/v1/work-queues').expect(401);
      expect(response.headers['content-type']).toMatch(/problem\+json/);
    });

    it('refuses a resident (403), and a moderator', async () => {
      for (const roles of [['resident'], ['resident', 'moderator']] as const) {
        const person = await createPerson(t, { roles: [...roles] });
        const response = await request(t.server).get('/api/v1/work-queues').set(person.auth).expect(403);
        expect(response.body.detail).toMatch(/Réservé/);
      }
    });

    it('gives an organizer every area (200), and never caches it', async () => {
      const response = await request(t.server).get('/api/v1/work-queues').set(organizer.auth).expect(200);
      expect(response.headers['cache-control']).toBe('no-store');
      const queues = WorkQueuesSchema.parse(response.body);
      expect(queues.proposals).not.toBeNull();
      expect(queues.register).not.toBeNull();
      expect(queues.verification).not.toBeNull();
    });

    it('gives the authority’s representative the register only: the other areas are not theirs', async () => {
      const authority = await createPerson(t, { roles: ['resident', 'authority'] });
      const queues = await workQueues(authority);
      expect(queues).toEqual({ proposals: null, register: expect.any(Object), verification: null });
    });

    it('gives an admin every area', async () => {
      const queues = await workQueues(await createPerson(t, { roles: ['admin'] }));
      expect(Object.values(queues).every((area) => area !== null)).toBe(true);
    });
  });

  describe('what is counted', () => {
    it('counts proposals waiting for admissibility and for selection, never drafts or decided ones', async () => {
      const before = (await workQueues(organizer)).proposals!;
      await createProposal(t, { state: 'draft' });
      await createProposal(t, { state: 'submitted' });
      await createProposal(t, { state: 'submitted' });
      await createProposal(t, { state: 'admissible' });
      await createProposal(t, { state: 'qualified' });
      await createProposal(t, { state: 'inadmissible' });
      await createProposal(t, { state: 'selected' });
      expect((await workQueues(organizer)).proposals).toEqual({ toReview: before.toReview + 2, toDecide: before.toDecide + 1 });
    });

    it('counts register records past their review or sunset date while in force, and drafts', async () => {
      const before = (await workQueues(organizer)).register!;
      const overdue = await createDataUse(t);
      const sunset = await createDataUse(t);
      const retired = await createDataUse(t);
      await createDataUse(t); // reviewed in 2030: nothing due
      await createDataUse(t, { state: 'draft' });
      await t.sql("UPDATE data_uses SET review_date = '2020-01-31' WHERE reference = $1", [overdue.reference]);
      await t.sql("UPDATE data_uses SET sunset_date = '2021-06-30' WHERE reference = $1", [sunset.reference]);
      await t.sql("UPDATE data_uses SET review_date = '2020-01-31', lifecycle_status = 'retired' WHERE reference = $1", [retired.reference]);
      expect((await workQueues(organizer)).register).toEqual({ reviewOverdue: before.reviewOverdue + 1, sunsetPassed: before.sunsetPassed + 1, drafts: before.drafts + 1 });

      // The same records, publicly: the register lists those to be reviewed again (the home page shows them).
      const due = (await request(t.server).get('/api/v1/data-uses?due=past&pageSize=100').expect(200)).body as { items: { reference: string; reviewOverdue: boolean; sunsetPassed: boolean }[] };
      const references = due.items.map((item) => item.reference);
      expect(references).toEqual(expect.arrayContaining([overdue.reference, sunset.reference]));
      expect(references).not.toContain(retired.reference);
      expect(due.items.every((item) => item.reviewOverdue || item.sunsetPassed)).toBe(true);
      // With the other filters, not instead of them.
      expect((await request(t.server).get('/api/v1/data-uses?due=past&status=retired').expect(200)).body.items).toEqual([]);
      await request(t.server).get('/api/v1/data-uses?due=soon').expect(400);
    });

    it('counts accounts not verified yet and invitation codes neither used nor revoked', async () => {
      const before = (await workQueues(organizer)).verification!;
      const neighbourhoodId = await createNeighbourhood(t, { slug: 'les-tilleuls', name: 'Les Tilleuls' });
      await createPerson(t);
      await createPerson(t, { verifiedIn: neighbourhoodId });
      const batchId = await createInvitationBatch(t, { neighbourhoodId, createdById: organizer.id });
      for (const [hash, state] of [['a', ''], ['b', ''], ['c', 'used'], ['d', 'revoked']] as const) {
        await t.sql(
          `INSERT INTO invitation_codes (id, batch_id, code_hash, hint${state ? `, ${state}_at` : ''}) VALUES (gen_random_uuid(), $1, $2, 'ABCD'${state ? ', now()' : ''})`,
          [batchId, hash.repeat(64)],
        );
      }
      expect((await workQueues(organizer)).verification).toEqual({ unverifiedPeople: before.unverifiedPeople + 1, unusedCodes: before.unusedCodes + 2 });
    });
  });

  describe('a proposal arriving', () => {
    const notificationsOf = async (person: TestPerson) => NotificationPageSchema.parse((await request(t.server).get('/api/v1/me/notifications').set(person.auth).expect(200)).body).items;

    it('is told to the organizers and admins, in the app and by e-mail, with a link to their queue — not to residents', async () => {
      const deciders = [await createPerson(t, { roles: ['resident', 'organizer'], email: 'orga@example.org' }), await createPerson(t, { roles: ['admin'], email: 'admin@example.org' })];
      const bystanders = [await createPerson(t), await createPerson(t, { roles: ['resident', 'authority'] }), await createPerson(t, { roles: ['resident', 'moderator'] })];
      const { reference } = await createProposal(t, { state: 'submitted', content: { ...SUBMITTABLE_PROPOSAL, title: 'Des caméras éteintes la nuit' } });

      for (const person of deciders) {
        const received = (await notificationsOf(person)).filter((n) => n.kind === 'proposal.received');
        expect(received).toEqual([expect.objectContaining({ kind: 'proposal.received', data: { reference, title: 'Des caméras éteintes la nuit' }, link: '/organisation/propositions', readAt: null })]);
      }
      for (const person of bystanders) expect(await notificationsOf(person)).toEqual([]);

      await t.app.get(JobQueue).drain();
      const mail = await smtp.waitFor('orga@example.org');
      expect(mail.subject).toBe(`Sésame : Nouvelle proposition à examiner : « Des caméras éteintes la nuit » (${reference}).`);
      expect(mail.text).toContain('http://localhost:3000/organisation/propositions');
      expect((await smtp.waitFor('admin@example.org')).subject).toContain(reference);
    });

    it('is not told to the organizer who submitted it (they know), nor when a draft is only saved', async () => {
      const author = await createPerson(t, { roles: ['resident', 'organizer'] });
      const other = await createPerson(t, { roles: ['resident', 'organizer'] });
      const { reference } = await createProposal(t, { state: 'draft', author });
      expect(await notificationsOf(other)).toEqual([]);
      await request(t.server).post(`/api/v1/proposals/${reference}/submit`).set(author.auth).send({ charterAccepted: true }).expect(200);
      expect((await notificationsOf(author)).filter((n) => n.kind === 'proposal.received')).toEqual([]);
      expect((await notificationsOf(other)).map((n) => n.data)).toEqual([expect.objectContaining({ reference })]);
    });

    it('is not told to a deleted account', async () => {
      const gone = await createPerson(t, { roles: ['resident', 'organizer'] });
      await t.sql('UPDATE people SET deleted_at = now() WHERE id = $1', [gone.id]);
      await createProposal(t, { state: 'submitted' });
      const [row] = await t.sql<{ n: number }>("SELECT count(*)::int AS n FROM notifications WHERE person_id = $1 AND kind = 'proposal.received'", [gone.id]);
      expect(row!.n).toBe(0);
    });
  });
});
