import { ConfirmEmailChangeSchema, EmailChangeRequestSchema, MeSchema, PeopleQuerySchema, PersonSummarySchema, RoleChangeParamsSchema, UpdateMeSchema, WelcomeSchema, pageOf } from '@sesame/domain';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { problemResponses } from '../openapi/problem-responses';

const json = <T>(schema: T) => ({ 'application/json': { schema } });
const person = [{ person: [] }];

const roleChange = (verb: 'grant' | 'revoke') => ({
  tags: ['People'],
  summary: verb === 'grant' ? 'Grants a role (admins); audited' : 'Revokes a role (admins; not one’s own admin role, never the last admin); audited',
  operationId: verb === 'grant' ? 'grantRole' : 'revokeRole',
  security: person,
  requestParams: { path: RoleChangeParamsSchema },
  responses: {
    '200': { description: 'The person with their roles.', content: json(PersonSummarySchema) },
    ...(verb === 'grant' ? problemResponses(400, 401, 403, 404) : problemResponses(400, 401, 403, 404, 409)),
  },
});

export const peoplePaths: ZodOpenApiPathsObject = {
  '/me': {
    get: {
      tags: ['People'],
      summary: 'My account',
      operationId: 'getMe',
      security: person,
      responses: { '200': { description: 'Me, with my e-mail (visible to me only).', content: json(MeSchema) }, ...problemResponses(401) },
    },
    patch: {
      tags: ['People'],
      summary: 'Edits my pseudonym, language or neighbourhood',
      description:
        'A pseudonym that passes for an official role or a deleted account, mixes alphabets or ends with punctuation answers 400; one that looks like someone else’s (same skeleton: confusable characters, case, accents, punctuation) 409.',
      operationId: 'updateMe',
      security: person,
      requestBody: { content: json(UpdateMeSchema) },
      responses: { '200': { description: 'Me, updated.', content: json(MeSchema) }, ...problemResponses(400, 401, 409) },
    },
    delete: {
      tags: ['People'],
      summary: 'Deletes my account',
      description:
        'Personal fields are erased, roles and verification removed (the census entry it used is released), sessions ended. Contributions stay, attributed to "Compte supprimé"; supports and ballots keep counting. The last admin cannot delete their account (409).',
      operationId: 'deleteMe',
      security: person,
      responses: { '204': { description: 'Deleted.' }, ...problemResponses(401, 409) },
    },
  },
  '/me/welcome': {
    post: {
      tags: ['People'],
      summary: 'A new account’s first step: choose my pseudonym, or keep the one given',
      description:
        'A new account (`welcomed: false` in GET /me) is welcomed by the web, which offers to choose a pseudonym. With `pseudonym`, the same rules as PATCH /me apply (400 for one that passes for a role or a deleted account, 409 for a look-alike of someone else’s); without it, the given pseudonym stays. Either way `welcomed` becomes true; calling again only renames.',
      operationId: 'welcomeMe',
      security: person,
      requestBody: { content: json(WelcomeSchema) },
      responses: { '200': { description: 'Me, welcomed.', content: json(MeSchema) }, ...problemResponses(400, 401, 409) },
    },
  },
  '/me/export': {
    get: {
      tags: ['People'],
      summary: 'Downloads everything the platform holds about me (JSON)',
      operationId: 'exportMyData',
      security: person,
      responses: { '200': { description: 'A JSON file, one part per feature: account and roles, audit entries about me, e-mail links (with the address each went to) and linked identities, notifications and e-mail preference, verification, register and proposals activity.', content: { 'application/json': {} } }, ...problemResponses(401) },
    },
  },
  '/me/email-change': {
    post: {
      tags: ['People'],
      summary: 'Sends a confirmation link to my new address',
      description:
        'Always 202 with the same body, whether or not the address belongs to another account: a free address receives the confirmation link, an address in use receives a warning for its owner (no link). 422 only for my own current address. Limited per person, per network and per address.',
      operationId: 'requestEmailChange',
      security: person,
      requestBody: { content: json(EmailChangeRequestSchema) },
      responses: { '202': { description: 'Accepted; the explanation goes by e-mail to the new address.' }, ...problemResponses(400, 401, 422, 429) },
    },
  },
  '/me/email-change/confirm': {
    post: {
      tags: ['People'],
      summary: 'Confirms my new address with the token from that link',
      operationId: 'confirmEmailChange',
      security: person,
      requestBody: { content: json(ConfirmEmailChangeSchema) },
      responses: { '200': { description: 'Me, with the new address.', content: json(MeSchema) }, ...problemResponses(400, 401, 409, 422) },
    },
  },
  '/me/voter-code/renewal': {
    post: {
      tags: ['People'],
      summary: 'Renews my voter code (verified residents): a new random code; the old one finds nobody at a polling station any more',
      operationId: 'renewMyVoterCode',
      security: person,
      responses: { '200': { description: 'Me, with the new voter code.', content: json(MeSchema) }, ...problemResponses(401, 422) },
    },
  },
  '/me/sessions/revoke': {
    post: {
      tags: ['People'],
      summary: 'Signs me out of every device',
      operationId: 'revokeMySessions',
      security: person,
      responses: { '204': { description: 'Every credential issued until now is refused.' }, ...problemResponses(401) },
    },
  },
  '/me/sessions/end': {
    post: {
      tags: ['People'],
      summary: 'Signs me out of this browser session only',
      operationId: 'endMySession',
      security: person,
      responses: {
        '204': { description: 'The session the credential was issued for is refused from now on (copies of its cookie included); other sessions go on.' },
        ...problemResponses(401, 422),
      },
    },
  },
  '/admin/people': {
    get: {
      tags: ['People'],
      summary: 'People and their roles (admins), never their e-mail',
      operationId: 'listPeople',
      security: person,
      requestParams: { query: PeopleQuerySchema },
      responses: { '200': { description: 'A page of people.', content: json(pageOf(PersonSummarySchema)) }, ...problemResponses(400, 401, 403) },
    },
  },
  '/admin/people/{personId}/roles/{role}': { put: roleChange('grant'), delete: roleChange('revoke') },
};
