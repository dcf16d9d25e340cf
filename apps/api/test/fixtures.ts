import { randomBytes } from 'node:crypto';
import { DataUseSchema, ProposalSchema, pseudonymSkeleton, sha256Hex, type DataUseContentInput, type DataUseDto, type ProposalContentInput, type ProposalState, type Role } from '@sesame/domain';
import request from 'supertest';
import { AdvisoryPanelService } from '../src/advisory-panel/advisory-panel.service';
import { ConsultationsService } from '../src/consultations/consultations.service';
import { ProposalsService } from '../src/proposals/proposals.service';
import type { TestApp } from './test-app';
import { bearer, freshPersonToken } from './tokens';

/**
 * Test fixtures, one small function per table or object (as cal.com does).
 *
 * Rows that no API call creates as a test needs them (people with given roles,
 * neighbourhoods, verifications, links…) are written in SQL on the test
 * database. Register records and proposals are made through the API, as their
 * authors would: they carry their versions, timeline, audit entries and
 * notifications exactly as in production, and their references come from the
 * API's own numbering.
 */

/** What SQL fixtures need: the test database. */
export type Db = Pick<TestApp, 'sql'>;
/** What fixtures made through the API need. */
export type Api = Pick<TestApp, 'sql' | 'server' | 'app'>;

/** A person, with the headers the web server would send for them. */
export interface TestPerson {
  id: string;
  auth: Record<string, string>;
}

// ---- territory ------------------------------------------------------------

/** The territory, created on first use (one per instance, as in production). */
export async function createTerritory(db: Db, { slug = 'val-de-noue', name = 'Val-de-Noue' }: { slug?: string; name?: string } = {}): Promise<string> {
  const [row] = await db.sql<{ id: string }>('INSERT INTO territories (id, slug, name) VALUES (gen_random_uuid(), $1, $2) ON CONFLICT (slug) DO UPDATE SET slug = EXCLUDED.slug RETURNING id', [slug, name]);
  return row!.id;
}

/** A neighbourhood (of the default territory unless one is given). Returns its id. */
export async function createNeighbourhood(db: Db, options: { slug?: string; name?: string; population?: number; territoryId?: string } = {}): Promise<string> {
  const territoryId = options.territoryId ?? (await createTerritory(db));
  const [row] = await db.sql<{ id: string }>('INSERT INTO neighbourhoods (id, territory_id, slug, name, population) VALUES (gen_random_uuid(), $1, $2, $3, $4) RETURNING id', [
    territoryId,
    options.slug ?? 'la-noue',
    options.name ?? 'La Noue',
    options.population ?? null,
  ]);
  return row!.id;
}

// ---- people ---------------------------------------------------------------

export interface PersonOptions {
  /** Unique; a random one by default. */
  pseudonym?: string;
  email?: string | null;
  /** Exactly these roles (`[]` for none). */
  roles?: Role[];
  /** Makes them a verified resident of this neighbourhood. */
  verifiedIn?: string;
}

/** A person (a resident by default) and their credential. */
export async function createPerson(db: Db, { pseudonym, email = null, roles = ['resident'], verifiedIn }: PersonOptions = {}): Promise<TestPerson> {
  // With its skeleton, as the API writes it (a look-alike of this pseudonym is refused).
  const [row] = await db.sql<{ id: string }>("INSERT INTO people (id, pseudonym, pseudonym_skeleton, email) VALUES (gen_random_uuid(), coalesce($1, 'personne-' || gen_random_uuid()), $3, $2) RETURNING id", [
    pseudonym ?? null,
    email,
    pseudonym ? pseudonymSkeleton(pseudonym) : null,
  ]);
  const id = row!.id;
  for (const role of roles) await grantRole(db, id, role);
  if (verifiedIn) await verifyResident(db, id, verifiedIn);
  return {
    id,
    // Minted at each use: a credential lives a minute at most (API_TOKEN.maxAgeSeconds).
    get auth() {
      return bearer(freshPersonToken(id));
    },
  };
}

