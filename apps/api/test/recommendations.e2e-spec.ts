import { NotificationPageSchema, OpinionSchema, PanelVoteSchema, PopoloVoteEventSchema, PublishedRecommendationFactsSchema, RecommendationSchema, ReferralSchema } from '@sesame/domain';
import request from 'supertest';
import { RegisterAlertReferrals } from '../src/recommendations/recommendations.worker';
import { createConsultation, createDataUse, createPerson, publishPanelRules, type TestPerson } from './fixtures';
import { seatWithAccount } from './support/panel-seats';
import { startTestApp, type TestApp } from './test-app';

/*
 * Issue 19: a consultation's results referred to the panel with their
 * dossier; sessions with quorum; amendments merged with a diff; recorded
 * votes with quorum and threshold; dissents; the numbered opinion as JSON,
 * PDF, Atom and Popolo vote events; notifications; the register's alerts.
 * PANEL_RULES: 4 citizens, 1 association, 1 voting expert, 1 consultative
 * expert → 6 voting seats, quorum 50 % = 3, threshold 2/3 of votes cast.
 */

const BODY = ['Retirer la reconnaissance faciale des caméras du marché.', '', 'Publier chaque année le nombre de consultations des images.', '', 'Associer le comité à tout nouveau déploiement.'].join('\n');

