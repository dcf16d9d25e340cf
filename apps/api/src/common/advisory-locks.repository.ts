import type { PrismaTransaction } from '../prisma/prisma.service';
import { ADVISORY_LOCKS, type AdvisoryLock } from './advisory-locks';

/**
 * Waits for the advisory lock `lock` and holds it until the transaction ends
 * (commit or rollback): callers taking the same lock, on any API instance, take turns.
 */
export async function takeTransactionLock(tx: PrismaTransaction, lock: AdvisoryLock): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADVISORY_LOCKS[lock]}::bigint)`;
}
