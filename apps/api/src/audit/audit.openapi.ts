import { AuditEntryPageSchema, AuditHeadPageSchema, AuditHeadsQuerySchema, AuditLogQuerySchema, AuditVerificationSchema, OpenAuditHeadsDocumentSchema } from '@sesame/domain';
import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { problemResponses } from '../openapi/problem-responses';

export const auditPaths: ZodOpenApiPathsObject = {
  '/audit-log': {
    get: {
      tags: ['Audit log'],
      summary: 'Public entries of the audit log, newest first',
      description:
        'Every state change on the platform is recorded in a hash chain: contentHash = sha256(RFC 8785 canonical JSON of seq, occurredAt, actorId, action, subjectType, subjectId, visibility, data) and hash = sha256(prevHash + contentHash). Restricted entries are chained but not listed; their contentHash also covers a 256-bit random salt kept secret with their content (scheme 2), so their content cannot be guessed from the public hashes.',
      operationId: 'listAuditLog',
      requestParams: { query: AuditLogQuerySchema },
      responses: {
        '200': { description: 'A page of entries.', content: { 'application/json': { schema: AuditEntryPageSchema } } },
        ...problemResponses(400),
      },
    },
  },
  '/audit-log/heads': {
    get: {
      tags: ['Audit log'],
      summary: 'Chain heads published so far (every hour when the log moved), newest first',
      description: 'Keep a copy of a head: `npm run audit:verify -- --head seq:hash` later shows whether the history up to it was rewritten.',
      operationId: 'listAuditHeads',
      requestParams: { query: AuditHeadsQuerySchema },
      responses: {
        '200': { description: 'A page of heads.', content: { 'application/json': { schema: AuditHeadPageSchema } } },
        ...problemResponses(400),
      },
    },
  },
  '/audit-log/verification': {
    get: {
      tags: ['Audit log'],
      summary: 'Recomputes the whole chain, checks it still passes through every published head, and reports the first broken entry, if any',
      operationId: 'verifyAuditLog',
      responses: {
        '200': { description: 'The result of the check.', content: { 'application/json': { schema: AuditVerificationSchema } } },
      },
    },
  },
  '/open-data/audit-heads.json': {
    get: {
      tags: ['Open data'],
      summary: 'Every published head of the audit log (seq, hash, time), newest first',
      operationId: 'openDataAuditHeadsJson',
      responses: { '200': { description: 'The heads as JSON.', content: { 'application/json': { schema: OpenAuditHeadsDocumentSchema } } } },
    },
  },
  '/open-data/audit-heads.csv': {
    get: {
      tags: ['Open data'],
      summary: 'The published heads as CSV (seq, hash, publishedAt)',
      operationId: 'openDataAuditHeadsCsv',
      responses: { '200': { description: 'CSV.', content: { 'text/csv': { schema: z.string() } } } },
    },
  },
  '/open-data/audit-heads.atom': {
    get: {
      tags: ['Open data'],
      summary: 'Atom feed of the published heads (50 newest)',
      operationId: 'openDataAuditHeadsAtom',
      responses: { '200': { description: 'Atom 1.0.', content: { 'application/atom+xml': { schema: z.string() } } } },
    },
  },
};