export async function grantRole(db: Db, personId: string, role: Role): Promise<void> {
  await db.sql('INSERT INTO person_roles (person_id, role) VALUES ($1, $2)', [personId, role]);
}

/** As a redeemed invitation code or a census match does: the verification, and the person's neighbourhood. */
export async function verifyResident(db: Db, personId: string, neighbourhoodId: string, method: 'census' | 'invitation_code' = 'census'): Promise<void> {
  await db.sql('INSERT INTO resident_verifications (person_id, neighbourhood_id, method) VALUES ($1, $2, $3)', [personId, neighbourhoodId, method]);
  await db.sql('UPDATE people SET neighbourhood_id = $2 WHERE id = $1', [personId, neighbourhoodId]);
}

/** A verified resident's voter code, as their account page shows it (« A1B2C-3D4E5 »): what a polling-station officer types. */
export async function voterCodeOf(db: Db, personId: string): Promise<string> {
  const [row] = await db.sql<{ code: string }>('SELECT voter_code AS code FROM resident_verifications WHERE person_id = $1', [personId]);
  if (!row) throw new Error(`${personId} is not a verified resident`);
  return `${row.code.slice(0, 5)}-${row.code.slice(5)}`;
}

// ---- verification and identity --------------------------------------------

/** An invitation batch (without codes). Returns its id. */
export async function createInvitationBatch(db: Db, { neighbourhoodId, createdById, label = 'Lot' }: { neighbourhoodId: string; createdById: string; label?: string }): Promise<string> {
  const [row] = await db.sql<{ id: string }>('INSERT INTO invitation_batches (id, neighbourhood_id, label, created_by_id) VALUES (gen_random_uuid(), $1, $2, $3) RETURNING id', [neighbourhoodId, label, createdById]);
  return row!.id;
}

/** An unused sign-in link whose secret nobody knows; `expiresIn` is a PostgreSQL interval from now ('-2 days', '10 minutes'). */
export async function createSignInLink(db: Db, { email, expiresIn = '15 minutes' }: { email: string; expiresIn?: string }): Promise<void> {
  await db.sql('INSERT INTO sign_in_links (id, token_hash, email, expires_at) VALUES (gen_random_uuid(), $1, $2, now() + $3::interval)', [randomBytes(32).toString('hex'), email, expiresIn]);
}

export async function linkOidcIdentity(db: Db, { personId, issuer = 'https://idp.example', subject }: { personId: string; issuer?: string; subject: string }): Promise<void> {
  await db.sql('INSERT INTO oidc_identities (id, issuer, subject, person_id) VALUES (gen_random_uuid(), $1, $2, $3)', [issuer, subject, personId]);
}

export async function createNotification(db: Db, { personId, kind = 'role.granted', data = {} }: { personId: string; kind?: string; data?: object }): Promise<void> {
  await db.sql('INSERT INTO notifications (id, person_id, kind, data) VALUES (gen_random_uuid(), $1, $2, $3)', [personId, kind, JSON.stringify(data)]);
}

// ---- register of data uses (through the API) ------------------------------

/** A record complete enough to publish. */
export const PUBLISHABLE_DATA_USE: DataUseContentInput = {
  title: 'Compter les vélos sur les pistes cyclables',
  summary: 'Des capteurs au sol comptent les vélos qui passent, sans photographier personne.',
  domain: 'mobility',
  accountability: { controller: 'Ville de Val-de-Noue', contactEmail: 'donnees@val-de-noue.example' },
  purpose: { purposes: ['Dimensionner les pistes cyclables'] },
  legal: { basis: 'e_public_task' },
  data: { subjectCategories: ['Cyclistes'], categories: [{ name: 'Passages comptés', retention: '5 ans' }] },
  automation: { level: 'information', howToContest: 'Écrire au délégué à la protection des données.' },
  risks: [{ description: 'Aucun risque identifiant', severity: 'negligible', likelihood: 'negligible' }],
  alternatives: [{ description: 'Comptage manuel', nonInvasive: true }],
  proportionality: 'Aucune donnée personnelle.',
  lifecycle: { status: 'operational', reviewDate: '2030-01-31' },
};

