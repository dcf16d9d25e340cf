import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CreatedInvitationBatchSchema, SessionPersonSchema } from '@sesame/domain';
import request from 'supertest';
import { PersonalDataRegistry } from '../src/personal-data/personal-data.registry';
import { addStatement, createConsultation, moveConsultationTo, createDataUse, createNeighbourhood, createPerson, createProposal, grantRole, linkOidcIdentity, postContribution, publishPanelRules, voterCodeOf } from './fixtures';
import { SmtpSink, tokenFrom } from './smtp-sink';
import { startTestApp, type TestApp } from './test-app';
import { bearer, personToken, serviceToken } from './tokens';

/**
 * A column holds a person's id when it has a foreign key to people, or when its
 * name says so. Name new ones like these (`…person_id`, `author_id`, `actor_id`,
 * `…_by_id`), or give them a foreign key, so that this test sees them.
 */
const PERSON_ID_NAME = /(^|_)person_id$|^(author|actor)_id$|_by_id$/;

/**
 * The words of the readable download (the web's /compte/mes-donnees/lisible):
 * each part, category and field of the export is named in plain words there.
 */
type ExportWords = { features: Record<string, { title: string; about: string }>; categories: Record<string, Record<string, string>>; fields: Record<string, string> };
const exportWords = (locale: 'fr' | 'en'): ExportWords => JSON.parse(readFileSync(join(__dirname, '..', '..', 'web', 'messages', 'people', `${locale}.json`), 'utf8')).PersonalData;

/** Every field name inside a category (keys of records, at any depth), except free-form details (`data`: an audit entry's, a notification's). */
function fieldNames(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(fieldNames);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => [key, ...(key === 'data' ? [] : fieldNames(child))]);
}

