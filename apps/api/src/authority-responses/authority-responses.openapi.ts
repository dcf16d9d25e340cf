import {
  AnsweredResponsesPageSchema,
  AnsweredResponsesQuerySchema,
  AnswerInputSchema,
  AuthorityResponseView,
  AuthorityResponseViewSchema,
  EvaluationInputSchema,
  FollowUpGroupInputSchema,
  ImplementationActionInputSchema,
  OutstandingResponsesSchema,
  OverdueCounterSchema,
  ProgressReportInputSchema,
  ResponseItemParamsSchema,
  ResponseReferenceParamsSchema,
  VerificationInputSchema,
} from '@sesame/domain';
import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { problemResponses } from '../openapi/problem-responses';

const json = <T>(schema: T) => ({ 'application/json': { schema } });
const person = [{ person: [] }];
const tags = ['Authority responses'];
const path = { path: ResponseReferenceParamsSchema };
const itemPath = { path: ResponseItemParamsSchema };
const view = (status: '200' | '201', description: string) => ({ [status]: { description, content: json(AuthorityResponseViewSchema) } });

export const authorityResponsesPaths: ZodOpenApiPathsObject = {
  '/authority-responses/overdue': {
    get: { tags, summary: 'How many responses and progress reports are overdue (the public counter)', operationId: 'overdueResponsesCounter', responses: { '200': { description: 'The counter.', content: json(OverdueCounterSchema) } } },
  },
  '/authority-responses/outstanding': {
    get: {
      tags,
      summary: 'Recommendations awaiting the authority’s answer, with days overdue (most overdue first), and overdue progress reports',
      operationId: 'outstandingResponses',
      responses: { '200': { description: 'What the authority owes.', content: json(OutstandingResponsesSchema) } },
    },
  },
  '/authority-responses/answered': {
    get: {
      tags,
      summary: 'The answered recommendations with their tracking, a page at a time (the town and the organizers): tracked first, next progress report due soonest first',
      operationId: 'answeredResponses',
      security: person,
      requestParams: { query: AnsweredResponsesQuerySchema },
      responses: { '200': { description: 'A page of answered recommendations.', content: json(AnsweredResponsesPageSchema) }, ...problemResponses(400, 401, 403) },
    },
  },
  '/authority-responses/{reference}': {
    get: { tags, summary: 'A published recommendation’s response and its implementation tracking', operationId: 'getAuthorityResponse', requestParams: path, responses: { ...view('200', 'The response block.'), ...problemResponses(400, 404) } },
    post: {
      tags,
      summary: 'The authority answers (comply or explain: a justification unless accepted; late answers are marked late; 403 once the window closed; 409 when answered)',
      operationId: 'answerRecommendation',
      security: person,
      requestParams: path,
      requestBody: { content: json(AnswerInputSchema) },
      responses: { ...view('201', 'The response, published.'), ...problemResponses(400, 401, 403, 404, 409) },
    },
  },
  '/authority-responses/{reference}/actions': {
    post: {
      tags,
      summary: 'Adds an implementation action (accepted or partly accepted recommendations)',
      operationId: 'addImplementationAction',
      security: person,
      requestParams: path,
      requestBody: { content: json(ImplementationActionInputSchema) },
      responses: { ...view('201', 'The tracking.'), ...problemResponses(400, 401, 403, 404, 422) },
    },
  },
  '/authority-responses/{reference}/actions/{number}': {
    put: {
      tags,
      summary: 'Updates an implementation action',
      operationId: 'updateImplementationAction',
      security: person,
      requestParams: itemPath,
      requestBody: { content: json(ImplementationActionInputSchema) },
      responses: { ...view('200', 'The tracking.'), ...problemResponses(400, 401, 403, 404, 422) },
    },
  },
  '/authority-responses/{reference}/progress-reports': {
    post: {
      tags,
      summary: 'Files a progress report (due 3 months after the answer, then every 6 months)',
      operationId: 'fileProgressReport',
      security: person,
      requestParams: path,
      requestBody: { content: json(ProgressReportInputSchema) },
      responses: { ...view('201', 'The tracking.'), ...problemResponses(400, 401, 403, 404, 422) },
    },
  },
  '/authority-responses/{reference}/progress-reports/{number}/verification': {
    put: {
      tags,
      summary: 'A panel member marks a progress report verified (« vérifié par le comité ») or not',
      operationId: 'verifyProgressReport',
      security: person,
      requestParams: itemPath,
      requestBody: { content: json(VerificationInputSchema) },
      responses: { ...view('200', 'The tracking.'), ...problemResponses(400, 401, 403, 404, 422) },
    },
  },
  '/authority-responses/{reference}/evaluation': {
    put: {
      tags,
      summary: 'The panel scores the response (0–10) and publishes its evaluation',
      operationId: 'evaluateResponse',
      security: person,
      requestParams: path,
      requestBody: { content: json(EvaluationInputSchema) },
      responses: { ...view('200', 'The response with its evaluation.'), ...problemResponses(400, 401, 403, 404, 422) },
    },
  },
  '/authority-responses/{reference}/follow-up-group': {
    put: {
      tags,
      summary: 'Names the panel members who follow the response up',
      operationId: 'nameFollowUpGroup',
      security: person,
      requestParams: path,
      requestBody: { content: json(FollowUpGroupInputSchema) },
      responses: { ...view('200', 'The response with its follow-up group.'), ...problemResponses(400, 401, 403, 404, 422) },
    },
  },
  '/open-data/authority-responses.json': {
    get: {
      tags,
      summary: 'Every published recommendation with its response and tracking',
      operationId: 'authorityResponsesJson',
      responses: { '200': { description: 'Open data.', content: json(z.object({ generatedAt: z.string(), licence: z.string(), records: z.array(AuthorityResponseView) })) } },
    },
  },
  '/open-data/authority-responses.csv': { get: { tags, summary: 'Responses as CSV', operationId: 'authorityResponsesCsv', responses: { '200': { description: 'CSV.', content: { 'text/csv': { schema: z.string() } } } } } },
  '/open-data/authority-responses.atom': { get: { tags, summary: 'Responses and progress reports as Atom', operationId: 'authorityResponsesAtom', responses: { '200': { description: 'Atom.', content: { 'application/atom+xml': { schema: z.string() } } } } } },
};
