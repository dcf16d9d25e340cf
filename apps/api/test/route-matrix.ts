import { ROLES, type Role } from '@sesame/domain';
import { randomUUID } from 'node:crypto';
import { CONSULTATION_RULES, createConsultation, createDataUse, createDeliberation, futureSchedule, createInvitationBatch, createNeighbourhood, createPanelCall, createPanelDraw, createPerson, createProposal, PUBLISHABLE_DATA_USE, SUBMITTABLE_PROPOSAL, type Api, type Db, type TestPerson } from './fixtures';
import { bearer, serviceToken } from './tokens';

/**
 * Who may call each API route. Every route Nest mounts must be here, with an
 * explicit decision for every kind of caller: route-matrix.e2e-spec.ts fails
 * otherwise. Each feature adds its rows.
 *   allow: the guard and the policy let the call through (any status but 401/403)
 *   deny:  401 (not signed in) or 403 (signed in, not allowed)
 */
export type Caller = 'anonymous' | 'service' | Role;
export const CALLERS: readonly Caller[] = ['anonymous', 'service', ...ROLES];
type Decision = 'allow' | 'deny';
type Expectation = Record<Caller, Decision>;

export interface MatrixContext {
  /** A person who exists, to aim role changes at. */
  targetId: string;
  /** An invitation batch that exists. */
  batchId: string;
}

/** The rows the sample requests point at (fixtures.ts makes them). */
export async function createMatrixContext(t: Api): Promise<MatrixContext> {
  const target = await createPerson(t, { pseudonym: 'Cible de la matrice', roles: [] });
  const neighbourhoodId = await createNeighbourhood(t, { slug: 'q', name: 'Quartier' });
  const batchId = await createInvitationBatch(t, { neighbourhoodId, createdById: target.id });
  return { targetId: target.id, batchId };
}

/** Headers for a fresh caller of this kind (a new person with that role), so that one call (sign out everywhere…) cannot affect another. */
export async function callerHeaders(t: Db, caller: Caller): Promise<Record<string, string>> {
  if (caller === 'anonymous') return {};
  if (caller === 'service') return bearer(await serviceToken());
  return (await createPerson(t, { roles: [caller] })).auth;
}

export interface MatrixRow {
  /** The request to send (path with sample parameters, optional JSON body). */
  request: (context: MatrixContext) => { path: string; body?: object };
  expect: Expectation;
}

const everyone: Expectation = Object.fromEntries(CALLERS.map((caller) => [caller, 'allow'])) as Expectation;
const serviceOnly: Expectation = { ...Object.fromEntries(CALLERS.map((caller) => [caller, 'deny'])), service: 'allow' } as Expectation;
const anyPerson: Expectation = { ...Object.fromEntries(ROLES.map((role) => [role, 'allow'])), anonymous: 'deny', service: 'deny' } as Expectation;
const organizers: Expectation = { ...Object.fromEntries(CALLERS.map((caller) => [caller, 'deny'])), organizer: 'allow', admin: 'allow' } as Expectation;
const registerEditors: Expectation = { ...Object.fromEntries(CALLERS.map((caller) => [caller, 'deny'])), organizer: 'allow', authority: 'allow', admin: 'allow' } as Expectation;
const moderators: Expectation = { ...Object.fromEntries(CALLERS.map((caller) => [caller, 'deny'])), moderator: 'allow', admin: 'allow' } as Expectation;
const facilitators: Expectation = { ...Object.fromEntries(CALLERS.map((caller) => [caller, 'deny'])), facilitator: 'allow', organizer: 'allow', admin: 'allow' } as Expectation;
/** Routes only members holding an active seat may call: a role alone (panel_member) is not enough. */
const panelMembers: Expectation = Object.fromEntries(CALLERS.map((caller) => [caller, 'deny'])) as Expectation;
const authorityOnly: Expectation = { ...Object.fromEntries(CALLERS.map((caller) => [caller, 'deny'])), authority: 'allow' } as Expectation;
const adminsOnly: Expectation = { ...Object.fromEntries(CALLERS.map((caller) => [caller, 'deny'])), admin: 'allow' } as Expectation;

