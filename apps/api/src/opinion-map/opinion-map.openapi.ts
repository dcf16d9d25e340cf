import {
  DeliberationIdParamsSchema,
  NextStatementSchema,
  OpinionMapSchema,
  StatementDecisionInputSchema,
  StatementInputSchema,
  StatementListSchema,
  StatementParamsSchema,
  StatementSchema,
  StatementVoteInputSchema,
} from '@sesame/domain';
import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { problemResponses } from '../openapi/problem-responses';

const json = <T>(schema: T) => ({ 'application/json': { schema } });
const person = [{ person: [] }];
const tags = ['Opinion map'];
const space = { path: DeliberationIdParamsSchema };
const item = { path: StatementParamsSchema };
const statement = (status: string, description: string) => ({ [status]: { description, content: json(StatementSchema) } });
const statements = (description: string) => ({ '200': { description, content: json(z.array(StatementSchema)) } });

export const opinionMapPaths: ZodOpenApiPathsObject = {
  '/deliberations/{id}/statements': {
    get: {
      tags,
      summary: 'The approved statements of a space (seeded first, then by number), the viewer’s own in any state, their votes and what they may do (`viewer.can`)',
      operationId: 'listStatements',
      requestParams: space,
      responses: { '200': { description: 'The statements.', content: json(StatementListSchema) }, ...problemResponses(400, 404) },
    },
    post: {
      tags,
      summary: 'Adds a statement (pending under pre-moderation, approved at once under post-moderation); at most the space’s length limit',
      operationId: 'addStatement',
      security: person,
      requestParams: space,
      requestBody: { content: json(StatementInputSchema) },
      responses: { ...statement('201', 'The statement.'), ...problemResponses(400, 401, 403, 404, 422, 429) },
    },
  },
  '/deliberations/{id}/statements/seeded': {
    post: {
      tags,
      summary: 'Organizers add a seed statement, approved at once and labelled as theirs',
      operationId: 'seedStatement',
      security: person,
      requestParams: space,
      requestBody: { content: json(StatementInputSchema) },
      responses: { ...statement('201', 'The statement.'), ...problemResponses(400, 401, 403, 404) },
    },
  },
  '/deliberations/{id}/statements/next': {
    get: {
      tags,
      summary: 'The next statement to vote on, in the order the algorithm prioritises (deterministic per person and number of votes)',
      operationId: 'nextStatement',
      security: person,
      requestParams: space,
      responses: { '200': { description: 'The next statement, or null when none is left.', content: json(NextStatementSchema) }, ...problemResponses(400, 401, 404) },
    },
  },
  '/deliberations/{id}/statements/mine': {
    get: {
      tags,
      summary: 'The viewer’s own statements, in every state, with the reason of a rejection',
      operationId: 'myStatements',
      security: person,
      requestParams: space,
      responses: { ...statements('The statements.'), ...problemResponses(400, 401, 404) },
    },
  },
  '/deliberations/{id}/statements/moderation-queue': {
    get: {
      tags,
      summary: 'Statements awaiting a moderator (pre-moderation)',
      operationId: 'statementModerationQueue',
      security: person,
      requestParams: space,
      responses: { ...statements('The pending statements.'), ...problemResponses(400, 401, 403, 404) },
    },
  },
  '/deliberations/{id}/statements/{statementId}/vote': {
    put: {
      tags,
      summary: 'Votes agree, disagree or pass on an approved statement; a new vote replaces the previous one',
      operationId: 'voteOnStatement',
      security: person,
      requestParams: item,
      requestBody: { content: json(StatementVoteInputSchema) },
      responses: { ...statement('200', 'The statement with its counts.'), ...problemResponses(400, 401, 403, 404, 422, 429) },
    },
  },
  '/deliberations/{id}/statements/{statementId}/decisions': {
    post: {
      tags,
      summary: 'A moderator approves, rejects (with a reason of the space’s policy: the author is told) or marks a statement meta; audited',
      operationId: 'decideOnStatement',
      security: person,
      requestParams: item,
      requestBody: { content: json(StatementDecisionInputSchema) },
      responses: { ...statement('201', 'The statement.'), ...problemResponses(400, 401, 403, 404, 422) },
    },
  },
  '/deliberations/{id}/opinion-map': {
    get: {
      tags,
      summary: 'The opinion map as last computed in the background (groups, characteristic and bridging statements, consensus); `me` for a signed-in voter',
      operationId: 'getOpinionMap',
      requestParams: space,
      responses: { '200': { description: 'The map.', content: json(OpinionMapSchema) }, ...problemResponses(400, 404) },
    },
  },
};
