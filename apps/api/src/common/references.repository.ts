import { Prisma } from '../generated/prisma/client';
import type { PrismaTransaction } from '../prisma/prisma.service';
import type { AdvisoryLock } from './advisory-locks';
import { takeTransactionLock } from './advisory-locks.repository';

/**
 * A series of public references numbered per year: `DU-2027-004`,
 * `PR-2027-012`, `AVIS n° 2027-003`… The number restarts at 001 each year and
 * grows past 999 if it must. A feature declares its series once, next to its
 * repository, and calls `nextReference` in the transaction that creates the row.
 */
export interface ReferenceSeries {
  /** What comes before the year: `DU-`, `AVIS n° `. */
  prefix: string;
  /** The table whose unique `reference` column holds the series. */
  table: string;
  /** Serialises numbering across API instances (and with the seed). */
  lock: AdvisoryLock;
}

/**
 * The series' next reference for `year`. The lock is held until the caller's
 * transaction ends, so the row created with this reference is visible to
 * whoever numbers next.
 */
export async function nextReference(tx: PrismaTransaction, series: ReferenceSeries, year: number): Promise<string> {
  if (!/^[a-z_]+$/.test(series.table)) throw new Error(`Not a table name: ${series.table}`);
  await takeTransactionLock(tx, series.lock);
  const start = `${series.prefix}${year}-`;
  const numberFrom = start.length + 1;
  // The largest number, compared as a number: 'X-2027-1000' sorts before 'X-2027-999' as text.
  const [row] = await tx.$queryRaw<{ last: number }[]>`
    SELECT COALESCE(MAX(substr(reference, ${numberFrom}::int)::int), 0)::int AS last
    FROM ${Prisma.raw(series.table)}
    WHERE starts_with(reference, ${start}::text) AND substr(reference, ${numberFrom}::int) ~ '^[0-9]+$'`;
  return `${start}${String(row!.last + 1).padStart(3, '0')}`;
}
