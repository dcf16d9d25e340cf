import { MeSchema, PeopleQuerySchema, PersonSummarySchema, RoleChangeParamsSchema, UpdateMeSchema, pageOf } from '@sesame/domain';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { problemResponses } from '../openapi/problem-responses';

const json = <T>(schema: T) => ({ 'application/json': { schema } });
const person = [{ person: [] }];

const roleChange = (verb: 'grant' | 'revoke') => ({
  tags: ['People'],
  summary: verb === 'grant' ? 'Grants a role (admins); audited' : 'Revokes a role (admins; not one’s own admin role); audited',
  operationId: verb === 'grant' ? 'grantRole' : 'revokeRole',
  security: person,
  requestParams: { path: RoleChangeParamsSchema },
  responses: { '200': { description: 'The person with their roles.', content: json(PersonSummarySchema) }, ...problemResponses(400, 401, 403, 404) },
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
      operationId: 'updateMe',
      security: person,
      requestBody: { content: json(UpdateMeSchema) },
      responses: { '200': { description: 'Me, updated.', content: json(MeSchema) }, ...problemResponses(400, 401, 409) },
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