/**
 * A register record, written by `editor` (a new organizer by default): a
 * draft, or published (the default: version 1, as the editor publishes it).
 */
export async function createDataUse(t: Api, options: { content?: DataUseContentInput; state?: 'draft' | 'published'; editor?: TestPerson } = {}): Promise<DataUseDto> {
  const editor = options.editor ?? (await createPerson(t, { roles: ['organizer'] }));
  const draft = DataUseSchema.parse((await request(t.server).post('/api/v1/data-uses').set(editor.auth).send({ content: options.content ?? PUBLISHABLE_DATA_USE }).expect(201)).body);
  if (options.state === 'draft') return draft;
  return DataUseSchema.parse((await request(t.server).post(`/api/v1/data-uses/${draft.reference}/publish`).set(editor.auth).send({ expectedRevision: draft.revision }).expect(200)).body);
}

// ---- proposals (through the API) ------------------------------------------

/** A proposal complete enough to submit. */
export const SUBMITTABLE_PROPOSAL: ProposalContentInput = {
  kind: 'ban',
  title: 'Interdire la reconnaissance faciale au marché',
  body: 'La ville retire le logiciel de reconnaissance faciale des caméras du marché du dimanche et ne le remplace pas.',
  why: 'Tout le monde est filmé et comparé à une liste sans l’avoir choisi.',
  expectedEffect: 'Plus aucun visage analysé au marché.',
  unlistedDataUse: 'Caméras du marché du dimanche',
};

export interface ProposalOptions {
  /** The state to bring it to, through the API's own transitions (default: draft). */
  state?: ProposalState;
  /** A new resident by default (each person may submit 5 proposals a day). */
  author?: TestPerson;
  content?: ProposalContentInput;
  /** Who decides admissibility and selection: a new organizer by default. */
  organizer?: TestPerson;
  /** Verified residents who support it once it is admissible (before any later state). */
  supporters?: TestPerson[];
}

/**
 * A proposal in any state, as people would bring it there: the author creates
 * and submits it, an organizer decides, supporters support. Qualification and
 * expiry happen as the scheduled job does it, once the support window is made
 * to have closed (qualified: with its threshold set to 0; expired: below it).
 */
export async function createProposal(t: Api, options: ProposalOptions = {}): Promise<{ reference: string; author: TestPerson }> {
  const { state = 'draft', content = SUBMITTABLE_PROPOSAL, supporters = [] } = options;
  const api = () => request(t.server);
  const author = options.author ?? (await createPerson(t));
  const { reference } = ProposalSchema.parse((await api().post('/api/v1/proposals').set(author.auth).send({ content }).expect(201)).body);
  const path = `/api/v1/proposals/${reference}`;
  const done = { reference, author };
  if (state === 'draft') return done;

  await api().post(`${path}/submit`).set(author.auth).send({ charterAccepted: true }).expect(200);
  if (state === 'submitted') return done;
  if (state === 'withdrawn') {
    await api().post(`${path}/withdraw`).set(author.auth).send({}).expect(200);
    return done;
  }

  const organizer = options.organizer ?? (await createPerson(t, { roles: ['resident', 'organizer'] }));
  if (state === 'inadmissible') {
    await api().post(`${path}/admissibility`).set(organizer.auth).send({ decision: 'inadmissible', reason: 'Hors des compétences de la ville.' }).expect(200);
    return done;
  }
  await api().post(`${path}/admissibility`).set(organizer.auth).send({ decision: 'admissible' }).expect(200);
  for (const supporter of supporters) await api().put(`${path}/support`).set(supporter.auth).expect(201);
  if (state === 'admissible') return done;

  const qualifies = state !== 'expired';
  await t.sql(`UPDATE proposals SET collecting_until = now() - interval '1 minute'${qualifies ? ', threshold = 0' : ''} WHERE reference = $1`, [reference]);
  await t.app.get(ProposalsService).closeDueWindows();
  if (state === 'qualified' || state === 'expired') return done;

  await api().post(`${path}/selection`).set(organizer.auth).send({ decision: state, reason: 'Consultation en mars.' }).expect(200);
  return done;
}

