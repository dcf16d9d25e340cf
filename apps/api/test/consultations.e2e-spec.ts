import { createHash, randomUUID } from 'node:crypto';
import { BallotReceiptSchema, ConsultationResultsSchema, ConsultationSchema, parseBallotList, StationEligibilitySchema, TurnoutSchema, verifyBallotList } from '@sesame/domain';
import request from 'supertest';
import { ConsultationsService } from '../src/consultations/consultations.service';
import { CONSULTATION_RULES, createConsultation, createDataUse, createNeighbourhood, createPerson, createProposal, futureSchedule, moveConsultationTo, voterCodeOf, type TestPerson } from './fixtures';
import { publicAuditLog } from './support/panel-seats';
import { startTestApp, type TestApp } from './test-app';
import { bearer, personToken } from './tokens';

describe('Consultations: phases, rules, hearings, questions, secret ballots, stations, results', () => {
  let t: TestApp;
  let neighbourhoodId: string;
  let otherNeighbourhoodId: string;
  let organizer: TestPerson;
  const api = () => request(t.server);
  const voter = () => createPerson(t, { verifiedIn: neighbourhoodId });
  const code = (person: TestPerson) => voterCodeOf(t, person.id);
  const grades = (retirer: number, limiter: number, garder: number) => ({ grades: { retirer, limiter, garder } });

  beforeAll(async () => {
    t = await startTestApp();
    neighbourhoodId = await createNeighbourhood(t, { slug: 'la-noue', name: 'La Noue' });
    otherNeighbourhoodId = await createNeighbourhood(t, { slug: 'centre', name: 'Centre' });
    organizer = await createPerson(t, { pseudonym: 'Service démocratie', roles: ['resident', 'organizer'] });
  });
  afterAll(() => t.close());

  it('lets organizers prepare a consultation on a selected proposal, pins the data use version, publishes its rules, and refuses others', async () => {
    const dataUse = await createDataUse(t, { editor: organizer });
    const proposal = await createProposal(t, { state: 'selected', organizer });
    const content = { title: 'Les caméras du marché', question: 'Que faire des caméras du marché du dimanche ?', dataUseReference: dataUse.reference, schedule: futureSchedule(), rules: CONSULTATION_RULES };
    const resident = await voter();
    await api().post('/api/v1/consultations').send({ origin: { kind: 'organizers' }, content }).expect(401);
    await api().post('/api/v1/consultations').set(resident.auth).send({ origin: { kind: 'organizers' }, content }).expect(403);
    const created = ConsultationSchema.parse((await api().post('/api/v1/consultations').set(organizer.auth).send({ origin: { kind: 'proposal', proposalReference: proposal.reference }, content }).expect(201)).body);
    expect(created).toMatchObject({ state: 'draft', origin: { kind: 'proposal', proposal: { reference: proposal.reference } }, dataUse: { reference: dataUse.reference, pinnedVersion: 1 }, rulesLocked: false, grades: ['Excellent', 'Très bien', 'Bien', 'Assez bien', 'Passable', 'À rejeter'] });
    expect(created.reference).toMatch(/^CO-\d{4}-\d{3}$/);
    // A draft is the organizers' only.
    await api().get(`/api/v1/consultations/${created.reference}`).expect(404);
    await api().get(`/api/v1/consultations/${created.reference}`).set(resident.auth).expect(404);
    expect((await api().get('/api/v1/consultations').expect(200)).body.items.map((c: { reference: string }) => c.reference)).not.toContain(created.reference);

    // A proposal that is not selected, an unknown data use, unknown neighbourhood: 400 naming the field.
    const unselected = await createProposal(t, { state: 'submitted' });
    const bad = await api()
      .post('/api/v1/consultations')
      .set(organizer.auth)
      .send({ origin: { kind: 'proposal', proposalReference: unselected.reference }, content })
      .expect(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['origin.proposalReference']);
    const unknown = await api()
      .post('/api/v1/consultations')
      .set(organizer.auth)
      .send({ origin: { kind: 'organizers' }, content: { ...content, dataUseReference: 'DU-2020-999', rules: { ...CONSULTATION_RULES, eligibility: 'verified_residents_of_neighbourhoods', neighbourhoodIds: [randomUUID()] } } })
      .expect(400);
    expect(unknown.body.errors.map((e: { path: string }) => e.path)).toEqual(['content.dataUseReference', 'content.rules.neighbourhoodIds.0']);
    // Rules the schema refuses: one option, a schedule out of order.
    const refused = await api()
      .post('/api/v1/consultations')
      .set(organizer.auth)
      .send({ origin: { kind: 'organizers' }, content: { ...content, rules: { method: 'single_choice', options: [{ id: 'a', label: 'A' }] }, schedule: { ...content.schedule, voteClosesAt: content.schedule.informationOpensAt } } })
      .expect(400);
    expect(refused.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['content.rules.options', 'content.schedule.voteClosesAt']);

    // Editable before the opening (also once published), on record; locked after.
    const edited = (await api().put(`/api/v1/consultations/${created.reference}`).set(organizer.auth).send({ content: { ...content, rules: { ...CONSULTATION_RULES, quorumPercent: 10 } } }).expect(200)).body;
    expect(edited.rules.quorumPercent).toBe(10);
    const published = ConsultationSchema.parse((await api().post(`/api/v1/consultations/${created.reference}/publish`).set(organizer.auth).send({}).expect(200)).body);
    expect(published).toMatchObject({ state: 'scheduled', nextPhase: 'information' });
    expect(published.rulesPublishedAt).not.toBeNull();
    await api().post(`/api/v1/consultations/${created.reference}/publish`).set(organizer.auth).send({}).expect(422);
    await api().get(`/api/v1/consultations/${created.reference}`).expect(200);
    // Published: the text may be corrected, the rules and the dates no longer (review M1), each change named.
    await api().put(`/api/v1/consultations/${created.reference}`).set(organizer.auth).send({ content: { ...content, question: 'Que faire des caméras du marché ?', rules: { ...CONSULTATION_RULES, quorumPercent: 10 } } }).expect(200);
    const ruleChange = await api().put(`/api/v1/consultations/${created.reference}`).set(organizer.auth).send({ content: { ...content, rules: { ...CONSULTATION_RULES, quorumPercent: 90 } } }).expect(422);
    expect(ruleChange.body.errors.map((e: { path: string }) => e.path)).toEqual(['content.rules']);
    const later = futureSchedule(Date.now() + 86_400_000);
    const dateChange = await api().put(`/api/v1/consultations/${created.reference}`).set(organizer.auth).send({ content: { ...content, schedule: later, rules: { ...CONSULTATION_RULES, quorumPercent: 10 } } }).expect(422);
    expect(dateChange.body.errors.map((e: { path: string }) => e.path)).toEqual(['content.schedule.informationOpensAt', 'content.schedule.deliberationOpensAt', 'content.schedule.voteOpensAt', 'content.schedule.voteClosesAt']);

    await moveConsultationTo(t, created.reference, 'information');
    const opened = ConsultationSchema.parse((await api().get(`/api/v1/consultations/${created.reference}`).expect(200)).body);
    expect(opened).toMatchObject({ state: 'information', currentPhase: 'information', nextPhase: 'deliberation', rulesLocked: true });
    expect(opened.phases.map((p) => `${p.phase}:${p.status}`)).toEqual(['information:current', 'deliberation:upcoming', 'vote:upcoming', 'results:upcoming', 'referral:upcoming']);
    const locked = await api().put(`/api/v1/consultations/${created.reference}`).set(organizer.auth).send({ content: { ...content, rules: { ...CONSULTATION_RULES, quorumPercent: 50 } } }).expect(422);
    expect(locked.body.detail).toMatch(/ne changent plus/);
    expect((await t.sql<{ rules: { quorumPercent: number } }>('SELECT rules FROM consultations WHERE reference = $1', [created.reference]))[0]!.rules.quorumPercent).toBe(10);

    const actions = (await t.sql<{ action: string }>("SELECT action FROM audit_entries WHERE subject_type = 'consultation' AND data->>'reference' = $1 ORDER BY seq", [created.reference])).map((r) => r.action);
    expect(actions).toEqual(['consultation.created', 'consultation.published', 'consultation.edited', 'consultation.phase-opened']);
  });

  it('opens and closes phases on time with the job queue, one audited move each', async () => {
    const { reference } = await createConsultation(t, { organizer });
    const service = t.app.get(ConsultationsService);
    expect(await service.advanceDue()).toEqual([]);
    await t.sql(`UPDATE consultations SET information_opens_at = now() - interval '4 hours', deliberation_opens_at = now() - interval '3 hours', vote_opens_at = now() - interval '2 hours' WHERE reference = $1`, [reference]);
    expect(await service.advanceDue()).toEqual([{ reference, state: 'vote' }]);
    const timeline = (await api().get(`/api/v1/consultations/${reference}`).expect(200)).body.timeline.map((e: { state: string }) => e.state);
    expect(timeline).toEqual(['draft', 'scheduled', 'information', 'deliberation', 'vote']);
    // Cancelling during the vote is refused: ballots are in the box.
    await api().post(`/api/v1/consultations/${reference}/cancel`).set(organizer.auth).send({ reason: 'Erreur' }).expect(422);
  });

  it('publishes hearings with their balance, and a public question queue answered on record', async () => {
    const { reference } = await createConsultation(t, { organizer, state: 'information' });
    const resident = await voter();
    const hearing = { speaker: 'Dr Amina Benali', affiliation: 'Université de Val-de-Noue', declaredInterests: 'Aucun', position: 'against', summary: 'Les risques d’erreur de la reconnaissance faciale.' };
    await api().post(`/api/v1/consultations/${reference}/hearings`).set(resident.auth).send(hearing).expect(403);
    const created = (await api().post(`/api/v1/consultations/${reference}/hearings`).set(organizer.auth).send(hearing).expect(201)).body;
    await api().post(`/api/v1/consultations/${reference}/hearings`).set(organizer.auth).send({ ...hearing, speaker: 'Société VidéoSûre', declaredInterests: 'Fournisseur des caméras', position: 'for' }).expect(201);
    await api().post(`/api/v1/consultations/${reference}/hearings`).set(organizer.auth).send({ ...hearing, position: 'maybe', declaredInterests: '' }).expect(400);
    const listed = (await api().get(`/api/v1/consultations/${reference}/hearings`).expect(200)).body;
    expect(listed.balance).toEqual({ for: 1, against: 1, neutral: 0 });

    await api().post(`/api/v1/consultations/${reference}/questions`).send({ body: 'Qui regarde les images ?' }).expect(401);
    const question = (await api().post(`/api/v1/consultations/${reference}/questions`).set(resident.auth).send({ body: 'Qui regarde les images ?' }).expect(201)).body;
    expect(question).toMatchObject({ state: 'open', supports: 0, answer: null, viewer: { isAuthor: true } });
    const supporter = await voter();
    expect((await api().put(`/api/v1/consultations/${reference}/questions/${question.id}/support`).set(supporter.auth).expect(201)).body).toEqual({ supporting: true, supports: 1 });
    expect((await api().put(`/api/v1/consultations/${reference}/questions/${question.id}/support`).set(supporter.auth).expect(200)).body).toEqual({ supporting: true, supports: 1 });
    await api().post(`/api/v1/consultations/${reference}/questions/${question.id}/answer`).set(resident.auth).send({ body: 'Moi.' }).expect(403);
    const answered = (await api().post(`/api/v1/consultations/${reference}/questions/${question.id}/answer`).set(organizer.auth).send({ body: 'Deux agents assermentés.', hearingId: created.id }).expect(200)).body;
    expect(answered).toMatchObject({ state: 'answered', answer: { body: 'Deux agents assermentés.', by: 'Dr Amina Benali (Université de Val-de-Noue)' } });
    const page = (await api().get(`/api/v1/consultations/${reference}/questions?state=answered`).expect(200)).body;
    expect(page.total).toBe(1);
    expect((await api().get(`/api/v1/consultations/${reference}`).expect(200)).body).toMatchObject({ hearingBalance: { for: 1, against: 1, neutral: 0 }, questions: { total: 1, answered: 1 } });
  });

  it('opens the consultation’s deliberation space once, public with the consultation', async () => {
    const { reference } = await createConsultation(t, { organizer, state: 'information' });
    const opened = (await api().post(`/api/v1/consultations/${reference}/deliberation`).set(organizer.auth).send({}).expect(201)).body;
    expect(opened.deliberation.id).toMatch(/^[0-9a-f-]{36}$/);
    await api().post(`/api/v1/consultations/${reference}/deliberation`).set(organizer.auth).send({}).expect(409);
    const space = (await api().get(`/api/v1/deliberations/${opened.deliberation.id}`).expect(200)).body;
    expect(space.subject).toMatchObject({ type: 'consultation', reference });
  });

  it('takes statements and votes in the consultation’s space during its deliberation phase, and shows its opinion map', async () => {
    const { reference } = await createConsultation(t, { organizer, state: 'deliberation' });
    const { deliberation } = (await api().post(`/api/v1/consultations/${reference}/deliberation`).set(organizer.auth).send({}).expect(201)).body;
    const statements = `/api/v1/deliberations/${deliberation.id}/statements`;
    const resident = await voter();
    const added = (await api().post(statements).set(resident.auth).send({ text: 'Les trajets doivent rester agrégés par quartier.', charterAccepted: true }).expect(201)).body;
    expect(added).toMatchObject({ number: 1, state: 'approved' });
    const other = await voter();
    await api().post(statements).set(other.auth).send({ text: 'Les données achetées doivent être publiées.', charterAccepted: true }).expect(201);
    await api().put(`${statements}/${added.id}/vote`).set(other.auth).send({ vote: 'agree' }).expect(200);
    expect((await api().get(statements).expect(200)).body.statements.map((s: { number: number }) => s.number)).toEqual([1, 2]);
    expect((await api().get(`/api/v1/deliberations/${deliberation.id}/opinion-map`).expect(200)).body).toMatchObject({ deliberationId: deliberation.id, status: 'too_early' });
  });

  it('takes one ballot per person out of 100 sent at once; a retry with the same key gets the same receipt', async () => {
    const { reference } = await createConsultation(t, { organizer, state: 'vote' });
    const person = await voter();
    const keys = Array.from({ length: 100 }, () => randomUUID());
    const answers = await Promise.all(keys.map((idempotencyKey) => api().post(`/api/v1/consultations/${reference}/ballots`).set(person.auth).send({ idempotencyKey, choices: grades(0, 2, 5) })));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(99);
    const winner = answers.findIndex((a) => a.status === 201);
    const receipt = BallotReceiptSchema.parse(answers[winner]!.body);
    expect(receipt.receipt).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(receipt.castOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const [counts] = await t.sql<{ ballots: number; participations: number }>('SELECT (SELECT count(*)::int FROM ballots b JOIN consultations c ON c.id = b.consultation_id WHERE c.reference = $1) AS ballots, (SELECT count(*)::int FROM consultation_participations p JOIN consultations c ON c.id = p.consultation_id WHERE c.reference = $1) AS participations', [reference]);
    expect(counts).toEqual({ ballots: 1, participations: 1 });

    const retry = await api().post(`/api/v1/consultations/${reference}/ballots`).set(person.auth).send({ idempotencyKey: keys[winner], choices: grades(0, 2, 5) }).expect(200);
    expect(retry.body).toEqual(answers[winner]!.body);
    // The idempotency key is kept only under the server's secret, with the ballot: neither it nor its plain hash is stored.
    const stored = await t.sql<{ hash: string }>('SELECT b.idempotency_key_hash AS hash FROM ballots b JOIN consultations c ON c.id = b.consultation_id WHERE c.reference = $1', [reference]);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored[0]!.hash).not.toBe(createHash('sha256').update(keys[winner]!).digest('hex'));
    expect(receipt.changeKey).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){9}$/);
  });

  it('binds a ballot’s idempotency key to its voter: someone else sending the same key neither reads nor takes over that ballot', async () => {
    const { reference } = await createConsultation(t, { organizer, state: 'vote' });
    const path = `/api/v1/consultations/${reference}`;
    const [first, second, third] = [await voter(), await voter(), await voter()];
    const key = randomUUID();
    const mine = BallotReceiptSchema.parse((await api().post(`${path}/ballots`).set(first.auth).send({ idempotencyKey: key, choices: grades(5, 0, 0) }).expect(201)).body);
    // Someone who has voted already, replaying that key: a second vote (409), not the first voter's receipt and change key.
    await api().post(`${path}/ballots`).set(second.auth).send({ idempotencyKey: randomUUID(), choices: grades(0, 0, 5) }).expect(201);
    const replay = await api().post(`${path}/ballots`).set(second.auth).send({ idempotencyKey: key, choices: grades(0, 0, 5) }).expect(409);
    expect(JSON.stringify(replay.body)).not.toContain(mine.receipt);
    // Someone who has not voted, with the same key: their own ballot (never a 500), with another receipt and key.
    const theirs = BallotReceiptSchema.parse((await api().post(`${path}/ballots`).set(third.auth).send({ idempotencyKey: key, choices: grades(0, 5, 0) }).expect(201)).body);
    expect(theirs.receipt).not.toBe(mine.receipt);
    expect(theirs.changeKey).not.toBe(mine.changeKey);
    // The change key is typed back in any case, with or without dashes.
    const typed = mine.changeKey.toLowerCase().replaceAll('-', ' ');
    expect((await api().put(`${path}/ballots/${mine.receipt}`).send({ changeKey: typed, choices: grades(0, 1, 5) }).expect(200)).body).toMatchObject({ receipt: mine.receipt, choices: grades(0, 1, 5) });
  });

  it('takes a ballot only from a live session, checked by the cast’s own statement: a signed-out credential gets 401 before anything else is looked at, and nothing is stored', async () => {
    const { reference } = await createConsultation(t, { organizer, state: 'vote' });
    const path = `/api/v1/consultations/${reference}/ballots`;
    const good = () => ({ idempotencyKey: randomUUID(), choices: grades(0, 2, 5) });
    const refused = async (auth: Record<string, string>) => {
      // A valid ballot, a malformed one, an unknown consultation, a malformed reference: the session's answer first, every time.
      for (const [at, body] of [[path, good()], [path, { idempotencyKey: 'pas-un-uuid', choices: {} }], ['/api/v1/consultations/CO-2000-999/ballots', good()], ['/api/v1/consultations/pas-une-reference/ballots', good()]] as const) {
        const answer = await api().post(at).set(auth).send(body).expect(401);
        expect(answer.body.detail).toMatch(/session a pris fin/);
      }
    };
    // Signed out everywhere (the session version rose).
    const everywhere = await voter();
    await api().post('/api/v1/me/sessions/revoke').set(everywhere.auth).expect(204);
    await refused(everywhere.auth);
    await api().post(path).set(bearer(await personToken(everywhere.id, 1))).send(good()).expect(201);
    // This browser session ended; another one of the same person still votes.
    const [here, elsewhere] = [randomUUID(), randomUUID()];
    const once = await voter();
    await api().post('/api/v1/me/sessions/end').set(bearer(await personToken(once.id, 0, { sessionId: here }))).expect(204);
    await refused(bearer(await personToken(once.id, 0, { sessionId: here })));
    await api().post(path).set(bearer(await personToken(once.id, 0, { sessionId: elsewhere }))).send(good()).expect(201);
    // The account was deleted, or never existed.
    const gone = await voter();
    await t.sql('UPDATE people SET deleted_at = now() WHERE id = $1', [gone.id]);
    await refused(gone.auth);
    await refused(bearer(await personToken(randomUUID())));
    // Exactly the two live ballots are in the box, each with its participation.
    const [counts] = await t.sql<{ ballots: number; participations: number }>('SELECT (SELECT count(*)::int FROM ballots b JOIN consultations c ON c.id = b.consultation_id WHERE c.reference = $1) AS ballots, (SELECT count(*)::int FROM consultation_participations p JOIN consultations c ON c.id = p.consultation_id WHERE c.reference = $1) AS participations', [reference]);
    expect(counts).toEqual({ ballots: 2, participations: 2 });
    // The roles come with the session: a draft is no one's to see but its organizers'.
    const draft = await createConsultation(t, { organizer, state: 'draft' });
    await api().post(`/api/v1/consultations/${draft.reference}/ballots`).set((await voter()).auth).send(good()).expect(404);
    await api().post(`/api/v1/consultations/${draft.reference}/ballots`).set(organizer.auth).send(good()).expect(422);
  });

  it('refuses bad choices and ineligible voters; changes a vote only with the receipt’s key; results stay hidden until the close', async () => {
    const { reference } = await createConsultation(t, { organizer, state: 'vote', rules: { ...CONSULTATION_RULES, eligibility: 'verified_residents_of_neighbourhoods', neighbourhoodIds: [neighbourhoodId] } });
    const path = `/api/v1/consultations/${reference}`;
    const person = await voter();
    await api().post(`${path}/ballots`).send({ idempotencyKey: randomUUID(), choices: grades(0, 1, 2) }).expect(401);
    await api().post(`${path}/ballots`).set((await createPerson(t)).auth).send({ idempotencyKey: randomUUID(), choices: grades(0, 1, 2) }).expect(403);
    // A verified resident of another neighbourhood: 403 saying why; the public rules name the neighbourhoods.
    const outside = await api().post(`${path}/ballots`).set((await createPerson(t, { verifiedIn: otherNeighbourhoodId })).auth).send({ idempotencyKey: randomUUID(), choices: grades(0, 1, 2) }).expect(403);
    expect(outside.body).toMatchObject({ status: 403, detail: expect.stringMatching(/réservée aux habitantes et habitants de certains quartiers/) });
    expect(ConsultationSchema.parse((await api().get(path).expect(200)).body)).toMatchObject({ rules: { eligibility: 'verified_residents_of_neighbourhoods' }, neighbourhoods: [{ id: neighbourhoodId, name: 'La Noue' }] });
    const missing = await api().post(`${path}/ballots`).set(person.auth).send({ idempotencyKey: randomUUID(), choices: { grades: { retirer: 0 } } }).expect(400);
    expect(missing.body.errors[0].path).toMatch(/^choices/);
    await api().post(`${path}/ballots`).set(person.auth).send({ idempotencyKey: randomUUID(), choices: { answer: 'yes' } }).expect(400);
    await api().post(`${path}/ballots`).set(person.auth).send({ idempotencyKey: 'pas-un-uuid', choices: grades(0, 1, 2) }).expect(400);

    const receipt = BallotReceiptSchema.parse((await api().post(`${path}/ballots`).set(person.auth).send({ idempotencyKey: randomUUID(), choices: grades(5, 5, 0) }).expect(201)).body);
    expect((await api().get(`${path}/receipts/${receipt.receipt}`).expect(200)).body).toEqual({ consultation: reference, receipt: receipt.receipt, inBox: true, ballotList: null, choices: null });
    expect((await api().get(`${path}/receipts/${receipt.receipt.toLowerCase()}`).expect(200)).body.inBox).toBe(true);
    expect((await api().get(`${path}/receipts/0000-0000-0000-0000`).expect(200)).body.inBox).toBe(false);
    await api().get(`${path}/receipts/pas-un-recu`).expect(400);

    // Nobody — organizers included — changes it without the key.
    await api().put(`${path}/ballots/${receipt.receipt}`).set(organizer.auth).send({ changeKey: Array.from({ length: 10 }, () => 'AAAA').join('-'), choices: grades(0, 0, 0) }).expect(403);
    const changed = (await api().put(`${path}/ballots/${receipt.receipt}`).send({ changeKey: receipt.changeKey, choices: grades(0, 1, 5) }).expect(200)).body;
    expect(changed).toMatchObject({ receipt: receipt.receipt, choices: grades(0, 1, 5) });
    expect((await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM ballots b JOIN consultations c ON c.id = b.consultation_id WHERE c.reference = $1', [reference]))[0]!.n).toBe(1);

    const turnout = TurnoutSchema.parse((await api().get(`${path}/turnout`).expect(200)).body);
    expect(turnout).toMatchObject({ provisional: true, participants: 1, online: 1, atStations: 0 });
    expect(turnout.byNeighbourhood.map((n) => n.name)).toEqual(['La Noue']);
    await api().get(`${path}/results`).expect(403);
    await api().get(`${path}/results`).set(organizer.auth).expect(403);
    await api().get(`${path}/results`).set((await createPerson(t, { roles: ['admin'] })).auth).expect(403);
    await api().get(`/api/v1/open-data/consultations/${reference}/ballots.json`).expect(404);
    expect((await api().get(`${path}/participation`).set(person.auth).expect(200)).body).toMatchObject({ voted: true, channel: 'online' });
    // Review M5: once voted, the page's permission says so (no second ballot form), with its reason.
    expect((await api().get(path).set(person.auth).expect(200)).body.viewer).toMatchObject({ voted: true, can: { 'consultations.vote': { allowed: false, reason: 'already_voted' } } });
  });

  it('records station votes (the same participation row) and paper totals, then closes: list frozen in receipt order, hash in the audit log, results with paper shown as such', async () => {
    const { reference } = await createConsultation(t, { organizer, state: 'vote' });
    const path = `/api/v1/consultations/${reference}`;
    const officer = await createPerson(t, { pseudonym: 'Assesseuse du bureau 1', roles: ['facilitator'] });
    const receipts: string[] = [];
    const onlineVoters: TestPerson[] = [];
    for (const choice of [grades(0, 1, 5), grades(1, 0, 5), grades(0, 2, 4), grades(5, 3, 0)]) {
      onlineVoters.push(await voter());
      receipts.push((await api().post(`${path}/ballots`).set(onlineVoters.at(-1)!.auth).send({ idempotencyKey: randomUUID(), choices: choice }).expect(201)).body.receipt);
    }
    // At the station: eligibility checked, the vote recorded; the same person cannot then vote online.
    // Review M12: the officer types the voter code from the person's account page — never an account id, and learns neither it nor the pseudonym.
    const atStation = await voter();
    const atStationCode = await code(atStation);
    expect(atStationCode).toMatch(/^[0-9A-F]{5}-[0-9A-F]{5}$/);
    expect((await api().get('/api/v1/me').set(atStation.auth).expect(200)).body.verification.voterCode).toBe(atStationCode);
    await api().get(`${path}/station/eligibility/${atStationCode}`).set((await voter()).auth).expect(403);
    const before = (await api().get(`${path}/station/eligibility/${atStationCode.toLowerCase().replace('-', ' ')}`).set(officer.auth).expect(200)).body;
    expect(before).toEqual({ voterCode: atStationCode, eligible: true, reason: null, alreadyVoted: false });
    // An account id is not a voter code: 400; a code nobody has: 404 saying so.
    await api().get(`${path}/station/eligibility/${atStation.id}`).set(officer.auth).expect(400);
    const unknown = await api().get(`${path}/station/eligibility/00000-00000`).set(officer.auth).expect(404);
    expect(unknown.body.detail).toMatch(/code d’électeur 00000-00000/);
    await api().post(`${path}/station/participations`).set(officer.auth).send({ personId: atStation.id, stationName: 'Bureau 1 — Mairie' }).expect(400);
    const recorded = (await api().post(`${path}/station/participations`).set(officer.auth).send({ voterCode: atStationCode, stationName: 'Bureau 1 — Mairie' }).expect(201)).body;
    expect(JSON.stringify(recorded)).not.toMatch(/channel/);
    for (const answer of [before, recorded]) expect(JSON.stringify(answer)).not.toMatch(new RegExp(`${atStation.id}|"name"|personId`));
    await api().post(`${path}/station/participations`).set(officer.auth).send({ voterCode: atStationCode, stationName: 'Bureau 1 — Mairie' }).expect(409);
    await api().post(`${path}/ballots`).set(atStation.auth).send({ idempotencyKey: randomUUID(), choices: grades(0, 0, 0) }).expect(409);
    // Review L10: the officer learns « has already voted », never how — an online voter and a station voter look the same.
    const online = onlineVoters[0]!;
    const seen: unknown[] = [];
    for (const who of [online, atStation]) {
      const checked = (await api().get(`${path}/station/eligibility/${await code(who)}`).set(officer.auth).expect(200)).body;
      expect(StationEligibilitySchema.parse(checked)).toMatchObject({ eligible: true, alreadyVoted: true });
      expect(JSON.stringify(checked)).not.toMatch(/channel|online|station/i);
      seen.push({ ...checked, voterCode: undefined });
    }
    expect(seen[0]).toEqual(seen[1]);

    const paper = { stationName: 'Bureau 1 — Mairie', place: 'Salle des fêtes', countedAt: new Date().toISOString(), officers: ['Jeanne Martin', 'Karim Haddad'], ballots: 3, blankOrInvalid: 0, counts: { grades: { retirer: [2, 1, 0, 0, 0, 0], limiter: [0, 1, 1, 1, 0, 0], garder: [0, 0, 0, 0, 1, 2] } } };
    await api().post(`${path}/paper-totals`).set(officer.auth).send({ ...paper, officers: ['Jeanne Martin', 'jeanne martin'] }).expect(400);
    await api().post(`${path}/paper-totals`).set(officer.auth).send({ ...paper, counts: { grades: { retirer: [2, 1, 0, 0, 0, 0] } } }).expect(400);
    // Review C1: three ballots in the box, one voter recorded at that station so far → 422 naming it.
    const overfull = await api().post(`${path}/paper-totals`).set(officer.auth).send(paper).expect(422);
    expect(overfull.body.errors).toEqual([expect.objectContaining({ path: 'ballots', message: expect.stringContaining('3 bulletins dans l’urne, mais 1 votant enregistré dans ce bureau') })]);
    for (const more of [await voter(), await voter()]) await api().post(`${path}/station/participations`).set(officer.auth).send({ voterCode: await code(more), stationName: 'Bureau 1 — Mairie' }).expect(201);
    // Counts that do not add up to the valid ballots, a blank count above the box, a date out of the vote: 422 naming each.
    const inflated = await api().post(`${path}/paper-totals`).set(officer.auth).send({ ...paper, counts: { grades: { retirer: [1000, 0, 0, 0, 0, 0], limiter: [0, 1000, 0, 0, 0, 0], garder: [0, 0, 0, 0, 0, 1000] } } }).expect(422);
    expect(inflated.body.errors[0]).toEqual(expect.objectContaining({ path: 'counts.grades.retirer', message: 'Les mentions de l’option « retirer » font 1000, et non 3 (3 bulletins − 0 blancs ou nuls).' }));
    expect(inflated.body.errors).toHaveLength(3);
    const withBlank = await api().post(`${path}/paper-totals`).set(officer.auth).send({ ...paper, blankOrInvalid: 1 }).expect(422);
    expect(withBlank.body.errors.map((e: { path: string }) => e.path)).toEqual(['counts.grades.retirer', 'counts.grades.limiter', 'counts.grades.garder']);
    for (const countedAt of ['1970-01-01T00:00:00Z', '2099-01-01T00:00:00Z']) {
      const dated = await api().post(`${path}/paper-totals`).set(officer.auth).send({ ...paper, countedAt }).expect(422);
      expect(dated.body.errors).toEqual([expect.objectContaining({ path: 'countedAt' })]);
    }
    const entered = (await api().post(`${path}/paper-totals`).set(officer.auth).send(paper).expect(201)).body;
    expect(entered).toMatchObject({ enteredBy: 'Assesseuse du bureau 1', confirmedBy: null, confirmedAt: null });
    await api().post(`${path}/paper-totals`).set(officer.auth).send(paper).expect(409);
    // The two officers, for real: the account that entered the record cannot confirm it (422), a resident cannot (403);
    // a second officer's account does (200), once (409); an unknown record is a 404.
    const confirmation = `${path}/paper-totals/${entered.id}/confirmation`;
    const second = await createPerson(t, { pseudonym: 'Second assesseur du bureau 1', roles: ['facilitator'] });
    // The list's viewer.can says the same as the API (the web shows « Confirmer » from it): not for the account that entered it.
    const canConfirm = async (who: TestPerson) => ((await api().get(`${path}/paper-totals`).set(who.auth).expect(200)).body as { viewer: { can: Record<string, { allowed: boolean; reason: string | null }> } }[])[0]!.viewer.can['consultations.confirm-paper-totals'];
    expect(await canConfirm(officer)).toEqual({ allowed: false, reason: 'wrong_state' });
    expect(await canConfirm(second)).toEqual({ allowed: true, reason: null });
    const same = await api().post(confirmation).set(officer.auth).send({}).expect(422);
    expect(same.body.errors).toEqual([expect.objectContaining({ code: 'same_officer', message: expect.stringContaining('second assesseur') })]);
    await api().post(confirmation).set((await voter()).auth).send({}).expect(403);
    await api().post(`${path}/paper-totals/${randomUUID()}/confirmation`).set(second.auth).send({}).expect(404);
    await api().post(confirmation).set(second.auth).send({ note: 'ok' }).expect(400);
    const confirmed = (await api().post(confirmation).set(second.auth).send({}).expect(200)).body;
    expect(confirmed).toMatchObject({ id: entered.id, enteredBy: 'Assesseuse du bureau 1', confirmedBy: 'Second assesseur du bureau 1', counts: { answers: null, options: null, grades: null } });
    await api().post(confirmation).set(second.auth).send({}).expect(409);
    await api().post(confirmation).set(organizer.auth).send({}).expect(409);
    expect(await canConfirm(organizer)).toEqual({ allowed: false, reason: 'wrong_state' });
    // Review H1: a station's counts are results — hidden from everyone until the results are published.
    for (const who of [{}, officer.auth, organizer.auth]) {
      const listed = (await api().get(`${path}/paper-totals`).set(who).expect(200)).body;
      expect(listed).toEqual([expect.objectContaining({ stationName: 'Bureau 1 — Mairie', ballots: 3, enteredBy: 'Assesseuse du bureau 1', counts: { answers: null, options: null, grades: null } })]);
    }

    expect((await t.sql<{ writers: number }>('SELECT count(DISTINCT xmin::text)::int AS writers FROM ballots WHERE consultation_id = (SELECT id FROM consultations WHERE reference = $1)', [reference]))[0]!.writers).toBe(4);
    await moveConsultationTo(t, reference, 'results');
    const file = await api().get(`/api/v1/open-data/consultations/${reference}/ballots.json`).expect(200);
    const parsed = parseBallotList(JSON.parse(file.text));
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
    expect(parsed.list.ballots.map((b) => b.receipt)).toEqual([...receipts].sort());
    expect(parsed.list.format).toBe('sesame-ballot-list/2');
    expect(parsed.list.paperTotals).toEqual([expect.objectContaining({ station: 'Bureau 1 — Mairie', ballots: 3, blankOrInvalid: 0, recordedVoters: 3 })]);
    const [entry] = await t.sql<{ data: { ballotsSha256: string; reference: string } }>("SELECT data FROM audit_entries WHERE action = 'consultation.ballot-list-published' AND data->>'reference' = $1", [reference]);
    expect(verifyBallotList(parsed.list, entry!.data.ballotsSha256).ok).toBe(true);
    // Every row was written again by the close, in receipt order (one transaction id for all): where a row lies no longer follows when it was cast.
    const versions = await t.sql<{ writers: number; ballots: number }>('SELECT count(DISTINCT xmin::text)::int AS writers, count(*)::int AS ballots FROM ballots WHERE consultation_id = (SELECT id FROM consultations WHERE reference = $1)', [reference]);
    expect(versions[0]).toEqual({ writers: 1, ballots: 4 });

    const results = ConsultationResultsSchema.parse((await api().get(`${path}/results`).expect(200)).body);
    expect(results).toMatchObject({ method: 'majority_judgment', winner: 'retirer', ballots: { online: 4, paper: 3 }, ballotList: { sha256: entry!.data.ballotsSha256, ballots: 4 } });
    expect(results.options[0]).toMatchObject({ id: 'retirer', rank: 1, paperVotes: 3 });
    expect(results.options.find((o) => o.id === 'retirer')!.profile).toEqual([4, 2, 0, 0, 0, 1]);
    expect(results.turnout).toMatchObject({ provisional: false, participants: 7, online: 4, atStations: 3 });
    expect(results.paperCounts[0]).toMatchObject({ stationName: 'Bureau 1 — Mairie', officers: ['Jeanne Martin', 'Karim Haddad'], enteredBy: 'Assesseuse du bureau 1', confirmedBy: 'Second assesseur du bureau 1' });
    // Review M3: three voters at that station — its own counts stay unpublished (they are in the totals and the list's merged record).
    expect((await api().get(`${path}/paper-totals`).expect(200)).body[0]).toMatchObject({ ballots: 3, counts: { answers: null, options: null, grades: null } });
    expect(results.explanation.join(' ')).toMatch(/mention majoritaire/i);
    const closedCheck = (await api().get(`${path}/receipts/${receipts[0]}`).expect(200)).body;
    expect(closedCheck.ballotList.sha256).toBe(entry!.data.ballotsSha256);
    // Review M11: after the close the check gives the receipt's line of the list, so nobody downloads the whole list to find it.
    expect(closedCheck).toMatchObject({ inBox: true, choices: parsed.list.ballots.find((b) => b.receipt === receipts[0])!.choices });
    expect((await api().get(`${path}/receipts/0000-0000-0000-0000`).expect(200)).body).toMatchObject({ inBox: false, choices: null });
    // Closed: no more ballots or changes.
    await api().post(`${path}/ballots`).set((await voter()).auth).send({ idempotencyKey: randomUUID(), choices: grades(0, 0, 0) }).expect(422);
    const actions = (await t.sql<{ action: string }>("SELECT action FROM audit_entries WHERE subject_type = 'consultation' AND data->>'reference' = $1 ORDER BY seq", [reference])).map((r) => r.action);
    expect(actions).toContain('consultation.vote-opened');
    expect(actions.slice(-3)).toEqual(['consultation.vote-closed', 'consultation.ballot-list-published', 'consultation.results-published']);
    expect(actions).toContain('consultation.paper-count-recorded');

    const referred = (await api().post(`${path}/refer`).set(organizer.auth).send({ note: 'Transmis au comité.' }).expect(200)).body;
    expect(referred.state).toBe('referral');
    await api().get(`${path}/results`).expect(200);
  });

  it('shuts the box at the close, takes the stations’ count records afterwards, and publishes the results with the last one', async () => {
    const { reference } = await createConsultation(t, { organizer, state: 'vote' });
    const path = `/api/v1/consultations/${reference}`;
    const officer = await createPerson(t, { roles: ['facilitator'] });
    await api().post(`${path}/ballots`).set((await voter()).auth).send({ idempotencyKey: randomUUID(), choices: grades(0, 1, 5) }).expect(201);
    const atStation = await voter();
    await api().post(`${path}/station/participations`).set(officer.auth).send({ voterCode: await code(atStation), stationName: 'Bureau 2 — École' }).expect(201);

    // The close: a station recorded voters and has not counted yet, so the results wait — hidden from everyone.
    await moveConsultationTo(t, reference, 'results');
    const counting = ConsultationSchema.parse((await api().get(path).expect(200)).body);
    expect(counting).toMatchObject({ state: 'counting', nextPhase: 'results', resultsAvailable: false, ballotList: null });
    expect(counting.phases.map((p) => `${p.phase}:${p.status}`)).toEqual(['information:past', 'deliberation:past', 'vote:past', 'results:upcoming', 'referral:upcoming']);
    await api().get(`${path}/results`).set(organizer.auth).expect(403);
    await api().get(`/api/v1/open-data/consultations/${reference}/ballots.json`).expect(404);
    // The box is shut: no ballot, no station vote; the turnout stays provisional.
    await api().post(`${path}/ballots`).set((await voter()).auth).send({ idempotencyKey: randomUUID(), choices: grades(0, 0, 0) }).expect(422);
    await api().post(`${path}/station/participations`).set(officer.auth).send({ voterCode: await code(await voter()), stationName: 'Bureau 2 — École' }).expect(422);
    expect((await api().get(`${path}/turnout`).expect(200)).body).toMatchObject({ provisional: true, participants: 2 });
    // The job's sweep does not publish while the count lasts.
    await t.app.get(ConsultationsService).advanceDue();
    expect((await api().get(path).expect(200)).body.state).toBe('counting');

    // The station's count record, entered after the close: the count is complete, the results are published with it.
    const paper = { stationName: 'Bureau 2 — École', place: 'École Jules-Ferry', countedAt: new Date().toISOString(), officers: ['Jeanne Martin', 'Karim Haddad'], ballots: 1, blankOrInvalid: 0, counts: { grades: { retirer: [1, 0, 0, 0, 0, 0], limiter: [0, 1, 0, 0, 0, 0], garder: [0, 0, 0, 0, 0, 1] } } };
    await api().post(`${path}/paper-totals`).set((await voter()).auth).send(paper).expect(403);
    const entered = (await api().post(`${path}/paper-totals`).set(officer.auth).send(paper).expect(201)).body;
    // Entered by one account, it does not count yet: the results wait for a second officer's confirmation.
    expect((await api().get(path).expect(200)).body.state).toBe('counting');
    await api().get(`${path}/results`).expect(403);
    await api().post(`${path}/paper-totals/${entered.id}/confirmation`).set((await createPerson(t, { roles: ['facilitator'] })).auth).send({}).expect(200);
    const results = ConsultationResultsSchema.parse((await api().get(`${path}/results`).expect(200)).body);
    expect(results).toMatchObject({ ballots: { online: 1, paper: 1 }, turnout: { provisional: false, participants: 2, atStations: 1 } });
    expect(results.paperCounts.map((p) => p.stationName)).toEqual(['Bureau 2 — École']);
    // Once published, no more count records.
    await api().post(`${path}/paper-totals`).set(officer.auth).send({ ...paper, stationName: 'Bureau 3' }).expect(422);
    const actions = (await t.sql<{ action: string; data: { stationsWithoutCount?: string[] } }>("SELECT action, data FROM audit_entries WHERE subject_type = 'consultation' AND data->>'reference' = $1 ORDER BY seq", [reference]));
    expect(actions.map((a) => a.action).slice(-5)).toEqual(['consultation.vote-closed', 'consultation.paper-count-recorded', 'consultation.paper-count-confirmed', 'consultation.ballot-list-published', 'consultation.results-published']);
    expect(actions.at(-1)!.data.stationsWithoutCount).toEqual([]);
  });

  it('publishes the results at the end of the counting time without a station that never counted, and says so on record', async () => {
    const { reference } = await createConsultation(t, { organizer, state: 'vote' });
    const path = `/api/v1/consultations/${reference}`;
    const officer = await createPerson(t, { roles: ['facilitator'] });
    await api().post(`${path}/station/participations`).set(officer.auth).send({ voterCode: await code(await voter()), stationName: 'Bureau 4 — Gymnase' }).expect(201);
    await moveConsultationTo(t, reference, 'results');
    expect((await api().get(path).expect(200)).body.state).toBe('counting');
    // A record entered by one officer and never confirmed by a second does not count.
    const paper = { stationName: 'Bureau 4 — Gymnase', place: 'Gymnase', countedAt: new Date().toISOString(), officers: ['Jeanne Martin', 'Karim Haddad'], ballots: 1, blankOrInvalid: 0, counts: { grades: { retirer: [1, 0, 0, 0, 0, 0], limiter: [0, 1, 0, 0, 0, 0], garder: [0, 0, 0, 0, 0, 1] } } };
    await api().post(`${path}/paper-totals`).set(officer.auth).send(paper).expect(201);
    expect((await api().get(path).expect(200)).body.state).toBe('counting');
    await t.app.get(ConsultationsService).advanceDue(new Date(Date.now() + 24 * 3_600_000));
    expect((await api().get(path).expect(200)).body.state).toBe('results');
    expect(ConsultationResultsSchema.parse((await api().get(`${path}/results`).expect(200)).body)).toMatchObject({ ballots: { paper: 0 }, paperCounts: [] });
    const [published] = await t.sql<{ data: { stationsWithoutCount: string[] } }>("SELECT data FROM audit_entries WHERE action = 'consultation.results-published' AND data->>'reference' = $1", [reference]);
    expect(published!.data.stationsWithoutCount).toEqual(['Bureau 4 — Gymnase']);
  });

  it('tallies yes / no / abstain with the published abstention rule', async () => {
    const { reference } = await createConsultation(t, { organizer, state: 'vote', rules: { method: 'yes_no_abstain', abstention: 'expressed' } });
    const path = `/api/v1/consultations/${reference}`;
    for (const answer of ['yes', 'yes', 'no', 'abstain', 'abstain']) await api().post(`${path}/ballots`).set((await voter()).auth).send({ idempotencyKey: randomUUID(), choices: { answer } }).expect(201);
    await moveConsultationTo(t, reference, 'results');
    const results = (await api().get(`${path}/results`).expect(200)).body;
    // 2 yes out of 5 ballots: not more than half of all ballots when abstentions count.
    expect(results.winner).toBeNull();
    expect(results.options.map((o: { id: string; votes: number }) => `${o.id}:${o.votes}`)).toEqual(['yes:2', 'no:1', 'abstain:2']);
  });

  it('publishes turnout per neighbourhood without small numbers (review M3), and never above 100 % (review M4)', async () => {
    const [a, b, c] = [await createNeighbourhood(t, { slug: 'turnout-a', name: 'Quartier A' }), await createNeighbourhood(t, { slug: 'turnout-b', name: 'Quartier B' }), await createNeighbourhood(t, { slug: 'turnout-c', name: 'Quartier C' })];
    const { reference } = await createConsultation(t, { organizer, state: 'vote', rules: { ...CONSULTATION_RULES, eligibility: 'verified_residents_of_neighbourhoods', neighbourhoodIds: [a, b, c] } });
    const id = (await t.sql<{ id: string }>('SELECT id FROM consultations WHERE reference = $1', [reference]))[0]!.id;
    const took: string[] = [];
    for (const [neighbourhood, residents, voting] of [[a, 15, 12], [b, 12, 11], [c, 3, 1]] as const) {
      for (let i = 0; i < residents; i++) {
        const person = await createPerson(t, { verifiedIn: neighbourhood });
        if (i < voting) {
          await t.sql("INSERT INTO consultation_participations (consultation_id, person_id, channel) VALUES ($1, $2, 'online')", [id, person.id]);
          took.push(person.id);
        }
      }
    }
    const turnout = TurnoutSchema.parse((await api().get(`/api/v1/consultations/${reference}/turnout`).expect(200)).body);
    expect(turnout).toMatchObject({ eligible: 30, participants: 24, percent: '80.0', fewerThan: 10 });
    // C's single voter is hidden, and B with it: otherwise the total minus A and B would give C away.
    expect(turnout.byNeighbourhood.map((n) => `${n.name}:${n.participants}`)).toEqual(['Quartier A:12', 'Quartier B:null', 'Quartier C:null']);

    // A voter whose verification has gone since still counts among those who could vote: turnout stays exact, never above 100 %.
    await t.sql('DELETE FROM resident_verifications WHERE person_id = $1', [took.at(-1)]);
    const after = TurnoutSchema.parse((await api().get(`/api/v1/consultations/${reference}/turnout`).expect(200)).body);
    expect(after).toMatchObject({ eligible: 30, participants: 24, percent: '80.0' });
    expect(after.byNeighbourhood.find((n) => n.id === null)).toMatchObject({ name: 'Quartier non renseigné', eligible: 1 });
    for (const line of after.byNeighbourhood) expect(line.participants ?? 0).toBeLessThanOrEqual(line.eligible);
  });

  it('keeps a draft out of every public output: journal, feeds, open data, lists — also once cancelled unpublished (review L5)', async () => {
    const secret = `Projet confidentiel ${randomUUID().slice(0, 8)}`;
    const { reference } = await createConsultation(t, { organizer, state: 'draft', title: secret });
    const cancelled = await createConsultation(t, { organizer, state: 'draft', title: `${secret} bis` });
    // Work on the drafts: a hearing, the deliberation space, a cancellation with its reason.
    await api().post(`/api/v1/consultations/${reference}/hearings`).set(organizer.auth).send({ speaker: `Experte ${secret}`, declaredInterests: 'Aucun', position: 'neutral' }).expect(201);
    const { deliberation } = (await api().post(`/api/v1/consultations/${reference}/deliberation`).set(organizer.auth).send({}).expect(201)).body;
    await api().post(`/api/v1/consultations/${cancelled.reference}/cancel`).set(organizer.auth).send({ reason: `Abandon de ${secret}` }).expect(200);

    // The journal records them, restricted (chained, not listed: decision 0011).
    const recorded = await t.sql<{ action: string; visibility: string }>("SELECT action, visibility::text FROM audit_entries WHERE data->>'reference' IN ($1, $2) OR data->>'subject' = $1 ORDER BY seq", [reference, cancelled.reference]);
    expect(recorded.map((r) => r.action).sort()).toEqual(['consultation.cancelled', 'consultation.created', 'consultation.created', 'consultation.hearing-published', 'deliberation.opened']);
    expect(new Set(recorded.map((r) => r.visibility))).toEqual(new Set(['restricted']));
    // Nothing public names them: the journal, every open-data file and feed, the lists and pages.
    const leaks = (text: string) => [secret, reference, cancelled.reference].filter((needle) => text.includes(needle));
    expect(leaks(JSON.stringify(await publicAuditLog(t)))).toEqual([]);
    for (const name of ['data-uses', 'proposals', 'contributions', 'moderation-log', 'opinion-maps', 'authority-responses', 'panel-vote-events', 'audit-heads']) {
      for (const extension of ['json', 'csv', 'atom']) {
        const file = await api().get(`/api/v1/open-data/${name}.${extension}`).expect(200);
        expect([`${name}.${extension}`, ...leaks(file.text)]).toEqual([`${name}.${extension}`]);
      }
    }
    expect(leaks(JSON.stringify((await api().get('/api/v1/consultations?pageSize=100').expect(200)).body))).toEqual([]);
    expect(leaks(JSON.stringify((await api().get('/api/v1/consultations?state=cancelled&pageSize=100').expect(200)).body))).toEqual([]);
    await api().get(`/api/v1/consultations/${cancelled.reference}`).expect(404);
    await api().get(`/api/v1/consultations/${cancelled.reference}`).set((await voter()).auth).expect(404);
    await api().get(`/api/v1/consultations/${cancelled.reference}`).set(organizer.auth).expect(200);
    await api().get(`/api/v1/deliberations/${deliberation.id}`).expect(404);

    // Published, it is public from then on: the publication is listed; what was done while it was a draft stays restricted.
    await api().post(`/api/v1/consultations/${reference}/publish`).set(organizer.auth).send({}).expect(200);
    const listed = (await publicAuditLog(t)).filter((e) => JSON.stringify(e).includes(reference)).map((e) => e.action);
    expect(listed).toEqual(['consultation.published']);
    await api().get(`/api/v1/deliberations/${deliberation.id}`).expect(200);
  });

  it('refuses to publish a vote opening too soon or a phase too short, naming the date (review M2)', async () => {
    const { reference } = await createConsultation(t, { organizer, state: 'draft' });
    const hour = 3_600_000;
    const now = Date.now();
    const hurried = { informationOpensAt: new Date(now - 3 * 60_000).toISOString(), deliberationOpensAt: new Date(now - 2 * 60_000).toISOString(), voteOpensAt: new Date(now - 60_000).toISOString(), voteClosesAt: new Date(now + 2 * hour).toISOString() };
    const draft = (await api().get(`/api/v1/consultations/${reference}`).set(organizer.auth).expect(200)).body;
    const content = { title: draft.title, question: draft.question, dataUseReference: draft.dataUse.reference, schedule: hurried, rules: CONSULTATION_RULES };
    await api().put(`/api/v1/consultations/${reference}`).set(organizer.auth).send({ content }).expect(200);
    const refused = await api().post(`/api/v1/consultations/${reference}/publish`).set(organizer.auth).send({}).expect(422);
    expect(refused.body.errors.map((e: { path: string }) => e.path)).toEqual(['content.schedule.voteOpensAt', 'content.schedule.deliberationOpensAt', 'content.schedule.voteOpensAt', 'content.schedule.voteClosesAt']);
    expect(refused.body.errors[0].message).toMatch(/au moins 2 jours après la publication/);
    expect((await api().get(`/api/v1/consultations/${reference}`).set(organizer.auth).expect(200)).body.state).toBe('draft');
    await api().put(`/api/v1/consultations/${reference}`).set(organizer.auth).send({ content: { ...content, schedule: futureSchedule() } }).expect(200);
    await api().post(`/api/v1/consultations/${reference}/publish`).set(organizer.auth).send({}).expect(200);
  });
});
