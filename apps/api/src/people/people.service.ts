import { Injectable } from '@nestjs/common';
import { canOnIdentity, type Actor, type Me, type PeopleQuery, type PersonSummary, type Role, type UpdateMe } from '@sesame/domain';
import { AuditService } from '../audit/audit.service';
import { authorize } from '../common/authorize';
import { ProblemException } from '../common/problem.exception';
import { NotificationsService } from '../notifications/notifications.service';
import { PrismaService } from '../prisma/prisma.service';
import { toMe, toSummary } from './people.mapper';
import { PeopleRepository } from './people.repository';

@Injectable()
export class PeopleService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly people: PeopleRepository,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  async me(actor: Actor): Promise<Me> {
    const me = authorize(canOnIdentity('identity.manage-own-account', { actor }));
    const person = await this.people.findWithDetails(me.id);
    if (!person) throw ProblemException.unauthorized('Votre compte n’existe plus.');
    return toMe(person);
  }

  async updateMe(actor: Actor, change: UpdateMe): Promise<Me> {
    const { id } = authorize(canOnIdentity('identity.manage-own-account', { actor }));
    return this.prisma.$transaction(async (tx) => {
      if (change.pseudonym !== undefined && (await this.people.pseudonymTaken(tx, change.pseudonym, id))) {
        throw ProblemException.conflict(`Le pseudonyme « ${change.pseudonym} » est déjà pris.`);
      }
      if (change.neighbourhoodId && !(await this.people.neighbourhoodExists(tx, change.neighbourhoodId))) {
        throw ProblemException.validation([{ path: 'neighbourhoodId', code: 'unknown', message: 'Quartier inconnu.' }]);
      }
      const before = await this.people.findWithDetails(id, tx);
      const person = await this.people.update(tx, id, change);
      if (change.pseudonym !== undefined && before && before.pseudonym !== person.pseudonym) {
        // The fact is public; the names are not written into the log, which can never
        // be erased: it shows the person's current pseudonym, or "Participant supprimé".
        await this.audit.record(tx, { actorId: id, action: 'person.renamed', subjectType: 'person', subjectId: id, data: {} });
      }
      return toMe(person);
    });
  }

  /** "Sign out of all my devices": every credential issued before now stops working. */
  async revokeSessions(actor: Actor): Promise<void> {
    const me = authorize(canOnIdentity('identity.manage-own-account', { actor }));
    await this.prisma.$transaction((tx) => this.people.update(tx, me.id, { sessionVersion: { increment: 1 } }));
  }

  async list(actor: Actor, query: PeopleQuery): Promise<{ items: PersonSummary[]; page: number; pageSize: number; total: number }> {
    authorize(canOnIdentity('identity.list-people', { actor }));
    const { page, pageSize, ...filter } = query;
    const { rows, total } = await this.people.page(filter, (page - 1) * pageSize, pageSize);
    return { items: rows.map(toSummary), page, pageSize, total };
  }

  async changeRole(actor: Actor, personId: string, role: Role, change: 'grant' | 'revoke'): Promise<PersonSummary> {
    const admin = authorize(canOnIdentity('identity.change-roles', { actor, target: { id: personId }, role }));
    return this.prisma.$transaction(async (tx) => {
      if (!(await this.people.findWithDetails(personId, tx))) throw ProblemException.notFound('Personne introuvable.');
      const changed = change === 'grant' ? await this.people.grantRole(tx, personId, role) : await this.people.revokeRole(tx, personId, role);
      if (changed) {
        await this.audit.record(tx, {
          actorId: admin.id,
          action: change === 'grant' ? 'role.granted' : 'role.revoked',
          subjectType: 'person',
          subjectId: personId,
          data: { role },
        });
        await this.notifications.notify(tx, { personId, kind: change === 'grant' ? 'role.granted' : 'role.revoked', data: { role }, link: '/compte' });
      }
      return toSummary((await this.people.findWithDetails(personId, tx))!);
    });
  }
}
