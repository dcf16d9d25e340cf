import { OpinionSchema, PanelVoteSchema, PopoloVoteEventSchema, RecommendationSchema, ReferralSchema, type PanelVoteDto } from '@sesame/domain';
import request from 'supertest';
import { createPerson, PANEL_RULES, publishPanelRules, type TestPerson } from './fixtures';
import { publicAuditLog, seatWithAccount } from './support/panel-seats';
import { startTestApp, type TestApp } from './test-app';

/*
 * An attacker's review of issue 19's panel recommendations, from what the
 * platform publishes: the vote routes, the opinion and its open data, the
 * public audit log, the referral as the town reads it, the error codes. Each
 * test is a leak or an oracle that was there (see the report of the
 * `attack` branch) and must not come back.
 *
 * Rules: secret votes, anonymous dissents allowed. Seats: 4 citizens,
 * 1 association, 1 voting expert → 6 voting seats, quorum 3, threshold 2/3.
 */

const SECRET_RULES = { ...PANEL_RULES, votingMode: 'secret', anonymousDissents: true } as unknown as typeof PANEL_RULES;

describe('panel recommendations under attack (e2e)', () => {
  let t: TestApp;
  let organizer: TestPerson;
  let authority: TestPerson;
  let resident: TestPerson;
  /** Drawn citizens, named so that the order of voting below is not alphabetical. */
  let zoe: TestPerson;
  let yann: TestPerson;
  let xavier: TestPerson;
  let association: TestPerson;
  let expert: TestPerson;
  let former: TestPerson;
  const seats: Record<string, string> = {};
  let members: TestPerson[];
  /** The referral whose opinion is published. */
  let referral: string;
  /** A referral that stays open (the workspace under attack). */
  let work: string;

  const api = () => request(t.server);
  const P = '/api/v1/recommendations';

  /** Adds and activates a member, and links a new account to the seat. */
  async function seat(seatType: string, name: string): Promise<TestPerson> {
    const { person, memberId } = await seatWithAccount(t, organizer, seatType, name);
    seats[name] = memberId;
    return person;
  }

  /** A draft by `by`, open to amendments. */
  async function amending(title: string, by: TestPerson = zoe, on = work): Promise<string> {
    const item = RecommendationSchema.parse((await api().post(`${P}/referrals/${on}/recommendations`).set(by.auth).send({ title, body: `${title}.` }).expect(201)).body);
    await api().post(`${P}/items/${item.reference}/open-amendments`).set(by.auth).expect(200);
    return item.reference;
  }

  async function openVote(reference: string, by: TestPerson = zoe): Promise<PanelVoteDto> {
    return PanelVoteSchema.parse((await api().post(`${P}/items/${reference}/vote`).set(by.auth).send({}).expect(201)).body);
  }

  const cast = (voteId: string, who: TestPerson, choice: 'for' | 'against' | 'abstain') => api().post(`${P}/votes/${voteId}/ballots`).set(who.auth).send({ choice }).expect(201);

  const publicLog = () => publicAuditLog(t);

  beforeAll(async () => {
    t = await startTestApp();
    organizer = await publishPanelRules(t, undefined, SECRET_RULES);
    zoe = await seat('drawn_citizen', 'Zoé');
    yann = await seat('drawn_citizen', 'Yann');
    xavier = await seat('drawn_citizen', 'Xavier');
    association = await seat('association', 'Quartiers Vivants');
    expert = await seat('expert_voting', 'Dr Martin');
    former = await seat('drawn_citizen', 'Wassila');
    members = [zoe, yann, xavier, association, expert, former];
    authority = await createPerson(t, { roles: ['resident', 'authority'] });
    resident = await createPerson(t);
    referral = ReferralSchema.parse((await api().post(`${P}/referrals`).set(zoe.auth).send({ source: 'own_initiative', title: 'Les capteurs de bruit', question: 'Que recommander sur les capteurs de bruit ?' }).expect(201)).body).reference;
    work = ReferralSchema.parse((await api().post(`${P}/referrals`).set(zoe.auth).send({ source: 'own_initiative', title: 'Les caméras piétonnes', question: 'Que recommander sur les caméras piétonnes ?' }).expect(201)).body).reference;
  }, 120_000);

  afterAll(async () => {
    await t.close();
  });

  it('keeps a secret vote’s counts sealed while it is open: neither the vote nor a refused adoption tells who voted how', async () => {
    const item = await amending('Sceller le décompte');
    const vote = await openVote(item);
    expect(vote.mode).toBe('secret');
    await cast(vote.id, zoe, 'for');
    // An organizer (or any member) reads the vote after each ballot: with the list of voters, counts would pair each voter with a choice.
    for (const reader of [organizer, yann]) {
      const seen = PanelVoteSchema.parse((await api().get(`${P}/votes/${vote.id}`).set(reader.auth).expect(200)).body);
      expect(seen.voters.map((v) => v.displayName)).toEqual(['Zoé']);
      expect(seen.tally.counts).toEqual({ for: 0, against: 0, abstain: 0 });
      expect(Object.values(seen.tally.bySeatType).every((c) => c.for + c.against + c.abstain === 0)).toBe(true);
      expect(seen.withheld).toEqual({ counts: true, bySeatType: true });
    }
    await cast(vote.id, yann, 'against');
    // The rapporteur asks to adopt after each ballot: refused, and nothing of the count in the refusal.
    const refused = await api().post(`${P}/items/${item}/adopt`).set(zoe.auth).expect(422);
    expect(refused.body.counts).toBeUndefined();
    expect(refused.body.bySeatType).toBeUndefined();
    expect(JSON.stringify(refused.body)).not.toMatch(/1 pour|1 contre/);
    await cast(vote.id, xavier, 'against');
    // Once closed, the counts are the panel's result.
    const closed = PanelVoteSchema.parse((await api().post(`${P}/votes/${vote.id}/close`).set(zoe.auth).expect(200)).body);
    expect(closed.tally.counts).toEqual({ for: 1, against: 2, abstain: 0 });
    expect(closed.withheld.counts).toBe(false);
  });

  it('does not let the rapporteur ask, by trying to adopt, whether an open secret vote carries: the same refusal whatever the count, the vote decides at its close', async () => {
    // Two secret votes past quorum: one the count carries (3 for), one it does not (1 for, 2 against).
    const carried = await amending('Adopter en secret');
    const carriedVote = await openVote(carried);
    for (const who of [zoe, yann, xavier]) await cast(carriedVote.id, who, 'for');
    const lost = await amending('Rejeter en secret');
    const lostVote = await openVote(lost);
    await cast(lostVote.id, zoe, 'for');
    await cast(lostVote.id, yann, 'against');
    await cast(lostVote.id, xavier, 'against');

    // Each try gets the same answer: no yes/no per attempt, no count, the votes stay open.
    const attempt = async (reference: string) => {
      const response = await api().post(`${P}/items/${reference}/adopt`).set(zoe.auth).expect(422);
      const { instance: _instance, requestId: _requestId, ...problem } = response.body as Record<string, unknown>;
      return problem;
    };
    const [onCarried, onLost] = [await attempt(carried), await attempt(lost)];
    expect(onCarried).toEqual(onLost);
    expect(onCarried.detail).toContain('bulletin secret');
    expect(JSON.stringify(onCarried)).not.toMatch(/majorité requise|counts|threshold|\d+ pour|\d+ contre/i);
    for (const [reference, vote] of [[carried, carriedVote], [lost, lostVote]] as const) {
      expect(RecommendationSchema.parse((await api().get(`${P}/items/${reference}`).set(zoe.auth).expect(200)).body).state).toBe('voting');
      expect(PanelVoteSchema.parse((await api().get(`${P}/votes/${vote.id}`).set(zoe.auth).expect(200)).body).state).toBe('open');
    }
    // The rapporteur's page offers no adoption while a secret vote is open (the close is the way).
    expect(RecommendationSchema.parse((await api().get(`${P}/items/${carried}`).set(zoe.auth).expect(200)).body).viewer.can['recommendations.adopt'].allowed).toBe(false);

    // Closed, each vote decides and its result is published.
    const adopted = PanelVoteSchema.parse((await api().post(`${P}/votes/${carriedVote.id}/close`).set(zoe.auth).expect(200)).body);
    expect(adopted.tally.outcome).toBe('adopted');
    expect(adopted.tally.counts).toEqual({ for: 3, against: 0, abstain: 0 });
    expect(RecommendationSchema.parse((await api().get(`${P}/items/${carried}`).set(zoe.auth).expect(200)).body).state).toBe('adopted');
    const rejected = PanelVoteSchema.parse((await api().post(`${P}/votes/${lostVote.id}/close`).set(zoe.auth).expect(200)).body);
    expect(rejected.tally.outcome).toBe('rejected');
    expect(rejected.tally.counts).toEqual({ for: 1, against: 2, abstain: 0 });
    expect(RecommendationSchema.parse((await api().get(`${P}/items/${lost}`).set(zoe.auth).expect(200)).body).state).toBe('rejected');
  });

  it('does not let the rapporteur read a lone ballot by closing a secret vote after it', async () => {
    const item = await amending('Clore trop tôt');
    const vote = await openVote(item);
    await cast(vote.id, yann, 'against');
    const closed = PanelVoteSchema.parse((await api().post(`${P}/votes/${vote.id}/close`).set(zoe.auth).expect(200)).body);
    expect(closed.voters.map((v) => v.displayName)).toEqual(['Yann']);
    expect(closed.tally.outcome).toBe('no_quorum');
    expect(closed.tally.counts).toEqual({ for: 0, against: 0, abstain: 0 });
    expect(closed.withheld).toEqual({ counts: true, bySeatType: true });
  });

  it('puts a vote only in a session of its own referral', async () => {
    const item = await amending('Une séance d’ailleurs');
    const elsewhere = ReferralSchema.parse((await api().post(`${P}/referrals`).set(zoe.auth).send({ source: 'own_initiative', title: 'Une autre saisine', question: 'Autre ?' }).expect(201)).body).reference;
    const session = (await api().post(`${P}/referrals/${elsewhere}/sessions`).set(zoe.auth).send({ title: 'Séance ailleurs', scheduledAt: '2027-03-01T18:00:00+01:00', agenda: ['x'] }).expect(201)).body as { id: string };
    const refused = await api().post(`${P}/items/${item}/vote`).set(zoe.auth).send({ sessionId: session.id }).expect(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ path: 'sessionId', code: 'unknown_session' })]);
  });

  it('lists a secret vote’s voters by name, never in the order they voted', async () => {
    const item = await amending('Lister par nom');
    const vote = await openVote(item);
    for (const who of [zoe, xavier, yann]) await cast(vote.id, who, 'for');
    const seen = PanelVoteSchema.parse((await api().get(`${P}/votes/${vote.id}`).set(organizer.auth).expect(200)).body);
    expect(seen.voters.map((v) => v.displayName)).toEqual(['Xavier', 'Yann', 'Zoé']);
  });

  it('gives secret ballots random ids, not time-ordered (v7) ones', async () => {
    const item = await amending('Des identifiants sans horloge');
    const vote = await openVote(item);
    for (const who of [zoe, yann]) await cast(vote.id, who, 'abstain');
    const ballots = await t.sql<{ id: string }>('SELECT id::text FROM panel_secret_ballots WHERE vote_id = $1', [vote.id]);
    expect(ballots).toHaveLength(2);
    // The version nibble: 7 would carry the millisecond of the ballot, matching the participation's time.
    for (const b of ballots) expect(b.id[14]).toBe('4');
  });

  let published: string;
  let opinion: string;
  let dissentBody: string;
  it('publishes no counts per seat type for a secret vote where a seat type had a single voter', async () => {
    published = await amending('Publier les mesures de bruit', zoe, referral);
    // An amendment proposed then withdrawn by its author: never before the panel.
    await api().post(`${P}/items/${published}/amendments`).set(yann.auth).send({ body: 'Un texte que Yann retire aussitôt.', explanation: 'Brouillon personnel.' }).expect(201);
    await api().post(`${P}/items/${published}/amendments/1/withdraw`).set(yann.auth).expect(200);
    const vote = await openVote(published);
    // The association and the voting expert each hold the only seat of their type.
    await cast(vote.id, zoe, 'for');
    await cast(vote.id, yann, 'for');
    await cast(vote.id, association, 'against');
    await cast(vote.id, expert, 'for');
    // A secret vote decides at its close.
    await api().post(`${P}/votes/${vote.id}/close`).set(zoe.auth).expect(200);
    const adopted = RecommendationSchema.parse((await api().get(`${P}/items/${published}`).set(zoe.auth).expect(200)).body);
    expect(adopted.state).toBe('adopted');
    const last = adopted.votes.at(-1)!;
    expect(last.tally.counts).toEqual({ for: 3, against: 1, abstain: 0 });
    expect(last.tally.bySeatType.association).toEqual({ for: 0, against: 0, abstain: 0 });
    expect(last.withheld).toEqual({ counts: false, bySeatType: true });
    // In the database too: the participations keep no time, and the closed vote's ballots lie in the order of their random ids, not of casting.
    expect(await t.sql("SELECT column_name FROM information_schema.columns WHERE table_name = 'panel_vote_participations' AND data_type LIKE 'timestamp%'")).toEqual([]);
    const onDisk = (await t.sql<{ id: string }>('SELECT id::text FROM panel_secret_ballots WHERE vote_id = $1 ORDER BY ctid', [last.id])).map((b) => b.id);
    expect(onDisk).toHaveLength(4);
    expect(onDisk).toEqual((await t.sql<{ id: string }>('SELECT id::text FROM panel_secret_ballots WHERE vote_id = $1 ORDER BY id', [last.id])).map((b) => b.id));

    dissentBody = 'Nous craignons que les capteurs enregistrent des conversations.';
    const dissent = (await api().post(`${P}/items/${published}/dissents`).set(association.auth).send({ body: dissentBody, anonymous: true }).expect(201)).body as { id: string; signatories: unknown[] };
    expect(dissent.signatories).toEqual([]);
    await api().post(`${P}/dissents/${dissent.id}/signatures`).set(xavier.auth).expect(201);

    await api().put(`${P}/referrals/${referral}/opinion`).set(zoe.auth).send({ title: 'Les capteurs de bruit', context: 'Contexte.', analysis: 'Analyse.', recommendations: [published] }).expect(200);
    opinion = OpinionSchema.parse((await api().post(`${P}/referrals/${referral}/opinion/publish`).set(zoe.auth).expect(200)).body).number!;

    const pub = OpinionSchema.parse((await api().get(`${P}/opinions/${opinion}`).expect(200)).body);
    expect(pub.items[0]!.vote.tally.bySeatType.association).toEqual({ for: 0, against: 0, abstain: 0 });
    expect(pub.items[0]!.vote.tally.bySeatType.expert_voting).toEqual({ for: 0, against: 0, abstain: 0 });
    const events = ((await api().get(`${P}/opinions/${opinion}/vote-events`).expect(200)).body as unknown[]).map((e) => PopoloVoteEventSchema.parse(e));
    const adoption = events.find((e) => e.motion.id === published)!;
    expect(adoption.secret).toBe(true);
    expect(adoption.counts.filter((c) => c.group_id)).toEqual([]);
    const open = (await api().get('/api/v1/open-data/panel-vote-events.json').expect(200)).body as { records: { counts: { group_id?: string }[] }[] };
    expect(open.records.flatMap((r) => r.counts).filter((c) => c.group_id)).toEqual([]);
  });

  it('keeps a withdrawn amendment (its text, its author) out of the public opinion and the public recommendation', async () => {
    const pub = OpinionSchema.parse((await api().get(`${P}/opinions/${opinion}`).expect(200)).body);
    expect(pub.items[0]!.amendments.filter((a) => a.state === 'withdrawn')).toEqual([]);
    const item = (await api().get(`${P}/items/${published}`).expect(200)).body as { amendments: { state: string }[] };
    expect(item.amendments.filter((a) => a.state === 'withdrawn')).toEqual([]);
    expect(JSON.stringify(item)).not.toContain('Brouillon personnel');
    // The panel still sees its own record.
    const inside = RecommendationSchema.parse((await api().get(`${P}/items/${published}`).set(yann.auth).expect(200)).body);
    expect(inside.amendments.map((a) => a.state)).toEqual(['withdrawn']);
  });

  it('keeps the members’ acts out of the public audit log: no member account, no workspace content, no anonymous dissent’s author', async () => {
    const log = await publicLog();
    const text = JSON.stringify(log);
    const [accounts] = await Promise.all([Promise.all(members.map(async (m) => (await t.sql<{ pseudonym: string }>('SELECT pseudonym FROM people WHERE id = $1', [m.id]))[0]!.pseudonym))]);
    for (const m of members) expect(text).not.toContain(m.id);
    for (const pseudonym of accounts) expect(text).not.toContain(pseudonym);
    // Drafts and workspace: titles of recommendations never published, withdrawn amendments, votes of unpublished items.
    expect(text).not.toContain('Sceller le décompte');
    expect(text).not.toContain('Lister par nom');
    const actions = new Set(log.map((e) => e.action));
    for (const workspace of ['recommendation.drafted', 'amendment.proposed', 'amendment.withdrawn', 'panel-vote.opened', 'panel-vote.closed', 'dissent.filed', 'dissent.signed']) expect(actions.has(workspace)).toBe(false);
    // The opinion's publication is public, by the panel.
    const publication = log.find((e) => e.action === 'opinion.published' && e.subjectId === opinion);
    expect(publication).toEqual(expect.objectContaining({ actor: null }));
  });

  it('shows the town the referral’s dossier, not the panel’s drafts', async () => {
    const other = ReferralSchema.parse((await api().post(`${P}/referrals`).set(zoe.auth).send({ source: 'own_initiative', title: 'Les badges du gymnase', question: 'Que recommander ?' }).expect(201)).body).reference;
    const draft = RecommendationSchema.parse((await api().post(`${P}/referrals/${other}/recommendations`).set(zoe.auth).send({ title: 'Un brouillon interne', body: 'Texte de travail du comité.' }).expect(201)).body).reference;
    await api().get(`${P}/items/${draft}`).set(authority.auth).expect(404);
    const seen = ReferralSchema.parse((await api().get(`${P}/referrals/${other}`).set(authority.auth).expect(200)).body);
    expect(seen.recommendations.map((r) => r.reference)).not.toContain(draft);
    expect(JSON.stringify(seen)).not.toContain('Texte de travail du comité');
    // Members and organizers still read it.
    expect(ReferralSchema.parse((await api().get(`${P}/referrals/${other}`).set(organizer.auth).expect(200)).body).recommendations.map((r) => r.reference)).toContain(draft);
  });

  it('does not tell a non-organizer which referrals exist (dismissing: 403 whether or not it exists)', async () => {
    const year = new Date().getUTCFullYear();
    await api().post(`${P}/referrals/${referral}/dismiss`).set(resident.auth).send({ reason: 'x' }).expect(403);
    await api().post(`${P}/referrals/SA-${year}-999/dismiss`).set(resident.auth).send({ reason: 'x' }).expect(403);
    await api().post(`${P}/referrals/SA-${year}-999/dismiss`).set(authority.auth).send({ reason: 'x' }).expect(403);
    await api().post(`${P}/referrals/SA-${year}-999/dismiss`).set(organizer.auth).send({ reason: 'x' }).expect(404);
  });

  it('shuts a former member out of the workspace, by every route', async () => {
    const item = await amending('Avant le départ de Wassila');
    const vote = await openVote(item);
    await api().post(`/api/v1/advisory-panel/members/${seats.Wassila}/resign`).set(organizer.auth).send({ reason: 'Départ.' }).expect(200);
    await api().get(`${P}/items/${item}`).set(former.auth).expect(404);
    await api().get(`${P}/votes/${vote.id}`).set(former.auth).expect(404);
    await api().get(`${P}/referrals`).set(former.auth).expect(403);
    await api().get(`${P}/workspace`).set(former.auth).expect(403);
    await api().post(`${P}/votes/${vote.id}/ballots`).set(former.auth).send({ choice: 'for' }).expect(403);
    await api().post(`${P}/items/${item}/amendments`).set(former.auth).send({ body: 'Autre.' }).expect(403);
    await api().get(`${P}/referrals/${work}/discussion`).set(former.auth).expect(403);
    await api().post(`${P}/referrals/${work}/discussion`).set(former.auth).send({ body: 'Encore là ?' }).expect(403);
    await api().get(`${P}/referrals/${work}`).set(former.auth).expect(403);
    await api().get(`${P}/items/${item}`).expect(404);
    await api().get(`${P}/items/${item}`).set(resident.auth).expect(404);
    // The vote goes on without the seat: 5 voting members now.
    await cast(vote.id, zoe, 'for');
  });

  it('answers bad input with a problem document, never a 500', async () => {
    const cases: [string, string, object][] = [
      ['post', `${P}/referrals/${work}/hearings`, { kind: 'expert', name: 'X', summary: 'Y', heldOn: '0000-01-01' }],
      ['post', `${P}/referrals/${work}/sessions`, { title: 'S', scheduledAt: '0000-01-01T00:00:00Z', agenda: ['a'] }],
      ['post', `${P}/referrals/${work}/sessions`, { title: 'S', scheduledAt: '+275760-09-13T00:00:00Z', agenda: ['a'] }],
      ['post', `${P}/referrals/${work}/discussion`, { body: 'x'.repeat(1_000_000) }],
      ['post', `${P}/referrals/${work}/discussion`, { body: ['not', 'a', 'string'] }],
      ['post', `${P}/referrals/${work}/recommendations`, { title: '\u202e\u0000', body: 'x' }],
      ['post', `${P}/items/RC-2027-001/amendments/99999999999999999999999/withdraw`, {}],
      ['post', `${P}/items/RC-2027-001/amendments/1e400/procedure`, { procedure: 'accept' }],
      ['post', `${P}/referrals/${work}/hearings`, { kind: 'expert', name: 'X', summary: 'Y', heldOn: '2027-01-01', sessionId: '00000000-0000-0000-0000-000000000000' }],
      ['post', `${P}/referrals/${work}/discussion`, { body: 'Réponse', replyTo: '00000000-0000-0000-0000-000000000000' }],
    ];
    for (const [, url, body] of cases) {
      const r = await api().post(url).set(zoe.auth).send(body);
      expect({ url, status: r.status < 500 }).toEqual({ url, status: true });
      expect(r.headers['content-type']).toContain('application/problem+json');
    }
    const diff = await api().get(`${P}/items/${published}/diff?from=1e400&to=-1`);
    expect(diff.status).toBe(400);
    const huge = await api().get(`${P}/opinions/${'9'.repeat(5000)}`);
    expect(huge.status).toBeLessThan(500);
  });
});
