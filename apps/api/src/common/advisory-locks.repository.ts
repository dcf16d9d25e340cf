import type { PrismaTransaction } from '../prisma/prisma.service';
import { ADVISORY_LOCKS, type AdvisoryLock } from './advisory-locks';

/**
 * Waits for the advisory lock `lock` and holds it until the transaction ends
 * (commit or rollback): callers taking the same lock, on any API instance, take turns.
 */
export async function takeTransactionLock(tx: PrismaTransaction, lock: AdvisoryLock): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADVISORY_LOCKS[lock]}::bigint)`;
}

/**
 * Tries the advisory lock `lock` on one `key` (a space's id…) without waiting:
 * true when taken, held until the transaction ends. PostgreSQL's two-key form
 * (the lock's id, a hash of the key), which never conflicts with the one-key
 * locks above; two keys sharing a hash merely take turns.
 */
export async function tryTransactionLockOn(tx: PrismaTransaction, lock: AdvisoryLock, key: string): Promise<boolean> {
  const [row] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${ADVISORY_LOCKS[lock]}::int, hashtext(${key})) AS locked`;
  return row?.locked === true;
}
