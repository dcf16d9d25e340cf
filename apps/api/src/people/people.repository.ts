import { Injectable } from '@nestjs/common';
import type { Role } from '@sesame/domain';
import type { Prisma } from '../generated/prisma/client';
import { PrismaService, type PrismaTransaction } from '../prisma/prisma.service';

const withDetails = {
  roles: { select: { role: true }, orderBy: { role: 'asc' } },
  neighbourhood: true,
  verification: { include: { neighbourhood: true } },
} satisfies Prisma.PersonInclude;
export type PersonWithDetails = Prisma.PersonGetPayload<{ include: typeof withDetails }>;

@Injectable()
export class PeopleRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** What the auth guard needs about a caller. */
  async findActor(id: string): Promise<{ id: string; sessionVersion: number; roles: Role[] } | null> {
    const person = await this.prisma.person.findUnique({ where: { id, deletedAt: null }, select: { id: true, sessionVersion: true, roles: { select: { role: true } } } });
    return person && { id: person.id, sessionVersion: person.sessionVersion, roles: person.roles.map((r) => r.role) };
  }

  findWithDetails(id: string, tx: PrismaTransaction | PrismaService = this.prisma): Promise<PersonWithDetails | null> {
    return tx.person.findUnique({ where: { id }, include: withDetails });
  }

  findByEmail(tx: PrismaTransaction, email: string): Promise<PersonWithDetails | null> {
    return tx.person.findUnique({ where: { email }, include: withDetails });
  }

  create(tx: PrismaTransaction, data: { pseudonym: string; email: string | null; locale: string }): Promise<PersonWithDetails> {
    return tx.person.create({ data: { ...data, roles: { create: [{ role: 'resident' }] } }, include: withDetails });
  }

  update(tx: PrismaTransaction, id: string, data: Prisma.PersonUncheckedUpdateInput): Promise<PersonWithDetails> {
    return tx.person.update({ where: { id }, data, include: withDetails });
  }

  async pseudonymTaken(tx: PrismaTransaction, pseudonym: string, exceptId: string): Promise<boolean> {
    const found = await tx.person.findFirst({ where: { pseudonym: { equals: pseudonym, mode: 'insensitive' }, id: { not: exceptId } }, select: { id: true } });
    return found !== null;
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
