import {
  AppealParamsSchema,
  AppealSchema,
  BulkDecisionResultSchema,
  BulkDecisionSchema,
  ContributionPageSchema,
  ContributionParamsSchema,
  ContributionQuerySchema,
  ContributionSchema,
  DecideAppealSchema,
  DecisionParamsSchema,
  DeliberationIdParamsSchema,
  DeliberationEventSchema,
  DeliberationSchema,
  DeliberationSubjectParamsSchema,
  EditContributionSchema,
  HelpfulStateSchema,
  ModerationDecisionSchema,
  ModerationLogPageSchema,
  ModerationQueueSchema,
  ModerationTransparencySchema,
  MyModerationDecisionsSchema,
  OverallModerationLogPageSchema,
  OpenDeliberationSchema,
  PageQuerySchema,
  PostContributionSchema,
  PublishRulesSchema,
  RecordWorkshopSchema,
  ReportContributionSchema,
  ReportReceiptSchema,
  StatementOfReasonsSchema,
} from '@sesame/domain';
import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { problemResponses } from '../openapi/problem-responses';

const json = <T>(schema: T) => ({ 'application/json': { schema } });
const person = [{ person: [] }];
const tags = ['Deliberations'];
const space = { path: DeliberationIdParamsSchema };
const item = { path: ContributionParamsSchema };
const deliberation = (status: string, description: string) => ({ [status]: { description, content: json(DeliberationSchema) } });
const contribution = (status: string, description: string) => ({ [status]: { description, content: json(ContributionSchema) } });
const statement = (status: string, description: string) => ({ [status]: { description, content: json(StatementOfReasonsSchema) } });

