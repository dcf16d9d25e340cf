import { Injectable } from '@nestjs/common';
import { pseudonymSkeleton, type Locale, type Role } from '@sesame/domain';
import type { Prisma } from '../generated/prisma/client';
import { PrismaService, type PrismaTransaction } from '../prisma/prisma.service';
import { FIND_ACTOR } from './find-actor.statement';

const withDetails = {
  roles: { select: { role: true }, orderBy: { role: 'asc' } },
  neighbourhood: true,
  verification: { include: { neighbourhood: true } },
} satisfies Prisma.PersonInclude;
export type PersonWithDetails = Prisma.PersonGetPayload<{ include: typeof withDetails }>;

/** The pseudonym, or one that looks like it, belongs to someone else (the unique skeleton refused it). */
export class PseudonymTakenError extends Error {
  constructor(readonly pseudonym: string) {
    super(`Pseudonym taken: ${pseudonym}`);
  }
}

/** The unique indexes on a pseudonym: exact, and look-alike (see prisma/schema/people.prisma). */
const PSEUDONYM_INDEXES = ['people_pseudonym_key', 'people_pseudonym_skeleton_key'];

/**
 * One of these unique indexes refused the row: Prisma's P2002 from a model
 * query, or P2010 ("raw query failed") whose driver error is a unique violation
 * (SQLSTATE 23505) from `$queryRaw`; either way the pg adapter names the index.
 */
function isUniqueViolationOf(error: unknown, indexes: readonly string[]): boolean {
  const { code, meta } = (error ?? {}) as { code?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown; constraint?: { index?: unknown } } } } };
  const cause = meta?.driverAdapterError?.cause;
  const index = cause?.constraint?.index;
  const unique = code === 'P2002' || (code === 'P2010' && cause?.kind === 'UniqueConstraintViolation');
  return unique && typeof index === 'string' && indexes.includes(index);
}

/** The unique index on voter codes (prisma/schema/verification.prisma). */
const VOTER_CODE_INDEX = 'resident_verifications_voter_code_key';

/** A renewed voter code came out equal to someone's (the unique index refused it): draw again. */
export class VoterCodeTakenError extends Error {
  constructor() {
    super('Voter code taken');
  }
}