describe('Personal data: every table holding person ids has a provider that exports and erases it', () => {
  const smtp = new SmtpSink();
  let t: TestApp;
  let registry: PersonalDataRegistry;
  let neighbourhoodId: string;

  /** table → its columns holding person ids, read from the database itself. */
  async function personIdColumns(): Promise<Map<string, string[]>> {
    const foreignKeys = await t.sql<{ table_name: string; column_name: string }>(`
      SELECT rel.relname AS table_name, att.attname AS column_name
        FROM pg_constraint con
        JOIN pg_class rel ON rel.oid = con.conrelid
        JOIN pg_namespace ns ON ns.oid = rel.relnamespace
        JOIN pg_attribute att ON att.attrelid = con.conrelid AND att.attnum = ANY (con.conkey)
       WHERE con.contype = 'f' AND con.confrelid = 'public.people'::regclass AND ns.nspname = 'public'`);
    const columns = await t.sql<{ table_name: string; column_name: string }>("SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'");
    const byTable = new Map<string, string[]>();
    for (const { table_name, column_name } of [...foreignKeys, ...columns.filter((c) => PERSON_ID_NAME.test(c.column_name))]) {
      const known = byTable.get(table_name) ?? [];
      if (!known.includes(column_name)) byTable.set(table_name, [...known, column_name].sort());
    }
    return byTable;
  }

  /** Rows of a table tied to the person through any of its person id columns. */
  async function rowsOf(table: string, columns: string[], personId: string): Promise<number> {
    const [row] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}" WHERE ${columns.map((c) => `"${c}" = $1::uuid`).join(' OR ')}`, [personId]);
    return row!.n;
  }

  /** Signs a new person in through the real e-mail flow. */
  async function signIn(email: string) {
    await request(t.server).post('/api/v1/auth/sign-in-links').send({ email }).expect(202);
    const token = tokenFrom(await smtp.waitFor(email));
    const person = SessionPersonSchema.parse((await request(t.server).post('/api/v1/auth/sign-in-links/consume').set(bearer(await serviceToken())).send({ token }).expect(200)).body);
    return { id: person.id, auth: bearer(await personToken(person.id, person.sessionVersion)) };
  }

  beforeAll(async () => {
    t = await startTestApp({ SMTP_URL: await smtp.start() });
    registry = t.app.get(PersonalDataRegistry);
    neighbourhoodId = await createNeighbourhood(t);
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('finds the columns it looks for (the query itself works)', async () => {
    const columns = await personIdColumns();
    expect(columns.get('proposals')).toEqual(['author_id']);
    expect(columns.get('audit_entries')).toEqual(['actor_id']);
    expect(columns.get('census_entries')).toEqual(['imported_by_id', 'used_by_id']);
  });

  it('has a provider listing every table that holds person ids', async () => {
    const listed = new Set(registry.providers().flatMap((p) => p.tables));
    const unlisted = [...(await personIdColumns())].filter(([table]) => !listed.has(table)).map(([table, columns]) => `${table} (${columns.join(', ')})`);
    // A table here needs a PersonalDataProvider in its feature's folder (see apps/api/src/personal-data).
    expect(unlisted).toEqual([]);
  });

  it('names only real tables, and gives a reason for each one kept on deletion', async () => {
    const existing = new Set((await t.sql<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")).map((r) => r.table_name));
    const providers = registry.providers();
    expect(providers.map((p) => p.feature)).toEqual(['consultations', 'data-uses', 'deliberations', 'identity', 'notifications', 'opinion-map', 'people', 'proposals', 'recommendations', 'verification']);
    expect(providers.flatMap((p) => p.tables).filter((table) => !existing.has(table))).toEqual([]);
    for (const { table, reason } of providers.flatMap((p) => p.kept)) expect({ table, reason: reason.length > 20 }).toEqual({ table, reason: true });
  });

  it('exports every feature\'s part, then deletion leaves nothing identifying: only the rows kept on purpose, tied to an id alone', async () => {
    // A person with data in every feature: signed in by e-mail, organizer and verified resident.
    const me = await signIn('zoe.effacable@example.org');
    await grantRole(t, me.id, 'organizer');
    await request(t.server).patch('/api/v1/me').set(me.auth).send({ pseudonym: 'Zoe-Effacable' }).expect(200);
    await linkOidcIdentity(t, { personId: me.id, issuer: 'https://idp.example', subject: 'sub-zoe' });
    // Verification: letters printed and one code used; a census list imported (one identity per account: no second verification by census).
    const batch = CreatedInvitationBatchSchema.parse((await request(t.server).post('/api/v1/verification/invitation-batches').set(me.auth).send({ neighbourhoodId, count: 1, label: 'Tour B' }).expect(201)).body);
    await request(t.server).post('/api/v1/me/verification').set(me.auth).send({ code: batch.codes[0] }).expect(200);
    await request(t.server).post('/api/v1/verification/census').set(me.auth).set('Content-Type', 'text/csv').send('Nom,Prénom,Date de naissance,Quartier\nEffacable,Zoe,01/02/1990,La Noue\n').expect(200);
    await request(t.server).post('/api/v1/me/verification/census').set(me.auth).send({ lastName: 'Effacable', firstName: 'Zoe', birthDate: '1990-02-01' }).expect(409);
    // Notifications: being verified sent some; the e-mail preference.
    await request(t.server).put('/api/v1/me/notification-preferences').set(me.auth).send({ email: 'daily' }).expect(200);
    // Register: a record written and published, and followed.
    const record = await createDataUse(t, { editor: me });
    await request(t.server).put(`/api/v1/data-uses/${record.reference}/follow`).set(me.auth).expect(200);
    // Proposals: a draft, a submitted one, and someone else's that I declare admissible, support and follow.
    const draft = await createProposal(t, { author: me });
    const mine = await createProposal(t, { author: me, state: 'submitted' });
    const theirs = await createProposal(t, { state: 'admissible', organizer: me, supporters: [me] });
    await request(t.server).put(`/api/v1/proposals/${theirs.reference}/follow`).set(me.auth).expect(200);
    // Deliberations: a space I open on it and whose rules I publish again; my contribution, edited; a mark and a report on someone else's;
    // a workshop sheet I record; a moderator's warning that I appeal and a suspension, after which I post nothing more.
    const rules = { moderation: 'post', opensAt: '2026-01-01T00:00:00Z', closesAt: '2099-01-01T00:00:00Z' };
    const spaceId = (await request(t.server).post('/api/v1/deliberations').set(me.auth).send({ subject: { type: 'proposal', reference: theirs.reference }, rules }).expect(201)).body.id as string;
    await request(t.server).post(`/api/v1/deliberations/${spaceId}/rules`).set(me.auth).send({ rules, changeNote: 'Dates confirmées.' }).expect(201);
    const said = await postContribution(t, spaceId, { author: me, body: 'Mon avis sur les caméras.' });
    await request(t.server).put(`/api/v1/deliberations/${spaceId}/contributions/${said.id}`).set(me.auth).send({ body: 'Mon avis, relu, sur les caméras.' }).expect(200);
    const theirSaying = await postContribution(t, spaceId);
    await request(t.server).put(`/api/v1/deliberations/${spaceId}/contributions/${theirSaying.id}/helpful`).set(me.auth).expect(200);
    await request(t.server).post(`/api/v1/deliberations/${spaceId}/contributions/${theirSaying.id}/reports`).set(me.auth).send({ reasonCode: 'spam' }).expect(201);
    await request(t.server)
      .post(`/api/v1/deliberations/${spaceId}/workshop-contributions`)
      .set(me.auth)
      .send({ provenance: { workshopDate: '2027-07-12', place: 'Centre social', facilitator: 'Awa', sheetNumber: '1' }, entries: [{ stance: 'for', body: 'Des bancs.' }] })
      .expect(201);
    // Opinion map: a statement I add, one I seed as organizer, and my vote on someone else's (my participant number).
    await addStatement(t, spaceId, { author: me, text: 'Mon affirmation sur les caméras.' });
    await request(t.server).post(`/api/v1/deliberations/${spaceId}/statements/seeded`).set(me.auth).send({ text: 'Une affirmation de départ.' }).expect(201);
    const theirStatement = await addStatement(t, spaceId);
    await request(t.server).put(`/api/v1/deliberations/${spaceId}/statements/${theirStatement.id}/vote`).set(me.auth).send({ vote: 'agree' }).expect(200);
    const moderatorOfMe = await createPerson(t, { roles: ['resident', 'moderator'] });
    const warning = (await request(t.server).post(`/api/v1/deliberations/${spaceId}/contributions/${said.id}/decisions`).set(moderatorOfMe.auth).send({ decision: 'warn', ground: { kind: 'policy', code: 'other' }, facts: 'Ton vif.' }).expect(201)).body.id as string;
    await request(t.server).post(`/api/v1/moderation-decisions/${warning}/appeal`).set(me.auth).send({ explanation: 'Le ton était mesuré.' }).expect(201);
    await request(t.server).post(`/api/v1/deliberations/${spaceId}/contributions/${said.id}/decisions`).set(moderatorOfMe.auth).send({ decision: 'suspend', ground: { kind: 'policy', code: 'other' }, facts: 'Essai.', until: '2099-01-01T00:00:00Z' }).expect(201);
    // Consultations: one I prepare (a hearing, my question that I support and answer), then vote in, and where I run a polling station.
    const { reference: consultation } = await createConsultation(t, { organizer: me, state: 'information', dataUseReference: record.reference });
    const hearing = (await request(t.server).post(`/api/v1/consultations/${consultation}/hearings`).set(me.auth).send({ speaker: 'Dr Benali', declaredInterests: 'Aucun', position: 'neutral' }).expect(201)).body.id as string;
    const question = (await request(t.server).post(`/api/v1/consultations/${consultation}/questions`).set(me.auth).send({ body: 'Qui regarde les images ?' }).expect(201)).body.id as string;
    await request(t.server).put(`/api/v1/consultations/${consultation}/questions/${question}/support`).set(me.auth).expect(201);
    await request(t.server).post(`/api/v1/consultations/${consultation}/questions/${question}/answer`).set(me.auth).send({ body: 'Deux agents.', hearingId: hearing }).expect(200);
    await moveConsultationTo(t, consultation, 'vote');
    await request(t.server).post(`/api/v1/consultations/${consultation}/ballots`).set(me.auth).send({ idempotencyKey: randomUUID(), choices: { grades: { retirer: 0, limiter: 1, garder: 5 } } }).expect(201);
    const paperVoter = await createPerson(t, { verifiedIn: neighbourhoodId });
    await request(t.server).post(`/api/v1/consultations/${consultation}/station/participations`).set(me.auth).send({ voterCode: await voterCodeOf(t, paperVoter.id), stationName: 'Bureau 1' }).expect(201);
    await request(t.server)
      .post(`/api/v1/consultations/${consultation}/paper-totals`)
      .set(me.auth)
      .send({ stationName: 'Bureau 1', place: 'Mairie', countedAt: new Date().toISOString(), officers: ['Jeanne', 'Karim'], ballots: 1, blankOrInvalid: 0, counts: { grades: { retirer: [1, 0, 0, 0, 0, 0], limiter: [0, 1, 0, 0, 0, 0], garder: [0, 0, 0, 0, 0, 1] } } })
      .expect(201);
    // Recommendations: a panel seat linked to my account (I seat the member as organizer), and a published opinion I follow.
    await publishPanelRules(t, me);
    const member = (await request(t.server).post('/api/v1/advisory-panel/members').set(me.auth).send({ seatType: 'association', displayName: 'Quartiers Vivants', termStart: '2027-01-01' }).expect(201)).body.id as string;
    await request(t.server).put(`/api/v1/recommendations/seats/${member}/account`).set(me.auth).send({ personId: me.id }).expect(200);
    const [referral] = await t.sql<{ id: string }>("INSERT INTO referrals (id, reference, source, title, question, dossier, state, updated_at) VALUES (gen_random_uuid(), 'SA-2027-900', 'own_initiative', 'Saisine', 'Question ?', '{}', 'closed', now()) RETURNING id");
    await t.sql("INSERT INTO opinions (id, referral_id, state, reference, title, context, analysis, items, published_at, updated_at) VALUES (gen_random_uuid(), $1, 'published', '2027-900', 'Avis', 'Contexte', 'Analyse', '[]', now(), now())", [referral!.id]);
    await request(t.server).put('/api/v1/recommendations/opinions/2027-900/follow').set(me.auth).expect(200);
    // Sessions: signed out of one browser session (the credential carries its id).
    await request(t.server).post('/api/v1/me/sessions/end').set(bearer(await personToken(me.id, 0, { sessionId: randomUUID() }))).expect(204);

    // The setup reaches every table holding person ids: a new one needs data here too.
    const columns = await personIdColumns();
    const empty: string[] = [];
    for (const [table, cols] of columns) if ((await rowsOf(table, cols, me.id)) === 0) empty.push(table);
    expect(empty).toEqual([]);

    // The download has one part per feature, each with what was just made.
    const exported = (await request(t.server).get('/api/v1/me/export').set(me.auth).expect(200)).body;
    expect(Object.keys(exported)).toEqual(['exportedAt', 'about', ...registry.providers().map((p) => p.feature)]);
    expect(exported.people.account).toMatchObject({ pseudonym: 'Zoe-Effacable', email: 'zoe.effacable@example.org', roles: expect.arrayContaining(['organizer', 'resident']) });
    expect(exported.identity.linkedIdentities).toEqual([expect.objectContaining({ issuer: 'https://idp.example', subject: 'sub-zoe' })]);
    expect(exported.verification).toMatchObject({ residentVerification: { method: 'invitation_code' }, censusEntriesImported: 1, invitationBatchesCreated: [{ label: 'Tour B' }] });
    expect(exported.verification.invitationCodesUsed).toHaveLength(1);
    // The voter code a polling-station officer types (review M12): the person's own, in their download.
    expect(exported.verification.residentVerification.voterCode).toMatch(/^[0-9A-F]{10}$/);
    expect(exported.verification.censusEntriesUsed).toHaveLength(0);
    expect(exported.notifications).toMatchObject({ emailPreference: 'daily', notifications: expect.arrayContaining([expect.objectContaining({ kind: 'resident.verified', link: '/compte' })]) });
    expect(exported['data-uses']).toMatchObject({ followedDataUses: [{ reference: record.reference }], recordVersionsWritten: [{ reference: record.reference, version: 1 }] });
    expect(exported.proposals.proposals.map((p: { reference: string }) => p.reference)).toEqual([draft.reference, mine.reference]);
    expect(exported.proposals).toMatchObject({ supports: [{ proposal: theirs.reference }], followedProposals: [{ reference: theirs.reference }] });
    expect(exported.proposals.timelineEntries.map((e: { state: string }) => e.state)).toEqual(['submitted', 'admissible']);
    expect(exported.deliberations).toMatchObject({ contributions: [{ body: 'Mon avis, relu, sur les caméras.', edited: true }], helpfulMarks: [{ contribution: theirSaying.id }], reports: [{ reasonCode: 'spam' }], appeals: [{ decision: warning }], deliberationsOpened: [{ subject: theirs.reference }] });
    expect(exported.deliberations.moderationDecisionsAboutYou.map((d: { decision: string }) => d.decision)).toEqual(['warn', 'suspend']);
    expect(exported.deliberations.suspensions).toHaveLength(1);
    // That I voted, never what.
    expect(exported.consultations).toMatchObject({ participations: [{ consultation, channel: 'online' }], questions: [{ body: 'Qui regarde les images ?' }], questionSupports: [{ question }], consultationsPrepared: [{ reference: consultation }] });
    expect(JSON.stringify(exported.consultations)).not.toMatch(/grades|retirer|receipt/);
    expect(exported.recommendations).toMatchObject({ panelSeat: { displayName: 'Quartiers Vivants', seatType: 'association' }, followedOpinions: [{ number: '2027-900' }] });

    // The readable download names every part, category and field in plain words, in both languages.
    for (const locale of ['fr', 'en'] as const) {
      const words = exportWords(locale);
      const unnamed: string[] = [];
      for (const feature of registry.providers().map((p) => p.feature)) {
        if (!words.features[feature]?.title || !words.features[feature]?.about) unnamed.push(`${locale}: part ${feature}`);
        for (const [category, value] of Object.entries(exported[feature] as Record<string, unknown>)) {
          if (!words.categories[feature]?.[category]) unnamed.push(`${locale}: category ${feature}.${category}`);
          for (const field of new Set(fieldNames(value))) if (!words.fields[field]) unnamed.push(`${locale}: field ${field} (in ${feature}.${category})`);
        }
      }
      // Add the missing words to apps/web/messages/people/{fr,en}.json (PersonalData).
      expect(unnamed).toEqual([]);
    }

    await request(t.server).delete('/api/v1/me').set(me.auth).expect(204);

    // Tables no provider keeps on purpose hold no row tied to me any more.
    const kept = new Set(registry.providers().flatMap((p) => p.kept.map((k) => k.table)));
    const left: string[] = [];
    for (const [table, cols] of columns) if (!kept.has(table) && (await rowsOf(table, cols, me.id)) > 0) left.push(table);
    expect(left).toEqual([]);
    // The erasure rules: drafts go, what was public stays, attributed to "Compte supprimé".
    expect(await t.sql('SELECT reference FROM proposals WHERE author_id = $1', [me.id])).toEqual([{ reference: mine.reference }]);
    expect(await rowsOf('proposal_supports', ['person_id'], me.id)).toBe(1);

    // Nowhere, kept rows included, do my e-mail address or my pseudonym remain.
    const tables = (await t.sql<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")).map((r) => r.table_name);
    const mentioning: string[] = [];
    for (const table of tables) {
      for (const identifying of ['zoe.effacable@example.org', 'Zoe-Effacable']) {
        const [row] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}" AS r WHERE strpos(lower(row_to_json(r)::text), lower($1)) > 0`, [identifying]);
        if (row!.n > 0) mentioning.push(`${table}: ${identifying}`);
      }
    }
    expect(mentioning).toEqual([]);
    const [person] = await t.sql('SELECT email, locale, neighbourhood_id, last_sign_in_at, deleted_at IS NOT NULL AS deleted FROM people WHERE id = $1', [me.id]);
    expect(person).toEqual({ email: null, locale: 'fr', neighbourhood_id: null, last_sign_in_at: null, deleted: true });
  });
});