describe('panel recommendations (e2e)', () => {
  let t: TestApp;
  let organizer: TestPerson;
  let citizens: TestPerson[];
  let association: TestPerson;
  let consultative: TestPerson;
  let resident: TestPerson;
  let follower: TestPerson;
  let authority: TestPerson;
  const seats: Record<string, string> = {};
  let consultation: { reference: string; dataUseReference: string };
  let referral: string;

  const api = () => request(t.server);
  const P = '/api/v1/recommendations';

  /** Adds and activates a member, and links a new account to the seat. */
  async function seat(seatType: string, name: string): Promise<TestPerson> {
    const { person, memberId } = await seatWithAccount(t, organizer, seatType, name);
    seats[name] = memberId;
    return person;
  }

  async function draftAdopted(ref: string, by: TestPerson[], title: string): Promise<string> {
    const item = (await api().post(`${P}/referrals/${ref}/recommendations`).set(by[0]!.auth).send({ title, body: `${title}.` }).expect(201)).body as { reference: string };
    await api().post(`${P}/items/${item.reference}/open-amendments`).set(by[0]!.auth).expect(200);
    const vote = (await api().post(`${P}/items/${item.reference}/vote`).set(by[0]!.auth).send({}).expect(201)).body as { id: string };
    for (const p of by) await api().post(`${P}/votes/${vote.id}/ballots`).set(p.auth).send({ choice: 'for' }).expect(201);
    await api().post(`${P}/items/${item.reference}/adopt`).set(by[0]!.auth).expect(200);
    return item.reference;
  }

  beforeAll(async () => {
    t = await startTestApp();
    organizer = await publishPanelRules(t);
    citizens = [await seat('drawn_citizen', 'Amina'), await seat('drawn_citizen', 'Bruno'), await seat('drawn_citizen', 'Chloé')];
    association = await seat('association', 'Quartiers Vivants');
    consultative = await seat('expert_consultative', 'Dr Lemoine');
    resident = await createPerson(t);
    follower = await createPerson(t);
    authority = await createPerson(t, { roles: ['resident', 'authority'] });
    consultation = await createConsultation(t, { state: 'results', organizer });
    await api().put(`/api/v1/data-uses/${consultation.dataUseReference}/follow`).set(follower.auth).expect((r) => expect([200, 201]).toContain(r.status));
  }, 120_000);

  afterAll(async () => {
    await t.close();
  });

  it('refers the consultation’s results with their generated dossier, to the panel only', async () => {
    await api().post(`${P}/referrals`).set(resident.auth).send({ source: 'consultation', title: 'x', question: 'y', consultation: consultation.reference }).expect(403);
    await api().post(`${P}/referrals`).set(organizer.auth).send({ source: 'consultation', title: 'x', question: 'y' }).expect(400);
    const created = await api()
      .post(`${P}/referrals`)
      .set(organizer.auth)
      .send({ source: 'consultation', title: 'Les caméras du marché', question: 'Que recommander sur les caméras du marché ?', consultation: consultation.reference })
      .expect(201);
    const body = ReferralSchema.parse(created.body);
    referral = body.reference;
    expect(body.reference).toMatch(/^SA-\d{4}-001$/);
    expect(body.dossier.consultation?.reference).toBe(consultation.reference);
    expect(body.dossier.consultation?.tally.options.length).toBeGreaterThan(0);
    expect(body.dossier.dataUse?.reference).toBe(consultation.dataUseReference);
    expect(body.dossier.consultation?.participation).toEqual(expect.objectContaining({ pollingStations: expect.any(Array), workshopContributions: expect.any(Number) }));

    await api().get(`${P}/referrals/${referral}`).set(citizens[0]!.auth).expect(200);
    await api().get(`${P}/referrals/${referral}`).set(authority.auth).expect(200);
    await api().get(`${P}/referrals/${referral}`).set(resident.auth).expect(403);
    await api().get(`${P}/referrals/${referral}`).expect(401);

    // The follower is sent to the panel's public page; members to the referral in their workspace (both pages exist).
    const notices = await t.sql<{ person_id: string; link: string }>("SELECT person_id, link FROM notifications WHERE kind = 'recommendations.referred' AND person_id = ANY($1::uuid[])", [[follower.id, citizens[0]!.id]]);
    expect(notices.find((n) => n.person_id === follower.id)?.link).toBe('/comite');
    expect(notices.find((n) => n.person_id === citizens[0]!.id)?.link).toBe(`/comite/espace/saisines/${referral}`);
  });

  it('keeps a member’s initiative among members: followers of its data use hear nothing before the opinion', async () => {
    const title = 'Initiative discrète sur les caméras';
    await api().post(`${P}/referrals`).set(citizens[1]!.auth).send({ source: 'own_initiative', title, question: `${title} ?`, dataUse: consultation.dataUseReference }).expect(201);
    const seen = await t.sql<{ person_id: string }>("SELECT person_id FROM notifications WHERE kind = 'recommendations.referred' AND data->>'title' = $1", [title]);
    expect(seen.map((n) => n.person_id)).not.toContain(follower.id);
    expect(seen.map((n) => n.person_id)).toContain(citizens[0]!.id);
  });

  it('holds a session only with quorum, and keeps the discussion to members', async () => {
    const session = (await api()
      .post(`${P}/referrals/${referral}/sessions`)
      .set(citizens[0]!.auth)
      .send({ title: 'Première séance', scheduledAt: '2027-03-01T18:00:00+01:00', place: 'Maison de quartier', agenda: ['Le dossier', 'Audition'] })
      .expect(201)).body as { id: string };
    await api().post(`${P}/referrals/${referral}/sessions`).set(organizer.auth).send({ title: 'x', scheduledAt: '2027-03-01T18:00:00+01:00', agenda: ['x'] }).expect(403);
    await api()
      .put(`${P}/sessions/${session.id}/attendance`)
      .set(citizens[0]!.auth)
      .send({ attendance: [{ memberId: seats.Amina, status: 'present' }, { memberId: seats.Bruno, status: 'present' }, { memberId: seats['Dr Lemoine'], status: 'present' }] })
      .expect(200);
    const refused = await api().post(`${P}/sessions/${session.id}/hold`).set(citizens[0]!.auth).send({}).expect(422);
    expect(refused.body.quorum).toEqual({ percent: 50, votingSeats: 6, required: 3, present: 2, reached: false });
    await api().put(`${P}/sessions/${session.id}/attendance`).set(citizens[0]!.auth).send({ attendance: [{ memberId: seats['Quartiers Vivants'], status: 'present' }] }).expect(200);
    const held = (await api().post(`${P}/sessions/${session.id}/hold`).set(citizens[0]!.auth).send({ minutes: 'Dossier présenté.' }).expect(200)).body as { state: string; quorum: { reached: boolean }; presentBySeatType: Record<string, number> };
    expect(held.state).toBe('held');
    expect(held.presentBySeatType).toEqual({ drawn_citizen: 2, association: 1, expert_voting: 0, expert_consultative: 1 });

    await api().post(`${P}/referrals/${referral}/hearings`).set(citizens[1]!.auth).send({ kind: 'controller', name: 'Service de la tranquillité publique', summary: 'Présentation du dispositif.', heldOn: '2027-03-01', sessionId: session.id }).expect(201);
    await api().post(`${P}/referrals/${referral}/discussion`).set(citizens[1]!.auth).send({ body: 'Je propose de commencer par la reconnaissance faciale.' }).expect(201);
    const posts = (await api().get(`${P}/referrals/${referral}/discussion`).set(association.auth).expect(200)).body as { author: { displayName: string } }[];
    expect(posts.map((p) => p.author.displayName)).toEqual(['Bruno']);
    await api().get(`${P}/referrals/${referral}/discussion`).set(organizer.auth).expect(403);
  });

  let first: string;
  it('amends a draft: one amendment accepted, one carried by a vote, both merged into version 2 with a diff', async () => {
    const [amina, bruno, chloe] = citizens as [TestPerson, TestPerson, TestPerson];
    first = (RecommendationSchema.parse((await api().post(`${P}/referrals/${referral}/recommendations`).set(amina.auth).send({ title: 'Pas de reconnaissance faciale', body: BODY }).expect(201)).body)).reference;
    await api().post(`${P}/items/${first}/amendments`).set(bruno.auth).send({ body: BODY.replace('chaque année', 'chaque trimestre') }).expect(422);
    await api().post(`${P}/items/${first}/open-amendments`).set(bruno.auth).expect(403);
    await api().post(`${P}/items/${first}/open-amendments`).set(amina.auth).expect(200);
    await api().post(`${P}/items/${first}/amendments`).set(bruno.auth).send({ body: BODY.replace('chaque année', 'chaque trimestre'), explanation: 'Plus souvent.' }).expect(201);
    await api().post(`${P}/items/${first}/amendments`).set(chloe.auth).send({ body: BODY.replace('tout nouveau déploiement', 'tout nouveau déploiement et à son évaluation') }).expect(201);
    await api().post(`${P}/items/${first}/amendments/1/procedure`).set(bruno.auth).send({ procedure: 'accept' }).expect(403);
    await api().post(`${P}/items/${first}/amendments/1/procedure`).set(amina.auth).send({ procedure: 'accept' }).expect(200);
    const contested = (await api().post(`${P}/items/${first}/amendments/2/procedure`).set(amina.auth).send({ procedure: 'vote' }).expect(200)).body as { state: string; vote: string };
    expect(contested.state).toBe('voting');
    for (const p of [amina, bruno, chloe]) await api().post(`${P}/votes/${contested.vote}/ballots`).set(p.auth).send({ choice: 'for' }).expect(201);
    await api().post(`${P}/votes/${contested.vote}/close`).set(amina.auth).expect(200);

    const merged = RecommendationSchema.parse((await api().post(`${P}/items/${first}/merge`).set(amina.auth).expect(200)).body);
    expect(merged.version).toBe(2);
    expect(merged.body).toContain('chaque trimestre');
    expect(merged.body).toContain('et à son évaluation');
    expect(merged.amendments.map((a) => [a.number, a.state, a.mergedInto])).toEqual([[1, 'merged', 2], [2, 'merged', 2]]);
    const diff = (await api().get(`${P}/items/${first}/diff?from=1&to=2`).set(chloe.auth).expect(200)).body as { body: { value: string; added: boolean; removed: boolean }[]; unified: string };
    expect(diff.body.filter((p) => p.added).map((p) => p.value.trim())).toEqual(expect.arrayContaining(['trimestre']));
    expect(diff.body.filter((p) => p.removed).map((p) => p.value.trim())).toEqual(expect.arrayContaining(['année']));
    expect(diff.unified).toContain('-Publier chaque année');
    await api().get(`${P}/items/${first}/diff?from=1&to=9`).set(chloe.auth).expect(400);
    await api().get(`${P}/items/${first}`).expect(404);
  });

  it('votes: twice → 409, a consultative expert → 403, no quorum or below threshold → 422 with the counts', async () => {
    const [amina, bruno, chloe] = citizens as [TestPerson, TestPerson, TestPerson];
    const vote = PanelVoteSchema.parse((await api().post(`${P}/items/${first}/vote`).set(amina.auth).send({}).expect(201)).body);
    expect(vote.mode).toBe('recorded');
    await api().post(`${P}/votes/${vote.id}/ballots`).set(amina.auth).send({ choice: 'for' }).expect(201);
    await api().post(`${P}/votes/${vote.id}/ballots`).set(amina.auth).send({ choice: 'against' }).expect(409);
    await api().post(`${P}/votes/${vote.id}/ballots`).set(consultative.auth).send({ choice: 'for' }).expect(403);
    await api().post(`${P}/votes/${vote.id}/ballots`).set(resident.auth).send({ choice: 'for' }).expect(403);
    await api().post(`${P}/votes/${vote.id}/ballots`).set(bruno.auth).send({ choice: 'for' }).expect(201);
    const noQuorum = await api().post(`${P}/items/${first}/adopt`).set(amina.auth).expect(422);
    expect(noQuorum.body.counts).toEqual({ for: 2, against: 0, abstain: 0 });
    expect(noQuorum.body.quorum).toEqual(expect.objectContaining({ required: 3, present: 2, reached: false }));
    expect(noQuorum.body.detail).toContain('Quorum non atteint');
    await api().post(`${P}/votes/${vote.id}/ballots`).set(association.auth).send({ choice: 'against' }).expect(201);
    const adopted = RecommendationSchema.parse((await api().post(`${P}/items/${first}/adopt`).set(amina.auth).expect(200)).body);
    expect(adopted.state).toBe('adopted');
    const tally = adopted.votes.at(-1)!.tally;
    expect(tally.bySeatType.drawn_citizen).toEqual({ for: 2, against: 0, abstain: 0 });
    expect(tally.bySeatType.association).toEqual({ for: 0, against: 1, abstain: 0 });
    expect(adopted.votes.at(-1)!.ballots.map((b) => [b.member.displayName, b.choice])).toEqual([['Amina', 'for'], ['Bruno', 'for'], ['Quartiers Vivants', 'against']]);
    // Adopted is not published: the data use's follower reads nothing of the text before the opinion (and neither does the town);
    // the members are told, with the title and a link to their workspace.
    for (const outsider of [follower, authority]) {
      const theirs = NotificationPageSchema.parse((await api().get('/api/v1/me/notifications?pageSize=100').set(outsider.auth).expect(200)).body);
      expect(theirs.items.map((n) => n.kind)).not.toContain('recommendations.adopted');
      expect(JSON.stringify(theirs)).not.toContain('Pas de reconnaissance faciale');
    }
    const toMember = NotificationPageSchema.parse((await api().get('/api/v1/me/notifications?pageSize=100').set(bruno.auth).expect(200)).body);
    expect(toMember.items.find((n) => n.kind === 'recommendations.adopted')).toEqual(expect.objectContaining({ data: { title: 'Pas de reconnaissance faciale' }, link: `/comite/espace/recommandations/${first}` }));
    await api().post(`${P}/items/${first}/amendments`).set(chloe.auth).send({ body: 'Autre texte.' }).expect(422);

    // Below the threshold: 1 for, 2 against.
    const third = (await api().post(`${P}/referrals/${referral}/recommendations`).set(chloe.auth).send({ title: 'Un comité de suivi', body: 'Créer un comité de suivi.' }).expect(201)).body as { reference: string };
    await api().post(`${P}/items/${third.reference}/open-amendments`).set(chloe.auth).expect(200);
    const v3 = (await api().post(`${P}/items/${third.reference}/vote`).set(chloe.auth).send({}).expect(201)).body as { id: string };
    await api().post(`${P}/votes/${v3.id}/ballots`).set(chloe.auth).send({ choice: 'for' }).expect(201);
    await api().post(`${P}/votes/${v3.id}/ballots`).set(amina.auth).send({ choice: 'against' }).expect(201);
    await api().post(`${P}/votes/${v3.id}/ballots`).set(bruno.auth).send({ choice: 'against' }).expect(201);
    const below = await api().post(`${P}/items/${third.reference}/adopt`).set(chloe.auth).expect(422);
    expect(below.body.counts).toEqual({ for: 1, against: 2, abstain: 0 });
    expect(below.body.threshold).toEqual({ numerator: 2, denominator: 3, required: 2, reached: false });
    const closed = PanelVoteSchema.parse((await api().post(`${P}/votes/${v3.id}/close`).set(chloe.auth).expect(200)).body);
    expect(closed.tally.outcome).toBe('rejected');
    expect(RecommendationSchema.parse((await api().get(`${P}/items/${third.reference}`).set(chloe.auth).expect(200)).body).state).toBe('rejected');
  });

  it('records dissents signed by several members; anonymous ones only if the rules allow', async () => {
    const dissent = (await api().post(`${P}/items/${first}/dissents`).set(association.auth).send({ body: 'Nous aurions voulu un retrait complet des caméras.' }).expect(201)).body as { id: string; signatures: number };
    await api().post(`${P}/dissents/${dissent.id}/signatures`).set(citizens[2]!.auth).expect(201);
    await api().post(`${P}/dissents/${dissent.id}/signatures`).set(citizens[2]!.auth).expect(409);
    await api().post(`${P}/items/${first}/dissents`).set(citizens[2]!.auth).send({ body: 'Anonyme.', anonymous: true }).expect(422);
    const item = RecommendationSchema.parse((await api().get(`${P}/items/${first}`).set(association.auth).expect(200)).body);
    expect(item.dissents[0]!.signatories.map((s) => s.displayName)).toEqual(['Quartiers Vivants', 'Chloé']);
  });

  let number: string;
  it('publishes the numbered opinion as JSON, PDF, Atom and Popolo vote events, and tells the followers and the town', async () => {
    const second = await draftAdopted(referral, [citizens[1]!, citizens[0]!, association], 'Publier les consultations des images');
    const rejected = (await api().get(`${P}/referrals/${referral}`).set(citizens[0]!.auth).expect(200)).body as { recommendations: { reference: string; state: string }[] };
    const rejectedRef = rejected.recommendations.find((r) => r.state === 'rejected')!.reference;
    const draft = { title: 'Les caméras du marché du dimanche', context: 'La consultation a réuni les habitants.', analysis: 'Le comité a entendu le service.', recommendations: [first, rejectedRef] };
    await api().put(`${P}/referrals/${referral}/opinion`).set(citizens[0]!.auth).send(draft).expect(422);
    await api().post(`${P}/referrals/${referral}/opinion/publish`).set(citizens[0]!.auth).expect(422);
    await api().put(`${P}/referrals/${referral}/opinion`).set(citizens[0]!.auth).send({ ...draft, recommendations: [first, second] }).expect(200);
    await api().post(`${P}/referrals/${referral}/opinion/publish`).set(organizer.auth).expect(403);
    const opinion = OpinionSchema.parse((await api().post(`${P}/referrals/${referral}/opinion/publish`).set(citizens[0]!.auth).expect(200)).body);
    number = opinion.number!;
    const year = new Date().getUTCFullYear();
    expect(number).toBe(`${year}-001`);
    expect(opinion.label).toBe(`AVIS n° ${year}-001`);
    expect(new Date(opinion.responseDueAt!).getTime() - new Date(opinion.publishedAt!).getTime()).toBe(60 * 86_400_000);
    expect(opinion.items.map((i) => [i.position, i.reference])).toEqual([[1, first], [2, second]]);
    expect(opinion.items[0]!.dissents).toHaveLength(1);
    expect(opinion.procedure.sessions).toHaveLength(1);
    await api().post(`${P}/referrals/${referral}/opinion/publish`).set(citizens[0]!.auth).expect(422);

    const pub = OpinionSchema.parse((await api().get(`${P}/opinions/${number}`).expect(200)).body);
    expect(pub.items[0]!.vote.tally.counts).toEqual({ for: 2, against: 1, abstain: 0 });
    expect(RecommendationSchema.parse((await api().get(`${P}/items/${first}`).expect(200)).body).state).toBe('published');
    const facts = PublishedRecommendationFactsSchema.parse((await api().get(`${P}/published/${first}`).expect(200)).body);
    expect(facts).toEqual(expect.objectContaining({ opinion: number, responseDeadlineDays: 60, responseDueAt: opinion.responseDueAt }));
    await api().get(`${P}/published/RC-2000-999`).expect(404);

    const pdf = await api().get(`${P}/opinions/${number}/pdf`).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const bytes = pdf.body as Buffer;
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.toString('latin1')).toMatch(/AtkinsonHyperlegible/);

    const events = ((await api().get(`${P}/opinions/${number}/vote-events`).expect(200)).body as unknown[]).map((e) => PopoloVoteEventSchema.parse(e));
    const adoption = events.find((e) => e.motion.id === first && e.motion.classification === 'recommendation')!;
    expect(adoption.result).toBe('pass');
    expect(adoption.counts.filter((c) => !c.group_id)).toEqual([{ option: 'yes', value: 2 }, { option: 'no', value: 1 }, { option: 'abstain', value: 0 }]);
    expect(adoption.votes).toHaveLength(3);
    expect(events.some((e) => e.motion.classification === 'amendment')).toBe(true);
    const open = (await api().get('/api/v1/open-data/panel-vote-events.json').expect(200)).body as { records: { opinion: string }[] };
    expect(open.records.every((r) => r.opinion === number)).toBe(true);
    expect(open.records.length).toBe(events.length);
    const atom = await api().get(`${P}/opinions/feed.atom`).expect(200);
    expect(atom.text).toContain(`AVIS n° ${number}`);

    for (const who of [follower, authority]) {
      const rows = await t.sql<{ kind: string }>("SELECT kind FROM notifications WHERE person_id = $1 AND kind = 'recommendations.opinion-published'", [who.id]);
      expect(rows).toHaveLength(1);
    }
    const following = (await api().put(`${P}/opinions/${number}/follow`).set(resident.auth).expect(200)).body as { following: boolean; followers: number };
    expect(following).toEqual({ number, following: true, followers: 1 });
    await api().put(`${P}/opinions/${number}/follow`).expect(401);
  });

  it('numbers opinions without gaps or repeats when two are published at once', async () => {
    const refs: string[] = [];
    for (const title of ['Initiative A', 'Initiative B']) {
      const r = (await api().post(`${P}/referrals`).set(citizens[0]!.auth).send({ source: 'own_initiative', title, question: `${title} ?` }).expect(201)).body as { reference: string };
      const item = await draftAdopted(r.reference, [citizens[0]!, citizens[1]!, citizens[2]!], title);
      await api().put(`${P}/referrals/${r.reference}/opinion`).set(citizens[0]!.auth).send({ title, context: 'Contexte.', analysis: 'Analyse.', recommendations: [item] }).expect(200);
      refs.push(r.reference);
    }
    const published = await Promise.all(refs.map((r) => api().post(`${P}/referrals/${r}/opinion/publish`).set(citizens[0]!.auth).expect(200)));
    const numbers = published.map((p) => (p.body as { number: string }).number).sort();
    const [year, last] = number.split('-').map(Number) as [number, number];
    expect(numbers).toEqual([last + 1, last + 2].map((n) => `${year}-${String(n).padStart(3, '0')}`));
  });

  it('refers a data use past its review date automatically, once per alert', async () => {
    const dataUse = await createDataUse(t, { editor: organizer });
    const [row] = await t.sql<{ id: string }>('SELECT id FROM data_uses WHERE reference = $1', [dataUse.reference]);
    await t.sql("INSERT INTO data_use_alerts (id, data_use_id, kind, due_date) VALUES (gen_random_uuid(), $1, 'review_overdue', '2027-01-01')", [row!.id]);
    const jobs = t.app.get(RegisterAlertReferrals);
    const opened = await jobs.referAll();
    expect(opened).toHaveLength(1);
    expect(await jobs.referAll()).toEqual([]);
    const body = ReferralSchema.parse((await api().get(`${P}/referrals/${opened[0]}`).set(citizens[0]!.auth).expect(200)).body);
    expect(body.source).toBe('data_use_review');
    expect(body.dossier.review).toEqual({ kind: 'review_overdue', dueDate: '2027-01-01' });
    await api().post(`${P}/referrals`).set(organizer.auth).send({ source: 'data_use_review', title: 'x', question: 'y' }).expect(400);
  });
});
