import { z } from 'zod';
import { PageQuerySchema, pageOf } from '../common/pagination.schema';

export const Hex64Schema = z.string().regex(/^[0-9a-f]{64}$/);
const hex64 = Hex64Schema;

/** Action names are `<subject>.<what happened>`, e.g. `role.granted`, `proposal.not_selected` (the list: audit-actions.ts). */
export const AuditActionSchema = z.string().regex(/^[a-z][a-z_-]*(\.[a-z][a-z_-]*)+$/).max(100);

/** A public audit-log entry as the API publishes it. */
export const AuditEntrySchema = z
  .object({
    seq: z.int().min(1),
    occurredAt: z.iso.datetime(),
    actorId: z.uuid().nullable(),
    /** The actor's public pseudonym (null for the system). Not part of the hashed content. */
    actor: z.string().nullable(),
    action: AuditActionSchema,
    subjectType: z.string(),
    subjectId: z.string().nullable(),
    /** When the subject is a person: their current public pseudonym (« Participant supprimé » once deleted). Not part of the hashed content. */
    subjectName: z.string().nullable(),
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
    headSeq: z.int().min(0),
    headHash: hex64.nullable(),
    firstInvalidSeq: z.int().nullable(),
    reason: z.string().nullable(),
    checkedAt: z.iso.datetime(),
  })
  .meta({ id: 'AuditVerification' });
export type AuditVerification = z.infer<typeof AuditVerificationSchema>;

/** `GET /audit-log` query: a page, optionally narrowed to one subject or action. */
export const AuditLogQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1).max(1_000_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
    subjectType: z.string().min(1).max(60).optional(),
    subjectId: z.string().min(1).max(100).optional(),
    action: AuditActionSchema.optional(),
  })
  .strict();
export type AuditLogQuery = z.infer<typeof AuditLogQuerySchema>;

/**
 * The chain head as the platform published it (every hour, when it moved):
 * the last entry's seq and hash at `publishedAt`. Anyone can keep a copy and
 * later check that the history up to it was not rewritten
 * (`npm run audit:verify -- --head seq:hash`).
 */
export const AuditHeadSchema = z
  .object({
    seq: z.int().min(1),
    hash: hex64,
    publishedAt: z.iso.datetime(),
  })
  .meta({ id: 'AuditHead' });
export type AuditHead = z.infer<typeof AuditHeadSchema>;

export const AuditHeadPageSchema = pageOf(AuditHeadSchema).meta({ id: 'AuditHeadPage' });
export type AuditHeadPage = z.infer<typeof AuditHeadPageSchema>;

/** `GET /audit-log/heads` query: a page, newest first. */
export const AuditHeadsQuerySchema = PageQuerySchema;
export type AuditHeadsQuery = z.infer<typeof AuditHeadsQuerySchema>;

/** `/open-data/audit-heads.json`: every published head, newest first. */
export const OpenAuditHeadsDocumentSchema = z
  .object({
    generatedAt: z.iso.datetime(),
    licence: z.string(),
    /** What the heads are for and how to check one (French). */
    description: z.string(),
    records: z.array(AuditHeadSchema),
  })
  .meta({ id: 'OpenAuditHeads' });
export type OpenAuditHeadsDocument = z.infer<typeof OpenAuditHeadsDocumentSchema>;
