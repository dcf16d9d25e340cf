import {
  ContributionPageSchema,
  ContributionSchema,
  DeliberationSchema,
  ModerationLogPageSchema,
  ModerationQueueSchema,
  ModerationTransparencySchema,
  MyModerationDecisionsSchema,
  OverallModerationLogPageSchema,
  StatementOfReasonsSchema,
} from '@sesame/domain';
import request from 'supertest';
import { createDeliberation, createModerationDecision, createNeighbourhood, createPerson, createProposal, postContribution, type TestPerson } from './fixtures';
import { ModerationRemindersService } from '../src/deliberations/moderation-reminders.service';
import { startTestApp, type TestApp } from './test-app';

describe('Deliberations', () => {
  let t: TestApp;
  let moderator: TestPerson;
  let secondModerator: TestPerson;
  const api = () => request(t.server);
  const contributions = (id: string) => `/api/v1/deliberations/${id}/contributions`;
  const count = async (table: string) => (await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;
  const notificationsOf = async (personId: string) => (await t.sql<{ kind: string; data: Record<string, unknown> }>('SELECT kind, data FROM notifications WHERE person_id = $1 ORDER BY created_at', [personId]));

  beforeAll(async () => {
    t = await startTestApp();
    moderator = await createPerson(t, { pseudonym: 'Modération Une', roles: ['resident', 'moderator'] });
    secondModerator = await createPerson(t, { pseudonym: 'Modération Deux', roles: ['resident', 'moderator'] });
  });
  afterAll(() => t.close());

  describe('opening a space', () => {
    it('lets an organizer open one space on an admissible proposal, with the default policy, and audits it', async () => {
      const space = await createDeliberation(t);
      const dto = DeliberationSchema.parse((await api().get(`/api/v1/deliberations/${space.id}`).expect(200)).body);
      expect(dto.subject).toMatchObject({ type: 'proposal', reference: space.proposalReference });
      expect(dto.rules).toMatchObject({ version: 1, moderation: 'post', autoHideThreshold: 3, whoMayPost: { who: 'signed_in' } });
      expect(dto.rules.moderationPolicy.map((r) => r.code)).toEqual(['spam', 'hate_or_harassment', 'personal_data', 'off_topic', 'illegal_content', 'other']);
      expect(dto.phase).toBe('open');
      expect(dto.viewer.can['deliberations.post']).toEqual({ allowed: false, reason: 'sign_in' });
      const [entry] = await t.sql('SELECT action, subject_type FROM audit_entries WHERE subject_id = $1', [space.id]);
      expect(entry).toEqual({ action: 'deliberation.opened', subject_type: 'deliberation' });

      const again = await api().post('/api/v1/deliberations').set(space.organizer.auth).send({ subject: { type: 'proposal', reference: space.proposalReference }, rules: { moderation: 'post', opensAt: '2026-01-01T00:00:00Z', closesAt: '2099-01-01T00:00:00Z' } });
      expect(again.status).toBe(422);
    });

    it('refuses a resident (403), a proposal not yet admitted (422), a draft (404), bad rules (400 on the field)', async () => {
      const organizer = await createPerson(t, { roles: ['resident', 'organizer'] });
      const rules = { moderation: 'post', opensAt: '2026-01-01T00:00:00Z', closesAt: '2099-01-01T00:00:00Z' };
      const submitted = await createProposal(t, { state: 'submitted' });
      const draft = await createProposal(t, { state: 'draft' });
      const before = await count('deliberations');
      await api().post('/api/v1/deliberations').set((await createPerson(t)).auth).send({ subject: { type: 'proposal', reference: submitted.reference }, rules }).expect(403);
      await api().post('/api/v1/deliberations').set(organizer.auth).send({ subject: { type: 'proposal', reference: submitted.reference }, rules }).expect(422);
      await api().post('/api/v1/deliberations').set(organizer.auth).send({ subject: { type: 'proposal', reference: draft.reference }, rules }).expect(404);
      const bad = await api().post('/api/v1/deliberations').set(organizer.auth).send({ subject: { type: 'proposal', reference: submitted.reference }, rules: { ...rules, closesAt: '2025-01-01T00:00:00Z' } }).expect(400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'rules.closesAt' })]);
      expect(await count('deliberations')).toBe(before);
    });

    it('publishes a new version of the rules, recorded in the log', async () => {
      const space = await createDeliberation(t);
      const body = { rules: { moderation: 'pre', opensAt: '2026-01-01T00:00:00Z', closesAt: '2099-01-01T00:00:00Z', autoHideThreshold: 5 }, changeNote: 'Pré-modération après des abus.' };
      await api().post(`/api/v1/deliberations/${space.id}/rules`).set(moderator.auth).send(body).expect(403);
      const dto = DeliberationSchema.parse((await api().post(`/api/v1/deliberations/${space.id}/rules`).set(space.organizer.auth).send(body).expect(201)).body);
      expect(dto.rules).toMatchObject({ version: 2, moderation: 'pre', autoHideThreshold: 5, changeNote: 'Pré-modération après des abus.' });
      expect(await t.sql('SELECT action FROM audit_entries WHERE subject_id = $1 ORDER BY seq', [space.id])).toEqual([{ action: 'deliberation.opened' }, { action: 'deliberation.rules-published' }]);
    });
  });

  describe('contributions', () => {
    it('posts, replies two levels deep and no deeper, with the charter accepted once', async () => {
      const space = await createDeliberation(t);
      const resident = await createPerson(t, { pseudonym: 'Voisine du marché' });
      const refused = await api().post(contributions(space.id)).set(resident.auth).send({ stance: 'against', body: 'Non.' }).expect(422);
      expect(refused.body.detail).toContain('charte');
      const top = ContributionSchema.parse((await api().post(contributions(space.id)).set(resident.auth).send({ stance: 'against', body: 'Les caméras filment **tout le monde**.', charterAccepted: true }).expect(201)).body);
      expect(top).toMatchObject({ state: 'visible', author: 'Voisine du marché', depth: 0, origin: 'online', edited: false });
      // The charter is accepted once.
      const first = ContributionSchema.parse((await api().post(contributions(space.id)).set(resident.auth).send({ stance: 'question', body: 'Qui regarde ?', parentId: top.id }).expect(201)).body);
      const second = await postContribution(t, space.id, { parentId: first.id });
      const tooDeep = await api().post(contributions(space.id)).set(resident.auth).send({ stance: 'neutral', body: 'Encore ?', parentId: second.id }).expect(422);
      expect(tooDeep.body.detail).toContain('deux niveaux');

      const page = ContributionPageSchema.parse((await api().get(`${contributions(space.id)}?sort=oldest`).expect(200)).body);
      expect(page.items.map((c) => [c.depth, c.stance])).toEqual([[0, 'against'], [1, 'question'], [2, 'against']]);
      expect(page.items[0]!.replies).toBe(1);
      const filtered = ContributionPageSchema.parse((await api().get(`${contributions(space.id)}?stance=question`).expect(200)).body);
      expect(filtered.items.map((c) => c.id)).toEqual([first.id]);
    });

    it('refuses bad input on the field, a closed or not yet open space (422), and writes nothing', async () => {
      const space = await createDeliberation(t);
      const closed = await createDeliberation(t, { opensAt: new Date(Date.now() - 10 * 86_400_000), closesAt: new Date(Date.now() - 86_400_000) });
      const later = await createDeliberation(t, { opensAt: new Date(Date.now() + 86_400_000) });
      const resident = await createPerson(t);
      const before = await count('contributions');
      for (const body of ['', 'x'.repeat(5001), '<b>gras</b>']) {
        const response = await api().post(contributions(space.id)).set(resident.auth).send({ stance: 'for', body, charterAccepted: true }).expect(400);
        expect(response.body.errors[0].path).toBe('body');
      }
      const unknownStance = await api().post(contributions(space.id)).set(resident.auth).send({ stance: 'pour', body: 'Oui', charterAccepted: true }).expect(400);
      expect(unknownStance.body.errors[0].path).toBe('stance');
      expect((await api().post(contributions(closed.id)).set(resident.auth).send({ stance: 'for', body: 'Oui', charterAccepted: true }).expect(422)).body.detail).toContain('fermé');
      expect((await api().post(contributions(later.id)).set(resident.auth).send({ stance: 'for', body: 'Oui', charterAccepted: true }).expect(422)).body.detail).toContain('ouvre');
      expect(await count('contributions')).toBe(before);
      expect(await t.sql('SELECT 1 FROM deliberation_charter_acceptances WHERE person_id = $1', [resident.id])).toEqual([]);
    });

    it('holds contributions for approval under pre-moderation', async () => {
      const space = await createDeliberation(t, { moderation: 'pre' });
      const mine = await postContribution(t, space.id);
      const own = ContributionPageSchema.parse((await api().get(contributions(space.id)).set(mine.author.auth).expect(200)).body);
      expect(own.items.map((c) => c.state)).toEqual(['pending']);
      expect(ContributionPageSchema.parse((await api().get(contributions(space.id)).expect(200)).body).total).toBe(0);
      const queue = (await api().get(`/api/v1/deliberations/${space.id}/moderation-queue`).set(moderator.auth).expect(200)).body;
      expect(queue.items.map((item: { contribution: { id: string } }) => item.contribution.id)).toEqual([mine.id]);
      await api().post(`${contributions(space.id)}/${mine.id}/decisions`).set(moderator.auth).send({ decision: 'approve' }).expect(201);
      expect(ContributionPageSchema.parse((await api().get(contributions(space.id)).expect(200)).body).items.map((c) => c.state)).toEqual(['visible']);
    });

    it('approves or rejects pending contributions in bulk, all or nothing', async () => {
      const space = await createDeliberation(t, { moderation: 'pre' });
      const [a, b, c] = [await postContribution(t, space.id), await postContribution(t, space.id), await postContribution(t, space.id)];
      const bulk = `/api/v1/deliberations/${space.id}/moderation-queue/decisions`;
      await api().post(bulk).set(moderator.auth).send({ decision: 'approve', contributionIds: [a.id] }).expect(201);
      const before = await count('moderation_decisions');
      await api().post(bulk).set(moderator.auth).send({ decision: 'reject', contributionIds: [b.id, c.id], ground: { kind: 'policy', code: 'spam' } }).expect(400);
      await api().post(bulk).set(moderator.auth).send({ decision: 'reject', contributionIds: [b.id, a.id], ground: { kind: 'policy', code: 'spam' }, facts: 'Publicité.' }).expect(422);
      expect(await count('moderation_decisions')).toBe(before);
      const rejected = (await api().post(bulk).set(moderator.auth).send({ decision: 'reject', contributionIds: [b.id, c.id], ground: { kind: 'policy', code: 'spam' }, facts: 'Publicité.' }).expect(201)).body;
      expect(rejected.items.map((d: { decision: string }) => d.decision)).toEqual(['reject', 'reject']);
      const states = await t.sql('SELECT id, state FROM contributions WHERE deliberation_id = $1 ORDER BY created_at', [space.id]);
      expect(states.map((row) => row.state)).toEqual(['visible', 'rejected', 'rejected']);
      const found = DeliberationSchema.parse((await api().get(`/api/v1/deliberations/by-subject/proposal/${space.proposalReference}`).expect(200)).body);
      expect(found.id).toBe(space.id);
      await api().get('/api/v1/deliberations/by-subject/proposal/PR-2000-999').expect(404);
    });

    it('edits within 15 minutes (shown as edited, the previous text kept for moderators), 422 after', async () => {
      const space = await createDeliberation(t, { moderation: 'pre' });
      const mine = await postContribution(t, space.id, { body: 'Premier jet.' });
      await api().put(`${contributions(space.id)}/${mine.id}`).set((await createPerson(t)).auth).send({ body: 'Pas à moi.' }).expect(403);
      const edited = ContributionSchema.parse((await api().put(`${contributions(space.id)}/${mine.id}`).set(mine.author.auth).send({ body: 'Texte relu.' }).expect(200)).body);
      expect(edited).toMatchObject({ body: 'Texte relu.', edited: true });
      const queue = (await api().get(`/api/v1/deliberations/${space.id}/moderation-queue`).set(moderator.auth).expect(200)).body;
      expect(queue.items[0].contribution.previousBodies).toEqual(['Premier jet.']);
      await t.sql("UPDATE contributions SET created_at = now() - interval '16 minutes' WHERE id = $1", [mine.id]);
      const late = await api().put(`${contributions(space.id)}/${mine.id}`).set(mine.author.auth).send({ body: 'Trop tard.' }).expect(422);
      expect(late.body.detail).toContain('15 minutes');
      expect(await t.sql('SELECT body FROM contributions WHERE id = $1', [mine.id])).toEqual([{ body: 'Texte relu.' }]);
    });

    it('deletes one’s own, leaving a tombstone « supprimé par son auteur »', async () => {
      const space = await createDeliberation(t);
      const mine = await postContribution(t, space.id);
      await api().delete(`${contributions(space.id)}/${mine.id}`).set((await createPerson(t)).auth).expect(403);
      await api().delete(`${contributions(space.id)}/${mine.id}`).set(mine.author.auth).expect(200);
      const [item] = ContributionPageSchema.parse((await api().get(contributions(space.id)).expect(200)).body).items;
      expect(item).toMatchObject({ state: 'deleted_by_author', body: null, author: null, tombstone: { state: 'deleted_by_author', reason: 'Supprimé par son auteur.', automatic: false } });
      await api().delete(`${contributions(space.id)}/${mine.id}`).set(mine.author.auth).expect(422);
    });

    it('marks others’ contributions helpful once per person, never one’s own, and sorts by it', async () => {
      const space = await createDeliberation(t);
      const a = await postContribution(t, space.id, { body: 'Argument A.' });
      const b = await postContribution(t, space.id, { body: 'Argument B.' });
      const reader = await createPerson(t);
      expect((await api().put(`${contributions(space.id)}/${a.id}/helpful`).set(reader.auth).expect(200)).body).toEqual({ markedHelpful: true, helpful: 1 });
      expect((await api().put(`${contributions(space.id)}/${a.id}/helpful`).set(reader.auth).expect(200)).body).toEqual({ markedHelpful: true, helpful: 1 });
      await api().put(`${contributions(space.id)}/${b.id}/helpful`).set(b.author.auth).expect(403);
      const page = ContributionPageSchema.parse((await api().get(`${contributions(space.id)}?sort=helpful`).set(reader.auth).expect(200)).body);
      expect(page.items.map((c) => [c.body, c.helpful, c.viewer.markedHelpful])).toEqual([['Argument A.', 1, true], ['Argument B.', 0, false]]);
    });

    it('records a workshop sheet’s entries with their provenance, counted apart', async () => {
      const space = await createDeliberation(t);
      const facilitator = await createPerson(t, { roles: ['resident', 'facilitator'] });
      const provenance = { workshopDate: '2027-07-12', place: 'centre social', facilitator: 'Awa', sheetNumber: '4' };
      await api().post(`/api/v1/deliberations/${space.id}/workshop-contributions`).set((await createPerson(t)).auth).send({ provenance, entries: [{ stance: 'for', body: 'Oui.' }] }).expect(403);
      const recorded = (await api()
        .post(`/api/v1/deliberations/${space.id}/workshop-contributions`)
        .set(facilitator.auth)
        .send({ provenance, entries: [{ stance: 'for', body: 'Des bancs.' }, { stance: 'against', body: 'Pas de caméras.' }, { stance: 'question', body: 'Qui paie ?', attribution: { kind: 'participant', pseudonym: 'Mamadou', consent: true } }] })
        .expect(201)).body as { origin: string; author: string; workshop: { sheetNumber: string } }[];
      expect(recorded.map((c) => [c.origin, c.author, c.workshop.sheetNumber])).toEqual([
        ['workshop', 'Atelier du 12 juillet 2027, centre social', '4'],
        ['workshop', 'Atelier du 12 juillet 2027, centre social', '4'],
        ['workshop', 'Mamadou', '4'],
      ]);
      await postContribution(t, space.id);
      expect(DeliberationSchema.parse((await api().get(`/api/v1/deliberations/${space.id}`).expect(200)).body).counts).toEqual({ online: 1, workshop: 3 });
    });

    it('answers 429 with Retry-After past 10 posts in 10 minutes, writing nothing', async () => {
      const space = await createDeliberation(t);
      const busy = await createPerson(t);
      for (let i = 0; i < 10; i += 1) await postContribution(t, space.id, { author: busy, body: `Message ${i}.` });
      const before = await count('contributions');
      const refused = await api().post(contributions(space.id)).set(busy.auth).send({ stance: 'for', body: 'Encore un.' }).expect(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(await count('contributions')).toBe(before);
    });
  });

  describe('moderation', () => {
    it('hides a contribution automatically at three distinct reporters, labelled automatic; 409 on a second report', async () => {
      const space = await createDeliberation(t);
      const abusive = await postContribution(t, space.id, { body: 'Propos insultants.' });
      const reporters = [await createPerson(t), await createPerson(t), await createPerson(t)];
      const report = (who: TestPerson, body: object = { reasonCode: 'hate_or_harassment' }) => api().post(`${contributions(space.id)}/${abusive.id}/reports`).set(who.auth).send(body);
      expect((await report(reporters[0]!).expect(201)).body).toEqual({ reported: true, hiddenAutomatically: false });
      await report(reporters[0]!).expect(409);
      expect((await report(reporters[1]!, { reasonCode: 'illegal_content' }).expect(400)).body.errors.map((e: { path: string }) => e.path)).toEqual(['law', 'explanation']);
      expect((await report(reporters[1]!, { reasonCode: 'inconnu' }).expect(400)).body.errors[0].path).toBe('reasonCode');
      await report(reporters[1]!).expect(201);
      await report(abusive.author).expect(403);
      expect((await report(reporters[2]!).expect(201)).body).toEqual({ reported: true, hiddenAutomatically: true });
      expect(await t.sql('SELECT count(*)::int AS n FROM contribution_reports WHERE contribution_id = $1', [abusive.id])).toEqual([{ n: 3 }]);

      const [item] = ContributionPageSchema.parse((await api().get(contributions(space.id)).expect(200)).body).items;
      expect(item).toMatchObject({ state: 'hidden_automatically', body: null, tombstone: { automatic: true } });
      const log = ModerationLogPageSchema.parse((await api().get(`/api/v1/deliberations/${space.id}/moderation-log`).expect(200)).body);
      expect(log.items).toEqual([expect.objectContaining({ decision: 'hide_automatically', automatic: true, ground: null })]);
      expect((await notificationsOf(abusive.author.id)).map((n) => n.kind)).toEqual(['deliberation.decision']);
    });

    it('decides with a statement of reasons: 400 without a reason; the author notified, reporters told, the log without the text; the tombstone with its reason', async () => {
      const space = await createDeliberation(t);
      const post = await postContribution(t, space.id, { body: 'Le voisin du 12 rue des Lilas, M. Dupont, ment.' });
      const reporter = await createPerson(t);
      await api().post(`${contributions(space.id)}/${post.id}/reports`).set(reporter.auth).send({ reasonCode: 'personal_data' }).expect(201);
      const path = `${contributions(space.id)}/${post.id}/decisions`;
      await api().post(path).set((await createPerson(t)).auth).send({ decision: 'hide', ground: { kind: 'policy', code: 'personal_data' }, facts: 'Adresse.' }).expect(403);
      const before = await count('moderation_decisions');
      expect((await api().post(path).set(moderator.auth).send({ decision: 'hide', ground: { kind: 'policy', code: 'personal_data' } }).expect(400)).body.errors[0].path).toBe('facts');
      expect((await api().post(path).set(moderator.auth).send({ decision: 'hide', facts: 'Adresse.' }).expect(400)).body.errors[0].path).toBe('ground');
      expect(await count('moderation_decisions')).toBe(before);

      const statement = StatementOfReasonsSchema.parse((await api().post(path).set(moderator.auth).send({ decision: 'hide', ground: { kind: 'policy', code: 'personal_data' }, facts: 'La contribution donne l’adresse d’une personne.' }).expect(201)).body);
      expect(statement).toMatchObject({ decision: 'hide', automatic: false, ground: { kind: 'policy', code: 'personal_data' } });
      expect(statement.howToAppeal).toContain('6 mois');
      const [toAuthor] = await notificationsOf(post.author.id);
      expect(toAuthor).toMatchObject({ kind: 'deliberation.decision', data: { decision: 'hide' } });
      expect((await notificationsOf(reporter.id)).map((n) => n.kind)).toEqual(['deliberation.report-outcome']);

      const logText = JSON.stringify((await api().get(`/api/v1/deliberations/${space.id}/moderation-log`).expect(200)).body);
      expect(logText).toContain('La contribution donne l’adresse d’une personne.');
      expect(logText).not.toContain('rue des Lilas');
      const [item] = ContributionPageSchema.parse((await api().get(contributions(space.id)).expect(200)).body).items;
      expect(item).toMatchObject({ state: 'hidden', body: null, tombstone: { state: 'hidden', automatic: false } });
      expect(item!.tombstone!.reason).toContain('personal_data');
      const [audit] = await t.sql<{ action: string; data: Record<string, unknown> }>("SELECT action, data FROM audit_entries WHERE subject_id = $1 AND action = 'contribution.hidden'", [post.id]);
      expect(JSON.stringify(audit)).not.toContain('rue des Lilas');
    });

    it('edits out personal data with a visible notice, the previous text kept for moderators', async () => {
      const space = await createDeliberation(t);
      const post = await postContribution(t, space.id, { body: 'Appelez Mme Martin au 06 12 34 56 78.' });
      await api()
        .post(`${contributions(space.id)}/${post.id}/decisions`)
        .set(moderator.auth)
        .send({ decision: 'edit_personal_data', ground: { kind: 'policy', code: 'personal_data' }, facts: 'Un numéro de téléphone.', body: 'Appelez [retiré par la modération].' })
        .expect(201);
      const [item] = ContributionPageSchema.parse((await api().get(contributions(space.id)).expect(200)).body).items;
      expect(item).toMatchObject({ state: 'visible', body: 'Appelez [retiré par la modération].' });
      expect(item!.moderationNotice).toContain('données personnelles');
    });

    it('suspends the author until a date: no posting or reporting (403 with the end date), then appeals once and another moderator reverses it', async () => {
      const space = await createDeliberation(t);
      const post = await postContribution(t, space.id, { body: 'Insultes.' });
      const other = await postContribution(t, space.id, { body: 'Un avis.' });
      const statement = StatementOfReasonsSchema.parse(
        (await api().post(`${contributions(space.id)}/${post.id}/decisions`).set(moderator.auth).send({ decision: 'suspend', ground: { kind: 'policy', code: 'hate_or_harassment' }, facts: 'Insultes répétées.', until: '2099-07-19T10:00:00Z' }).expect(201)).body,
      );
      const refused = await api().post(contributions(space.id)).set(post.author.auth).send({ stance: 'for', body: 'Je reviens.' }).expect(403);
      expect(refused.body.detail).toContain('19 juillet 2099');
      await api().post(`${contributions(space.id)}/${other.id}/reports`).set(post.author.auth).send({ reasonCode: 'spam' }).expect(403);
      expect(DeliberationSchema.parse((await api().get(`/api/v1/deliberations/${space.id}`).set(post.author.auth).expect(200)).body).viewer.suspendedUntil).toBe('2099-07-19T10:00:00.000Z');

      await api().post(`/api/v1/moderation-decisions/${statement.id}/appeal`).set(other.author.auth).send({ explanation: 'Pas moi.' }).expect(403);
      const appealed = StatementOfReasonsSchema.parse((await api().post(`/api/v1/moderation-decisions/${statement.id}/appeal`).set(post.author.auth).send({ explanation: 'C’était de l’ironie.' }).expect(201)).body);
      await api().post(`/api/v1/moderation-decisions/${statement.id}/appeal`).set(post.author.auth).send({ explanation: 'Encore.' }).expect(422);
      const appealPath = `/api/v1/moderation-appeals/${appealed.appeal!.id}/decision`;
      await api().post(appealPath).set(moderator.auth).send({ outcome: 'reversed', facts: 'Je me relis.' }).expect(403);
      const decided = StatementOfReasonsSchema.parse((await api().post(appealPath).set(secondModerator.auth).send({ outcome: 'reversed', facts: 'Le ton était ironique.' }).expect(200)).body);
      expect(decided.appeal).toMatchObject({ outcome: 'reversed', facts: 'Le ton était ironique.' });
      await api().post(appealPath).set(secondModerator.auth).send({ outcome: 'upheld', facts: 'Encore.' }).expect(422);
      await postContribution(t, space.id, { author: post.author, body: 'De retour.' });
      expect((await notificationsOf(post.author.id)).map((n) => n.kind)).toEqual(['deliberation.decision', 'deliberation.appeal-outcome']);
    });

    it('restores a hidden contribution when an appeal is upheld in the author’s favour, and refuses appeals after 6 months', async () => {
      const space = await createDeliberation(t);
      const post = await postContribution(t, space.id);
      const statement = StatementOfReasonsSchema.parse((await api().post(`${contributions(space.id)}/${post.id}/decisions`).set(moderator.auth).send({ decision: 'hide', ground: { kind: 'policy', code: 'off_topic' }, facts: 'Hors sujet.' }).expect(201)).body);
      const appeal = StatementOfReasonsSchema.parse((await api().post(`/api/v1/moderation-decisions/${statement.id}/appeal`).set(post.author.auth).send({ explanation: 'C’est le sujet.' }).expect(201)).body).appeal!;
      await api().post(`/api/v1/moderation-appeals/${appeal.id}/decision`).set(secondModerator.auth).send({ outcome: 'reversed', facts: 'C’était bien le sujet.' }).expect(200);
      expect(ContributionPageSchema.parse((await api().get(contributions(space.id)).expect(200)).body).items.map((c) => c.state)).toEqual(['visible']);
      const log = ModerationLogPageSchema.parse((await api().get(`/api/v1/deliberations/${space.id}/moderation-log`).expect(200)).body);
      expect(log.items.map((d) => [d.decision, d.appeal?.outcome ?? null])).toEqual([['restore', null], ['hide', 'reversed']]);

      const late = await postContribution(t, space.id);
      const old = StatementOfReasonsSchema.parse((await api().post(`${contributions(space.id)}/${late.id}/decisions`).set(moderator.auth).send({ decision: 'warn', ground: { kind: 'policy', code: 'other' }, facts: 'Ton agressif.' }).expect(201)).body);
      await t.sql("UPDATE moderation_decisions SET created_at = now() - interval '7 months' WHERE id = $1", [old.id]);
      await api().post(`/api/v1/moderation-decisions/${old.id}/appeal`).set(late.author.auth).send({ explanation: 'Trop tard ?' }).expect(422);
      expect(await t.sql('SELECT 1 FROM moderation_appeals WHERE decision_id = $1', [old.id])).toEqual([]);
    });

    it('restricts posting to verified residents of given neighbourhoods when the rules say so', async () => {
      const tilleuls = await createNeighbourhood(t, { slug: 'tilleuls-delib', name: 'Les Tilleuls' });
      const gare = await createNeighbourhood(t, { slug: 'gare-delib', name: 'La Gare' });
      const space = await createDeliberation(t);
      await api()
        .post(`/api/v1/deliberations/${space.id}/rules`)
        .set(space.organizer.auth)
        .send({ rules: { moderation: 'post', whoMayPost: { who: 'verified_in_neighbourhoods', neighbourhoodIds: [tilleuls] }, opensAt: '2026-01-01T00:00:00Z', closesAt: '2099-01-01T00:00:00Z' }, changeNote: 'Réservé aux Tilleuls.' })
        .expect(201);
      const send = (who: TestPerson) => api().post(contributions(space.id)).set(who.auth).send({ stance: 'for', body: 'Oui.', charterAccepted: true });
      await send(await createPerson(t)).expect(403);
      await send(await createPerson(t, { verifiedIn: gare })).expect(403);
      await send(await createPerson(t, { verifiedIn: tilleuls })).expect(201);
    });
  });

  describe('the person’s decisions, the overall log, transparency and open data', () => {
    it('lists the decisions about me with whether I may appeal, and shows moderators the pending appeals (not to the one who decided)', async () => {
      const decision = await createModerationDecision(t, { moderator });
      await api().get('/api/v1/moderation-decisions/mine').expect(401);
      const mine = MyModerationDecisionsSchema.parse((await api().get('/api/v1/moderation-decisions/mine').set(decision.author.auth).expect(200)).body);
      expect(mine.items).toHaveLength(1);
      expect(mine.items[0]).toMatchObject({ id: decision.decisionId, decision: 'hide', canAppeal: true, subjectReference: expect.stringMatching(/^PR-/) });
      expect(new Date(mine.items[0]!.appealUntil).getTime()).toBeGreaterThan(Date.now() + 150 * 86_400_000);
      expect(MyModerationDecisionsSchema.parse((await api().get('/api/v1/moderation-decisions/mine').set(moderator.auth).expect(200)).body).items.map((i) => i.id)).not.toContain(decision.decisionId);

      await api().post(`/api/v1/moderation-decisions/${decision.decisionId}/appeal`).set(decision.author.auth).send({ explanation: 'Je parlais des caméras.' }).expect(201);
      const after = MyModerationDecisionsSchema.parse((await api().get('/api/v1/moderation-decisions/mine').set(decision.author.auth).expect(200)).body);
      expect(after.items[0]).toMatchObject({ canAppeal: false, appeal: { outcome: null } });

      const queueOf = async (who: TestPerson) => ModerationQueueSchema.parse((await api().get(`/api/v1/deliberations/${decision.deliberationId}/moderation-queue`).set(who.auth).expect(200)).body);
      const own = await queueOf(moderator);
      expect(own.appeals).toEqual([expect.objectContaining({ explanation: 'Je parlais des caméras.', canDecide: false, contributionBody: expect.stringContaining('caméras') })]);
      expect((await queueOf(secondModerator)).appeals[0]!.canDecide).toBe(true);
      await api().post(`/api/v1/moderation-appeals/${own.appeals[0]!.id}/decision`).set(secondModerator.auth).send({ outcome: 'upheld', facts: 'Hors sujet confirmé.' }).expect(200);
      expect((await queueOf(secondModerator)).appeals).toEqual([]);
    });

    it('publishes the overall log with subjects, the transparency figures, and open data without hidden texts', async () => {
      const space = await createDeliberation(t);
      const hiddenText = 'Texte masqué qui ne doit apparaître nulle part ' + space.id;
      const hidden = await postContribution(t, space.id, { body: hiddenText });
      const deleted = await postContribution(t, space.id, { body: 'Je retire ceci ' + space.id });
      await postContribution(t, space.id, { stance: 'for', body: 'Argument public ' + space.id });
      await t.sql("UPDATE contributions SET created_at = now() - interval '2 hours' WHERE id = $1", [hidden.id]);
      for (let i = 0; i < 3; i++) {
        await api().post(`${contributions(space.id)}/${hidden.id}/reports`).set((await createPerson(t)).auth).send({ reasonCode: 'spam', explanation: 'Pub.' }).expect(201);
      }
      await api().post(`${contributions(space.id)}/${hidden.id}/decisions`).set(moderator.auth).send({ decision: 'hide', ground: { kind: 'policy', code: 'spam' }, facts: 'Publicité répétée.' }).expect(201);
      await api().delete(`${contributions(space.id)}/${deleted.id}`).set(deleted.author.auth).expect(200);
      await api()
        .post(`/api/v1/deliberations/${space.id}/workshop-contributions`)
        .set(space.organizer.auth)
        .send({ provenance: { workshopDate: '2027-07-12', place: 'Centre social des Coteaux', facilitator: 'Awa', sheetNumber: '3' }, entries: [{ stance: 'against', body: 'Atelier : trop de caméras ' + space.id }] })
        .expect(201);

      const log = OverallModerationLogPageSchema.parse((await api().get('/api/v1/moderation-log?pageSize=100').expect(200)).body);
      const ours = log.items.filter((entry) => entry.deliberationId === space.id);
      expect(ours.map((entry) => [entry.decision, entry.automatic, entry.subjectReference])).toEqual([
        ['hide', false, space.proposalReference],
        ['hide_automatically', true, space.proposalReference],
      ]);
      expect(JSON.stringify(log)).not.toContain(hiddenText);

      const figures = ModerationTransparencySchema.parse((await api().get(`/api/v1/deliberations/${space.id}/transparency`).expect(200)).body);
      expect(figures).toMatchObject({ decisions: 2, automatic: 1, human: 1, appeals: { filed: 0, pending: 0, upheld: 0, reversed: 0 } });
      expect(figures.byReason).toEqual([expect.objectContaining({ code: 'spam', count: 1, description: expect.stringContaining('Publicité') })]);
      expect(figures.byDecision).toEqual(expect.arrayContaining([{ decision: 'hide', count: 1 }, { decision: 'hide_automatically', count: 1 }]));
      // From the first report (just now), not from posting two hours ago.
      expect(figures.medianHoursToDecision).toBeLessThan(1);
      const overall = ModerationTransparencySchema.parse((await api().get('/api/v1/moderation/transparency').expect(200)).body);
      expect(overall.decisions).toBeGreaterThanOrEqual(figures.decisions);

      const data = (await api().get('/api/v1/open-data/contributions.json').expect(200)).body as { records: Array<Record<string, unknown>> };
      const records = data.records.filter((r) => r.deliberationId === space.id);
      expect(records.map((r) => [r.state, r.origin, r.body === null, r.author === null])).toEqual([
        ['hidden', 'online', true, true],
        ['deleted_by_author', 'online', true, true],
        ['visible', 'online', false, false],
        ['visible', 'workshop', false, false],
      ]);
      expect(records[0]!.tombstoneReason).toBe('spam — Publicité répétée.');
      expect(records[1]!.tombstoneReason).toBe('Supprimée par son auteur.');
      expect(records[2]!.body).toBe('Argument public ' + space.id);
      expect(records[3]).toMatchObject({ workshopDate: '2027-07-12', workshopPlace: 'Centre social des Coteaux', facilitator: 'Awa', sheetNumber: '3' });
      const csv = (await api().get('/api/v1/open-data/contributions.csv').expect(200)).text;
      const atom = (await api().get('/api/v1/open-data/contributions.atom').expect(200)).text;
      const logCsv = (await api().get('/api/v1/open-data/moderation-log.csv').expect(200)).text;
      const logJson = JSON.stringify((await api().get('/api/v1/open-data/moderation-log.json').expect(200)).body);
      for (const output of [JSON.stringify(data), csv, atom, logCsv, logJson]) {
        expect(output).not.toContain(hiddenText);
        expect(output).not.toContain('Je retire ceci');
        expect(output).not.toContain('@');
      }
      expect(csv).toContain('Argument public ' + space.id);
      expect(logCsv.split('\n')[0]).toContain('contributionOrigin');
      expect(logCsv).toContain('Publicité répétée.');
    });
  });

  describe('moderators’ reminders', () => {
    it('reminds every moderator, once a day, of spaces with items waiting longer than the set time', async () => {
      const space = await createDeliberation(t, { moderation: 'pre' });
      const old = await postContribution(t, space.id, { body: 'En attente depuis longtemps.' });
      await postContribution(t, space.id, { body: 'Tout juste posté.' });
      const reminders = t.app.get(ModerationRemindersService);
      const [proposal] = await t.sql<{ title: string }>('SELECT title FROM proposals WHERE reference = $1', [space.proposalReference]);
      const remindersOf = async (personId: string) => (await notificationsOf(personId)).filter((n) => n.kind === 'deliberation.queue-reminder' && n.data.title === proposal!.title);
      await reminders.remind();
      // Nothing waits longer than 24 hours in this space yet.
      expect(await remindersOf(moderator.id)).toEqual([]);
      await t.sql("UPDATE contributions SET created_at = now() - interval '30 hours' WHERE id = $1", [old.id]);
      await reminders.remind();
      for (const who of [moderator, secondModerator]) {
        expect(await remindersOf(who.id)).toEqual([{ kind: 'deliberation.queue-reminder', data: { count: 1, hours: 24, title: proposal!.title } }]);
      }
      const [link] = await t.sql<{ link: string }>("SELECT link FROM notifications WHERE person_id = $1 AND kind = 'deliberation.queue-reminder' ORDER BY created_at DESC LIMIT 1", [moderator.id]);
      expect(link!.link).toBe(`/debats/${space.id}/moderation`);
    });
  });

  describe('what an attacker reads from public outputs', () => {
    it('names nobody: appeals and deletions out of the public journal, warnings and suspensions without their contribution, tombstones without a workshop participant', async () => {
      const space = await createDeliberation(t);
      const hidden = await postContribution(t, space.id);
      const hide = StatementOfReasonsSchema.parse((await api().post(`${contributions(space.id)}/${hidden.id}/decisions`).set(moderator.auth).send({ decision: 'hide', ground: { kind: 'policy', code: 'off_topic' }, facts: 'Hors sujet.' }).expect(201)).body);
      await api().post(`/api/v1/moderation-decisions/${hide.id}/appeal`).set(hidden.author.auth).send({ explanation: 'Non.' }).expect(201);
      const deleted = await postContribution(t, space.id);
      await api().delete(`${contributions(space.id)}/${deleted.id}`).set(deleted.author.auth).expect(200);
      const warned = await postContribution(t, space.id, { body: 'Ton vif.' });
      await api().post(`${contributions(space.id)}/${warned.id}/decisions`).set(moderator.auth).send({ decision: 'suspend', ground: { kind: 'policy', code: 'other' }, facts: 'Insultes répétées.', until: new Date(Date.now() + 86_400_000).toISOString() }).expect(201);
      const journal = JSON.stringify((await api().get('/api/v1/audit-log?pageSize=100').expect(200)).body);
      for (const who of [hidden.author, deleted.author, warned.author]) expect(journal).not.toContain(who.id);
      const log = ModerationLogPageSchema.parse((await api().get(`/api/v1/deliberations/${space.id}/moderation-log`).expect(200)).body);
      expect(log.items.find((d) => d.decision === 'suspend')).toMatchObject({ contributionId: null, suspendedUntil: null, facts: 'Insultes répétées.' });
      expect(JSON.stringify((await api().get('/api/v1/open-data/moderation-log.json').expect(200)).body)).not.toContain(warned.id);

      const [entry] = ContributionSchema.array().parse(
        (await api().post(`/api/v1/deliberations/${space.id}/workshop-contributions`).set(space.organizer.auth).send({ provenance: { workshopDate: '2027-07-12', place: 'Centre social', facilitator: 'Awa', sheetNumber: '1' }, entries: [{ stance: 'for', body: 'Oui.', attribution: { kind: 'participant', pseudonym: 'Mme R. des Tilleuls', consent: true } }] }).expect(201)).body,
      );
      await api().post(`${contributions(space.id)}/${entry!.id}/decisions`).set(moderator.auth).send({ decision: 'hide', ground: { kind: 'policy', code: 'spam' }, facts: 'Doublon.' }).expect(201);
      expect(JSON.stringify((await api().get(contributions(space.id)).expect(200)).body)).not.toContain('Mme R. des Tilleuls');

      // A workshop entry cannot speak under an account's pseudonym.
      await createPerson(t, { pseudonym: 'Voisin Célèbre' });
      const impersonation = await api()
        .post(`/api/v1/deliberations/${space.id}/workshop-contributions`)
        .set(space.organizer.auth)
        .send({ provenance: { workshopDate: '2027-07-12', place: 'Centre social', facilitator: 'Awa', sheetNumber: '2' }, entries: [{ stance: 'for', body: 'Oui.' }, { stance: 'against', body: 'Je retire tout.', attribution: { kind: 'participant', pseudonym: 'voisin célèbre', consent: true } }] })
        .expect(400);
      expect(impersonation.body.errors).toEqual([expect.objectContaining({ path: 'entries.1.attribution.pseudonym' })]);
    });

    it('keeps moderators off their own cases, and approved or moderated texts out of their authors’ edits', async () => {
      const space = await createDeliberation(t, { moderation: 'pre' });
      const own = await postContribution(t, space.id, { author: secondModerator, body: 'Mon avis.' });
      await api().post(`${contributions(space.id)}/${own.id}/decisions`).set(secondModerator.auth).send({ decision: 'approve' }).expect(403);
      await api().post(`${contributions(space.id)}/${own.id}/decisions`).set(moderator.auth).send({ decision: 'reject', ground: { kind: 'policy', code: 'off_topic' }, facts: 'Hors sujet.' }).expect(201);
      const [decision] = await t.sql<{ id: string }>('SELECT id FROM moderation_decisions WHERE contribution_id = $1', [own.id]);
      const appeal = StatementOfReasonsSchema.parse((await api().post(`/api/v1/moderation-decisions/${decision!.id}/appeal`).set(secondModerator.auth).send({ explanation: 'Je me donne raison ?' }).expect(201)).body).appeal!;
      await api().post(`/api/v1/moderation-appeals/${appeal.id}/decision`).set(secondModerator.auth).send({ outcome: 'reversed', facts: 'Moi-même.' }).expect(403);

      const approved = await postContribution(t, space.id, { body: 'Relu.' });
      await api().post(`${contributions(space.id)}/${approved.id}/decisions`).set(moderator.auth).send({ decision: 'approve' }).expect(201);
      await api().put(`${contributions(space.id)}/${approved.id}`).set(approved.author.auth).send({ body: 'Jamais relu.' }).expect(422);

      // Deleted before anyone read it: no tombstone tells it existed.
      const regret = await postContribution(t, space.id, { body: 'Je regrette déjà.' });
      await api().delete(`${contributions(space.id)}/${regret.id}`).set(regret.author.auth).expect(200);
      expect(await t.sql('SELECT id FROM contributions WHERE id = $1', [regret.id])).toEqual([]);
      expect(ContributionPageSchema.parse((await api().get(contributions(space.id)).expect(200)).body).items.map((c) => c.id)).not.toContain(regret.id);

      const open = await createDeliberation(t);
      const post = await postContribution(t, open.id, { body: 'Appelez le 06 12 34 56 78.' });
      await api().post(`${contributions(open.id)}/${post.id}/decisions`).set(moderator.auth).send({ decision: 'edit_personal_data', body: 'Appelez le [numéro retiré].', ground: { kind: 'policy', code: 'personal_data' }, facts: 'Numéro de téléphone.' }).expect(201);
      await api().put(`${contributions(open.id)}/${post.id}`).set(post.author.auth).send({ body: 'Appelez le 06 12 34 56 78.' }).expect(422);
      expect(JSON.stringify((await api().get(contributions(open.id)).expect(200)).body)).not.toContain('06 12 34 56 78');
    });
  });
});
