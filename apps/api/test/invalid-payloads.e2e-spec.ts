import fc from 'fast-check';
import request from 'supertest';
import { JobQueue } from '../src/jobs/job-queue.service';
import {
  CONSULTATION_RULES,
  createConsultation,
  futureSchedule,
  createDataUse,
  createDeliberation,
  createInvitationBatch,
  createModerationAppeal,
  createModerationDecision,
  createNeighbourhood,
  createPanelCall,
  createPanelDraw,
  createPanelMember,
  createPanelPool,
  createPerson,
  createProposal,
  addStatement,
  PANEL_CATEGORIES,
  PANEL_POOL_CSV,
  PANEL_QUOTAS,
  PANEL_SEEDS,
  postContribution,
  PUBLISHABLE_DATA_USE,
  publishPanelRules,
  SUBMITTABLE_PROPOSAL,
  type ConsultationFixtureState,
  type TestPerson,
  voterCodeOf,
} from './fixtures';
import { buildPanelWork, type PanelWork } from './support/panel-work';
import { ROUTE_MATRIX, callerHeaders, createMatrixContext, type MatrixContext } from './route-matrix';
import { startTestApp, type TestApp } from './test-app';
import { bearer, personToken } from './tokens';

/**
 * Property test over every route Nest mounts (the route matrix), with the
 * parameters and bodies the OpenAPI document declares, so a new route is
 * covered without touching this file:
 *
 * - generated invalid JSON bodies — wrong types, unknown fields, non-objects,
 *   huge and odd Unicode strings, SQL and HTML injection strings;
 * - hostile path parameters — NUL, invalid UTF-8, lone surrogates, "..",
 *   "__proto__", huge strings — and invalid query strings (values each
 *   parameter's schema refuses, NUL and invalid UTF-8 anywhere);
 * - valid bodies with one string made unstorable (NUL, lone surrogate);
 *
 * always get a 4xx problem document (never a 5xx) from a caller who may use
 * the route, and leave every table exactly as it was. Requests land on
 * records that exist, in the state the route acts on (TARGETS below), with a
 * caller the route lets act: at the end, each target's valid request
 * succeeds, which proves that "nothing written" was not trivially true.
 *
 * FUZZ_RUNS (bodies, default 20) and FUZZ_PARAM_RUNS (parameters and strings, default 6) tune the
 * run: about 40 s on two cores with the defaults.
 */

interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
}
interface OpenApiParameter {
  in: 'query' | 'path' | 'header' | 'cookie';
  name: string;
  schema?: JsonSchema;
}
interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}
interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

const RUNS = Number(process.env.FUZZ_RUNS ?? 20);
const PARAM_RUNS = Number(process.env.FUZZ_PARAM_RUNS ?? 6);

// ---- hostile values ---------------------------------------------------------

const HOSTILE_STRINGS = [
  "'; DROP TABLE people; --",
  "' OR '1'='1",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '{{7*7}}${7*7}',
  '../../../../etc/passwd',
  'nul\u0000byte',
  'e\u0301\u202Egnirts\u200B',
  '𝕊é𝕤𝕒𝕞𝕖 🦄👩🏽‍💻',
  'a'.repeat(20_000),
  '',
  ' ',
];
const hostileString = fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }));
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileString, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), hostileString, { maxKeys: 3 }),
);
/** Strings PostgreSQL cannot store. */
const UNSTORABLE_STRINGS = ['\u0000', 'avant\u0000après', '\uD800', 'coupé \uDC00 en deux', '🦄\uD83D'];

/**
 * A URL component: percent-encoded UTF-8, except that a lone surrogate
 * becomes the invalid three bytes it would be in WTF-8 (%ED%A0%80), as a
 * careless client would send it.
 */
function encodeComponent(text: string): string {
  let encoded = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    encoded += code >= 0xd800 && code <= 0xdfff ? [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)].map((byte) => `%${byte.toString(16).toUpperCase()}`).join('') : encodeURIComponent(char);
  }
  return encoded;
}
/** Already-encoded fragments no valid UTF-8 text encodes to (or that decode to a NUL). */
const RAW_UNSTORABLE = ['%00', 'a%00b', '%FF', '%C0%AF', '%ED%A0%80', '%F0%9F%A6', '%', '%zz', '100%'];
const hostilePathValue = fc.oneof(
  fc.constantFrom(...RAW_UNSTORABLE),
  fc.constantFrom(...HOSTILE_STRINGS, '..', '.', 'constructor', '__proto__', 'toString', '%2e%2e', 'DU-2027-001%00', 'PR-9999-99999999999999999999').map((s) => (s.startsWith('%') || s.includes('%00') ? s : encodeComponent(s))),
  fc.string({ minLength: 1, maxLength: 40 }).map(encodeComponent),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }).map(encodeComponent),
);

// ---- bodies and parameters from the OpenAPI schemas ----------------------------

const typesOf = (schema: JsonSchema): string[] => (Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []);

/** A value of no type the property accepts; null when the schema is too loose to say. */
function wrongValueFor(schema: JsonSchema): fc.Arbitrary<unknown> | null {
  if (schema.enum) return fc.constantFrom('__pas_une_valeur__', 42, true);
  if (schema.const !== undefined) return fc.constant('__pas_la_valeur__');
  const types = typesOf(schema);
  if (types.length === 0) return null;
  const candidates: fc.Arbitrary<unknown>[] = [];
  if (!types.includes('string')) candidates.push(fc.constantFrom(...HOSTILE_STRINGS.filter((s) => s.trim() !== '')));
  if (!types.includes('integer') && !types.includes('number')) candidates.push(fc.integer());
  if (!types.includes('boolean')) candidates.push(fc.boolean());
  if (!types.includes('array')) candidates.push(fc.array(fc.integer(), { maxLength: 2 }));
  if (!types.includes('object')) candidates.push(fc.constant({ inattendu: true }));
  return candidates.length > 0 ? fc.oneof(...candidates) : null;
}

/** Payloads that no schema of this shape accepts. */
function invalidBodies(schema: JsonSchema): fc.Arbitrary<unknown> {
  const properties = Object.entries(schema.properties ?? {});
  const base = fc.record(Object.fromEntries(properties.map(([name]) => [name, hostileValue])), { requiredKeys: [] }) as fc.Arbitrary<Record<string, unknown>>;
  const notAnObject = fc.oneof(fc.constant([]), fc.array(hostileValue, { maxLength: 3 }));
  const unknownField = fc.tuple(base, fc.string({ minLength: 1, maxLength: 12 }), hostileValue).map(([body, name, value]) => ({ ...body, [`champ_inconnu_${name}`]: value }));
  const typed = properties.flatMap(([name, property]) => {
    const wrong = wrongValueFor(property);
    return wrong ? [fc.tuple(base, wrong).map(([body, value]) => ({ ...body, [name]: value }))] : [];
  });
  return fc.oneof(notAnObject, unknownField, ...typed);
}

/** Query values (already encoded) the parameter's schema refuses; null for free text, which accepts anything storable. */
function invalidQueryValues(schema: JsonSchema): fc.Arbitrary<string> | null {
  const refusedStrings = (accepts: (value: string) => boolean) =>
    fc.oneof(fc.constantFrom(...HOSTILE_STRINGS.filter((s) => s.trim() !== '' && s.length < 1000)), fc.string({ minLength: 1, maxLength: 30 })).filter((value) => value.trim() !== '' && !accepts(value)).map(encodeComponent);
  if (schema.enum) return refusedStrings((value) => schema.enum!.includes(value));
  const types = typesOf(schema);
  if (types.includes('integer') || types.includes('number')) {
    const tooBig = schema.maximum !== undefined && schema.maximum < Number.MAX_SAFE_INTEGER ? [String(schema.maximum + 1)] : [];
    return fc.constantFrom('abc', '1.5', '-1', '0', 'NaN', '1e400', '--1', ...tooBig).filter((value) => schema.minimum === undefined || !(Number(value) >= schema.minimum && Number.isInteger(Number(value)) && (schema.maximum === undefined || Number(value) <= schema.maximum)));
  }
  if (schema.pattern) {
    const pattern = new RegExp(schema.pattern, 'u');
    return refusedStrings((value) => pattern.test(value));
  }
  if (schema.maxLength !== undefined) return fc.constant('a'.repeat(schema.maxLength + 1));
  return null;
}

// ---- where each route lands ----------------------------------------------------

/** A request that would succeed: the path parameters of real records in the right state, a caller the route lets act, a valid body. */
interface Target {
  params: Record<string, string>;
  headers: () => Promise<Record<string, string>>;
  query?: Record<string, string>;
  /** A valid body; with `csv`, sent as text/csv. */
  body?: object | { csv: string };
  /** false: the valid request is not replayed at the end (a route without a target). */
  live: boolean;
}

interface Setup {
  t: TestApp;
  context: MatrixContext;
  neighbourhoodId: string;
  /** The panel's work, for the recommendations and authority-responses routes. */
  panel: PanelWork;
}

