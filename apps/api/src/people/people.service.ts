import { Injectable } from '@nestjs/common';
import { canOnIdentity, leavesNoAdmin, SESSION_MAX_AGE_SECONDS, type Actor, type Me, type PeopleQuery, type PersonSummary, type Role, type UpdateMe, type Welcome } from '@sesame/domain';
import { AuditService } from '../audit/audit.service';
import { authorize } from '../common/authorize';
import { ProblemException } from '../common/problem.exception';
import { NotificationsService } from '../notifications/notifications.service';
import { PrismaService, type PrismaTransaction } from '../prisma/prisma.service';
import { toMe, toSummary } from './people.mapper';
import { PeopleRepository, PseudonymTakenError, VoterCodeTakenError } from './people.repository';

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
    const [person, panelSeat] = await Promise.all([this.people.findWithDetails(me.id), this.people.holdsActivePanelSeat(me.id)]);
    if (!person) throw ProblemException.unauthorized('Votre compte n’existe plus.');
    return toMe(person, panelSeat);
  }

  async updateMe(actor: Actor, change: UpdateMe): Promise<Me> {
    const { id } = authorize(canOnIdentity('identity.manage-own-account', { actor }));
    return this.prisma.$transaction(async (tx) => toMe(await this.change(tx, id, change), await this.people.holdsActivePanelSeat(id, tx)));
  }

  /**
   * A new account's first step (the welcome page): the pseudonym the person
   * chose, under the same rules as any rename, or none to keep the one given.
   * Either way the welcome is over; doing it again changes nothing more.
   */
  async welcome(actor: Actor, welcome: Welcome): Promise<Me> {
    const { id } = authorize(canOnIdentity('identity.manage-own-account', { actor }));
    return this.prisma.$transaction(async (tx) => {
      const person = welcome.pseudonym === undefined ? await this.people.findWithDetails(id, tx) : await this.change(tx, id, { pseudonym: welcome.pseudonym });
      if (!person) throw ProblemException.unauthorized('Votre compte n’existe plus.');
      return toMe(person.welcomedAt ? person : await this.people.update(tx, id, { welcomedAt: new Date() }), await this.people.holdsActivePanelSeat(id, tx));
    });
  }

  /** Applies a change to one's own account, in the caller's transaction. */
  private async change(tx: PrismaTransaction, id: string, change: UpdateMe) {
    // What passes for a role or a deleted account was refused by PseudonymSchema (400);
    // what looks like someone else's pseudonym is refused here, by skeleton (409).
    const taken = (pseudonym: string) => {
      const message = `Le pseudonyme « ${pseudonym} » est déjà pris, ou ressemble trop à celui de quelqu’un d’autre : choisissez-en un autre.`;
      return ProblemException.conflict(message, [{ path: 'pseudonym', code: 'taken', message }]);
    };
    if (change.pseudonym !== undefined && (await this.people.pseudonymTaken(tx, change.pseudonym, id))) throw taken(change.pseudonym);
    if (change.neighbourhoodId && !(await this.people.neighbourhoodExists(tx, change.neighbourhoodId))) {
      throw ProblemException.validation([{ path: 'neighbourhoodId', code: 'unknown', message: 'Quartier inconnu.' }]);
    }
    const before = await this.people.findWithDetails(id, tx);
    // The unique skeleton decides between two renames racing to look-alike names.
    const person = await this.people.update(tx, id, change).catch((error: unknown) => {
      throw error instanceof PseudonymTakenError ? taken(error.pseudonym) : error;
    });
    if (change.pseudonym !== undefined && before && before.pseudonym !== person.pseudonym) {
      // The fact is public; the names are not written into the log, which can never
      // be erased: it shows the person's current pseudonym, or "Compte supprimé".
      await this.audit.record(tx, { actorId: id, action: 'person.renamed', subjectType: 'person', subjectId: id, data: {} });
    }
    return person;
  }

  /**
   * « Renouveler mon code d’électeur »: a verified resident whose code may have
   * leaked gets a new random one (same format and generator as at verification);
   * the old one stops finding them at once — a station looking it up gets the
   * same 404 as for a code nobody holds. The journal says that it happened, in a
   * restricted entry that holds no code (decision 0011, as for an e-mail change).
   */
  async renewVoterCode(actor: Actor): Promise<Me> {
    const { id } = authorize(canOnIdentity('identity.manage-own-account', { actor }));
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.prisma.$transaction(async (tx) => {
          const before = await this.people.findWithDetails(id, tx);
          if (!before) throw ProblemException.unauthorized('Votre compte n’existe plus.');
          authorize(canOnIdentity('identity.renew-voter-code', { actor, verified: before.verification !== null }));
          // Only an account deletion removes a verification: the account is gone.
          if ((await this.people.renewVoterCode(tx, id)) === null) throw ProblemException.unauthorized('Votre compte n’existe plus.');
          await this.audit.record(tx, { actorId: id, action: 'person.voter-code-renewed', subjectType: 'person', subjectId: id, visibility: 'restricted', data: {} });
          const person = await this.people.findWithDetails(id, tx);
          if (!person) throw ProblemException.unauthorized('Votre compte n’existe plus.');
          return toMe(person, await this.people.holdsActivePanelSeat(id, tx));
        });
      } catch (error) {
        // 40 random bits: a draw equal to someone's code is rare; the whole transaction is drawn again.
        if (error instanceof VoterCodeTakenError && attempt < 3) continue;
        throw error;
      }
    }
  }

  /** "Sign out of all my devices": every credential issued before now stops working. */
  async revokeSessions(actor: Actor): Promise<void> {
    const me = authorize(canOnIdentity('identity.manage-own-account', { actor }));
    await this.prisma.$transaction((tx) => this.people.update(tx, me.id, { sessionVersion: { increment: 1 } }));
  }

  /**
   * "Me déconnecter": this browser session ends on the server, so a copy of its
   * cookie stops working too; the person's other sessions go on.
   */
  async endSession(actor: Actor, sessionId: string | undefined): Promise<void> {
    const me = authorize(canOnIdentity('identity.manage-own-account', { actor }));
    if (!sessionId) throw ProblemException.ruleViolation('Cette session n’a pas d’identifiant : déconnectez-vous de tous vos appareils pour la terminer.');
    await this.prisma.$transaction((tx) => this.people.endSession(tx, me.id, sessionId, new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000)));
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
      if (role === 'admin' && change === 'revoke') {
        // Locked and counted inside the transaction: of two admins revoking each other
        // at once, the second sees the first's change — and is no admin any more.
        const admins = await this.people.lockAdmins(tx);
        if (!admins.includes(admin.id)) throw ProblemException.forbidden('Vous n’avez plus le rôle d’administration : il vient de vous être retiré.');
        if (leavesNoAdmin(admins, personId)) throw lastAdmin();
      }
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

/** There must always be an admin left who can fix mistakes (roles, deletion of an account). */
export const lastAdmin = () =>
  ProblemException.conflict('C’est le dernier compte d’administration : donnez d’abord ce rôle à quelqu’un d’autre.');