// ---- deliberations ----------------------------------------------------------

export interface DeliberationOptions {
  /** Pre- or post-moderation (default: post). */
  moderation?: 'pre' | 'post';
  /** The space's dates (default: opened a day ago, closes in 30 days). */
  opensAt?: Date;
  closesAt?: Date;
  autoHideThreshold?: number;
  /** Who opens it: a new organizer by default. */
  organizer?: TestPerson;
}

const DAY_MS = 86_400_000;

/**
 * A deliberation space on an admissible proposal, opened by an organizer
 * through the API. A space whose dates are in the past is opened open, then
 * its dates are moved in SQL (the API refuses nothing about past dates, but
 * this keeps each fixture's rules plain).
 */
export async function createDeliberation(t: Api, options: DeliberationOptions = {}): Promise<{ id: string; proposalReference: string; organizer: TestPerson }> {
  const organizer = options.organizer ?? (await createPerson(t, { roles: ['resident', 'organizer'] }));
  const { reference } = await createProposal(t, { state: 'admissible', organizer });
  const opensAt = options.opensAt ?? new Date(Date.now() - DAY_MS);
  const closesAt = options.closesAt ?? new Date(Date.now() + 30 * DAY_MS);
  const rules = { moderation: options.moderation ?? 'post', opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString(), ...(options.autoHideThreshold ? { autoHideThreshold: options.autoHideThreshold } : {}) };
  const response = await request(t.server).post('/api/v1/deliberations').set(organizer.auth).send({ subject: { type: 'proposal', reference }, rules }).expect(201);
  return { id: (response.body as { id: string }).id, proposalReference: reference, organizer };
}

/** A contribution posted by its author (a new resident who accepts the charter, by default). */
export async function postContribution(t: Api, deliberationId: string, options: { author?: TestPerson; stance?: string; body?: string; parentId?: string } = {}): Promise<{ id: string; author: TestPerson }> {
  const author = options.author ?? (await createPerson(t));
  const response = await request(t.server)
    .post(`/api/v1/deliberations/${deliberationId}/contributions`)
    .set(author.auth)
    .send({ stance: options.stance ?? 'against', body: options.body ?? 'Les caméras du marché filment tout le monde sans raison.', charterAccepted: true, ...(options.parentId ? { parentId: options.parentId } : {}) })
    .expect(201);
  return { id: (response.body as { id: string }).id, author };
}

/** A contribution hidden by a moderator, with the decision to appeal. */
export async function createModerationDecision(t: Api, options: { moderator?: TestPerson } = {}) {
  const space = await createDeliberation(t);
  const contribution = await postContribution(t, space.id);
  const moderator = options.moderator ?? (await createPerson(t, { roles: ['resident', 'moderator'] }));
  const response = await request(t.server)
    .post(`/api/v1/deliberations/${space.id}/contributions/${contribution.id}/decisions`)
    .set(moderator.auth)
    .send({ decision: 'hide', ground: { kind: 'policy', code: 'off_topic' }, facts: 'La contribution ne parle pas des caméras.' })
    .expect(201);
  return { deliberationId: space.id, contributionId: contribution.id, author: contribution.author, moderator, decisionId: (response.body as { id: string }).id };
}

/** An appeal of a moderator's decision by the author. */
export async function createModerationAppeal(t: Api) {
  const decision = await createModerationDecision(t);
  const response = await request(t.server).post(`/api/v1/moderation-decisions/${decision.decisionId}/appeal`).set(decision.author.auth).send({ explanation: 'Je parlais bien des caméras.' }).expect(201);
  return { ...decision, appealId: (response.body as { appeal: { id: string } }).appeal.id };
}

// ---- statements and the opinion map -----------------------------------------------