/** Fresh credentials for a person (tokens last 60 s; a route's run may start later than the person was made). */
const actingAs = (person: TestPerson) => async () => bearer(await personToken(person.id));
const anyone = async () => ({});
const organizer = async ({ t }: Setup) => createPerson(t, { roles: ['resident', 'organizer'] });

async function publishedRecord({ t }: Setup, versions = 1) {
  const editor = await organizer({ t } as Setup);
  let record = await createDataUse(t, { editor });
  for (let version = 2; version <= versions; version += 1) {
    const saved = await request(t.server)
      .put(`/api/v1/data-uses/${record.reference}`)
      .set(editor.auth)
      .send({ content: { ...PUBLISHABLE_DATA_USE, summary: `${PUBLISHABLE_DATA_USE.summary} Version ${version}.` }, expectedRevision: record.revision, changeNote: 'Précision.' })
      .expect(200);
    record = saved.body as typeof record;
  }
  return { record, editor };
}

/** A consultation by the shared organizer, about the shared record (made once per run). */
let consultationBasis: Promise<{ organizer: TestPerson; dataUseReference: string }> | null = null;
async function consultation(s: Setup, options: { state?: ConsultationFixtureState } = {}) {
  consultationBasis ??= (async () => {
    const organizer = await createPerson(s.t, { roles: ['resident', 'organizer'] });
    return { organizer, dataUseReference: (await createDataUse(s.t, { editor: organizer })).reference };
  })();
  return createConsultation(s.t, { ...(await consultationBasis), ...options });
}

/** A target on the panel's work (one for all these routes, made in beforeAll: see buildPanelWork), acted on by `who`. */
const onPanelWork =
  (who: ((w: PanelWork) => TestPerson) | 'anyone' | 'someone', target: (w: PanelWork) => Pick<Target, 'params' | 'body' | 'query'>) =>
  async (s: Setup) => ({ ...target(s.panel), headers: who === 'anyone' ? anyone : actingAs(who === 'someone' ? await createPerson(s.t) : who(s.panel)) });
const rapporteur = (w: PanelWork) => w.rapporteur;
const authority = (w: PanelWork) => w.authority;
const SESSION = { title: 'Séance de printemps', scheduledAt: '2027-04-01T18:00:00+02:00', place: 'Maison de quartier', agenda: ['Le dossier', 'Les auditions'] };
const ACTION = { title: 'Former les releveurs', owner: 'Service des eaux', status: 'in_progress', progress: 60, dueOn: '2027-06-30' };

/**
 * Every route with a path parameter must be here (a test says so): where it
 * lands, who acts, and a valid body. Routes without parameters may be, to have
 * their valid bodies tested with unstorable strings.
 */