@Injectable()
export class PeopleRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * What the auth guard needs about a caller, in one round trip (every signed-in
   * request pays for it); `sessionEnded` when the credential's browser session
   * was signed out of.
   */
  async findActor(id: string, sessionId?: string): Promise<{ id: string; sessionVersion: number; roles: Role[]; sessionEnded: boolean } | null> {
    // Every signed-in request runs this: a plain statement (PrismaService.sql).
    const rows = await this.prisma.sql<{ id: string; session_version: number; roles: Role[]; session_ended: boolean }>(FIND_ACTOR.text, [id, sessionId ?? null], { prepareAs: FIND_ACTOR.name });
    const person = rows[0];
    return person ? { id: person.id, sessionVersion: person.session_version, roles: person.roles, sessionEnded: person.session_ended } : null;
  }

  /** Records that this browser session is over (idempotent); kept until its cookie would have expired anyway. */
  async endSession(tx: PrismaTransaction, personId: string, sessionId: string, expiresAt: Date): Promise<void> {
    await tx.endedSession.createMany({ data: [{ personId, sessionId, expiresAt }], skipDuplicates: true });
  }

  deleteExpiredEndedSessions(now: Date): Promise<{ count: number }> {
    return this.prisma.endedSession.deleteMany({ where: { expiresAt: { lt: now } } });
  }

  /**
   * Draws a new voter code for a verified resident, with the very expression the
   * column's default uses (prisma/schema/verification.prisma): the old code stops
   * finding anyone at once. Null when the person has no verification. Throws
   * VoterCodeTakenError in the unlikely case the new code is already held (40 bits).
   */
  async renewVoterCode(tx: PrismaTransaction, personId: string): Promise<string | null> {
    try {
      const rows = await tx.$queryRaw<{ voter_code: string }[]>`UPDATE resident_verifications SET voter_code = upper(substr(md5((gen_random_uuid())::text), 1, 10)) WHERE person_id = ${personId}::uuid RETURNING voter_code`;
      return rows[0]?.voter_code ?? null;
    } catch (error) {
      if (isUniqueViolationOf(error, [VOTER_CODE_INDEX])) throw new VoterCodeTakenError();
      throw error;
    }
  }

  findWithDetails(id: string, tx: PrismaTransaction | PrismaService = this.prisma): Promise<PersonWithDetails | null> {
    return tx.person.findUnique({ where: { id }, include: withDetails });
  }

  /**
   * Whether an active seat of the citizen panel is linked to this account (the
   * header's link to the panel's workspace): one EXISTS on the link's unique
   * person id. Outside a transaction a prepared plain statement (GET /me runs
   * on every page a signed-in person opens).
   */
  async holdsActivePanelSeat(personId: string, tx?: PrismaTransaction): Promise<boolean> {
    const text = `SELECT EXISTS (
        SELECT 1 FROM panel_seat_accounts s JOIN advisory_panel_members m ON m.id = s.member_id
        WHERE s.person_id = $1::uuid AND m.state = 'active'
      ) AS seated`;
    const rows = tx ? await tx.$queryRawUnsafe<{ seated: boolean }[]>(text, personId) : await this.prisma.sql<{ seated: boolean }>(text, [personId], { prepareAs: 'holds-active-panel-seat' });
    return rows[0]?.seated === true;
  }

  findByEmail(tx: PrismaTransaction, email: string): Promise<PersonWithDetails | null> {
    return tx.person.findUnique({ where: { email }, include: withDetails });
  }

  /** Throws PseudonymTakenError when a look-alike pseudonym exists. */
  async create(tx: PrismaTransaction, data: { pseudonym: string; email: string | null; locale: string; welcomedAt?: Date | null }): Promise<PersonWithDetails> {
    return withPseudonymGuard(data.pseudonym, () =>
      tx.person.create({ data: { ...data, pseudonymSkeleton: pseudonymSkeleton(data.pseudonym), roles: { create: [{ role: 'resident' }] } }, include: withDetails }),
    );
  }

  /** Keeps the pseudonym's skeleton with it; throws PseudonymTakenError when a look-alike pseudonym exists (even one written by a concurrent transaction). */
  async update(tx: PrismaTransaction, id: string, data: Prisma.PersonUncheckedUpdateInput): Promise<PersonWithDetails> {
    const pseudonym = data.pseudonym;
    if (typeof pseudonym !== 'string') return tx.person.update({ where: { id }, data, include: withDetails });
    return withPseudonymGuard(pseudonym, () => tx.person.update({ where: { id }, data: { ...data, pseudonymSkeleton: pseudonymSkeleton(pseudonym) }, include: withDetails }));
  }

  /** True when someone else's pseudonym looks like this one (same skeleton: "Alice", "A1ice", "alice."). */
  async pseudonymTaken(tx: PrismaTransaction, pseudonym: string, exceptId: string): Promise<boolean> {
    const found = await tx.person.findFirst({ where: { pseudonymSkeleton: pseudonymSkeleton(pseudonym), id: { not: exceptId } }, select: { id: true } });
    return found !== null;
  }

  /** Up to `take` people whose skeleton is missing (rows written before it existed, or by hand). */
  peopleWithoutSkeleton(take: number): Promise<{ id: string; pseudonym: string }[]> {
    return this.prisma.person.findMany({ where: { pseudonymSkeleton: null, deletedAt: null }, select: { id: true, pseudonym: true }, orderBy: { createdAt: 'asc' }, take });
  }

  /** Gives a person their skeleton; false when another person already holds it (an older look-alike pair). */
  async fillSkeleton(id: string, pseudonym: string): Promise<boolean> {
    try {
      const { count } = await this.prisma.person.updateMany({ where: { id, pseudonymSkeleton: null }, data: { pseudonymSkeleton: pseudonymSkeleton(pseudonym) } });
      return count === 1;
    } catch (error) {
      if (isUniqueViolationOf(error, PSEUDONYM_INDEXES)) return false;
      throw error;
    }
  }

  /**
   * Locks every admin role row until the transaction ends and returns the
   * admins' ids. Removing an admin (revoking the role, deleting the account)
   * takes this lock first, so two such removals run one after the other and
   * the second counts what the first left.
   */
  async lockAdmins(tx: PrismaTransaction): Promise<string[]> {
    const rows = await tx.$queryRaw<{ person_id: string }[]>`SELECT person_id FROM person_roles WHERE role = 'admin' ORDER BY person_id FOR UPDATE`;
    return rows.map((row) => row.person_id);
  }

  /** True when the role was added (false: the person already had it). */
  async grantRole(tx: PrismaTransaction, personId: string, role: Role): Promise<boolean> {
    const { count } = await tx.personRole.createMany({ data: [{ personId, role }], skipDuplicates: true });
    return count === 1;
  }

  async revokeRole(tx: PrismaTransaction, personId: string, role: Role): Promise<boolean> {
    const { count } = await tx.personRole.deleteMany({ where: { personId, role } });
    return count === 1;
  }

  emailTaken(tx: PrismaTransaction, email: string, exceptId: string): Promise<boolean> {
    return tx.person.count({ where: { email, id: { not: exceptId } } }).then((n) => n > 0);
  }

  /** The other person who has this address (their language, to write to them), or null. */
  async emailOwner(email: string, exceptId: string): Promise<{ locale: Locale } | null> {
    const owner = await this.prisma.person.findFirst({ where: { email, id: { not: exceptId } }, select: { locale: true } });
    return owner && { locale: owner.locale === 'en' ? 'en' : 'fr' };
  }

  async page(filter: { search?: string; role?: Role }, skip: number, take: number): Promise<{ rows: PersonWithDetails[]; total: number }> {
    const where: Prisma.PersonWhereInput = {
      deletedAt: null,
      ...(filter.search ? { pseudonym: { contains: filter.search, mode: 'insensitive' } } : {}),
      ...(filter.role ? { roles: { some: { role: filter.role } } } : {}),
    };
    // One snapshot, queries in sequence: a batch ($transaction([...])) makes the pg adapter
    // send them concurrently on one connection, which pg deprecates.
    const [rows, total] = await this.prisma.$transaction(async (tx) => [
      await tx.person.findMany({ where, include: withDetails, orderBy: { pseudonym: 'asc' }, skip, take }),
      await tx.person.count({ where }),
    ] as const, { isolationLevel: 'RepeatableRead' });
    return { rows, total };
  }

  neighbourhoodExists(tx: PrismaTransaction, id: string): Promise<boolean> {
    return tx.neighbourhood.count({ where: { id } }).then((n) => n > 0);
  }
}

/** Runs a write of `pseudonym`, turning the unique indexes' refusal into PseudonymTakenError. */
async function withPseudonymGuard<T>(pseudonym: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolationOf(error, PSEUDONYM_INDEXES)) throw new PseudonymTakenError(pseudonym);
    throw error;
  }
}