/** A statement added by its author (a new resident who accepts the charter, by default): approved at once in a post-moderation space. */
export async function addStatement(t: Api, deliberationId: string, options: { author?: TestPerson; text?: string } = {}): Promise<{ id: string; number: number; author: TestPerson }> {
  const author = options.author ?? (await createPerson(t));
  const response = await request(t.server)
    .post(`/api/v1/deliberations/${deliberationId}/statements`)
    .set(author.auth)
    .send({ text: options.text ?? 'Les caméras du marché ne servent à rien.', charterAccepted: true })
    .expect(201);
  const body = response.body as { id: string; number: number };
  return { id: body.id, number: body.number, author };
}

// ---- the advisory panel -------------------------------------------------------

export const PANEL_CATEGORIES = [
  { category: 'genre', label: 'Genre', values: ['femme', 'homme'] },
  { category: 'age', label: 'Tranche d’âge', values: ['jeune', 'adulte', 'senior'] },
];
export const PANEL_RULES = {
  seats: { drawnCitizens: 4, associations: 1, expertsVoting: 1, expertsConsultative: 1 },
  termMonths: 24,
  rotationByThirds: true,
  quorumPercent: 50,
  adoptionThreshold: { numerator: 2, denominator: 3 },
  categories: PANEL_CATEGORIES,
};
/** Eight volunteers, two of them sharing a household. */
export const PANEL_POOL_CSV = 'id,household,genre,age\nA1,,femme,jeune\nA2,,femme,adulte\nA3,,femme,senior\nA4,,homme,jeune\nA5,f-1,homme,adulte\nA6,f-1,femme,adulte\nA7,,homme,senior\nA8,,homme,jeune\n';
export const PANEL_QUOTAS = [
  { category: 'genre', value: 'femme', min: 1, max: 2 },
  { category: 'genre', value: 'homme', min: 1, max: 2 },
  { category: 'age', value: 'jeune', min: 0, max: 2 },
  { category: 'age', value: 'adulte', min: 0, max: 2 },
  { category: 'age', value: 'senior', min: 0, max: 2 },
];
/** Witness seeds of 128 bits (32 hexadecimal characters), as the reveal requires. */
export const PANEL_SEEDS = ['5f0c9a2e7b4d1c8f3a6e9b2d5c8f1a4e', 'c3e8a1f6b9d2e5a8c1f4b7d0e3a6c9f2'];

const panelOrganizer = (t: Api, given?: TestPerson) => (given ? Promise.resolve(given) : createPerson(t, { roles: ['resident', 'organizer'] }));

/** Publishes the panel rules (a new version each time). */
export async function publishPanelRules(t: Api, organizer?: TestPerson, rules: typeof PANEL_RULES = PANEL_RULES): Promise<TestPerson> {
  const by = await panelOrganizer(t, organizer);
  await request(t.server).post('/api/v1/advisory-panel/rules').set(by.auth).send({ rules, changeNote: 'Règles de test.' }).expect(201);
  return by;
}

/** A call for volunteers in the given state, with invitation codes. */
export async function createPanelCall(t: Api, options: { state?: 'draft' | 'open' | 'closed'; codes?: number; organizer?: TestPerson } = {}): Promise<{ reference: string; organizer: TestPerson; codes: string[] }> {
  const organizer = await panelOrganizer(t, options.organizer);
  const call = await request(t.server).post('/api/v1/advisory-panel/calls').set(organizer.auth).send({ title: 'Appel de test', categories: PANEL_CATEGORIES }).expect(201);
  const reference = (call.body as { reference: string }).reference;
  const codes = options.codes ? ((await request(t.server).post(`/api/v1/advisory-panel/calls/${reference}/invitations`).set(organizer.auth).send({ count: options.codes }).expect(201)).body as { codes: string[] }).codes : [];
  if (options.state === 'open' || options.state === 'closed') await request(t.server).post(`/api/v1/advisory-panel/calls/${reference}/open`).set(organizer.auth).expect(200);
  if (options.state === 'closed') await request(t.server).post(`/api/v1/advisory-panel/calls/${reference}/close`).set(organizer.auth).expect(200);
  return { reference, organizer, codes };
}