const TARGETS: Record<string, (setup: Setup) => Promise<Omit<Target, 'live'> & { live?: false }>> = {
  'GET /api/v1/docs/{asset}': async () => ({ params: { asset: 'swagger-ui.css' }, headers: anyone }),
  // The register
  'POST /api/v1/data-uses': async (s) => ({ params: {}, headers: actingAs(await organizer(s)), body: { content: PUBLISHABLE_DATA_USE } }),
  'GET /api/v1/data-uses/{reference}': async (s) => ({ params: { reference: (await publishedRecord(s)).record.reference }, headers: anyone }),
  'PUT /api/v1/data-uses/{reference}': async (s) => {
    const { record, editor } = await publishedRecord(s);
    return { params: { reference: record.reference }, headers: actingAs(editor), body: { content: { ...PUBLISHABLE_DATA_USE, summary: 'Une nouvelle version du résumé, plus précise.' }, expectedRevision: record.revision, changeNote: 'Résumé précisé.' } };
  },
  'POST /api/v1/data-uses/{reference}/publish': async (s) => {
    const editor = await organizer(s);
    const draft = await createDataUse(s.t, { state: 'draft', editor });
    return { params: { reference: draft.reference }, headers: actingAs(editor), body: { expectedRevision: draft.revision } };
  },
  'POST /api/v1/data-uses/{reference}/suspend': async (s) => {
    const { record, editor } = await publishedRecord(s);
    return { params: { reference: record.reference }, headers: actingAs(editor), body: { expectedRevision: record.revision, reason: 'Audit en cours.' } };
  },
  'POST /api/v1/data-uses/{reference}/retire': async (s) => {
    const { record, editor } = await publishedRecord(s);
    return { params: { reference: record.reference }, headers: actingAs(editor), body: { expectedRevision: record.revision, reason: 'Capteurs retirés.' } };
  },
  'PUT /api/v1/data-uses/{reference}/follow': async (s) => ({ params: { reference: (await publishedRecord(s)).record.reference }, headers: actingAs(await createPerson(s.t)) }),
  'DELETE /api/v1/data-uses/{reference}/follow': async (s) => {
    const { record } = await publishedRecord(s);
    const follower = await createPerson(s.t);
    await request(s.t.server).put(`/api/v1/data-uses/${record.reference}/follow`).set(follower.auth).expect(200);
    return { params: { reference: record.reference }, headers: actingAs(follower) };
  },
  'GET /api/v1/data-uses/{reference}/versions': async (s) => ({ params: { reference: (await publishedRecord(s)).record.reference }, headers: anyone }),
  'GET /api/v1/data-uses/{reference}/versions/{version}/diff': async (s) => ({ params: { reference: (await publishedRecord(s, 2)).record.reference, version: '2' }, headers: anyone }),
  // Proposals
  'POST /api/v1/proposals': async (s) => ({ params: {}, headers: actingAs(await createPerson(s.t)), body: { content: SUBMITTABLE_PROPOSAL } }),
  'GET /api/v1/proposals/{reference}': async (s) => ({ params: { reference: (await createProposal(s.t, { state: 'submitted' })).reference }, headers: anyone }),
  'PUT /api/v1/proposals/{reference}': async (s) => {
    const { reference, author } = await createProposal(s.t, { state: 'draft' });
    return { params: { reference }, headers: actingAs(author), body: { content: { ...SUBMITTABLE_PROPOSAL, why: 'Une raison réécrite par son auteur.' } } };
  },
  'POST /api/v1/proposals/{reference}/submit': async (s) => {
    const { reference, author } = await createProposal(s.t, { state: 'draft' });
    return { params: { reference }, headers: actingAs(author), body: { charterAccepted: true } };
  },
  'POST /api/v1/proposals/{reference}/admissibility': async (s) => ({ params: { reference: (await createProposal(s.t, { state: 'submitted' })).reference }, headers: actingAs(await organizer(s)), body: { decision: 'inadmissible', reason: 'Hors des compétences de la ville.' } }),
  'POST /api/v1/proposals/{reference}/selection': async (s) => ({ params: { reference: (await createProposal(s.t, { state: 'qualified' })).reference }, headers: actingAs(await organizer(s)), body: { decision: 'not_selected', reason: 'Déjà prévu au budget.' } }),
  'POST /api/v1/proposals/{reference}/withdraw': async (s) => {
    const { reference, author } = await createProposal(s.t, { state: 'submitted' });
    return { params: { reference }, headers: actingAs(author), body: { reason: 'Je préfère attendre.' } };
  },
  'PUT /api/v1/proposals/{reference}/support': async (s) => ({ params: { reference: (await createProposal(s.t, { state: 'admissible' })).reference }, headers: actingAs(await createPerson(s.t, { verifiedIn: s.neighbourhoodId })) }),
  'DELETE /api/v1/proposals/{reference}/support': async (s) => {
    const supporter = await createPerson(s.t, { verifiedIn: s.neighbourhoodId });
    return { params: { reference: (await createProposal(s.t, { state: 'admissible', supporters: [supporter] })).reference }, headers: actingAs(supporter) };
  },
  'PUT /api/v1/proposals/{reference}/follow': async (s) => ({ params: { reference: (await createProposal(s.t, { state: 'submitted' })).reference }, headers: actingAs(await createPerson(s.t)) }),
  'DELETE /api/v1/proposals/{reference}/follow': async (s) => {
    const { reference } = await createProposal(s.t, { state: 'submitted' });
    const follower = await createPerson(s.t);
    await request(s.t.server).put(`/api/v1/proposals/${reference}/follow`).set(follower.auth).expect(200);
    return { params: { reference }, headers: actingAs(follower) };
  },
  // Deliberations
  'POST /api/v1/deliberations': async (s) => {
    const by = await organizer(s);
    const { reference } = await createProposal(s.t, { state: 'admissible', organizer: by });
    return { params: {}, headers: actingAs(by), body: { subject: { type: 'proposal', reference }, rules: { moderation: 'post', opensAt: '2026-01-01T00:00:00Z', closesAt: '2099-01-01T00:00:00Z' } } };
  },
  'GET /api/v1/deliberations/by-subject/{subjectType}/{subjectReference}': async (s) => ({ params: { subjectType: 'proposal', subjectReference: (await createDeliberation(s.t)).proposalReference }, headers: anyone }),
  'POST /api/v1/deliberations/{id}/moderation-queue/decisions': async (s) => {
    const space = await createDeliberation(s.t, { moderation: 'pre' });
    const contribution = await postContribution(s.t, space.id);
    return { params: { id: space.id }, headers: actingAs(await createPerson(s.t, { roles: ['resident', 'moderator'] })), body: { decision: 'reject', contributionIds: [contribution.id], ground: { kind: 'policy', code: 'spam' }, facts: 'Publicité.' } };
  },
  'GET /api/v1/deliberations/{id}': async (s) => ({ params: { id: (await createDeliberation(s.t)).id }, headers: anyone }),
  'POST /api/v1/deliberations/{id}/rules': async (s) => {
    const space = await createDeliberation(s.t);
    return { params: { id: space.id }, headers: actingAs(space.organizer), body: { rules: { moderation: 'pre', opensAt: '2026-01-01T00:00:00Z', closesAt: '2099-01-01T00:00:00Z' }, changeNote: 'Pré-modération.' } };
  },
  // A stream that stays open: its valid request is tested in deliberation-events.e2e-spec.ts.
  'GET /api/v1/deliberations/{id}/events': async (s) => ({ params: { id: (await createDeliberation(s.t)).id }, headers: anyone, live: false }),
  'GET /api/v1/deliberations/{id}/contributions': async (s) => ({ params: { id: (await createDeliberation(s.t)).id }, headers: anyone, query: { sort: 'newest', stance: 'for' } }),
  'POST /api/v1/deliberations/{id}/contributions': async (s) => ({ params: { id: (await createDeliberation(s.t)).id }, headers: actingAs(await createPerson(s.t)), body: { stance: 'question', body: 'Qui regarde les images ?', charterAccepted: true } }),
  'POST /api/v1/deliberations/{id}/workshop-contributions': async (s) => {
    const space = await createDeliberation(s.t);
    return { params: { id: space.id }, headers: actingAs(space.organizer), body: { provenance: { workshopDate: '2027-07-12', place: 'Centre social', facilitator: 'Awa', sheetNumber: '3' }, entries: [{ stance: 'for', body: 'Plus de bancs.' }] } };
  },
  'PUT /api/v1/deliberations/{id}/contributions/{contributionId}': async (s) => {
    const space = await createDeliberation(s.t);
    const contribution = await postContribution(s.t, space.id);
    return { params: { id: space.id, contributionId: contribution.id }, headers: actingAs(contribution.author), body: { body: 'Texte corrigé par son auteur.' } };
  },
  'DELETE /api/v1/deliberations/{id}/contributions/{contributionId}': async (s) => {
    const space = await createDeliberation(s.t);
    const contribution = await postContribution(s.t, space.id);
    return { params: { id: space.id, contributionId: contribution.id }, headers: actingAs(contribution.author) };
  },
  'PUT /api/v1/deliberations/{id}/contributions/{contributionId}/helpful': async (s) => {
    const space = await createDeliberation(s.t);
    const contribution = await postContribution(s.t, space.id);
    return { params: { id: space.id, contributionId: contribution.id }, headers: actingAs(await createPerson(s.t)) };
  },
  'POST /api/v1/deliberations/{id}/contributions/{contributionId}/reports': async (s) => {
    const space = await createDeliberation(s.t);
    const contribution = await postContribution(s.t, space.id);
    return { params: { id: space.id, contributionId: contribution.id }, headers: actingAs(await createPerson(s.t)), body: { reasonCode: 'illegal_content', law: 'Article 226-1 du code pénal', explanation: 'Une adresse personnelle est publiée.' } };
  },
  'GET /api/v1/deliberations/{id}/moderation-queue': async (s) => ({ params: { id: (await createDeliberation(s.t)).id }, headers: actingAs(await createPerson(s.t, { roles: ['resident', 'moderator'] })) }),
  'POST /api/v1/deliberations/{id}/contributions/{contributionId}/decisions': async (s) => {
    const space = await createDeliberation(s.t);
    const contribution = await postContribution(s.t, space.id);
    return { params: { id: space.id, contributionId: contribution.id }, headers: actingAs(await createPerson(s.t, { roles: ['resident', 'moderator'] })), body: { decision: 'suspend', ground: { kind: 'policy', code: 'hate_or_harassment' }, facts: 'Insultes répétées.', until: '2099-01-01T00:00:00Z' } };
  },
  'GET /api/v1/deliberations/{id}/moderation-log': async (s) => ({ params: { id: (await createDeliberation(s.t)).id }, headers: anyone }),
  'GET /api/v1/deliberations/{id}/transparency': async (s) => ({ params: { id: (await createDeliberation(s.t)).id }, headers: anyone }),
  'POST /api/v1/moderation-decisions/{decisionId}/appeal': async (s) => {
    const decision = await createModerationDecision(s.t);
    return { params: { decisionId: decision.decisionId }, headers: actingAs(decision.author), body: { explanation: 'Je parlais bien des caméras.' } };
  },
  'POST /api/v1/moderation-appeals/{appealId}/decision': async (s) => {
    const appeal = await createModerationAppeal(s.t);
    return { params: { appealId: appeal.appealId }, headers: actingAs(await createPerson(s.t, { roles: ['resident', 'moderator'] })), body: { outcome: 'reversed', facts: 'La contribution parlait bien des caméras.' } };
  },
  // Statements and the opinion map
  'GET /api/v1/deliberations/{id}/statements': async (s) => ({ params: { id: (await createDeliberation(s.t)).id }, headers: anyone }),
  'POST /api/v1/deliberations/{id}/statements': async (s) => ({ params: { id: (await createDeliberation(s.t)).id }, headers: actingAs(await createPerson(s.t)), body: { text: 'Les caméras rassurent les commerçants.', charterAccepted: true } }),
  'POST /api/v1/deliberations/{id}/statements/seeded': async (s) => {
    const space = await createDeliberation(s.t);
    return { params: { id: space.id }, headers: actingAs(space.organizer), body: { text: 'Le marché est plus sûr avec des caméras.' } };
  },
  'GET /api/v1/deliberations/{id}/statements/next': async (s) => ({ params: { id: (await createDeliberation(s.t)).id }, headers: actingAs(await createPerson(s.t)) }),
  'GET /api/v1/deliberations/{id}/statements/mine': async (s) => ({ params: { id: (await createDeliberation(s.t)).id }, headers: actingAs(await createPerson(s.t)) }),
  'GET /api/v1/deliberations/{id}/statements/moderation-queue': async (s) => ({ params: { id: (await createDeliberation(s.t)).id }, headers: actingAs(await createPerson(s.t, { roles: ['resident', 'moderator'] })) }),
  'PUT /api/v1/deliberations/{id}/statements/{statementId}/vote': async (s) => {
    const space = await createDeliberation(s.t);
    const statement = await addStatement(s.t, space.id);
    return { params: { id: space.id, statementId: statement.id }, headers: actingAs(await createPerson(s.t)), body: { vote: 'agree' } };
  },
  'POST /api/v1/deliberations/{id}/statements/{statementId}/decisions': async (s) => {
    const space = await createDeliberation(s.t);
    const statement = await addStatement(s.t, space.id);
    return { params: { id: space.id, statementId: statement.id }, headers: actingAs(await createPerson(s.t, { roles: ['resident', 'moderator'] })), body: { decision: 'reject', reasonCode: 'off_topic', facts: 'Hors sujet.' } };
  },
  'GET /api/v1/deliberations/{id}/opinion-map': async (s) => ({ params: { id: (await createDeliberation(s.t)).id }, headers: anyone }),
  // The opinion maps' open-data files of a space
  'GET /api/v1/open-data/opinion-maps/{id}/statements.json': async (s) => ({ params: { id: (await createDeliberation(s.t)).id }, headers: anyone }),
  'GET /api/v1/open-data/opinion-maps/{id}/statements.csv': async (s) => ({ params: { id: (await createDeliberation(s.t)).id }, headers: anyone }),
  'GET /api/v1/open-data/opinion-maps/{id}/votes.json': async (s) => ({ params: { id: (await createDeliberation(s.t)).id }, headers: anyone }),
  'GET /api/v1/open-data/opinion-maps/{id}/votes.csv': async (s) => ({ params: { id: (await createDeliberation(s.t)).id }, headers: anyone }),
  'GET /api/v1/open-data/opinion-maps/{id}/snapshot.json': async (s) => {
    // A space with a map: one statement, one vote, the recompute job run.
    const space = await createDeliberation(s.t);
    const statement = await addStatement(s.t, space.id);
    await request(s.t.server).put(`/api/v1/deliberations/${space.id}/statements/${statement.id}/vote`).set(statement.author.auth).send({ vote: 'agree' }).expect(200);
    await s.t.sql("UPDATE jobs SET run_at = now() WHERE kind = 'opinion-map.recompute' AND completed_at IS NULL AND failed_at IS NULL");
    await s.t.app.get(JobQueue).drain();
    return { params: { id: space.id }, headers: anyone };
  },
  'GET /api/v1/open-data/opinion-maps/{id}/polis/comments.csv': async (s) => ({ params: { id: (await createDeliberation(s.t)).id }, headers: anyone }),
  'GET /api/v1/open-data/opinion-maps/{id}/polis/votes.csv': async (s) => ({ params: { id: (await createDeliberation(s.t)).id }, headers: anyone }),
  'GET /api/v1/open-data/opinion-maps/{id}/polis/participants-votes.csv': async (s) => ({ params: { id: (await createDeliberation(s.t)).id }, headers: anyone }),
  'GET /api/v1/open-data/opinion-maps/{id}/polis/summary.csv': async (s) => ({ params: { id: (await createDeliberation(s.t)).id }, headers: anyone }),
  // The advisory panel
  'POST /api/v1/advisory-panel/members/{id}/activate': async (s) => {
    const member = await createPanelMember(s.t);
    return { params: { id: member.id }, headers: actingAs(member.organizer), body: { reason: 'A accepté son siège.' } };
  },
  'POST /api/v1/advisory-panel/members/{id}/resign': async (s) => {
    const member = await createPanelMember(s.t);
    return { params: { id: member.id }, headers: actingAs(member.organizer), body: { reason: 'Décline l’invitation.' } };
  },
  'POST /api/v1/advisory-panel/members/{id}/replace': async (s) => {
    const member = await createPanelMember(s.t, { state: 'active' });
    return { params: { id: member.id }, headers: actingAs(member.organizer), body: { reason: 'Absences répétées.' } };
  },
  'POST /api/v1/advisory-panel/members/{id}/end-term': async (s) => {
    const member = await createPanelMember(s.t, { state: 'active' });
    return { params: { id: member.id }, headers: actingAs(member.organizer), body: {} };
  },
  'GET /api/v1/advisory-panel/calls/{reference}': async (s) => ({ params: { reference: (await createPanelCall(s.t, { state: 'open' })).reference }, headers: anyone }),
  'POST /api/v1/advisory-panel/calls/{reference}/open': async (s) => {
    const call = await createPanelCall(s.t);
    return { params: { reference: call.reference }, headers: actingAs(call.organizer) };
  },
  'POST /api/v1/advisory-panel/calls/{reference}/close': async (s) => {
    const call = await createPanelCall(s.t, { state: 'open' });
    return { params: { reference: call.reference }, headers: actingAs(call.organizer) };
  },
  'POST /api/v1/advisory-panel/calls/{reference}/invitations': async (s) => {
    const call = await createPanelCall(s.t);
    return { params: { reference: call.reference }, headers: actingAs(call.organizer), body: { count: 2 } };
  },
  'POST /api/v1/advisory-panel/calls/{reference}/answers': async (s) => {
    const call = await createPanelCall(s.t, { state: 'open', codes: 1 });
    return { params: { reference: call.reference }, headers: anyone, body: { invitationCode: call.codes[0]!, values: { genre: 'femme', age: 'senior' }, displayName: 'Voisine', displayMode: 'name', contactEmail: 'voisine@example.org' } };
  },
  'POST /api/v1/advisory-panel/calls/{reference}/answers/withdraw': async (s) => {
    // An answer to withdraw, with the code of its confirmation.
    const call = await createPanelCall(s.t, { state: 'open', codes: 1 });
    const answered = await request(s.t.server)
      .post(`/api/v1/advisory-panel/calls/${call.reference}/answers`)
      .send({ invitationCode: call.codes[0]!, values: { genre: 'homme', age: 'jeune' }, displayName: 'Voisin', displayMode: 'pseudonym', contactEmail: 'voisin@example.org' })
      .expect(201);
    return { params: { reference: call.reference }, headers: anyone, body: { token: (answered.body as { withdrawToken: string }).withdrawToken } };
  },
  'POST /api/v1/advisory-panel/pools': async (s) => ({ params: {}, headers: actingAs(await organizer(s)), body: { label: 'Vivier', categories: PANEL_CATEGORIES, poolCsv: PANEL_POOL_CSV } }),
  'GET /api/v1/advisory-panel/pools/{id}': async (s) => {
    const pool = await createPanelPool(s.t);
    return { params: { id: pool.id }, headers: actingAs(pool.organizer) };
  },
  'PUT /api/v1/advisory-panel/pools/{id}/quotas': async (s) => {
    const pool = await createPanelPool(s.t, { quotas: false });
    return { params: { id: pool.id }, headers: actingAs(pool.organizer), body: { panelSize: 3, quotas: PANEL_QUOTAS } };
  },
  'GET /api/v1/advisory-panel/draws/{reference}': async (s) => ({ params: { reference: (await createPanelDraw(s.t)).reference }, headers: anyone }),
  'GET /api/v1/advisory-panel/draws/{reference}/panels': async (s) => ({ params: { reference: (await createPanelDraw(s.t, { state: 'ready' })).reference }, headers: anyone }),
  'GET /api/v1/advisory-panel/draws/{reference}/report': async (s) => ({ params: { reference: (await createPanelDraw(s.t, { state: 'ready' })).reference }, headers: anyone }),
  'GET /api/v1/advisory-panel/draws/{reference}/files/{file}': async (s) => ({ params: { reference: (await createPanelDraw(s.t)).reference, file: 'respondents.csv' }, headers: anyone }),
  'POST /api/v1/advisory-panel/draws/{reference}/seeds': async (s) => {
    const draw = await createPanelDraw(s.t, { state: 'ready' });
    return { params: { reference: draw.reference }, headers: actingAs(draw.organizer), body: { witness: 2, seed: PANEL_SEEDS[1]! } };
  },
  'POST /api/v1/advisory-panel/draws/{reference}/draw': async (s) => {
    const draw = await createPanelDraw(s.t, { state: 'revealed' });
    return { params: { reference: draw.reference }, headers: actingAs(draw.organizer) };
  },
  'POST /api/v1/advisory-panel/draws/{reference}/cancel': async (s) => {
    const draw = await createPanelDraw(s.t, { state: 'ready' });
    return { params: { reference: draw.reference }, headers: actingAs(draw.organizer), body: { reason: 'Sièges pris depuis l’engagement.' } };
  },
  // People and verification
  'PATCH /api/v1/me': async (s) => ({ params: {}, headers: actingAs(await createPerson(s.t)), body: { locale: 'en' } }),
  'POST /api/v1/me/welcome': async (s) => ({ params: {}, headers: actingAs(await createPerson(s.t)), body: { pseudonym: 'Voisine du fuzz' } }),
  'PUT /api/v1/admin/people/{personId}/roles/{role}': async (s) => ({ params: { personId: (await createPerson(s.t, { roles: [] })).id, role: 'facilitator' }, headers: actingAs(await createPerson(s.t, { roles: ['admin'] })) }),
  'DELETE /api/v1/admin/people/{personId}/roles/{role}': async (s) => ({ params: { personId: (await createPerson(s.t, { roles: ['resident', 'facilitator'] })).id, role: 'facilitator' }, headers: actingAs(await createPerson(s.t, { roles: ['admin'] })) }),
  'POST /api/v1/verification/invitation-batches': async (s) => ({ params: {}, headers: actingAs(await organizer(s)), body: { neighbourhoodId: s.neighbourhoodId, count: 2, label: 'Lot du marché' } }),
  'POST /api/v1/verification/invitation-batches/{batchId}/revoke': async (s) => {
    const by = await organizer(s);
    return { params: { batchId: await createInvitationBatch(s.t, { neighbourhoodId: s.neighbourhoodId, createdById: by.id }) }, headers: actingAs(by) };
  },
  'POST /api/v1/verification/census': async (s) => ({ params: {}, headers: actingAs(await organizer(s)), query: { neighbourhoodId: s.neighbourhoodId }, body: { csv: 'Nom,Prénom,Date de naissance\nDurand,Zoé,01/02/1990\n' } }),
  // Consultations (issue 18): one organizer and one published record for all (consultation() below), to keep the run short.
  'GET /api/v1/consultations/{reference}': async (s) => ({ params: { reference: (await consultation(s)).reference }, headers: anyone }),
  'PUT /api/v1/consultations/{reference}': async (s) => {
    const c = await consultation(s, { state: 'draft' });
    return { params: { reference: c.reference }, headers: actingAs(c.organizer), body: { content: { title: 'Les caméras du marché', question: 'Que faire des caméras ?', dataUseReference: c.dataUseReference, schedule: futureSchedule(), rules: CONSULTATION_RULES } } };
  },
  'POST /api/v1/consultations/{reference}/publish': async (s) => {
    const c = await consultation(s, { state: 'draft' });
    return { params: { reference: c.reference }, headers: actingAs(c.organizer), body: {} };
  },
  'POST /api/v1/consultations/{reference}/cancel': async (s) => {
    const c = await consultation(s);
    return { params: { reference: c.reference }, headers: actingAs(c.organizer), body: { reason: 'Reportée à l’automne.' } };
  },
  'POST /api/v1/consultations/{reference}/refer': async (s) => {
    const c = await consultation(s, { state: 'results' });
    return { params: { reference: c.reference }, headers: actingAs(c.organizer), body: { note: 'Transmis au comité.' } };
  },
  'POST /api/v1/consultations/{reference}/deliberation': async (s) => {
    const c = await consultation(s, { state: 'information' });
    return { params: { reference: c.reference }, headers: actingAs(c.organizer), body: {} };
  },
  'GET /api/v1/consultations/{reference}/hearings': async (s) => ({ params: { reference: (await consultation(s)).reference }, headers: anyone }),
  'POST /api/v1/consultations/{reference}/hearings': async (s) => {
    const c = await consultation(s, { state: 'information' });
    return { params: { reference: c.reference }, headers: actingAs(c.organizer), body: { speaker: 'Dr Amina Benali', affiliation: 'Université', declaredInterests: 'Aucun', position: 'against', summary: 'Les risques.' } };
  },
  'PUT /api/v1/consultations/{reference}/hearings/{hearingId}': async (s) => {
    const c = await consultation(s, { state: 'information' });
    const body = { speaker: 'Dr Amina Benali', affiliation: 'Université', declaredInterests: 'Aucun', position: 'against', summary: 'Les risques.' };
    const hearing = (await request(s.t.server).post(`/api/v1/consultations/${c.reference}/hearings`).set(c.organizer.auth).send(body).expect(201)).body as { id: string };
    return { params: { reference: c.reference, hearingId: hearing.id }, headers: actingAs(c.organizer), body: { ...body, summary: 'Les risques, précisés.' } };
  },
  'GET /api/v1/consultations/{reference}/questions': async (s) => ({ params: { reference: (await consultation(s)).reference }, headers: anyone }),
  'POST /api/v1/consultations/{reference}/questions': async (s) => ({ params: { reference: (await consultation(s, { state: 'information' })).reference }, headers: actingAs(await createPerson(s.t)), body: { body: 'Qui regarde les images ?' } }),
  'PUT /api/v1/consultations/{reference}/questions/{questionId}/support': async (s) => {
    const c = await consultation(s, { state: 'information' });
    const question = (await request(s.t.server).post(`/api/v1/consultations/${c.reference}/questions`).set((await createPerson(s.t)).auth).send({ body: 'Qui regarde ?' }).expect(201)).body as { id: string };
    return { params: { reference: c.reference, questionId: question.id }, headers: actingAs(await createPerson(s.t)) };
  },
  'DELETE /api/v1/consultations/{reference}/questions/{questionId}/support': async (s) => {
    const c = await consultation(s, { state: 'information' });
    const question = (await request(s.t.server).post(`/api/v1/consultations/${c.reference}/questions`).set((await createPerson(s.t)).auth).send({ body: 'Qui regarde ?' }).expect(201)).body as { id: string };
    const supporter = await createPerson(s.t);
    await request(s.t.server).put(`/api/v1/consultations/${c.reference}/questions/${question.id}/support`).set(supporter.auth).expect(201);
    return { params: { reference: c.reference, questionId: question.id }, headers: actingAs(supporter) };
  },
  'POST /api/v1/consultations/{reference}/questions/{questionId}/answer': async (s) => {
    const c = await consultation(s, { state: 'information' });
    const question = (await request(s.t.server).post(`/api/v1/consultations/${c.reference}/questions`).set((await createPerson(s.t)).auth).send({ body: 'Qui regarde ?' }).expect(201)).body as { id: string };
    return { params: { reference: c.reference, questionId: question.id }, headers: actingAs(c.organizer), body: { body: 'Deux agents assermentés.', hearingId: null } };
  },
  'POST /api/v1/consultations/{reference}/ballots': async (s) => ({
    params: { reference: (await consultation(s, { state: 'vote' })).reference },
    headers: actingAs(await createPerson(s.t, { verifiedIn: s.neighbourhoodId })),
    body: { idempotencyKey: '2b1c8d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e', choices: { grades: { retirer: 0, limiter: 2, garder: 5 } } },
  }),
  'PUT /api/v1/consultations/{reference}/ballots/{receipt}': async (s) => {
    const c = await consultation(s, { state: 'vote' });
    const cast = (await request(s.t.server).post(`/api/v1/consultations/${c.reference}/ballots`).set((await createPerson(s.t, { verifiedIn: s.neighbourhoodId })).auth).send({ idempotencyKey: '3c2d9e4f-5a6b-4c7d-8e8f-0a1b2c3d4e5f', choices: { grades: { retirer: 0, limiter: 2, garder: 5 } } }).expect(201)).body as { receipt: string; changeKey: string };
    return { params: { reference: c.reference, receipt: cast.receipt }, headers: anyone, body: { changeKey: cast.changeKey, choices: { grades: { retirer: 1, limiter: 1, garder: 5 } } } };
  },
  'GET /api/v1/consultations/{reference}/receipts/{receipt}': async (s) => {
    const c = await consultation(s, { state: 'vote' });
    const cast = (await request(s.t.server).post(`/api/v1/consultations/${c.reference}/ballots`).set((await createPerson(s.t, { verifiedIn: s.neighbourhoodId })).auth).send({ idempotencyKey: '4d3e0f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a', choices: { grades: { retirer: 0, limiter: 2, garder: 5 } } }).expect(201)).body as { receipt: string };
    return { params: { reference: c.reference, receipt: cast.receipt }, headers: anyone };
  },
  'GET /api/v1/consultations/{reference}/participation': async (s) => ({ params: { reference: (await consultation(s, { state: 'vote' })).reference }, headers: actingAs(await createPerson(s.t)) }),
  'GET /api/v1/consultations/{reference}/turnout': async (s) => ({ params: { reference: (await consultation(s, { state: 'vote' })).reference }, headers: anyone }),
  'GET /api/v1/consultations/{reference}/results': async (s) => ({ params: { reference: (await consultation(s, { state: 'results' })).reference }, headers: anyone }),
  'GET /api/v1/consultations/{reference}/station/eligibility/{voterCode}': async (s) => ({
    params: { reference: (await consultation(s, { state: 'vote' })).reference, voterCode: await voterCodeOf(s.t, (await createPerson(s.t, { verifiedIn: s.neighbourhoodId })).id) },
    headers: actingAs(await createPerson(s.t, { roles: ['facilitator'] })),
  }),
  'POST /api/v1/consultations/{reference}/station/participations': async (s) => ({
    params: { reference: (await consultation(s, { state: 'vote' })).reference },
    headers: actingAs(await createPerson(s.t, { roles: ['facilitator'] })),
    body: { voterCode: await voterCodeOf(s.t, (await createPerson(s.t, { verifiedIn: s.neighbourhoodId })).id), stationName: 'Bureau 1 — Mairie' },
  }),
  'GET /api/v1/consultations/{reference}/paper-totals': async (s) => ({ params: { reference: (await consultation(s, { state: 'vote' })).reference }, headers: anyone }),
  'POST /api/v1/consultations/{reference}/paper-totals': async (s) => {
    const { reference } = await consultation(s, { state: 'vote' });
    const officer = await createPerson(s.t, { roles: ['facilitator'] });
    // A count record holds no more ballots than the station recorded voters.
    for (let i = 0; i < 2; i++) {
      const voterCode = await voterCodeOf(s.t, (await createPerson(s.t, { verifiedIn: s.neighbourhoodId })).id);
      await request(s.t.server).post(`/api/v1/consultations/${reference}/station/participations`).set(officer.auth).send({ voterCode, stationName: 'Bureau 1' }).expect(201);
    }
    return {
      params: { reference },
      headers: actingAs(officer),
      body: { stationName: 'Bureau 1', place: 'Mairie', countedAt: new Date().toISOString(), officers: ['Jeanne Martin', 'Karim Haddad'], ballots: 2, blankOrInvalid: 0, counts: { grades: { retirer: [1, 1, 0, 0, 0, 0], limiter: [0, 1, 1, 0, 0, 0], garder: [0, 0, 0, 0, 1, 1] } } },
    };
  },
  'POST /api/v1/consultations/{reference}/paper-totals/{countId}/confirmation': async (s) => {
    const { reference } = await consultation(s, { state: 'vote' });
    const officer = await createPerson(s.t, { roles: ['facilitator'] });
    const voterCode = await voterCodeOf(s.t, (await createPerson(s.t, { verifiedIn: s.neighbourhoodId })).id);
    await request(s.t.server).post(`/api/v1/consultations/${reference}/station/participations`).set(officer.auth).send({ voterCode, stationName: 'Bureau 2' }).expect(201);
    const body = { stationName: 'Bureau 2', place: 'École', countedAt: new Date().toISOString(), officers: ['Jeanne Martin', 'Karim Haddad'], ballots: 1, blankOrInvalid: 0, counts: { grades: { retirer: [1, 0, 0, 0, 0, 0], limiter: [0, 1, 0, 0, 0, 0], garder: [0, 0, 0, 0, 0, 1] } } };
    const count = (await request(s.t.server).post(`/api/v1/consultations/${reference}/paper-totals`).set(officer.auth).send(body).expect(201)).body as { id: string };
    // The second officer, with another account.
    return { params: { reference, countId: count.id }, headers: actingAs(await createPerson(s.t, { roles: ['facilitator'] })), body: {} };
  },
  'POST /api/v1/consultations/{reference}/paper-totals/{countId}/withdrawal': async (s) => {
    const { reference } = await consultation(s, { state: 'vote' });
    const officer = await createPerson(s.t, { roles: ['facilitator'] });
    const voterCode = await voterCodeOf(s.t, (await createPerson(s.t, { verifiedIn: s.neighbourhoodId })).id);
    await request(s.t.server).post(`/api/v1/consultations/${reference}/station/participations`).set(officer.auth).send({ voterCode, stationName: 'Bureau 3' }).expect(201);
    const body = { stationName: 'Bureau 3', place: 'Gymnase', countedAt: new Date().toISOString(), officers: ['Jeanne Martin', 'Karim Haddad'], ballots: 1, blankOrInvalid: 0, counts: { grades: { retirer: [1, 0, 0, 0, 0, 0], limiter: [0, 1, 0, 0, 0, 0], garder: [0, 0, 0, 0, 0, 1] } } };
    const count = (await request(s.t.server).post(`/api/v1/consultations/${reference}/paper-totals`).set(officer.auth).send(body).expect(201)).body as { id: string };
    // The officer who entered it, before anyone confirms it.
    return { params: { reference, countId: count.id }, headers: actingAs(officer), body: {} };
  },
  'GET /api/v1/open-data/consultations/{reference}/ballots.json': async (s) => ({ params: { reference: (await consultation(s, { state: 'results' })).reference }, headers: anyone }),
  // Panel recommendations (issue 19) and the authority's answers: on the panel's work (see buildPanelWork), one record per route that changes state.
  'POST /api/v1/recommendations/referrals': onPanelWork(rapporteur, () => ({ params: {}, body: { source: 'own_initiative', title: 'Les lampadaires', question: 'Faut-il des lampadaires qui comptent les passants ?' } })),
  'PUT /api/v1/recommendations/seats/{memberId}/account': onPanelWork((w) => w.organizer, (w) => ({ params: { memberId: w.seats.unlinked }, body: { personId: w.seats.holder.id } })),
  'DELETE /api/v1/recommendations/seats/{memberId}/account': onPanelWork((w) => w.organizer, (w) => ({ params: { memberId: w.seats.linked } })),
  'GET /api/v1/recommendations/referrals/{reference}': onPanelWork(rapporteur, (w) => ({ params: { reference: w.referrals.work } })),
  'POST /api/v1/recommendations/referrals/{reference}/dismiss': onPanelWork((w) => w.organizer, (w) => ({ params: { reference: w.referrals.toDismiss }, body: { reason: 'Déjà traité par le conseil municipal.' } })),
  'POST /api/v1/recommendations/referrals/{reference}/dossier/refresh': onPanelWork(rapporteur, (w) => ({ params: { reference: w.referrals.work } })),
  'POST /api/v1/recommendations/referrals/{reference}/sessions': onPanelWork(rapporteur, (w) => ({ params: { reference: w.referrals.work }, body: SESSION })),
  'PUT /api/v1/recommendations/sessions/{sessionId}': onPanelWork(rapporteur, (w) => ({ params: { sessionId: w.sessions.scheduled }, body: { ...SESSION, title: 'Première séance, déplacée' } })),
  'PUT /api/v1/recommendations/sessions/{sessionId}/attendance': onPanelWork(rapporteur, (w) => ({
    params: { sessionId: w.sessions.scheduled },
    body: { attendance: [{ memberId: w.rapporteur.memberId, status: 'present' }, { memberId: w.second.memberId, status: 'excused' }] },
  })),
  'POST /api/v1/recommendations/sessions/{sessionId}/hold': async (s) => {
    // Quorum is counted under the rules in force when the session is held: other routes' targets publish roomier ones.
    await publishPanelRules(s.t, s.panel.organizer);
    return onPanelWork(rapporteur, (w) => ({ params: { sessionId: w.sessions.toHold }, body: { minutes: 'Le dossier est présenté ; trois membres votants présents.' } }))(s);
  },
  'POST /api/v1/recommendations/sessions/{sessionId}/cancel': onPanelWork(rapporteur, (w) => ({ params: { sessionId: w.sessions.toCancel } })),
  'GET /api/v1/recommendations/referrals/{reference}/discussion': onPanelWork(rapporteur, (w) => ({ params: { reference: w.referrals.work } })),
  'POST /api/v1/recommendations/referrals/{reference}/discussion': onPanelWork((w) => w.second, (w) => ({ params: { reference: w.referrals.work }, body: { body: 'Commençons par la durée de conservation.' } })),
  'POST /api/v1/recommendations/referrals/{reference}/hearings': onPanelWork(rapporteur, (w) => ({
    params: { reference: w.referrals.work },
    body: { kind: 'expert', name: 'Dr Amina Benali', affiliation: 'Université', interests: 'Aucun', summary: 'Les capteurs comptent sans filmer.', heldOn: '2027-03-01', sessionId: w.sessions.scheduled },
  })),
  'POST /api/v1/recommendations/referrals/{reference}/recommendations': onPanelWork(rapporteur, (w) => ({ params: { reference: w.referrals.work }, body: { title: 'Afficher la politique', body: 'Afficher à l’entrée du parc ce que mesurent les capteurs.' } })),
  'GET /api/v1/recommendations/items/{reference}': onPanelWork(rapporteur, (w) => ({ params: { reference: w.items.draft } })),
  'PUT /api/v1/recommendations/items/{reference}': onPanelWork(rapporteur, (w) => ({ params: { reference: w.items.draft }, body: { title: 'Nommer une référente', body: 'Nommer une référente des capteurs.', changeNote: 'Au féminin.' } })),
  'POST /api/v1/recommendations/items/{reference}/open-amendments': onPanelWork(rapporteur, (w) => ({ params: { reference: w.items.toOpen } })),
  'POST /api/v1/recommendations/items/{reference}/withdraw': onPanelWork(rapporteur, (w) => ({ params: { reference: w.items.toWithdraw } })),
  'GET /api/v1/recommendations/items/{reference}/versions': onPanelWork(rapporteur, (w) => ({ params: { reference: w.items.draft } })),
  'GET /api/v1/recommendations/items/{reference}/diff': onPanelWork(rapporteur, (w) => ({ params: { reference: w.items.draft }, query: { from: '1', to: '1' } })),
  'POST /api/v1/recommendations/items/{reference}/amendments': onPanelWork((w) => w.third, (w) => ({ params: { reference: w.items.amending }, body: { body: 'Publier les relevés, chaque trimestre.', title: 'Publier les relevés trimestriels', explanation: 'Moins de travail.' } })),
  'POST /api/v1/recommendations/items/{reference}/amendments/{number}/procedure': onPanelWork(rapporteur, (w) => ({ params: { reference: w.items.amending, number: '1' }, body: { procedure: 'accept', note: 'Plus souvent, c’est mieux.' } })),
  'POST /api/v1/recommendations/items/{reference}/amendments/{number}/withdraw': onPanelWork((w) => w.second, (w) => ({ params: { reference: w.items.amending, number: '2' } })),
  'POST /api/v1/recommendations/items/{reference}/merge': onPanelWork(rapporteur, (w) => ({ params: { reference: w.items.toMerge } })),
  'POST /api/v1/recommendations/items/{reference}/vote': onPanelWork(rapporteur, (w) => ({ params: { reference: w.items.toVote }, body: { sessionId: w.sessions.scheduled } })),
  'POST /api/v1/recommendations/items/{reference}/adopt': onPanelWork(rapporteur, (w) => ({ params: { reference: w.items.toAdopt } })),
  'POST /api/v1/recommendations/items/{reference}/dissents': onPanelWork((w) => w.third, (w) => ({ params: { reference: w.items.adopted }, body: { body: 'Un an de conservation, c’est encore trop.', anonymous: false } })),
  'GET /api/v1/recommendations/votes/{voteId}': onPanelWork(rapporteur, (w) => ({ params: { voteId: w.votes.toCast } })),
  'POST /api/v1/recommendations/votes/{voteId}/ballots': onPanelWork((w) => w.voter, (w) => ({ params: { voteId: w.votes.toCast }, body: { choice: 'abstain' } })),
  'POST /api/v1/recommendations/votes/{voteId}/close': onPanelWork(rapporteur, (w) => ({ params: { voteId: w.votes.toClose } })),
  'POST /api/v1/recommendations/dissents/{dissentId}/signatures': onPanelWork((w) => w.second, (w) => ({ params: { dissentId: w.dissent } })),
  'PUT /api/v1/recommendations/referrals/{reference}/opinion': onPanelWork(rapporteur, (w) => ({
    params: { reference: w.referrals.work },
    body: { title: 'Les capteurs du parc', context: 'Le parc compte ses visiteurs.', analysis: 'Le comité a entendu une chercheuse.', recommendations: [w.items.adopted] },
  })),
  'POST /api/v1/recommendations/referrals/{reference}/opinion/publish': onPanelWork(rapporteur, (w) => ({ params: { reference: w.referrals.toPublish } })),
  'GET /api/v1/recommendations/opinions/{number}': onPanelWork('anyone', (w) => ({ params: { number: w.opinion } })),
  'GET /api/v1/recommendations/opinions/{number}/pdf': onPanelWork('anyone', (w) => ({ params: { number: w.opinion } })),
  'GET /api/v1/recommendations/opinions/{number}/vote-events': onPanelWork('anyone', (w) => ({ params: { number: w.opinion } })),
  'PUT /api/v1/recommendations/opinions/{number}/follow': onPanelWork('someone', (w) => ({ params: { number: w.opinion } })),
  'DELETE /api/v1/recommendations/opinions/{number}/follow': async (s) => {
    const follower = await createPerson(s.t);
    await request(s.t.server).put(`/api/v1/recommendations/opinions/${s.panel.opinion}/follow`).set(follower.auth).expect(200);
    return { params: { number: s.panel.opinion }, headers: actingAs(follower) };
  },
  'GET /api/v1/recommendations/published/{reference}': onPanelWork('anyone', (w) => ({ params: { reference: w.published.answered } })),
  'GET /api/v1/authority-responses/answered': onPanelWork(authority, () => ({ params: {}, query: { page: '1', pageSize: '10', tracked: 'true' } })),
  'GET /api/v1/authority-responses/{reference}': onPanelWork('anyone', (w) => ({ params: { reference: w.published.answered } })),
  'POST /api/v1/authority-responses/{reference}': onPanelWork(authority, (w) => ({
    params: { reference: w.published.unanswered },
    body: { decision: 'partially_accepted', justification: 'Le budget ne couvre que la moitié des abonnés.', commitments: 'Informer les abonnés du centre.', timeline: 'D’ici juin 2027.' },
  })),
  'POST /api/v1/authority-responses/{reference}/actions': onPanelWork(authority, (w) => ({ params: { reference: w.published.answered }, body: { ...ACTION, title: 'Publier le calendrier des relevés' } })),
  'PUT /api/v1/authority-responses/{reference}/actions/{number}': onPanelWork(authority, (w) => ({ params: { reference: w.published.answered, number: '1' }, body: ACTION })),
  'POST /api/v1/authority-responses/{reference}/progress-reports': onPanelWork(authority, (w) => ({ params: { reference: w.published.answered }, body: { body: 'La moitié des releveurs est formée.', actions: [{ number: 1, status: 'in_progress', progress: 70 }] } })),
  'PUT /api/v1/authority-responses/{reference}/progress-reports/{number}/verification': onPanelWork(rapporteur, (w) => ({ params: { reference: w.published.answered, number: '1' }, body: { verified: true, note: 'Constaté à l’atelier.' } })),
  'PUT /api/v1/authority-responses/{reference}/evaluation': onPanelWork(rapporteur, (w) => ({ params: { reference: w.published.answered }, body: { score: 7, evaluation: 'Une réponse sérieuse, encore partielle.' } })),
  'PUT /api/v1/authority-responses/{reference}/follow-up-group': onPanelWork(rapporteur, (w) => ({ params: { reference: w.published.answered }, body: { memberIds: [w.rapporteur.memberId, w.third.memberId] } })),
};

