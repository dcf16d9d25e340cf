import { z } from 'zod';
import { pageOf } from '../common/pagination.schema';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

/** Action names are `<feature>.<verb>`, e.g. `proposals.submit`, `roles.grant`. */
export const AuditActionSchema = z.string().regex(/^[a-z][a-z-]*(\.[a-z][a-z-]*)+$/).max(100);

/** A public audit-log entry as the API publishes it. */
export const AuditEntrySchema = z
  .object({
    seq: z.int().min(1),
    occurredAt: z.iso.datetime(),
    actorId: z.uuid().nullable(),
    action: AuditActionSchema,
    subjectType: z.string(),
    subjectId: z.string().nullable(),
    visibility: z.enum(['public', 'restricted']),
    data: z.json(),
    contentHash: hex64,
    prevHash: hex64,
    hash: hex64,
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntryDto = z.infer<typeof AuditEntrySchema>;

export const AuditEntryPageSchema = pageOf(AuditEntrySchema).meta({ id: 'AuditEntryPage' });
export type AuditEntryPage = z.infer<typeof AuditEntryPageSchema>;

export const AuditVerificationSchema = z
  .object({
    valid: z.boolean(),
    checkedEntries: z.int().min(0),
    headHash: hex64.nullable(),
    firstInvalidSeq: z.int().nullable(),
    reason: z.string().nullable(),
  })
  .meta({ id: 'AuditVerification' });