/** An imported pool of eight, with quotas for a panel of 3 unless `quotas: false`. */
export async function createPanelPool(t: Api, options: { quotas?: boolean; organizer?: TestPerson } = {}): Promise<{ id: string; organizer: TestPerson }> {
  const organizer = await panelOrganizer(t, options.organizer);
  const pool = await request(t.server).post('/api/v1/advisory-panel/pools').set(organizer.auth).send({ label: 'Vivier de test', categories: PANEL_CATEGORIES, poolCsv: PANEL_POOL_CSV }).expect(201);
  const id = (pool.body as { id: string }).id;
  if (options.quotas !== false) await request(t.server).put(`/api/v1/advisory-panel/pools/${id}/quotas`).set(organizer.auth).send({ panelSize: 3, quotas: PANEL_QUOTAS }).expect(200);
  return { id, organizer };
}

/**
 * A draw on a fresh pool: committed; ready (computed, as the job does, in a
 * worker thread); revealed (every seed given); drawn. Rules are published first,
 * with room for many draws.
 */
export async function createPanelDraw(t: Api, options: { state?: 'committed' | 'ready' | 'revealed' | 'drawn'; organizer?: TestPerson } = {}): Promise<{ reference: string; organizer: TestPerson; poolId: string }> {
  // Seats for many draws in one database: a draw for more people than the free citizens' seats is refused.
  const organizer = await publishPanelRules(t, options.organizer, { ...PANEL_RULES, seats: { ...PANEL_RULES.seats, drawnCitizens: 200 } });
  const { id: poolId } = await createPanelPool(t, { organizer });
  const witnesses = [
    { name: 'Mairie', kind: 'organizer', seedHash: sha256Hex(PANEL_SEEDS[0]!) },
    { name: 'Association', kind: 'association', seedHash: sha256Hex(PANEL_SEEDS[1]!) },
  ];
  const draw = await request(t.server).post('/api/v1/advisory-panel/draws').set(organizer.auth).send({ poolId, witnesses }).expect(201);
  const reference = (draw.body as { reference: string }).reference;
  const state = options.state ?? 'committed';
  if (state === 'committed') return { reference, organizer, poolId };
  const [row] = await t.sql<{ id: string }>('SELECT id FROM advisory_panel_draws WHERE reference = $1', [reference]);
  await t.app.get(AdvisoryPanelService).compute(row!.id);
  if (state === 'ready') return { reference, organizer, poolId };
  for (const [i, seed] of PANEL_SEEDS.entries()) await request(t.server).post(`/api/v1/advisory-panel/draws/${reference}/seeds`).set(organizer.auth).send({ witness: i + 1, seed }).expect(200);
  if (state === 'drawn') await request(t.server).post(`/api/v1/advisory-panel/draws/${reference}/draw`).set(organizer.auth).expect(200);
  return { reference, organizer, poolId };
}

/**
 * A member (an association representative) in the given state. The rules it
 * publishes leave room for many: tests that need several members in one
 * database would otherwise meet the seat limit (422 no_seat_left).
 */
export async function createPanelMember(t: Api, options: { state?: 'invited' | 'active'; organizer?: TestPerson } = {}): Promise<{ id: string; organizer: TestPerson }> {
  const organizer = await publishPanelRules(t, options.organizer, { ...PANEL_RULES, seats: { ...PANEL_RULES.seats, drawnCitizens: 40, associations: 30 } });
  const member = await request(t.server).post('/api/v1/advisory-panel/members').set(organizer.auth).send({ seatType: 'association', displayName: 'Représentante', termStart: '2027-01-01' }).expect(201);
  const id = (member.body as { id: string }).id;
  if (options.state === 'active') await request(t.server).post(`/api/v1/advisory-panel/members/${id}/activate`).set(organizer.auth).send({}).expect(200);
  return { id, organizer };
}

// ---- consultations (issue 18) ------------------------------------------------