/** The matrix's own sample request, by the first caller it lets through (no valid request to replay). */
async function matrixTarget(route: string, setup: Setup): Promise<Target> {
  const row = ROUTE_MATRIX[route]!;
  const caller = (['admin', 'service', 'organizer', 'resident', 'anonymous'] as const).find((c) => row.expect[c] === 'allow')!;
  const headers = await callerHeaders(setup.t, caller);
  return { params: {}, headers: async () => headers, body: row.request(setup.context).body, live: false };
}

// ---- the test ---------------------------------------------------------------------

describe('Invalid input on every route', () => {
  let t: TestApp;
  let openApi: OpenApiDocument;
  let setup: Setup;
  let fingerprintSql: string;

  const resolve = (schema: JsonSchema): JsonSchema => {
    if (!schema.$ref) return schema;
    const name = schema.$ref.replace('#/components/schemas/', '');
    return resolve(openApi.components?.schemas?.[name] ?? {});
  };

  /** Every row of every table, as one hash per table (one round trip). */
  async function fingerprint(): Promise<Record<string, string>> {
    const rows = await t.sql<{ name: string; print: string | null }>(fingerprintSql);
    return Object.fromEntries(rows.map((row) => [row.name, row.print ?? 'empty']));
  }

  beforeAll(async () => {
    t = await startTestApp();
    openApi = (await request(t.server).get('/api/v1/openapi.json').expect(200)).body as OpenApiDocument;
    setup = { t, context: await createMatrixContext(t), neighbourhoodId: await createNeighbourhood(t, { slug: 'fuzz', name: 'Quartier du fuzz' }), panel: await buildPanelWork(t) };
    const tables = await t.sql<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename");
    fingerprintSql = tables.map(({ name }) => `SELECT '${name}' AS name, md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))) AS print FROM "${name}" t`).join(' UNION ALL ');
  }, 180_000); // The panel's work is a hundred requests.
  afterAll(() => t.close());

  const routes = () => Object.keys(ROUTE_MATRIX).map((route) => {
    const [method, fullPath] = route.split(' ') as [string, string];
    const template = fullPath.replace(/^\/api\/v1/, '');
    const operation = openApi.paths[template]?.[method.toLowerCase()];
    return {
      route,
      method: method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete',
      fullPath,
      pathParams: [...fullPath.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!),
      query: (operation?.parameters ?? []).filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: resolve(p.schema ?? {}) })),
      bodySchema: operation?.requestBody?.content?.['application/json']?.schema,
    };
  });

  it('finds the routes to test, and knows where each route with a path parameter lands', () => {
    const all = routes();
    expect(all.filter((r) => r.bodySchema).length).toBeGreaterThanOrEqual(20);
    expect(all.filter((r) => r.query.length > 0).map((r) => r.route)).toEqual(expect.arrayContaining(['GET /api/v1/data-uses', 'GET /api/v1/proposals', 'GET /api/v1/audit-log']));
    expect(all.filter((r) => r.pathParams.length > 0 && !TARGETS[r.route]).map((r) => r.route)).toEqual([]);
    expect(Object.keys(TARGETS).filter((route) => !ROUTE_MATRIX[route])).toEqual([]);
  });

  it('answers invalid bodies, paths and query strings with a 4xx problem, never a 5xx, and writes nothing', async () => {
    const failures: string[] = [];
    const record = (route: string) => (error: unknown) =>
      failures.push(`${route}: ${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message.split('\n').slice(0, 4).join(' ')) : String(error)}`);

    for (const { route, method, fullPath, pathParams, query, bodySchema } of routes()) {
      const target: Target = TARGETS[route] ? { live: true, ...(await TARGETS[route](setup)) } : await matrixTarget(route, setup);
      const pathWith = (params: Record<string, string>) => fullPath.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? encodeURIComponent(target.params[name] ?? ''));
      /** The target's own query, with `pair` (encoded) in place of the parameter of the same name. */
      const queryWith = (pair: string) => {
        const replaced = pair.split('=')[0];
        const own = Object.entries(target.query ?? {}).filter(([name]) => name !== replaced);
        return [...own.map(([name, value]) => `${name}=${encodeURIComponent(value)}`), pair].filter(Boolean).join('&');
      };
      const send = async ({ path = pathWith({}), queryString = queryWith(''), body = target.body }: { path?: string; queryString?: string; body?: unknown }) => {
        const call = request(t.server)[method](queryString ? `${path}?${queryString}` : path).set(await target.headers());
        if (body === undefined) return call;
        if (typeof body === 'object' && body !== null && 'csv' in body) return call.set('Content-Type', 'text/csv').send((body as { csv: string }).csv);
        return call.send(body as object);
      };
      /**
       * A refusal: 4xx (not 401/403: the caller may use the route), as a problem document —
       * except Node's own 431 for an address over its 16 KB header limit, sent before the API sees the request.
       */
      const expectRefused = (response: request.Response, what: string) => {
        if (response.status === 431) return;
        if (response.status < 400 || response.status >= 500 || [401, 403].includes(response.status) || !/problem\+json/.test(String(response.headers['content-type']))) {
          throw new Error(`answered ${response.status} to ${what.slice(0, 300)}: ${JSON.stringify(response.body).slice(0, 300)}`);
        }
      };
      /** Never a 5xx; a refusal is a problem document; a write route never accepts it. */
      const expectNoServerError = (response: request.Response, what: string) => {
        if (method !== 'get' || response.status >= 400) expectRefused(response, what);
      };

      const before = await fingerprint();

      // Invalid JSON bodies.
      if (bodySchema) {
        await fc
          .assert(fc.asyncProperty(invalidBodies(resolve(bodySchema)), async (body) => expectRefused(await send({ body }), `body ${JSON.stringify(body)}`)), { numRuns: RUNS })
          .catch(record(route));
      }
      // Hostile path parameters, one at a time, the others real (never one that may name a real record: " 2" or "0x2" is number 2).
      for (const name of pathParams) {
        await fc
          .assert(fc.asyncProperty(hostilePathValue.filter((value) => !mayNameARecord(value, target.params[name])), async (value) => expectNoServerError(await send({ path: pathWith({ [name]: value }) }), `{${name}} = ${value}`)), { numRuns: PARAM_RUNS })
          .catch(record(route));
      }
      // Query values each parameter's schema refuses; free text gets odd but storable strings.
      for (const { name, schema } of query) {
        const refused = invalidQueryValues(schema);
        if (refused) {
          await fc
            .assert(fc.asyncProperty(refused, async (value) => expectRefused(await send({ queryString: queryWith(`${name}=${value}`) }), `?${name}=${value}`)), { numRuns: PARAM_RUNS })
            .catch(record(route));
        } else {
          const odd = hostileString.filter((value) => value.trim() !== '' && [...value].length <= (schema.maxLength ?? 200) && !UNSTORABLE_STRINGS.some((s) => value.includes(s)) && !/\0|[\uD800-\uDFFF]/.test(value));
          await fc
            .assert(fc.asyncProperty(odd, async (value) => expectNoServerError(await send({ queryString: queryWith(`${name}=${encodeComponent(value)}`) }), `?${name}=${value}`)), { numRuns: PARAM_RUNS })
            .catch(record(route));
        }
      }
      // NUL and invalid UTF-8 in any query name or value, declared or not.
      const names = [...query.map((q) => q.name), 'x'];
      await fc
        .assert(
          fc.asyncProperty(fc.constantFrom(...names), fc.constantFrom(...RAW_UNSTORABLE), fc.boolean(), async (name, raw, inName) => {
            const pair = inName ? `${name}${raw}=1` : `${name}=${raw}`;
            expectRefused(await send({ queryString: queryWith(pair) }), `?${pair}`);
          }),
          { numRuns: PARAM_RUNS },
        )
        .catch(record(route));
      // A valid body with one string made unstorable.
      if (target.body && !('csv' in target.body)) {
        const leaves = stringLeaves(target.body);
        if (leaves.length > 0) {
          await fc
            .assert(
              fc.asyncProperty(fc.constantFrom(...leaves), fc.constantFrom(...UNSTORABLE_STRINGS), async (leaf, unstorable) => {
                const body = withLeaf(target.body as object, leaf, unstorable);
                expectRefused(await send({ body }), `${leaf.join('.')} = ${JSON.stringify(unstorable)}`);
              }),
              { numRuns: PARAM_RUNS },
            )
            .catch(record(route));
        }
      }

      const after = await fingerprint();
      const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
      if (changed.length > 0) failures.push(`${route} changed ${changed.join(', ')}`);

      // The same request, valid, succeeds: the refusals above were about the input, on a record that exists.
      if (target.live) {
        const response = await send({});
        if (response.status >= 300) failures.push(`${route}: its valid request answered ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
  }, 600_000); // Every route, with real targets: about 40 s alone on two cores, far longer on a shared machine.
});

/**
 * Whether an encoded path value decodes to the real one or, where the real one
 * is a number, to any number a record of the run may have (huge ones stay
 * hostile): the API coerces numbers with Number(), so " 2", "02" or "0x2" is
 * amendment, action or report n° 2, which the valid body would really change.
 */
function mayNameARecord(encoded: string, real: string | undefined): boolean {
  if (real === undefined) return false;
  let decoded: string;
  try {
    decoded = decodeURIComponent(encoded);
  } catch {
    return false;
  }
  if (decoded === real) return true;
  const number = Number(decoded);
  return /^\d+$/.test(real) && decoded.trim() !== '' && Number.isInteger(number) && number >= 1 && number <= 1000;
}

/** The paths of every string in a body. */
function stringLeaves(value: unknown, path: string[] = []): string[][] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((item, index) => stringLeaves(item, [...path, String(index)]));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([key, item]) => stringLeaves(item, [...path, key]));
  return [];
}

/** A copy of `body` with the string at `path` replaced. */
function withLeaf(body: object, path: string[], replacement: string): object {
  const copy = structuredClone(body) as Record<string, unknown>;
  let node: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[path.at(-1)!] = replacement;
  return copy;
}

/**
 * Review L11: a bidirectional control (U+202A–U+202E, U+2066–U+2069) in any
 * free text of a consultation route — the resident's question, the organizers'
 * texts, hearings, answers, notes, the stations' records — is a 400 problem
 * naming the field, with the reason `bidi`; nothing is written. Run alone with
 * `-t 'bidirectional'`: it starts its own app, not the panel's work.
 */
describe('Consultations refuse bidirectional controls in free text (review L11)', () => {
  let t: TestApp;
  let setup: Setup;
  beforeAll(async () => {
    t = await startTestApp();
    setup = { t, context: undefined as unknown as MatrixContext, neighbourhoodId: await createNeighbourhood(t, { slug: 'bidi', name: 'Quartier bidi' }), panel: undefined as unknown as PanelWork };
  });
  afterAll(() => t.close());

  /** The free-text fields of each consultation route with a body: every one refuses the controls. */
  const FREE_TEXT: Record<string, string[]> = {
    'POST /api/v1/consultations': ['content.title', 'content.question', 'content.briefing', 'content.rules.options.0.label', 'content.rules.options.1.label', 'content.rules.options.2.label', 'content.rules.whatNext', 'origin.note'],
    'PUT /api/v1/consultations/{reference}': ['content.title', 'content.question', 'content.rules.options.0.label', 'content.rules.options.1.label', 'content.rules.options.2.label', 'content.rules.whatNext'],
    'POST /api/v1/consultations/{reference}/cancel': ['reason'],
    'POST /api/v1/consultations/{reference}/refer': ['note'],
    'POST /api/v1/consultations/{reference}/hearings': ['speaker', 'affiliation', 'declaredInterests', 'summary'],
    'PUT /api/v1/consultations/{reference}/hearings/{hearingId}': ['speaker', 'affiliation', 'declaredInterests', 'summary'],
    'POST /api/v1/consultations/{reference}/questions': ['body'],
    'POST /api/v1/consultations/{reference}/questions/{questionId}/answer': ['body'],
    'POST /api/v1/consultations/{reference}/station/participations': ['stationName'],
    'POST /api/v1/consultations/{reference}/paper-totals': ['stationName', 'place', 'officers.0', 'officers.1'],
  };

  it('answers 400 naming the field, for every free text of every consultation route, and writes nothing', async () => {
    // A new organizer: the every-route test before this one may have ended the shared one's sessions.
    consultationBasis = null;
    const failures: string[] = [];
    for (const [route, fields] of Object.entries(FREE_TEXT)) {
      const [method, fullPath] = route.split(' ') as [string, string];
      const target: { params: Record<string, string>; headers: () => Promise<Record<string, string>>; body?: object } =
        route === 'POST /api/v1/consultations'
          ? await (async () => {
              const c = await consultation(setup, { state: 'draft' });
              return { params: {}, headers: actingAs(c.organizer), body: { origin: { kind: 'organizers', note: 'À la demande du conseil.' }, content: { title: 'Les caméras', question: 'Que faire ?', briefing: 'Le dossier.', dataUseReference: c.dataUseReference, schedule: futureSchedule(), rules: CONSULTATION_RULES } } };
            })()
          : await TARGETS[route]!(setup);
      const path = fullPath.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(target.params[name] ?? ''));
      const before = await t.sql<{ n: string }>("SELECT (SELECT count(*) FROM consultations) || '/' || (SELECT count(*) FROM consultation_questions) || '/' || (SELECT count(*) FROM consultation_hearings) || '/' || (SELECT count(*) FROM consultation_participations) || '/' || (SELECT count(*) FROM consultation_paper_counts) AS n");
      const leaves = stringLeaves(target.body);
      for (const field of fields) {
        const leaf = leaves.find((l) => l.join('.') === field);
        if (!leaf) {
          failures.push(`${route}: no field ${field} in its valid body`);
          continue;
        }
        const value = String(field.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], target.body));
        const laced = withLeaf(target.body as object, leaf, `${value.slice(0, 3)}\u202E${value.slice(3)}`);
        const response = await request(t.server)[method.toLowerCase() as 'post' | 'put'](path).set(await target.headers()).send(laced);
        const error = (response.body.errors ?? []).find((e: { path: string }) => e.path === field);
        if (response.status !== 400 || !/problem\+json/.test(String(response.headers['content-type'])) || error?.code !== 'bidi' || !/U\+202A/.test(error?.message ?? '')) {
          failures.push(`${route} ${field}: ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`);
        }
      }
      const after = await t.sql<{ n: string }>("SELECT (SELECT count(*) FROM consultations) || '/' || (SELECT count(*) FROM consultation_questions) || '/' || (SELECT count(*) FROM consultation_hearings) || '/' || (SELECT count(*) FROM consultation_participations) || '/' || (SELECT count(*) FROM consultation_paper_counts) AS n");
      if (after[0]!.n !== before[0]!.n) failures.push(`${route} wrote something: ${before[0]!.n} → ${after[0]!.n}`);
      // The valid request still goes through: the refusals were about the controls.
      const valid = await request(t.server)[method.toLowerCase() as 'post' | 'put'](path).set(await target.headers()).send(target.body as object);
      if (valid.status >= 300) failures.push(`${route}: its valid request answered ${valid.status} ${JSON.stringify(valid.body).slice(0, 200)}`);
    }
    expect(failures).toEqual([]);
  }, 300_000);
});
