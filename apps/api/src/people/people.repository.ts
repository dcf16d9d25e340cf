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

  /**
   * Erases what identifies the person and keeps the row, so that what they
   * contributed stays attributed to "Participant supprimé" and still counts.
   */
  async erase(tx: PrismaTransaction, id: string): Promise<void> {
    await tx.person.update({
      where: { id },
      data: { pseudonym: `deleted:${id}`, email: null, locale: 'fr', neighbourhoodId: null, lastSignInAt: null, deletedAt: new Date(), sessionVersion: { increment: 1 } },
    });
    await tx.personRole.deleteMany({ where: { personId: id } });
    await tx.residentVerification.deleteMany({ where: { personId: id } });
    await tx.signInLink.deleteMany({ where: { personId: id } });
    await tx.oidcIdentity.deleteMany({ where: { personId: id } });
    await tx.notification.deleteMany({ where: { personId: id } });
    await tx.notificationPreference.deleteMany({ where: { personId: id } });
    await tx.dataUseFollow.deleteMany({ where: { personId: id } });
    // Unsubmitted drafts were never public: they go. Submitted proposals and supports stay, attributed to "Participant supprimé".
    await tx.proposal.deleteMany({ where: { authorId: id, submittedAt: null } });
    await tx.proposalFollow.deleteMany({ where: { personId: id } });
  }

  /** Everything stored about one person, for "download my data". */
  exportData(id: string) {
    return this.prisma.person.findUnique({
      where: { id },
      include: {
        ...withDetails,
        signInLinks: { select: { purpose: true, createdAt: true, expiresAt: true, usedAt: true }, orderBy: { createdAt: 'asc' } },
        dataUseFollows: { select: { createdAt: true, dataUse: { select: { reference: true, title: true } } }, orderBy: { createdAt: 'asc' } },
        proposals: { select: { reference: true, state: true, title: true, body: true, why: true, expectedEffect: true, createdAt: true, submittedAt: true }, orderBy: { createdAt: 'asc' } },
        proposalSupports: { select: { createdAt: true, proposal: { select: { reference: true, title: true } } }, orderBy: { createdAt: 'asc' } },
        proposalFollows: { select: { createdAt: true, proposal: { select: { reference: true } } }, orderBy: { createdAt: 'asc' } },
      },
    });
  }

  usedInvitationCodes(personId: string) {
    return this.prisma.invitationCode.findMany({ where: { usedById: personId }, select: { hint: true, usedAt: true, batch: { select: { label: true, neighbourhood: { select: { name: true } } } } } });
  }

  auditEntriesAbout(personId: string) {
    return this.prisma.auditEntry.findMany({ where: { OR: [{ actorId: personId }, { subjectType: 'person', subjectId: personId }] }, orderBy: { seq: 'asc' } });
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