export type ConsultationFixtureState = 'draft' | 'scheduled' | 'information' | 'deliberation' | 'vote' | 'results';

/** Majority judgment over three options, as on the market camera proposal. */
export const CONSULTATION_RULES = {
  method: 'majority_judgment',
  options: [
    { id: 'retirer', label: 'Retirer les caméras du marché' },
    { id: 'limiter', label: 'Les garder sans reconnaissance faciale' },
    { id: 'garder', label: 'Les garder telles quelles' },
  ],
  quorumPercent: 0,
  whatNext: 'Les résultats sont transmis au comité citoyen, qui rend son avis sous deux mois.',
};

/** A schedule in the future: information tomorrow, vote in three days, close in four. */
export function futureSchedule(now = Date.now()) {
  const day = 86_400_000;
  return {
    informationOpensAt: new Date(now + day).toISOString(),
    deliberationOpensAt: new Date(now + 2 * day).toISOString(),
    voteOpensAt: new Date(now + 3 * day).toISOString(),
    voteClosesAt: new Date(now + 4 * day).toISOString(),
  };
}

/**
 * A consultation in any state, as organizers and the clock bring it there: an
 * organizer prepares it about a published data use and publishes its rules;
 * later phases come from moving its dates into the past and running the job's
 * handler (`ConsultationsService.advanceDue`).
 */
export async function createConsultation(
  t: Api,
  options: { state?: ConsultationFixtureState; organizer?: TestPerson; rules?: object; title?: string; dataUseReference?: string } = {},
): Promise<{ reference: string; organizer: TestPerson; dataUseReference: string }> {
  const { state = 'scheduled' } = options;
  const organizer = options.organizer ?? (await createPerson(t, { roles: ['resident', 'organizer'] }));
  // A published record to pin (one may be shared between consultations: it is only read).
  const dataUse = options.dataUseReference ? { reference: options.dataUseReference } : await createDataUse(t, { editor: organizer });
  const content = { title: options.title ?? 'Les caméras du marché du dimanche', question: 'Que faire des caméras du marché du dimanche ?', dataUseReference: dataUse.reference, schedule: futureSchedule(), rules: options.rules ?? CONSULTATION_RULES };
  const created = (await request(t.server).post('/api/v1/consultations').set(organizer.auth).send({ origin: { kind: 'organizers' }, content }).expect(201)).body as { reference: string };
  const done = { reference: created.reference, organizer, dataUseReference: dataUse.reference };
  if (state === 'draft') return done;
  await request(t.server).post(`/api/v1/consultations/${created.reference}/publish`).set(organizer.auth).send({}).expect(200);
  if (state === 'scheduled') return done;
  await moveConsultationTo(t, created.reference, state);
  return done;
}

/** Moves the consultation's dates so that `phase` is due now, then runs the job's handler. */
export async function moveConsultationTo(t: Api, reference: string, phase: 'information' | 'deliberation' | 'vote' | 'results'): Promise<void> {
  const offsets = { information: [1, -2, -1, 1], deliberation: [2, 1, -1, 1], vote: [3, 2, 1, -1], results: [4, 3, 2, 1] }[phase];
  // Hours before now (positive: in the past); the dates stay strictly increasing.
  const [a, b, c, d] = offsets.map((h) => (h > 0 ? `now() - interval '${h} hours'` : `now() + interval '${-h} hours'`));
  const dates = phase === 'information' ? [a, `now() + interval '1 day'`, `now() + interval '2 days'`, `now() + interval '3 days'`] : phase === 'deliberation' ? [a, b, `now() + interval '1 day'`, `now() + interval '2 days'`] : phase === 'vote' ? [a, b, c, `now() + interval '1 day'`] : [a, b, c, d];
  await t.sql(`UPDATE consultations SET information_opens_at = ${dates[0]}, deliberation_opens_at = ${dates[1]}, vote_opens_at = ${dates[2]}, vote_closes_at = ${dates[3]} WHERE reference = $1`, [reference]);
  await t.app.get(ConsultationsService).advanceDue();
}