export const ROUTE_MATRIX: Record<string, MatrixRow> = {
  // Documentation and platform
  'GET /api/v1/openapi.json': { request: () => ({ path: '/api/v1/openapi.json' }), expect: everyone },
  'GET /api/v1/docs': { request: () => ({ path: '/api/v1/docs' }), expect: everyone },
  'GET /api/v1/docs/init.js': { request: () => ({ path: '/api/v1/docs/init.js' }), expect: everyone },
  'GET /api/v1/docs/{asset}': { request: () => ({ path: '/api/v1/docs/swagger-ui.css' }), expect: everyone },
  'GET /api/v1/health': { request: () => ({ path: '/api/v1/health' }), expect: everyone },
  'GET /api/v1/audit-log': { request: () => ({ path: '/api/v1/audit-log' }), expect: everyone },
  'GET /api/v1/audit-log/verification': { request: () => ({ path: '/api/v1/audit-log/verification' }), expect: everyone },
  'GET /api/v1/audit-log/heads': { request: () => ({ path: '/api/v1/audit-log/heads' }), expect: everyone },
  'GET /api/v1/open-data/audit-heads.json': { request: () => ({ path: '/api/v1/open-data/audit-heads.json' }), expect: everyone },
  'GET /api/v1/open-data/audit-heads.csv': { request: () => ({ path: '/api/v1/open-data/audit-heads.csv' }), expect: everyone },
  'GET /api/v1/open-data/audit-heads.atom': { request: () => ({ path: '/api/v1/open-data/audit-heads.atom' }), expect: everyone },
  'GET /api/v1/neighbourhoods': { request: () => ({ path: '/api/v1/neighbourhoods' }), expect: everyone },
  'GET /api/v1/dev/outbox': { request: () => ({ path: '/api/v1/dev/outbox' }), expect: everyone },
  // Identity (an empty body: allowed callers get 400, nothing is sent)
  'POST /api/v1/auth/sign-in-links': { request: () => ({ path: '/api/v1/auth/sign-in-links', body: {} }), expect: everyone },
  'POST /api/v1/auth/sign-in-links/consume': { request: () => ({ path: '/api/v1/auth/sign-in-links/consume', body: {} }), expect: serviceOnly },
  'POST /api/v1/auth/oidc/link': { request: () => ({ path: '/api/v1/auth/oidc/link', body: {} }), expect: serviceOnly },
  // People
  'GET /api/v1/me': { request: () => ({ path: '/api/v1/me' }), expect: anyPerson },
  'PATCH /api/v1/me': { request: () => ({ path: '/api/v1/me', body: {} }), expect: anyPerson },
  'POST /api/v1/me/welcome': { request: () => ({ path: '/api/v1/me/welcome', body: { pseudonym: 'A' } }), expect: anyPerson },
  'DELETE /api/v1/me': { request: () => ({ path: '/api/v1/me' }), expect: anyPerson },
  'GET /api/v1/me/export': { request: () => ({ path: '/api/v1/me/export' }), expect: anyPerson },
  'POST /api/v1/me/email-change': { request: () => ({ path: '/api/v1/me/email-change', body: {} }), expect: anyPerson },
  'POST /api/v1/me/email-change/confirm': { request: () => ({ path: '/api/v1/me/email-change/confirm', body: {} }), expect: anyPerson },
  'GET /api/v1/me/notifications': { request: () => ({ path: '/api/v1/me/notifications' }), expect: anyPerson },
  'POST /api/v1/me/notifications/read': { request: () => ({ path: '/api/v1/me/notifications/read', body: {} }), expect: anyPerson },
  'GET /api/v1/me/notification-preferences': { request: () => ({ path: '/api/v1/me/notification-preferences' }), expect: anyPerson },
  'PUT /api/v1/me/notification-preferences': { request: () => ({ path: '/api/v1/me/notification-preferences', body: {} }), expect: anyPerson },
  'POST /api/v1/me/sessions/end': { request: () => ({ path: '/api/v1/me/sessions/end' }), expect: anyPerson },
  'POST /api/v1/me/sessions/revoke': { request: () => ({ path: '/api/v1/me/sessions/revoke' }), expect: anyPerson },
  'POST /api/v1/me/voter-code/renewal': { request: () => ({ path: '/api/v1/me/voter-code/renewal' }), expect: anyPerson },
  'GET /api/v1/admin/people': { request: () => ({ path: '/api/v1/admin/people' }), expect: adminsOnly },
  'PUT /api/v1/admin/people/{personId}/roles/{role}': { request: (c) => ({ path: `/api/v1/admin/people/${c.targetId}/roles/facilitator` }), expect: adminsOnly },
  'DELETE /api/v1/admin/people/{personId}/roles/{role}': { request: (c) => ({ path: `/api/v1/admin/people/${c.targetId}/roles/facilitator` }), expect: adminsOnly },
  // Verification (an empty body: allowed callers get 400, nothing is created)
  'POST /api/v1/verification/invitation-batches': { request: () => ({ path: '/api/v1/verification/invitation-batches', body: {} }), expect: organizers },
  'GET /api/v1/verification/invitation-batches': { request: () => ({ path: '/api/v1/verification/invitation-batches' }), expect: organizers },
  'POST /api/v1/verification/invitation-batches/{batchId}/revoke': { request: (c) => ({ path: `/api/v1/verification/invitation-batches/${c.batchId}/revoke` }), expect: organizers },
  'POST /api/v1/verification/census': { request: () => ({ path: '/api/v1/verification/census', body: {} }), expect: organizers },
  'POST /api/v1/me/verification/census': { request: () => ({ path: '/api/v1/me/verification/census', body: {} }), expect: anyPerson },
  'POST /api/v1/me/verification': { request: () => ({ path: '/api/v1/me/verification', body: {} }), expect: anyPerson },
  // Register of data uses (sample reference that does not exist: allowed callers get 404/400)
  'GET /api/v1/data-uses': { request: () => ({ path: '/api/v1/data-uses' }), expect: everyone },
  'POST /api/v1/data-uses': { request: () => ({ path: '/api/v1/data-uses', body: {} }), expect: registerEditors },
  'GET /api/v1/data-uses/{reference}': { request: () => ({ path: '/api/v1/data-uses/DU-2000-999' }), expect: everyone },
  'PUT /api/v1/data-uses/{reference}': { request: () => ({ path: '/api/v1/data-uses/DU-2000-999', body: {} }), expect: registerEditors },
  'POST /api/v1/data-uses/{reference}/publish': { request: () => ({ path: '/api/v1/data-uses/DU-2000-999/publish', body: {} }), expect: registerEditors },
  'POST /api/v1/data-uses/{reference}/suspend': { request: () => ({ path: '/api/v1/data-uses/DU-2000-999/suspend', body: {} }), expect: registerEditors },
  'POST /api/v1/data-uses/{reference}/retire': { request: () => ({ path: '/api/v1/data-uses/DU-2000-999/retire', body: {} }), expect: registerEditors },
  'PUT /api/v1/data-uses/{reference}/follow': { request: () => ({ path: '/api/v1/data-uses/DU-2000-999/follow' }), expect: anyPerson },
  'DELETE /api/v1/data-uses/{reference}/follow': { request: () => ({ path: '/api/v1/data-uses/DU-2000-999/follow' }), expect: anyPerson },
  'GET /api/v1/open-data/data-uses.json': { request: () => ({ path: '/api/v1/open-data/data-uses.json' }), expect: everyone },
  'GET /api/v1/open-data/data-uses.csv': { request: () => ({ path: '/api/v1/open-data/data-uses.csv' }), expect: everyone },
  'GET /api/v1/open-data/data-uses.atom': { request: () => ({ path: '/api/v1/open-data/data-uses.atom' }), expect: everyone },
  // Proposals (sample reference that does not exist: allowed callers get 404/400)
  'GET /api/v1/proposals': { request: () => ({ path: '/api/v1/proposals' }), expect: everyone },
  'POST /api/v1/proposals': { request: () => ({ path: '/api/v1/proposals', body: { content: { extra: 1 } } }), expect: anyPerson },
  'GET /api/v1/proposals/{reference}': { request: () => ({ path: '/api/v1/proposals/PR-2000-999' }), expect: everyone },
  'PUT /api/v1/proposals/{reference}': { request: () => ({ path: '/api/v1/proposals/PR-2000-999', body: {} }), expect: anyPerson },
  'POST /api/v1/proposals/{reference}/submit': { request: () => ({ path: '/api/v1/proposals/PR-2000-999/submit', body: {} }), expect: anyPerson },
  'POST /api/v1/proposals/{reference}/admissibility': { request: () => ({ path: '/api/v1/proposals/PR-2000-999/admissibility', body: {} }), expect: organizers },
  'POST /api/v1/proposals/{reference}/selection': { request: () => ({ path: '/api/v1/proposals/PR-2000-999/selection', body: {} }), expect: organizers },
  'POST /api/v1/proposals/{reference}/withdraw': { request: () => ({ path: '/api/v1/proposals/PR-2000-999/withdraw', body: {} }), expect: anyPerson },
  'PUT /api/v1/proposals/{reference}/support': { request: () => ({ path: '/api/v1/proposals/PR-2000-999/support' }), expect: anyPerson },
  'DELETE /api/v1/proposals/{reference}/support': { request: () => ({ path: '/api/v1/proposals/PR-2000-999/support' }), expect: anyPerson },
  'PUT /api/v1/proposals/{reference}/follow': { request: () => ({ path: '/api/v1/proposals/PR-2000-999/follow' }), expect: anyPerson },
  'DELETE /api/v1/proposals/{reference}/follow': { request: () => ({ path: '/api/v1/proposals/PR-2000-999/follow' }), expect: anyPerson },
  'GET /api/v1/me/proposals': { request: () => ({ path: '/api/v1/me/proposals' }), expect: anyPerson },
  'GET /api/v1/proposal-settings': { request: () => ({ path: '/api/v1/proposal-settings' }), expect: everyone },
  'PUT /api/v1/proposal-settings': { request: () => ({ path: '/api/v1/proposal-settings', body: {} }), expect: organizers },
  'GET /api/v1/open-data/proposals.json': { request: () => ({ path: '/api/v1/open-data/proposals.json' }), expect: everyone },
  'GET /api/v1/open-data/proposals.csv': { request: () => ({ path: '/api/v1/open-data/proposals.csv' }), expect: everyone },
  'GET /api/v1/open-data/proposals.atom': { request: () => ({ path: '/api/v1/open-data/proposals.atom' }), expect: everyone },
  // The organizers' page: whoever works in at least one area (proposals, register, verification).
  'GET /api/v1/work-queues': { request: () => ({ path: '/api/v1/work-queues' }), expect: registerEditors },
  'GET /api/v1/data-uses/{reference}/versions': { request: () => ({ path: '/api/v1/data-uses/DU-2000-999/versions' }), expect: everyone },
  'GET /api/v1/data-uses/{reference}/versions/{version}/diff': { request: () => ({ path: '/api/v1/data-uses/DU-2000-999/versions/2/diff' }), expect: everyone },
  // Deliberations: reading is public; posting, editing, marking and reporting for anyone signed in (the space's rules decide the rest); opening and rules for organizers; moderation for moderators; workshops for facilitators.
  'POST /api/v1/deliberations': { request: () => ({ path: '/api/v1/deliberations', body: {} }), expect: organizers },
  'GET /api/v1/deliberations/by-subject/{subjectType}/{subjectReference}': { request: () => ({ path: '/api/v1/deliberations/by-subject/proposal/PR-2000-999' }), expect: everyone },
  'POST /api/v1/deliberations/{id}/moderation-queue/decisions': { request: () => ({ path: '/api/v1/deliberations/00000000-0000-4000-8000-000000000000/moderation-queue/decisions', body: {} }), expect: moderators },
  'GET /api/v1/deliberations/{id}': { request: () => ({ path: '/api/v1/deliberations/00000000-0000-4000-8000-000000000000' }), expect: everyone },
  'POST /api/v1/deliberations/{id}/rules': { request: () => ({ path: '/api/v1/deliberations/00000000-0000-4000-8000-000000000000/rules', body: {} }), expect: organizers },
  'GET /api/v1/deliberations/{id}/events': { request: () => ({ path: '/api/v1/deliberations/00000000-0000-4000-8000-000000000000/events' }), expect: everyone },
  'GET /api/v1/deliberations/{id}/contributions': { request: () => ({ path: '/api/v1/deliberations/00000000-0000-4000-8000-000000000000/contributions' }), expect: everyone },
  'POST /api/v1/deliberations/{id}/contributions': { request: () => ({ path: '/api/v1/deliberations/00000000-0000-4000-8000-000000000000/contributions', body: {} }), expect: anyPerson },
  'POST /api/v1/deliberations/{id}/workshop-contributions': { request: () => ({ path: '/api/v1/deliberations/00000000-0000-4000-8000-000000000000/workshop-contributions', body: {} }), expect: facilitators },
  'PUT /api/v1/deliberations/{id}/contributions/{contributionId}': { request: () => ({ path: '/api/v1/deliberations/00000000-0000-4000-8000-000000000000/contributions/00000000-0000-4000-8000-000000000000', body: {} }), expect: anyPerson },
  'DELETE /api/v1/deliberations/{id}/contributions/{contributionId}': { request: () => ({ path: '/api/v1/deliberations/00000000-0000-4000-8000-000000000000/contributions/00000000-0000-4000-8000-000000000000' }), expect: anyPerson },
  'PUT /api/v1/deliberations/{id}/contributions/{contributionId}/helpful': { request: () => ({ path: '/api/v1/deliberations/00000000-0000-4000-8000-000000000000/contributions/00000000-0000-4000-8000-000000000000/helpful' }), expect: anyPerson },
  'POST /api/v1/deliberations/{id}/contributions/{contributionId}/reports': { request: () => ({ path: '/api/v1/deliberations/00000000-0000-4000-8000-000000000000/contributions/00000000-0000-4000-8000-000000000000/reports', body: {} }), expect: anyPerson },
  'GET /api/v1/deliberations/{id}/moderation-queue': { request: () => ({ path: '/api/v1/deliberations/00000000-0000-4000-8000-000000000000/moderation-queue' }), expect: moderators },
  'POST /api/v1/deliberations/{id}/contributions/{contributionId}/decisions': { request: () => ({ path: '/api/v1/deliberations/00000000-0000-4000-8000-000000000000/contributions/00000000-0000-4000-8000-000000000000/decisions', body: {} }), expect: moderators },
  'GET /api/v1/deliberations/{id}/moderation-log': { request: () => ({ path: '/api/v1/deliberations/00000000-0000-4000-8000-000000000000/moderation-log' }), expect: everyone },
  'GET /api/v1/deliberations/{id}/transparency': { request: () => ({ path: '/api/v1/deliberations/00000000-0000-4000-8000-000000000000/transparency' }), expect: everyone },
  // Statements and the opinion map (the space's rules apply in the service)
  'GET /api/v1/deliberations/{id}/statements': { request: () => ({ path: '/api/v1/deliberations/00000000-0000-4000-8000-000000000000/statements' }), expect: everyone },
  'POST /api/v1/deliberations/{id}/statements': { request: () => ({ path: '/api/v1/deliberations/00000000-0000-4000-8000-000000000000/statements', body: {} }), expect: anyPerson },
  'POST /api/v1/deliberations/{id}/statements/seeded': { request: () => ({ path: '/api/v1/deliberations/00000000-0000-4000-8000-000000000000/statements/seeded', body: {} }), expect: organizers },
  'GET /api/v1/deliberations/{id}/statements/next': { request: () => ({ path: '/api/v1/deliberations/00000000-0000-4000-8000-000000000000/statements/next' }), expect: anyPerson },
  'GET /api/v1/deliberations/{id}/statements/mine': { request: () => ({ path: '/api/v1/deliberations/00000000-0000-4000-8000-000000000000/statements/mine' }), expect: anyPerson },
  'GET /api/v1/deliberations/{id}/statements/moderation-queue': { request: () => ({ path: '/api/v1/deliberations/00000000-0000-4000-8000-000000000000/statements/moderation-queue' }), expect: moderators },
  'PUT /api/v1/deliberations/{id}/statements/{statementId}/vote': { request: () => ({ path: '/api/v1/deliberations/00000000-0000-4000-8000-000000000000/statements/00000000-0000-4000-8000-000000000000/vote', body: {} }), expect: anyPerson },
  'POST /api/v1/deliberations/{id}/statements/{statementId}/decisions': { request: () => ({ path: '/api/v1/deliberations/00000000-0000-4000-8000-000000000000/statements/00000000-0000-4000-8000-000000000000/decisions', body: {} }), expect: moderators },
  'GET /api/v1/deliberations/{id}/opinion-map': { request: () => ({ path: '/api/v1/deliberations/00000000-0000-4000-8000-000000000000/opinion-map' }), expect: everyone },
  'GET /api/v1/moderation-log': { request: () => ({ path: '/api/v1/moderation-log' }), expect: everyone },
  'GET /api/v1/moderation/transparency': { request: () => ({ path: '/api/v1/moderation/transparency' }), expect: everyone },
  'GET /api/v1/moderation-decisions/mine': { request: () => ({ path: '/api/v1/moderation-decisions/mine' }), expect: anyPerson },
  'GET /api/v1/open-data/contributions.json': { request: () => ({ path: '/api/v1/open-data/contributions.json' }), expect: everyone },
  'GET /api/v1/open-data/contributions.csv': { request: () => ({ path: '/api/v1/open-data/contributions.csv' }), expect: everyone },
  'GET /api/v1/open-data/contributions.atom': { request: () => ({ path: '/api/v1/open-data/contributions.atom' }), expect: everyone },
  'GET /api/v1/open-data/moderation-log.json': { request: () => ({ path: '/api/v1/open-data/moderation-log.json' }), expect: everyone },
  'GET /api/v1/open-data/moderation-log.csv': { request: () => ({ path: '/api/v1/open-data/moderation-log.csv' }), expect: everyone },
  'GET /api/v1/open-data/moderation-log.atom': { request: () => ({ path: '/api/v1/open-data/moderation-log.atom' }), expect: everyone },
  // The opinion map's open data (public; a space that does not exist answers 404, still allowed).
  'GET /api/v1/open-data/opinion-maps.json': { request: () => ({ path: '/api/v1/open-data/opinion-maps.json' }), expect: everyone },
  'GET /api/v1/open-data/opinion-maps.csv': { request: () => ({ path: '/api/v1/open-data/opinion-maps.csv' }), expect: everyone },
  'GET /api/v1/open-data/opinion-maps.atom': { request: () => ({ path: '/api/v1/open-data/opinion-maps.atom' }), expect: everyone },
  'GET /api/v1/open-data/opinion-maps/{id}/statements.json': { request: () => ({ path: '/api/v1/open-data/opinion-maps/00000000-0000-4000-8000-000000000000/statements.json' }), expect: everyone },
  'GET /api/v1/open-data/opinion-maps/{id}/statements.csv': { request: () => ({ path: '/api/v1/open-data/opinion-maps/00000000-0000-4000-8000-000000000000/statements.csv' }), expect: everyone },
  'GET /api/v1/open-data/opinion-maps/{id}/votes.json': { request: () => ({ path: '/api/v1/open-data/opinion-maps/00000000-0000-4000-8000-000000000000/votes.json' }), expect: everyone },
  'GET /api/v1/open-data/opinion-maps/{id}/votes.csv': { request: () => ({ path: '/api/v1/open-data/opinion-maps/00000000-0000-4000-8000-000000000000/votes.csv' }), expect: everyone },
  'GET /api/v1/open-data/opinion-maps/{id}/snapshot.json': { request: () => ({ path: '/api/v1/open-data/opinion-maps/00000000-0000-4000-8000-000000000000/snapshot.json' }), expect: everyone },
  'GET /api/v1/open-data/opinion-maps/{id}/polis/comments.csv': { request: () => ({ path: '/api/v1/open-data/opinion-maps/00000000-0000-4000-8000-000000000000/polis/comments.csv' }), expect: everyone },
  'GET /api/v1/open-data/opinion-maps/{id}/polis/votes.csv': { request: () => ({ path: '/api/v1/open-data/opinion-maps/00000000-0000-4000-8000-000000000000/polis/votes.csv' }), expect: everyone },
  'GET /api/v1/open-data/opinion-maps/{id}/polis/participants-votes.csv': { request: () => ({ path: '/api/v1/open-data/opinion-maps/00000000-0000-4000-8000-000000000000/polis/participants-votes.csv' }), expect: everyone },
  'GET /api/v1/open-data/opinion-maps/{id}/polis/summary.csv': { request: () => ({ path: '/api/v1/open-data/opinion-maps/00000000-0000-4000-8000-000000000000/polis/summary.csv' }), expect: everyone },
  'POST /api/v1/moderation-decisions/{decisionId}/appeal': { request: () => ({ path: '/api/v1/moderation-decisions/00000000-0000-4000-8000-000000000000/appeal', body: {} }), expect: anyPerson },
  'POST /api/v1/moderation-appeals/{appealId}/decision': { request: () => ({ path: '/api/v1/moderation-appeals/00000000-0000-4000-8000-000000000000/decision', body: {} }), expect: moderators },
  // The advisory panel: the page, rules, calls, draws, their reports and files are public; the answer form is public (an invitation code); the rest is the organizers'.
  'GET /api/v1/advisory-panel': { request: () => ({ path: '/api/v1/advisory-panel' }), expect: everyone },
  'GET /api/v1/advisory-panel/rules': { request: () => ({ path: '/api/v1/advisory-panel/rules' }), expect: everyone },
  'POST /api/v1/advisory-panel/rules': { request: () => ({ path: '/api/v1/advisory-panel/rules', body: {} }), expect: organizers },
  'GET /api/v1/advisory-panel/members': { request: () => ({ path: '/api/v1/advisory-panel/members' }), expect: organizers },
  'POST /api/v1/advisory-panel/members': { request: () => ({ path: '/api/v1/advisory-panel/members', body: {} }), expect: organizers },
  'POST /api/v1/advisory-panel/members/{id}/activate': { request: () => ({ path: '/api/v1/advisory-panel/members/00000000-0000-4000-8000-000000000000/activate', body: {} }), expect: organizers },
  'POST /api/v1/advisory-panel/members/{id}/resign': { request: () => ({ path: '/api/v1/advisory-panel/members/00000000-0000-4000-8000-000000000000/resign', body: {} }), expect: organizers },
  'POST /api/v1/advisory-panel/members/{id}/replace': { request: () => ({ path: '/api/v1/advisory-panel/members/00000000-0000-4000-8000-000000000000/replace', body: {} }), expect: organizers },
  'POST /api/v1/advisory-panel/members/{id}/end-term': { request: () => ({ path: '/api/v1/advisory-panel/members/00000000-0000-4000-8000-000000000000/end-term', body: {} }), expect: organizers },
  'GET /api/v1/advisory-panel/calls': { request: () => ({ path: '/api/v1/advisory-panel/calls' }), expect: everyone },
  'POST /api/v1/advisory-panel/calls': { request: () => ({ path: '/api/v1/advisory-panel/calls', body: {} }), expect: organizers },
  'GET /api/v1/advisory-panel/calls/{reference}': { request: () => ({ path: '/api/v1/advisory-panel/calls/AV-2000-999' }), expect: everyone },
  'POST /api/v1/advisory-panel/calls/{reference}/open': { request: () => ({ path: '/api/v1/advisory-panel/calls/AV-2000-999/open' }), expect: organizers },
  'POST /api/v1/advisory-panel/calls/{reference}/close': { request: () => ({ path: '/api/v1/advisory-panel/calls/AV-2000-999/close' }), expect: organizers },
  'POST /api/v1/advisory-panel/calls/{reference}/invitations': { request: () => ({ path: '/api/v1/advisory-panel/calls/AV-2000-999/invitations', body: {} }), expect: organizers },
  'POST /api/v1/advisory-panel/calls/{reference}/answers': { request: () => ({ path: '/api/v1/advisory-panel/calls/AV-2000-999/answers', body: {} }), expect: everyone },
  'POST /api/v1/advisory-panel/calls/{reference}/answers/withdraw': { request: () => ({ path: '/api/v1/advisory-panel/calls/AV-2000-999/answers/withdraw', body: {} }), expect: everyone },
  'GET /api/v1/advisory-panel/invitation': { request: () => ({ path: '/api/v1/advisory-panel/invitation?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }), expect: everyone },
  'POST /api/v1/advisory-panel/invitation': { request: () => ({ path: '/api/v1/advisory-panel/invitation', body: {} }), expect: everyone },
  'GET /api/v1/advisory-panel/pools': { request: () => ({ path: '/api/v1/advisory-panel/pools' }), expect: organizers },
  'POST /api/v1/advisory-panel/pools': { request: () => ({ path: '/api/v1/advisory-panel/pools', body: {} }), expect: organizers },
  'GET /api/v1/advisory-panel/pools/{id}': { request: () => ({ path: '/api/v1/advisory-panel/pools/00000000-0000-4000-8000-000000000000' }), expect: organizers },
  'PUT /api/v1/advisory-panel/pools/{id}/quotas': { request: () => ({ path: '/api/v1/advisory-panel/pools/00000000-0000-4000-8000-000000000000/quotas', body: {} }), expect: organizers },
  'GET /api/v1/advisory-panel/draws': { request: () => ({ path: '/api/v1/advisory-panel/draws' }), expect: everyone },
  'POST /api/v1/advisory-panel/draws': { request: () => ({ path: '/api/v1/advisory-panel/draws', body: {} }), expect: organizers },
  'GET /api/v1/advisory-panel/draws/{reference}': { request: () => ({ path: '/api/v1/advisory-panel/draws/TS-2000-999' }), expect: everyone },
  'GET /api/v1/advisory-panel/draws/{reference}/panels': { request: () => ({ path: '/api/v1/advisory-panel/draws/TS-2000-999/panels' }), expect: everyone },
  'GET /api/v1/advisory-panel/draws/{reference}/report': { request: () => ({ path: '/api/v1/advisory-panel/draws/TS-2000-999/report' }), expect: everyone },
  'GET /api/v1/advisory-panel/draws/{reference}/files/{file}': { request: () => ({ path: '/api/v1/advisory-panel/draws/TS-2000-999/files/respondents.csv' }), expect: everyone },
  'POST /api/v1/advisory-panel/draws/{reference}/seeds': { request: () => ({ path: '/api/v1/advisory-panel/draws/TS-2000-999/seeds', body: {} }), expect: organizers },
  'POST /api/v1/advisory-panel/draws/{reference}/draw': { request: () => ({ path: '/api/v1/advisory-panel/draws/TS-2000-999/draw' }), expect: organizers },
  'POST /api/v1/advisory-panel/draws/{reference}/cancel': { request: () => ({ path: '/api/v1/advisory-panel/draws/TS-2000-999/cancel', body: {} }), expect: organizers },
  // Consultations (issue 18): organizers prepare; anyone reads; signed-in people ask, support and vote; officers run polling stations.
  'GET /api/v1/consultations': { request: () => ({ path: '/api/v1/consultations' }), expect: everyone },
  'POST /api/v1/consultations': { request: () => ({ path: '/api/v1/consultations', body: {} }), expect: organizers },
  'GET /api/v1/consultations/{reference}': { request: () => ({ path: '/api/v1/consultations/CO-2000-999' }), expect: everyone },
  'PUT /api/v1/consultations/{reference}': { request: () => ({ path: '/api/v1/consultations/CO-2000-999', body: {} }), expect: organizers },
  'POST /api/v1/consultations/{reference}/publish': { request: () => ({ path: '/api/v1/consultations/CO-2000-999/publish', body: {} }), expect: organizers },
  'POST /api/v1/consultations/{reference}/cancel': { request: () => ({ path: '/api/v1/consultations/CO-2000-999/cancel', body: {} }), expect: organizers },
  'POST /api/v1/consultations/{reference}/refer': { request: () => ({ path: '/api/v1/consultations/CO-2000-999/refer', body: {} }), expect: organizers },
  'POST /api/v1/consultations/{reference}/deliberation': { request: () => ({ path: '/api/v1/consultations/CO-2000-999/deliberation', body: {} }), expect: organizers },
  'GET /api/v1/consultations/{reference}/hearings': { request: () => ({ path: '/api/v1/consultations/CO-2000-999/hearings' }), expect: everyone },
  'POST /api/v1/consultations/{reference}/hearings': { request: () => ({ path: '/api/v1/consultations/CO-2000-999/hearings', body: {} }), expect: organizers },
  'PUT /api/v1/consultations/{reference}/hearings/{hearingId}': { request: () => ({ path: '/api/v1/consultations/CO-2000-999/hearings/00000000-0000-4000-8000-000000000000', body: {} }), expect: organizers },
  'GET /api/v1/consultations/{reference}/questions': { request: () => ({ path: '/api/v1/consultations/CO-2000-999/questions' }), expect: everyone },
  'POST /api/v1/consultations/{reference}/questions': { request: () => ({ path: '/api/v1/consultations/CO-2000-999/questions', body: { body: 'Qui regarde les images ?' } }), expect: anyPerson },
  'PUT /api/v1/consultations/{reference}/questions/{questionId}/support': { request: () => ({ path: '/api/v1/consultations/CO-2000-999/questions/00000000-0000-4000-8000-000000000000/support' }), expect: anyPerson },
  'DELETE /api/v1/consultations/{reference}/questions/{questionId}/support': { request: () => ({ path: '/api/v1/consultations/CO-2000-999/questions/00000000-0000-4000-8000-000000000000/support' }), expect: anyPerson },
  'POST /api/v1/consultations/{reference}/questions/{questionId}/answer': { request: () => ({ path: '/api/v1/consultations/CO-2000-999/questions/00000000-0000-4000-8000-000000000000/answer', body: {} }), expect: organizers },
  'POST /api/v1/consultations/{reference}/ballots': { request: () => ({ path: '/api/v1/consultations/CO-2000-999/ballots', body: {} }), expect: anyPerson },
  'PUT /api/v1/consultations/{reference}/ballots/{receipt}': { request: () => ({ path: '/api/v1/consultations/CO-2000-999/ballots/0000-0000-0000-0000', body: {} }), expect: everyone },
  'GET /api/v1/consultations/{reference}/receipts/{receipt}': { request: () => ({ path: '/api/v1/consultations/CO-2000-999/receipts/0000-0000-0000-0000' }), expect: everyone },
  'GET /api/v1/consultations/{reference}/participation': { request: () => ({ path: '/api/v1/consultations/CO-2000-999/participation' }), expect: anyPerson },
  'GET /api/v1/consultations/{reference}/turnout': { request: () => ({ path: '/api/v1/consultations/CO-2000-999/turnout' }), expect: everyone },
  'GET /api/v1/consultations/{reference}/results': { request: () => ({ path: '/api/v1/consultations/CO-2000-999/results' }), expect: everyone },
  'GET /api/v1/consultations/{reference}/station/eligibility/{voterCode}': { request: () => ({ path: '/api/v1/consultations/CO-2000-999/station/eligibility/00000-00000' }), expect: anyPerson },
  'POST /api/v1/consultations/{reference}/station/participations': { request: () => ({ path: '/api/v1/consultations/CO-2000-999/station/participations', body: {} }), expect: anyPerson },
  'GET /api/v1/consultations/{reference}/paper-totals': { request: () => ({ path: '/api/v1/consultations/CO-2000-999/paper-totals' }), expect: everyone },
  'POST /api/v1/consultations/{reference}/paper-totals': { request: () => ({ path: '/api/v1/consultations/CO-2000-999/paper-totals', body: {} }), expect: anyPerson },
  'POST /api/v1/consultations/{reference}/paper-totals/{countId}/confirmation': { request: () => ({ path: '/api/v1/consultations/CO-2000-999/paper-totals/00000000-0000-4000-8000-000000000000/confirmation', body: {} }), expect: anyPerson },
  'POST /api/v1/consultations/{reference}/paper-totals/{countId}/withdrawal': { request: () => ({ path: '/api/v1/consultations/CO-2000-999/paper-totals/00000000-0000-4000-8000-000000000000/withdrawal', body: {} }), expect: anyPerson },
  'GET /api/v1/open-data/consultations/{reference}/ballots.json': { request: () => ({ path: '/api/v1/open-data/consultations/CO-2000-999/ballots.json' }), expect: everyone },
  // Panel recommendations (issue 19). Members' routes check the seat (not a role) first: no caller of the matrix holds one.
  'GET /api/v1/recommendations/workspace': { request: () => ({ path: '/api/v1/recommendations/workspace' }), expect: organizers },
  'PUT /api/v1/recommendations/seats/{memberId}/account': { request: () => ({ path: '/api/v1/recommendations/seats/00000000-0000-4000-8000-000000000000/account', body: {} }), expect: organizers },
  'DELETE /api/v1/recommendations/seats/{memberId}/account': { request: () => ({ path: '/api/v1/recommendations/seats/00000000-0000-4000-8000-000000000000/account' }), expect: organizers },
  'GET /api/v1/recommendations/referrals': { request: () => ({ path: '/api/v1/recommendations/referrals' }), expect: registerEditors },
  'POST /api/v1/recommendations/referrals': { request: () => ({ path: '/api/v1/recommendations/referrals', body: {} }), expect: anyPerson },
  'GET /api/v1/recommendations/referrals/{reference}': { request: () => ({ path: '/api/v1/recommendations/referrals/SA-2000-999' }), expect: registerEditors },
  'POST /api/v1/recommendations/referrals/{reference}/dismiss': { request: () => ({ path: '/api/v1/recommendations/referrals/SA-2000-999/dismiss', body: {} }), expect: anyPerson },
  'POST /api/v1/recommendations/referrals/{reference}/dossier/refresh': { request: () => ({ path: '/api/v1/recommendations/referrals/SA-2000-999/dossier/refresh' }), expect: panelMembers },
  'POST /api/v1/recommendations/referrals/{reference}/sessions': { request: () => ({ path: '/api/v1/recommendations/referrals/SA-2000-999/sessions', body: {} }), expect: anyPerson },
  'PUT /api/v1/recommendations/sessions/{sessionId}': { request: () => ({ path: '/api/v1/recommendations/sessions/00000000-0000-4000-8000-000000000000', body: {} }), expect: anyPerson },
  'PUT /api/v1/recommendations/sessions/{sessionId}/attendance': { request: () => ({ path: '/api/v1/recommendations/sessions/00000000-0000-4000-8000-000000000000/attendance', body: {} }), expect: anyPerson },
  'POST /api/v1/recommendations/sessions/{sessionId}/hold': { request: () => ({ path: '/api/v1/recommendations/sessions/00000000-0000-4000-8000-000000000000/hold', body: {} }), expect: panelMembers },
  'POST /api/v1/recommendations/sessions/{sessionId}/cancel': { request: () => ({ path: '/api/v1/recommendations/sessions/00000000-0000-4000-8000-000000000000/cancel' }), expect: panelMembers },
  'GET /api/v1/recommendations/referrals/{reference}/discussion': { request: () => ({ path: '/api/v1/recommendations/referrals/SA-2000-999/discussion' }), expect: panelMembers },
  'POST /api/v1/recommendations/referrals/{reference}/discussion': { request: () => ({ path: '/api/v1/recommendations/referrals/SA-2000-999/discussion', body: {} }), expect: anyPerson },
  'POST /api/v1/recommendations/referrals/{reference}/hearings': { request: () => ({ path: '/api/v1/recommendations/referrals/SA-2000-999/hearings', body: {} }), expect: anyPerson },
  'POST /api/v1/recommendations/referrals/{reference}/recommendations': { request: () => ({ path: '/api/v1/recommendations/referrals/SA-2000-999/recommendations', body: {} }), expect: anyPerson },
  'GET /api/v1/recommendations/items/{reference}': { request: () => ({ path: '/api/v1/recommendations/items/RC-2000-999' }), expect: everyone },
  'PUT /api/v1/recommendations/items/{reference}': { request: () => ({ path: '/api/v1/recommendations/items/RC-2000-999', body: {} }), expect: anyPerson },
  'POST /api/v1/recommendations/items/{reference}/open-amendments': { request: () => ({ path: '/api/v1/recommendations/items/RC-2000-999/open-amendments' }), expect: panelMembers },
  'POST /api/v1/recommendations/items/{reference}/withdraw': { request: () => ({ path: '/api/v1/recommendations/items/RC-2000-999/withdraw' }), expect: panelMembers },
  'GET /api/v1/recommendations/items/{reference}/versions': { request: () => ({ path: '/api/v1/recommendations/items/RC-2000-999/versions' }), expect: everyone },
  'GET /api/v1/recommendations/items/{reference}/diff': { request: () => ({ path: '/api/v1/recommendations/items/RC-2000-999/diff?from=1&to=2' }), expect: everyone },
  'POST /api/v1/recommendations/items/{reference}/amendments': { request: () => ({ path: '/api/v1/recommendations/items/RC-2000-999/amendments', body: {} }), expect: anyPerson },
  'POST /api/v1/recommendations/items/{reference}/amendments/{number}/procedure': { request: () => ({ path: '/api/v1/recommendations/items/RC-2000-999/amendments/1/procedure', body: {} }), expect: anyPerson },
  'POST /api/v1/recommendations/items/{reference}/amendments/{number}/withdraw': { request: () => ({ path: '/api/v1/recommendations/items/RC-2000-999/amendments/1/withdraw' }), expect: panelMembers },
  'POST /api/v1/recommendations/items/{reference}/merge': { request: () => ({ path: '/api/v1/recommendations/items/RC-2000-999/merge' }), expect: panelMembers },
  'POST /api/v1/recommendations/items/{reference}/vote': { request: () => ({ path: '/api/v1/recommendations/items/RC-2000-999/vote', body: {} }), expect: panelMembers },
  'POST /api/v1/recommendations/items/{reference}/adopt': { request: () => ({ path: '/api/v1/recommendations/items/RC-2000-999/adopt' }), expect: panelMembers },
  'POST /api/v1/recommendations/items/{reference}/dissents': { request: () => ({ path: '/api/v1/recommendations/items/RC-2000-999/dissents', body: {} }), expect: anyPerson },
  'GET /api/v1/recommendations/votes/{voteId}': { request: () => ({ path: '/api/v1/recommendations/votes/00000000-0000-4000-8000-000000000000' }), expect: everyone },
  'POST /api/v1/recommendations/votes/{voteId}/ballots': { request: () => ({ path: '/api/v1/recommendations/votes/00000000-0000-4000-8000-000000000000/ballots', body: {} }), expect: anyPerson },
  'POST /api/v1/recommendations/votes/{voteId}/close': { request: () => ({ path: '/api/v1/recommendations/votes/00000000-0000-4000-8000-000000000000/close' }), expect: panelMembers },
  'POST /api/v1/recommendations/dissents/{dissentId}/signatures': { request: () => ({ path: '/api/v1/recommendations/dissents/00000000-0000-4000-8000-000000000000/signatures' }), expect: panelMembers },
  'PUT /api/v1/recommendations/referrals/{reference}/opinion': { request: () => ({ path: '/api/v1/recommendations/referrals/SA-2000-999/opinion', body: {} }), expect: anyPerson },
  'POST /api/v1/recommendations/referrals/{reference}/opinion/publish': { request: () => ({ path: '/api/v1/recommendations/referrals/SA-2000-999/opinion/publish' }), expect: panelMembers },
  'GET /api/v1/recommendations/opinions': { request: () => ({ path: '/api/v1/recommendations/opinions' }), expect: everyone },
  'GET /api/v1/recommendations/opinions/feed.atom': { request: () => ({ path: '/api/v1/recommendations/opinions/feed.atom' }), expect: everyone },
  'GET /api/v1/recommendations/opinions/{number}': { request: () => ({ path: '/api/v1/recommendations/opinions/2000-999' }), expect: everyone },
  'GET /api/v1/recommendations/opinions/{number}/pdf': { request: () => ({ path: '/api/v1/recommendations/opinions/2000-999/pdf' }), expect: everyone },
  'GET /api/v1/recommendations/opinions/{number}/vote-events': { request: () => ({ path: '/api/v1/recommendations/opinions/2000-999/vote-events' }), expect: everyone },
  'PUT /api/v1/recommendations/opinions/{number}/follow': { request: () => ({ path: '/api/v1/recommendations/opinions/2000-999/follow' }), expect: anyPerson },
  'DELETE /api/v1/recommendations/opinions/{number}/follow': { request: () => ({ path: '/api/v1/recommendations/opinions/2000-999/follow' }), expect: anyPerson },
  'GET /api/v1/recommendations/published/{reference}': { request: () => ({ path: '/api/v1/recommendations/published/RC-2000-999' }), expect: everyone },
  'GET /api/v1/open-data/panel-vote-events.json': { request: () => ({ path: '/api/v1/open-data/panel-vote-events.json' }), expect: everyone },
  'GET /api/v1/open-data/panel-vote-events.csv': { request: () => ({ path: '/api/v1/open-data/panel-vote-events.csv' }), expect: everyone },
  'GET /api/v1/open-data/panel-vote-events.atom': { request: () => ({ path: '/api/v1/open-data/panel-vote-events.atom' }), expect: everyone },
  // The authority's answer (decision 0021)
  'GET /api/v1/authority-responses/overdue': { request: () => ({ path: '/api/v1/authority-responses/overdue' }), expect: everyone },
  'GET /api/v1/authority-responses/outstanding': { request: () => ({ path: '/api/v1/authority-responses/outstanding' }), expect: everyone },
  'GET /api/v1/authority-responses/answered': { request: () => ({ path: '/api/v1/authority-responses/answered' }), expect: { ...organizers, authority: 'allow' } },
  'GET /api/v1/authority-responses/{reference}': { request: () => ({ path: '/api/v1/authority-responses/RC-2000-999' }), expect: everyone },
  'POST /api/v1/authority-responses/{reference}': { request: () => ({ path: '/api/v1/authority-responses/RC-2000-999', body: {} }), expect: authorityOnly },
  'POST /api/v1/authority-responses/{reference}/actions': { request: () => ({ path: '/api/v1/authority-responses/RC-2000-999/actions', body: {} }), expect: authorityOnly },
  'PUT /api/v1/authority-responses/{reference}/actions/{number}': { request: () => ({ path: '/api/v1/authority-responses/RC-2000-999/actions/1', body: {} }), expect: authorityOnly },
  'POST /api/v1/authority-responses/{reference}/progress-reports': { request: () => ({ path: '/api/v1/authority-responses/RC-2000-999/progress-reports', body: {} }), expect: authorityOnly },
  'PUT /api/v1/authority-responses/{reference}/progress-reports/{number}/verification': {
    request: () => ({ path: '/api/v1/authority-responses/RC-2000-999/progress-reports/1/verification', body: { verified: true } }),
    expect: panelMembers,
  },
  'PUT /api/v1/authority-responses/{reference}/evaluation': { request: () => ({ path: '/api/v1/authority-responses/RC-2000-999/evaluation', body: { score: 5, evaluation: 'Une note.' } }), expect: panelMembers },
  'PUT /api/v1/authority-responses/{reference}/follow-up-group': { request: () => ({ path: '/api/v1/authority-responses/RC-2000-999/follow-up-group', body: { memberIds: [] } }), expect: panelMembers },
  'GET /api/v1/open-data/authority-responses.json': { request: () => ({ path: '/api/v1/open-data/authority-responses.json' }), expect: everyone },
  'GET /api/v1/open-data/authority-responses.csv': { request: () => ({ path: '/api/v1/open-data/authority-responses.csv' }), expect: everyone },
  'GET /api/v1/open-data/authority-responses.atom': { request: () => ({ path: '/api/v1/open-data/authority-responses.atom' }), expect: everyone },
};

/**
 * Record-level rules: the same route answers differently for the same role
 * depending on whose record it is and what state it is in (each feature's
 * policy, packages/domain/src/<feature>/<feature>.policy.ts). Each row makes
 * its own record and callers, so rows never affect one another.
 */
export type RecordCaller = 'anonymous' | 'author' | 'another resident' | 'a verified resident' | 'organizer';
export type RecordSubject =
  | 'a draft proposal'
  | 'a submitted proposal'
  | 'a proposal collecting supports'
  | 'a draft record'
  | 'a published record'
  | 'an open deliberation'
  | 'a closed deliberation'
  | 'a deliberation not open yet'
  | 'a call for volunteers in preparation'
  | 'a closed call for volunteers'
  | 'a committed draw'
  | 'a consultation in preparation'
  | 'a consultation in its information phase'
  | 'a consultation in its vote';

export interface RecordRule {
  route: string;
  on: RecordSubject;
  as: RecordCaller;
  status: number;
  request: (reference: string) => { path: string; body?: object };
}

const proposalPath = (suffix = '') => (reference: string) => ({ path: `/api/v1/proposals/${reference}${suffix}` });
const dataUsePath = (suffix = '') => (reference: string) => ({ path: `/api/v1/data-uses/${reference}${suffix}` });
const saveDraft = (reference: string) => ({ path: `/api/v1/proposals/${reference}`, body: { content: SUBMITTABLE_PROPOSAL } });

export const RECORD_RULES: readonly RecordRule[] = [
  // A draft is its author's alone: a 404 to everyone else, organizers included.
  { route: 'GET /api/v1/proposals/{reference}', on: 'a draft proposal', as: 'anonymous', status: 404, request: proposalPath() },
  { route: 'GET /api/v1/proposals/{reference}', on: 'a draft proposal', as: 'another resident', status: 404, request: proposalPath() },
  { route: 'GET /api/v1/proposals/{reference}', on: 'a draft proposal', as: 'organizer', status: 404, request: proposalPath() },
  { route: 'GET /api/v1/proposals/{reference}', on: 'a draft proposal', as: 'author', status: 200, request: proposalPath() },
  { route: 'GET /api/v1/proposals/{reference}', on: 'a submitted proposal', as: 'anonymous', status: 200, request: proposalPath() },
  { route: 'PUT /api/v1/proposals/{reference}', on: 'a draft proposal', as: 'another resident', status: 404, request: saveDraft },
  { route: 'PUT /api/v1/proposals/{reference}', on: 'a draft proposal', as: 'author', status: 200, request: saveDraft },
  // Once submitted, the text people support no longer changes.
  { route: 'PUT /api/v1/proposals/{reference}', on: 'a submitted proposal', as: 'author', status: 422, request: saveDraft },
  { route: 'PUT /api/v1/proposals/{reference}', on: 'a submitted proposal', as: 'another resident', status: 403, request: saveDraft },
  { route: 'POST /api/v1/proposals/{reference}/submit', on: 'a draft proposal', as: 'another resident', status: 404, request: (r) => ({ path: `/api/v1/proposals/${r}/submit`, body: { charterAccepted: true } }) },
  { route: 'POST /api/v1/proposals/{reference}/submit', on: 'a draft proposal', as: 'author', status: 200, request: (r) => ({ path: `/api/v1/proposals/${r}/submit`, body: { charterAccepted: true } }) },
  { route: 'POST /api/v1/proposals/{reference}/withdraw', on: 'a submitted proposal', as: 'another resident', status: 403, request: (r) => ({ path: `/api/v1/proposals/${r}/withdraw`, body: {} }) },
  { route: 'POST /api/v1/proposals/{reference}/withdraw', on: 'a submitted proposal', as: 'organizer', status: 403, request: (r) => ({ path: `/api/v1/proposals/${r}/withdraw`, body: {} }) },
  { route: 'POST /api/v1/proposals/{reference}/withdraw', on: 'a submitted proposal', as: 'author', status: 200, request: (r) => ({ path: `/api/v1/proposals/${r}/withdraw`, body: {} }) },
  // Supports: only while collecting, from verified residents (the demo territory's rule).
  { route: 'PUT /api/v1/proposals/{reference}/support', on: 'a draft proposal', as: 'a verified resident', status: 404, request: proposalPath('/support') },
  { route: 'PUT /api/v1/proposals/{reference}/support', on: 'a submitted proposal', as: 'a verified resident', status: 422, request: proposalPath('/support') },
  { route: 'PUT /api/v1/proposals/{reference}/support', on: 'a proposal collecting supports', as: 'another resident', status: 403, request: proposalPath('/support') },
  { route: 'PUT /api/v1/proposals/{reference}/support', on: 'a proposal collecting supports', as: 'a verified resident', status: 201, request: proposalPath('/support') },
  { route: 'DELETE /api/v1/proposals/{reference}/support', on: 'a submitted proposal', as: 'a verified resident', status: 422, request: proposalPath('/support') },
  { route: 'PUT /api/v1/proposals/{reference}/follow', on: 'a draft proposal', as: 'another resident', status: 404, request: proposalPath('/follow') },
  { route: 'PUT /api/v1/proposals/{reference}/follow', on: 'a submitted proposal', as: 'another resident', status: 200, request: proposalPath('/follow') },
  // Organizers decide each thing once, in its state.
  { route: 'POST /api/v1/proposals/{reference}/admissibility', on: 'a submitted proposal', as: 'organizer', status: 200, request: (r) => ({ path: `/api/v1/proposals/${r}/admissibility`, body: { decision: 'admissible' } }) },
  { route: 'POST /api/v1/proposals/{reference}/admissibility', on: 'a proposal collecting supports', as: 'organizer', status: 422, request: (r) => ({ path: `/api/v1/proposals/${r}/admissibility`, body: { decision: 'admissible' } }) },
  { route: 'POST /api/v1/proposals/{reference}/selection', on: 'a proposal collecting supports', as: 'organizer', status: 422, request: (r) => ({ path: `/api/v1/proposals/${r}/selection`, body: { decision: 'selected', reason: 'Trop tôt.' } }) },
  // The register: drafts are its editors' alone; only published records are followed, suspended or retired.
  { route: 'GET /api/v1/data-uses/{reference}', on: 'a draft record', as: 'anonymous', status: 404, request: dataUsePath() },
  { route: 'GET /api/v1/data-uses/{reference}', on: 'a draft record', as: 'another resident', status: 404, request: dataUsePath() },
  { route: 'GET /api/v1/data-uses/{reference}', on: 'a draft record', as: 'organizer', status: 200, request: dataUsePath() },
  { route: 'GET /api/v1/data-uses/{reference}/versions', on: 'a draft record', as: 'another resident', status: 404, request: dataUsePath('/versions') },
  { route: 'PUT /api/v1/data-uses/{reference}/follow', on: 'a draft record', as: 'another resident', status: 404, request: dataUsePath('/follow') },
  { route: 'PUT /api/v1/data-uses/{reference}/follow', on: 'a draft record', as: 'organizer', status: 422, request: dataUsePath('/follow') },
  { route: 'PUT /api/v1/data-uses/{reference}/follow', on: 'a published record', as: 'another resident', status: 200, request: dataUsePath('/follow') },
  // Deliberations: posting within the space's dates (the charter accepted with the first post); organizers publish rules; facilitators record workshops until the space closes.
  { route: 'POST /api/v1/deliberations/{id}/contributions', on: 'an open deliberation', as: 'another resident', status: 201, request: (id) => ({ path: `/api/v1/deliberations/${id}/contributions`, body: { stance: 'for', body: 'Oui.', charterAccepted: true } }) },
  { route: 'POST /api/v1/deliberations/{id}/contributions', on: 'an open deliberation', as: 'another resident', status: 422, request: (id) => ({ path: `/api/v1/deliberations/${id}/contributions`, body: { stance: 'for', body: 'Sans la charte.' } }) },
  { route: 'POST /api/v1/deliberations/{id}/contributions', on: 'a closed deliberation', as: 'another resident', status: 422, request: (id) => ({ path: `/api/v1/deliberations/${id}/contributions`, body: { stance: 'for', body: 'Trop tard.', charterAccepted: true } }) },
  { route: 'POST /api/v1/deliberations/{id}/contributions', on: 'a deliberation not open yet', as: 'another resident', status: 422, request: (id) => ({ path: `/api/v1/deliberations/${id}/contributions`, body: { stance: 'for', body: 'Trop tôt.', charterAccepted: true } }) },
  { route: 'POST /api/v1/deliberations/{id}/workshop-contributions', on: 'a closed deliberation', as: 'organizer', status: 422, request: (id) => ({ path: `/api/v1/deliberations/${id}/workshop-contributions`, body: { provenance: { workshopDate: '2027-07-12', place: 'Centre social', facilitator: 'Awa', sheetNumber: '1' }, entries: [{ stance: 'for', body: 'Oui.' }] } }) },
  { route: 'GET /api/v1/deliberations/{id}/moderation-log', on: 'an open deliberation', as: 'anonymous', status: 200, request: (id) => ({ path: `/api/v1/deliberations/${id}/moderation-log` }) },
  { route: 'GET /api/v1/deliberations/{id}/transparency', on: 'an open deliberation', as: 'anonymous', status: 200, request: (id) => ({ path: `/api/v1/deliberations/${id}/transparency` }) },
  // Statements: added and voted on within the space's dates; the map and the list are public.
  { route: 'POST /api/v1/deliberations/{id}/statements', on: 'an open deliberation', as: 'another resident', status: 201, request: (id) => ({ path: `/api/v1/deliberations/${id}/statements`, body: { text: 'Les caméras ne servent à rien.', charterAccepted: true } }) },
  { route: 'POST /api/v1/deliberations/{id}/statements', on: 'a closed deliberation', as: 'another resident', status: 422, request: (id) => ({ path: `/api/v1/deliberations/${id}/statements`, body: { text: 'Trop tard.', charterAccepted: true } }) },
  { route: 'POST /api/v1/deliberations/{id}/statements', on: 'a deliberation not open yet', as: 'another resident', status: 422, request: (id) => ({ path: `/api/v1/deliberations/${id}/statements`, body: { text: 'Trop tôt.', charterAccepted: true } }) },
  { route: 'POST /api/v1/deliberations/{id}/statements/seeded', on: 'an open deliberation', as: 'organizer', status: 201, request: (id) => ({ path: `/api/v1/deliberations/${id}/statements/seeded`, body: { text: 'Le marché est plus sûr avec des caméras.' } }) },
  { route: 'GET /api/v1/deliberations/{id}/statements', on: 'an open deliberation', as: 'anonymous', status: 200, request: (id) => ({ path: `/api/v1/deliberations/${id}/statements` }) },
  { route: 'GET /api/v1/deliberations/{id}/opinion-map', on: 'an open deliberation', as: 'anonymous', status: 200, request: (id) => ({ path: `/api/v1/deliberations/${id}/opinion-map` }) },
  { route: 'GET /api/v1/deliberations/{id}/statements/next', on: 'an open deliberation', as: 'anonymous', status: 401, request: (id) => ({ path: `/api/v1/deliberations/${id}/statements/next` }) },
  { route: 'POST /api/v1/data-uses/{reference}/suspend', on: 'a draft record', as: 'organizer', status: 422, request: (r) => ({ path: `/api/v1/data-uses/${r}/suspend`, body: { expectedRevision: 1, reason: 'Essai.' } }) },
  // The advisory panel: a call in preparation is the organizers'; a closed call takes no answer; a draw's results and seeds wait for its computation.
  { route: 'GET /api/v1/advisory-panel/calls/{reference}', on: 'a call for volunteers in preparation', as: 'anonymous', status: 404, request: (r) => ({ path: `/api/v1/advisory-panel/calls/${r}` }) },
  { route: 'GET /api/v1/advisory-panel/calls/{reference}', on: 'a call for volunteers in preparation', as: 'organizer', status: 200, request: (r) => ({ path: `/api/v1/advisory-panel/calls/${r}` }) },
  { route: 'POST /api/v1/advisory-panel/calls/{reference}/close', on: 'a call for volunteers in preparation', as: 'organizer', status: 422, request: (r) => ({ path: `/api/v1/advisory-panel/calls/${r}/close` }) },
  { route: 'POST /api/v1/advisory-panel/calls/{reference}/answers', on: 'a closed call for volunteers', as: 'anonymous', status: 422, request: (r) => ({ path: `/api/v1/advisory-panel/calls/${r}/answers`, body: { invitationCode: 'AAAA-BBBB-CCCC', values: { genre: 'femme', age: 'jeune' }, displayName: 'Camille', contactEmail: 'c@example.org' } }) },
  { route: 'POST /api/v1/advisory-panel/calls/{reference}/answers/withdraw', on: 'a call for volunteers in preparation', as: 'anonymous', status: 404, request: (r) => ({ path: `/api/v1/advisory-panel/calls/${r}/answers/withdraw`, body: { token: 'A'.repeat(43) } }) },
  { route: 'POST /api/v1/advisory-panel/calls/{reference}/answers/withdraw', on: 'a closed call for volunteers', as: 'anonymous', status: 404, request: (r) => ({ path: `/api/v1/advisory-panel/calls/${r}/answers/withdraw`, body: { token: 'A'.repeat(43) } }) },
  { route: 'GET /api/v1/advisory-panel/draws/{reference}/report', on: 'a committed draw', as: 'anonymous', status: 422, request: (r) => ({ path: `/api/v1/advisory-panel/draws/${r}/report` }) },
  { route: 'GET /api/v1/advisory-panel/draws/{reference}/files/{file}', on: 'a committed draw', as: 'anonymous', status: 200, request: (r) => ({ path: `/api/v1/advisory-panel/draws/${r}/files/categories.csv` }) },
  { route: 'POST /api/v1/advisory-panel/draws/{reference}/seeds', on: 'a committed draw', as: 'organizer', status: 422, request: (r) => ({ path: `/api/v1/advisory-panel/draws/${r}/seeds`, body: { witness: 1, seed: '0123456789abcdef0123456789abcdef' } }) },
  { route: 'POST /api/v1/advisory-panel/draws/{reference}/draw', on: 'a committed draw', as: 'organizer', status: 422, request: (r) => ({ path: `/api/v1/advisory-panel/draws/${r}/draw` }) },
  // Consultations: a draft is the organizers'; rules are locked once opened; results wait for the close (organizers too); officers act during the vote.
  { route: 'GET /api/v1/consultations/{reference}', on: 'a consultation in preparation', as: 'anonymous', status: 404, request: (r) => ({ path: `/api/v1/consultations/${r}` }) },
  { route: 'GET /api/v1/consultations/{reference}', on: 'a consultation in preparation', as: 'organizer', status: 200, request: (r) => ({ path: `/api/v1/consultations/${r}` }) },
  { route: 'PUT /api/v1/consultations/{reference}', on: 'a consultation in its information phase', as: 'organizer', status: 422, request: (r) => ({ path: `/api/v1/consultations/${r}`, body: { content: { title: 'Les caméras', question: 'Que faire ?', dataUseReference: 'DU-2000-001', schedule: futureSchedule(), rules: CONSULTATION_RULES } } }) },
  { route: 'POST /api/v1/consultations/{reference}/questions', on: 'a consultation in its information phase', as: 'another resident', status: 201, request: (r) => ({ path: `/api/v1/consultations/${r}/questions`, body: { body: 'Qui regarde les images ?' } }) },
  { route: 'POST /api/v1/consultations/{reference}/questions', on: 'a consultation in its vote', as: 'another resident', status: 422, request: (r) => ({ path: `/api/v1/consultations/${r}/questions`, body: { body: 'Qui regarde les images ?' } }) },
  { route: 'POST /api/v1/consultations/{reference}/ballots', on: 'a consultation in its vote', as: 'a verified resident', status: 201, request: (r) => ({ path: `/api/v1/consultations/${r}/ballots`, body: { idempotencyKey: randomUUID(), choices: { grades: { retirer: 0, limiter: 1, garder: 5 } } } }) },
  { route: 'POST /api/v1/consultations/{reference}/ballots', on: 'a consultation in its vote', as: 'another resident', status: 403, request: (r) => ({ path: `/api/v1/consultations/${r}/ballots`, body: { idempotencyKey: randomUUID(), choices: { grades: { retirer: 0, limiter: 1, garder: 5 } } } }) },
  { route: 'POST /api/v1/consultations/{reference}/ballots', on: 'a consultation in its information phase', as: 'a verified resident', status: 422, request: (r) => ({ path: `/api/v1/consultations/${r}/ballots`, body: { idempotencyKey: randomUUID(), choices: { grades: { retirer: 0, limiter: 1, garder: 5 } } } }) },
  { route: 'GET /api/v1/consultations/{reference}/results', on: 'a consultation in its vote', as: 'organizer', status: 403, request: (r) => ({ path: `/api/v1/consultations/${r}/results` }) },
  { route: 'GET /api/v1/consultations/{reference}/turnout', on: 'a consultation in its vote', as: 'anonymous', status: 200, request: (r) => ({ path: `/api/v1/consultations/${r}/turnout` }) },
  { route: 'POST /api/v1/consultations/{reference}/paper-totals', on: 'a consultation in its information phase', as: 'organizer', status: 422, request: (r) => ({ path: `/api/v1/consultations/${r}/paper-totals`, body: { stationName: 'Bureau 1', place: 'Mairie', countedAt: new Date().toISOString(), officers: ['A', 'B'], ballots: 0, blankOrInvalid: 0, counts: { grades: { retirer: [0, 0, 0, 0, 0, 0], limiter: [0, 0, 0, 0, 0, 0], garder: [0, 0, 0, 0, 0, 0] } } } }) },
];

/** The record a rule is about, made fresh with its author. */
export async function createRecordSubject(t: Api, subject: RecordSubject): Promise<{ reference: string; author: TestPerson | null }> {
  switch (subject) {
    case 'a draft proposal':
      return createProposal(t, { state: 'draft' });
    case 'a submitted proposal':
      return createProposal(t, { state: 'submitted' });
    case 'a proposal collecting supports':
      return createProposal(t, { state: 'admissible' });
    case 'a draft record':
      return { reference: (await createDataUse(t, { content: PUBLISHABLE_DATA_USE, state: 'draft' })).reference, author: null };
    case 'a published record':
      return { reference: (await createDataUse(t, { content: PUBLISHABLE_DATA_USE, state: 'published' })).reference, author: null };
    case 'an open deliberation':
      return { reference: (await createDeliberation(t)).id, author: null };
    case 'a closed deliberation':
      return { reference: (await createDeliberation(t, { opensAt: new Date(Date.now() - 10 * 86_400_000), closesAt: new Date(Date.now() - 86_400_000) })).id, author: null };
    case 'a deliberation not open yet':
      return { reference: (await createDeliberation(t, { opensAt: new Date(Date.now() + 86_400_000) })).id, author: null };
    case 'a call for volunteers in preparation':
      return { reference: (await createPanelCall(t, { state: 'draft' })).reference, author: null };
    case 'a closed call for volunteers':
      return { reference: (await createPanelCall(t, { state: 'closed' })).reference, author: null };
    case 'a committed draw':
      return { reference: (await createPanelDraw(t, { state: 'committed' })).reference, author: null };
    case 'a consultation in preparation':
      return { reference: (await createConsultation(t, { state: 'draft' })).reference, author: null };
    case 'a consultation in its information phase':
      return { reference: (await createConsultation(t, { state: 'information' })).reference, author: null };
    case 'a consultation in its vote':
      return { reference: (await createConsultation(t, { state: 'vote' })).reference, author: null };
  }
}

/** Headers for a record rule's caller. */
export async function recordCallerHeaders(t: Db, caller: RecordCaller, author: TestPerson | null, neighbourhoodId: string): Promise<Record<string, string>> {
  switch (caller) {
    case 'anonymous':
      return {};
    case 'author':
      if (!author) throw new Error('This subject has no author.');
      return author.auth;
    case 'another resident':
      return (await createPerson(t)).auth;
    case 'a verified resident':
      return (await createPerson(t, { verifiedIn: neighbourhoodId })).auth;
    case 'organizer':
      return (await createPerson(t, { roles: ['resident', 'organizer'] })).auth;
  }
}
