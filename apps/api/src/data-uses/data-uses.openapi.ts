import {
  CreateDataUseSchema,
  DataUseDiffSchema,
  DataUsePageSchema,
  DataUseQuerySchema,
  DataUseReferenceParamsSchema,
  DataUseFollowSchema,
  DataUseSchema,
  DataUseTransitionSchema,
  DataUseVersionParamsSchema,
  OpenDataUsesDocumentSchema,
  DataUseVersionSummarySchema,
  PublishDataUseSchema,
  UpdateDataUseSchema,
} from '@sesame/domain';
import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { problemResponses } from '../openapi/problem-responses';

const json = <T>(schema: T) => ({ 'application/json': { schema } });
const person = [{ person: [] }];

export const dataUsesPaths: ZodOpenApiPathsObject = {
  '/data-uses': {
    get: {
      tags: ['Register of data uses'],
      summary: 'Published records, filtered, with French full-text search',
      operationId: 'listDataUses',
      requestParams: { query: DataUseQuerySchema },
      responses: { '200': { description: 'A page of records.', content: json(DataUsePageSchema) }, ...problemResponses(400) },
    },
    post: {
      tags: ['Register of data uses'],
      summary: 'Creates a draft record (organizers, authority, admins); drafts are private',
      operationId: 'createDataUse',
      security: person,
      requestBody: { content: json(CreateDataUseSchema) },
      responses: { '201': { description: 'The draft, with its reference.', content: json(DataUseSchema) }, ...problemResponses(400, 401, 403) },
    },
  },
  '/data-uses/{reference}': {
    get: {
      tags: ['Register of data uses'],
      summary: 'One record, current version (drafts: editors only, 404 otherwise)',
      operationId: 'getDataUse',
      requestParams: { path: DataUseReferenceParamsSchema },
      responses: { '200': { description: 'The record.', content: json(DataUseSchema) }, ...problemResponses(400, 404) },
    },
    put: {
      tags: ['Register of data uses'],
      summary: 'Saves an edit: a draft in place, a published record as a new version with its change note',
      description: 'Send the revision you started from: 409 when someone saved in between (never overwritten).',
      operationId: 'updateDataUse',
      security: person,
      requestParams: { path: DataUseReferenceParamsSchema },
      requestBody: { content: json(UpdateDataUseSchema) },
      responses: { '200': { description: 'The record, saved.', content: json(DataUseSchema) }, ...problemResponses(400, 401, 403, 404, 409, 422) },
    },
  },
  '/data-uses/{reference}/publish': {
    post: {
      tags: ['Register of data uses'],
      summary: 'Publishes a complete draft (422 lists what is missing)',
      operationId: 'publishDataUse',
      security: person,
      requestParams: { path: DataUseReferenceParamsSchema },
      requestBody: { content: json(PublishDataUseSchema) },
      responses: { '200': { description: 'The published record.', content: json(DataUseSchema) }, ...problemResponses(400, 401, 403, 404, 409, 422) },
    },
  },
  '/data-uses/{reference}/suspend': {
    post: {
      tags: ['Register of data uses'],
      summary: 'Suspends a published record: a new version with the reason as its note (audited, followers told)',
      operationId: 'suspendDataUse',
      security: person,
      requestParams: { path: DataUseReferenceParamsSchema },
      requestBody: { content: json(DataUseTransitionSchema) },
      responses: { '200': { description: 'The suspended record.', content: json(DataUseSchema) }, ...problemResponses(400, 401, 403, 404, 409, 422) },
    },
  },
  '/data-uses/{reference}/retire': {
    post: {
      tags: ['Register of data uses'],
      summary: 'Retires a published record: a new version with the reason as its note (audited, followers told)',
      operationId: 'retireDataUse',
      security: person,
      requestParams: { path: DataUseReferenceParamsSchema },
      requestBody: { content: json(DataUseTransitionSchema) },
      responses: { '200': { description: 'The retired record.', content: json(DataUseSchema) }, ...problemResponses(400, 401, 403, 404, 409, 422) },
    },
  },
  '/data-uses/{reference}/follow': {
    put: {
      tags: ['Register of data uses'],
      summary: 'Follows a published record (idempotent): its new versions, suspension, retirement, overdue review reach you as notifications',
      operationId: 'followDataUse',
      security: person,
      requestParams: { path: DataUseReferenceParamsSchema },
      responses: { '200': { description: 'Following.', content: json(DataUseFollowSchema) }, ...problemResponses(400, 401, 404, 422) },
    },
    delete: {
      tags: ['Register of data uses'],
      summary: 'Stops following a record (idempotent)',
      operationId: 'unfollowDataUse',
      security: person,
      requestParams: { path: DataUseReferenceParamsSchema },
      responses: { '200': { description: 'Not following.', content: json(DataUseFollowSchema) }, ...problemResponses(400, 401, 404) },
    },
  },
  '/data-uses/{reference}/versions': {
    get: {
      tags: ['Register of data uses'],
      summary: 'The history of a record, newest first',
      operationId: 'listDataUseVersions',
      requestParams: { path: DataUseReferenceParamsSchema },
      responses: { '200': { description: 'Versions.', content: json(z.array(DataUseVersionSummarySchema)) }, ...problemResponses(400, 404) },
    },
  },
  '/data-uses/{reference}/versions/{version}/diff': {
    get: {
      tags: ['Register of data uses'],
      summary: 'What changed in a version, field by field, from the one before',
      operationId: 'diffDataUseVersion',
      requestParams: { path: DataUseVersionParamsSchema },
      responses: { '200': { description: 'The changes.', content: json(DataUseDiffSchema) }, ...problemResponses(400, 404) },
    },
  },
  '/open-data/data-uses.json': {
    get: {
      tags: ['Open data'],
      summary: 'Every published record (current version, redacted fields withheld) with the field mapping to ATRS and Eurocities',
      operationId: 'openDataUsesJson',
      responses: { '200': { description: 'The register as JSON.', content: json(OpenDataUsesDocumentSchema) } },
    },
  },
  '/open-data/data-uses.csv': {
    get: {
      tags: ['Open data'],
      summary: 'The register as CSV (UTF-8, comma, one row per record; columns documented in the JSON `fields`)',
      operationId: 'openDataUsesCsv',
      responses: { '200': { description: 'CSV.', content: { 'text/csv': { schema: z.string() } } } },
    },
  },
  '/open-data/data-uses.atom': {
    get: {
      tags: ['Open data'],
      summary: 'Atom feed of publications, new versions, suspensions and retirements (50 newest)',
      operationId: 'openDataUsesAtom',
      responses: { '200': { description: 'Atom 1.0.', content: { 'application/atom+xml': { schema: z.string() } } } },
    },
  },
};
