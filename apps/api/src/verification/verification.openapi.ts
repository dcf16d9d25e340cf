import {
  CensusImportResultSchema,
  CensusMatchSchema,
  CreateInvitationBatchSchema,
  CreatedInvitationBatchSchema,
  InvitationBatchFormatSchema,
  InvitationBatchSummarySchema,
  RedeemInvitationCodeSchema,
  ResidentVerificationSchema,
} from '@sesame/domain';
import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { problemResponses } from '../openapi/problem-responses';

const person = [{ person: [] }];

export const verificationPaths: ZodOpenApiPathsObject = {
  '/verification/invitation-batches': {
    post: {
      tags: ['Verification'],
      summary: 'Creates N single-use invitation codes for a neighbourhood (organizers, admins)',
      description: 'The codes exist in clear only in this answer: JSON, a CSV for mail merges, or a PDF of printable letters (one per page). Audited.',
      operationId: 'createInvitationBatch',
      security: person,
      requestParams: { query: InvitationBatchFormatSchema },
      requestBody: { content: { 'application/json': { schema: CreateInvitationBatchSchema } } },
      responses: {
        '201': {
          description: 'The batch and its codes.',
          content: {
            'application/json': { schema: CreatedInvitationBatchSchema },
            'text/csv': { schema: z.string() },
            'application/pdf': { schema: z.string().meta({ format: 'binary' }) },
          },
        },
        ...problemResponses(400, 401, 403),
      },
    },
    get: {
      tags: ['Verification'],
      summary: 'Invitation batches with their used and revoked counts (organizers, admins)',
      operationId: 'listInvitationBatches',
      security: person,
      responses: { '200': { description: 'Newest first.', content: { 'application/json': { schema: z.array(InvitationBatchSummarySchema) } } }, ...problemResponses(401, 403) },
    },
  },
  '/verification/invitation-batches/{batchId}/revoke': {
    post: {
      tags: ['Verification'],
      summary: 'Revokes every unused code of a batch (lost letters); audited',
      operationId: 'revokeInvitationBatch',
      security: person,
      requestParams: { path: z.object({ batchId: z.uuid() }) },
      responses: { '200': { description: 'The batch, updated.', content: { 'application/json': { schema: InvitationBatchSummarySchema } } }, ...problemResponses(401, 403, 404) },
    },
  },
  '/verification/census': {
    post: {
      tags: ['Verification'],
      summary: 'Imports the census list (organizers, admins): CSV with nom, prénom, date de naissance and quartier',
      description: 'Only keyed hashes (HMAC-SHA256) of the normalised fields are stored; the file itself is never kept. Rows already present are skipped. Audited (counts only).',
      operationId: 'importCensus',
      security: person,
      requestParams: { query: z.object({ neighbourhoodId: z.uuid().optional() }) },
      requestBody: { content: { 'text/csv': { schema: z.string() } } },
      responses: { '200': { description: 'What was imported and which lines were rejected.', content: { 'application/json': { schema: CensusImportResultSchema } } }, ...problemResponses(400, 401, 403, 413) },
    },
  },
  '/me/verification/census': {
    post: {
      tags: ['Verification'],
      summary: 'Matches my details against the census list: I become a verified resident',
      description:
        'Details not on the list and details already verifying another account both answer the same 422, so that the answer reveals neither. An account already verified answers 409 (one identity per account; deleting the account releases its entry). Attempts, shared with codes, are limited per person (10 an hour), per network and for the whole platform.',
      operationId: 'matchCensus',
      security: person,
      requestBody: { content: { 'application/json': { schema: CensusMatchSchema } } },
      responses: { '200': { description: 'My verification.', content: { 'application/json': { schema: ResidentVerificationSchema } } }, ...problemResponses(400, 401, 409, 422, 429) },
    },
  },
  '/me/verification': {
    post: {
      tags: ['Verification'],
      summary: 'Redeems an invitation code: I become a verified resident of its neighbourhood',
      description: 'A used code answers 409; an unknown or revoked code 422; an account already verified 409 (one identity per account). Attempts, shared with the census, are limited per person (10 an hour), per network and for the whole platform.',
      operationId: 'redeemInvitationCode',
      security: person,
      requestBody: { content: { 'application/json': { schema: RedeemInvitationCodeSchema } } },
      responses: {
        '200': { description: 'My verification.', content: { 'application/json': { schema: ResidentVerificationSchema } } },
        ...problemResponses(400, 401, 409, 422, 429),
      },
    },
  },
};
