import { AuditEntryPageSchema, AuditLogQuerySchema, AuditVerificationSchema } from '@sesame/domain';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { problemResponses } from '../openapi/problem-responses';

export const auditPaths: ZodOpenApiPathsObject = {
  '/audit-log': {
    get: {
      tags: ['Audit log'],
      summary: 'Public entries of the audit log, newest first',
      description:
        'Every state change on the platform is recorded in a hash chain: contentHash = sha256(RFC 8785 canonical JSON of seq, occurredAt, actorId, action, subjectType, subjectId, visibility, data) and hash = sha256(prevHash + contentHash). Restricted entries are chained but not listed.',
      operationId: 'listAuditLog',
      requestParams: { query: AuditLogQuerySchema },
      responses: {
        '200': { description: 'A page of entries.', content: { 'application/json': { schema: AuditEntryPageSchema } } },
        ...problemResponses(400),
      },
    },
  },
  '/audit-log/verification': {
    get: {
      tags: ['Audit log'],
      summary: 'Recomputes the whole chain and reports the first broken entry, if any',
      operationId: 'verifyAuditLog',
      responses: {
        '200': { description: 'The result of the check.', content: { 'application/json': { schema: AuditVerificationSchema } } },
      },
    },
  },
};
