import type { AuditAction, AuditSubjectType, JsonValue } from '@sesame/domain';
import type { PrismaTransaction } from '../../apps/api/src/prisma/prisma.service';

export interface SeedContext {
  tx: PrismaTransaction;
  /** Appends a public audit entry, by the platform itself unless `actorId` names a demo account (a moderator's decision). */
  audit(entry: { action: AuditAction; subjectType: AuditSubjectType; subjectId: string | null; data: JsonValue; visibility?: 'public' | 'restricted'; actorId?: string | null }): Promise<unknown>;
}