export const deliberationsPaths: ZodOpenApiPathsObject = {
  '/deliberations': {
    post: {
      tags,
      summary: 'Organizers open a deliberation space on an admissible proposal, with its first published rules',
      operationId: 'openDeliberation',
      security: person,
      requestBody: { content: json(OpenDeliberationSchema) },
      responses: { ...deliberation('201', 'The space.'), ...problemResponses(400, 401, 403, 404, 409, 422) },
    },
  },
  '/deliberations/{id}': {
    get: {
      tags,
      summary: 'A space with its rules in force, counts and what the reader may do there (`viewer.can`)',
      operationId: 'getDeliberation',
      requestParams: space,
      responses: { ...deliberation('200', 'The space.'), ...problemResponses(400, 404) },
    },
  },
  '/deliberations/by-subject/{subjectType}/{subjectReference}': {
    get: {
      tags,
      summary: 'The space of a subject (a proposal: PR-2027-012), as `GET /deliberations/{id}`',
      operationId: 'getDeliberationBySubject',
      requestParams: { path: DeliberationSubjectParamsSchema },
      responses: { ...deliberation('200', 'The space.'), ...problemResponses(400, 404) },
    },
  },
  '/deliberations/{id}/rules': {
    post: {
      tags,
      summary: 'Publishes a new version of the rules (recorded in the log: rules never change silently)',
      operationId: 'publishDeliberationRules',
      security: person,
      requestParams: space,
      requestBody: { content: json(PublishRulesSchema) },
      responses: { ...deliberation('201', 'The space with its new rules.'), ...problemResponses(400, 401, 403, 404) },
    },
  },
  '/deliberations/{id}/contributions': {
    get: {
      tags,
      summary: 'The thread: sorted by most helpful, newest or oldest, filtered by stance; hidden and deleted contributions as tombstones with their reason',
      operationId: 'listContributions',
      requestParams: { ...space, query: ContributionQuerySchema },
      responses: { '200': { description: 'A page of contributions.', content: json(ContributionPageSchema) }, ...problemResponses(400, 404) },
    },
    post: {
      tags,
      summary: 'Posts a contribution, or a reply (`parentId`, two levels at most); 422 outside the space’s dates; 403 suspended (with the end date); 429 after 10 in 10 minutes',
      operationId: 'postContribution',
      security: person,
      requestParams: space,
      requestBody: { content: json(PostContributionSchema) },
      responses: { ...contribution('201', 'The contribution (pending under pre-moderation).'), ...problemResponses(400, 401, 403, 404, 422, 429) },
    },
  },
  '/deliberations/{id}/events': {
    get: {
      tags,
      summary: 'Live updates of a space (Server-Sent Events): `contribution`, `reply`, `changed` and `counts` events, public figures only (never a text), a heartbeat comment every 20 s',
      description:
        'A `text/event-stream` that stays open. Each event is named by its `type` and carries one JSON `data` line: what changed and the space’s counts, never a text nor who wrote it; the page fetches the thread again to show it. A contribution pending under pre-moderation sends nothing until it is approved. With several API instances and REDIS_URL, an event published on one reaches the streams of every instance. At most 50 open streams per client address (429).',
      operationId: 'streamDeliberationEvents',
      requestParams: space,
      responses: { '200': { description: 'The stream of events.', content: { 'text/event-stream': { schema: DeliberationEventSchema } } }, ...problemResponses(400, 404, 429, 503) },
    },
  },
  '/deliberations/{id}/workshop-contributions': {
    post: {
      tags,
      summary: 'Facilitators record the entries of one workshop sheet, with their provenance and attribution',
      operationId: 'recordWorkshopContributions',
      security: person,
      requestParams: space,
      requestBody: { content: json(RecordWorkshopSchema) },
      responses: { '201': { description: 'The recorded contributions.', content: json(z.array(ContributionSchema)) }, ...problemResponses(400, 401, 403, 404, 422) },
    },
  },
  '/deliberations/{id}/contributions/{contributionId}': {
    put: {
      tags,
      summary: 'The author edits within 15 minutes (422 after); shown as edited, moderators see the previous text',
      operationId: 'editContribution',
      security: person,
      requestParams: item,
      requestBody: { content: json(EditContributionSchema) },
      responses: { ...contribution('200', 'The contribution.'), ...problemResponses(400, 401, 403, 404, 422) },
    },
    delete: {
      tags,
      summary: 'The author deletes their contribution: a tombstone stays',
      operationId: 'deleteContribution',
      security: person,
      requestParams: item,
      responses: { ...contribution('200', 'The tombstone.'), ...problemResponses(400, 401, 403, 404, 422) },
    },
  },
  '/deliberations/{id}/contributions/{contributionId}/helpful': {
    put: {
      tags,
      summary: 'Marks someone else’s contribution as helpful (one mark per person: idempotent)',
      operationId: 'markContributionHelpful',
      security: person,
      requestParams: item,
      responses: { '200': { description: 'The mark and the count.', content: json(HelpfulStateSchema) }, ...problemResponses(400, 401, 403, 404, 422) },
    },
  },
  '/deliberations/{id}/contributions/{contributionId}/reports': {
    post: {
      tags,
      summary: 'Reports a contribution with a reason of the space’s policy (illegal content: the law and an explanation); 409 twice; hidden automatically at the threshold',
      operationId: 'reportContribution',
      security: person,
      requestParams: item,
      requestBody: { content: json(ReportContributionSchema) },
      responses: { '201': { description: 'Reported.', content: json(ReportReceiptSchema) }, ...problemResponses(400, 401, 403, 404, 409, 422, 429) },
    },
  },
  '/deliberations/{id}/moderation-queue': {
    get: {
      tags,
      summary: 'Moderators: pending and reported contributions with their thread, reports and the author’s past decisions',
      operationId: 'getModerationQueue',
      security: person,
      requestParams: space,
      responses: { '200': { description: 'The queue, oldest first.', content: json(ModerationQueueSchema) }, ...problemResponses(400, 401, 403, 404) },
    },
  },
  '/deliberations/{id}/moderation-queue/decisions': {
    post: {
      tags,
      summary: 'Moderators approve or reject pending contributions in bulk (all or nothing; a rejection states its ground and facts)',
      operationId: 'decideOnContributionsInBulk',
      security: person,
      requestParams: space,
      requestBody: { content: json(BulkDecisionSchema) },
      responses: { '201': { description: 'One statement of reasons per contribution.', content: json(BulkDecisionResultSchema) }, ...problemResponses(400, 401, 403, 404, 422) },
    },
  },
  '/deliberations/{id}/contributions/{contributionId}/decisions': {
    post: {
      tags,
      summary: 'Moderators decide (approve, reject, hide, restore, edit out personal data, warn, suspend) with a statement of reasons (400 without a reason)',
      operationId: 'decideOnContribution',
      security: person,
      requestParams: item,
      requestBody: { content: json(ModerationDecisionSchema) },
      responses: { ...statement('201', 'The statement of reasons (DSA art. 17).'), ...problemResponses(400, 401, 403, 404, 422) },
    },
  },
  '/deliberations/{id}/moderation-log': {
    get: {
      tags,
      summary: 'The public moderation log: every decision with its ground and facts, never the hidden text',
      operationId: 'getModerationLog',
      requestParams: { ...space, query: PageQuerySchema },
      responses: { '200': { description: 'A page of statements of reasons, newest first.', content: json(ModerationLogPageSchema) }, ...problemResponses(400, 404) },
    },
  },
  '/deliberations/{id}/transparency': {
    get: {
      tags,
      summary: 'A space’s transparency figures: decisions per reason and kind, automatic vs human, median time to decision, appeals and reversals',
      operationId: 'getDeliberationTransparency',
      requestParams: space,
      responses: { '200': { description: 'The figures.', content: json(ModerationTransparencySchema) }, ...problemResponses(400, 404) },
    },
  },
  '/moderation-log': {
    get: {
      tags,
      summary: 'The whole platform’s public moderation log, with each decision’s subject, never the hidden text',
      operationId: 'getOverallModerationLog',
      requestParams: { query: PageQuerySchema },
      responses: { '200': { description: 'A page of statements of reasons, newest first.', content: json(OverallModerationLogPageSchema) }, ...problemResponses(400) },
    },
  },
  '/moderation/transparency': {
    get: {
      tags,
      summary: 'The transparency figures over every space',
      operationId: 'getModerationTransparency',
      responses: { '200': { description: 'The figures.', content: json(ModerationTransparencySchema) } },
    },
  },
  '/moderation-decisions/mine': {
    get: {
      tags,
      summary: 'The statements of reasons about the signed-in person, with whether and until when they may appeal',
      operationId: 'getMyModerationDecisions',
      security: person,
      responses: { '200': { description: 'Newest first.', content: json(MyModerationDecisionsSchema) }, ...problemResponses(401) },
    },
  },
  '/moderation-decisions/{decisionId}/appeal': {
    post: {
      tags,
      summary: 'The person concerned appeals a decision, once, within 6 months',
      operationId: 'appealModerationDecision',
      security: person,
      requestParams: { path: DecisionParamsSchema },
      requestBody: { content: json(AppealSchema) },
      responses: { ...statement('201', 'The decision with its appeal.'), ...problemResponses(400, 401, 403, 404, 409, 422) },
    },
  },
  '/moderation-appeals/{appealId}/decision': {
    post: {
      tags,
      summary: 'Another moderator than the one who decided upholds or reverses the decision (published in the log)',
      operationId: 'decideModerationAppeal',
      security: person,
      requestParams: { path: AppealParamsSchema },
      requestBody: { content: json(DecideAppealSchema) },
      responses: { ...statement('200', 'The decision with the appeal’s outcome.'), ...problemResponses(400, 401, 403, 404, 422) },
    },
  },
  '/open-data/contributions.json': {
    get: { tags: ['Open data'], summary: 'Every public contribution of public spaces; hidden and deleted ones as tombstones with their reason; workshop provenance', operationId: 'openDataContributionsJson', responses: { '200': { description: 'JSON.', content: { 'application/json': {} } } } },
  },
  '/open-data/contributions.csv': {
    get: { tags: ['Open data'], summary: 'Public contributions as CSV (UTF-8, comma)', operationId: 'openDataContributionsCsv', responses: { '200': { description: 'CSV.', content: { 'text/csv': { schema: z.string() } } } } },
  },
  '/open-data/contributions.atom': {
    get: { tags: ['Open data'], summary: 'Atom feed of the 50 newest public contributions', operationId: 'openDataContributionsAtom', responses: { '200': { description: 'Atom 1.0.', content: { 'application/atom+xml': { schema: z.string() } } } } },
  },
  '/open-data/moderation-log.json': {
    get: { tags: ['Open data'], summary: 'The moderation log: every statement of reasons, with appeals and the provenance of workshop contributions, never the hidden text', operationId: 'openDataModerationLogJson', responses: { '200': { description: 'JSON.', content: { 'application/json': {} } } } },
  },
  '/open-data/moderation-log.csv': {
    get: { tags: ['Open data'], summary: 'The moderation log as CSV (UTF-8, comma)', operationId: 'openDataModerationLogCsv', responses: { '200': { description: 'CSV.', content: { 'text/csv': { schema: z.string() } } } } },
  },
  '/open-data/moderation-log.atom': {
    get: { tags: ['Open data'], summary: 'Atom feed of the 50 newest moderation decisions', operationId: 'openDataModerationLogAtom', responses: { '200': { description: 'Atom 1.0.', content: { 'application/atom+xml': { schema: z.string() } } } } },
  },
};
