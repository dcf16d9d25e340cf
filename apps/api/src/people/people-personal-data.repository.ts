import { Injectable } from '@nestjs/common';
import { contentOf } from '../audit/audit.repository';
import { ProvidesPersonalData, type PersonalDataProvider } from '../personal-data/personal-data.provider';
import { PrismaService, type PrismaTransaction } from '../prisma/prisma.service';

/** The account itself, its roles, and the audit entries by or about the person. */
@ProvidesPersonalData()
@Injectable()
export class PeoplePersonalDataRepository implements PersonalDataProvider {
  readonly feature = 'people';
  readonly tables = ['people', 'person_roles', 'audit_entries', 'ended_sessions'];
  readonly kept = [
    {
      table: 'people',
      reason: 'The row stays with its id, its personal fields erased, so that contributions remain, attributed to "Compte supprimé", and supports and ballots keep counting.',
    },
    {
      table: 'audit_entries',
      reason: 'The log is append-only and hash-chained: entries keep the account id (never an e-mail or a pseudonym), so the public journal stays verifiable.',
    },
  ];

  constructor(private readonly prisma: PrismaService) {}

  async export(personId: string): Promise<Record<string, unknown>> {
    const person = await this.prisma.person.findUnique({
      where: { id: personId },
      include: { roles: { select: { role: true, grantedAt: true }, orderBy: { role: 'asc' } }, neighbourhood: { select: { name: true } } },
    });
    const entries = await this.prisma.auditEntry.findMany({ where: { OR: [{ actorId: personId }, { subjectType: 'person', subjectId: personId }] }, orderBy: { seq: 'asc' } });
    const ended = await this.prisma.endedSession.findMany({ where: { personId }, select: { endedAt: true }, orderBy: { endedAt: 'asc' } });
    return {
      account: person && {
        id: person.id,
        pseudonym: person.pseudonym,
        email: person.email,
        locale: person.locale,
        neighbourhood: person.neighbourhood?.name ?? null,
        createdAt: person.createdAt.toISOString(),
        lastSignInAt: person.lastSignInAt?.toISOString() ?? null,
        roles: person.roles.map((r) => r.role),
        roleGrants: person.roles.map((r) => ({ role: r.role, grantedAt: r.grantedAt.toISOString() })),
      },
      // When the person signed out of a browser session (its id is only a random number).
      signedOut: ended.map((session) => session.endedAt.toISOString()),
      // Restricted entries included: they are about the person.
      auditLog: entries.map((entry) => ({ ...contentOf(entry), hash: entry.hash })),
    };
  }

  /** Erases the personal fields and keeps the row (see `kept`); ending every session with it. */
  async erase(tx: PrismaTransaction, personId: string): Promise<void> {
    await tx.person.update({
      where: { id: personId },
      data: { pseudonym: `deleted:${personId}`, pseudonymSkeleton: null, email: null, locale: 'fr', neighbourhoodId: null, lastSignInAt: null, deletedAt: new Date(), sessionVersion: { increment: 1 } },
    });
    await tx.personRole.deleteMany({ where: { personId } });
    await tx.endedSession.deleteMany({ where: { personId } });
  }
}
