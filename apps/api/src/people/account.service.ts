import { Injectable } from '@nestjs/common';
import { canOnIdentity, leavesNoAdmin, type Actor } from '@sesame/domain';
import { AuditService } from '../audit/audit.service';
import { authorize } from '../common/authorize';
import { ProblemException } from '../common/problem.exception';
import { PersonalDataRegistry } from '../personal-data/personal-data.registry';
import { PrismaService } from '../prisma/prisma.service';
import { PeopleRepository } from './people.repository';
import { lastAdmin } from './people.service';

/**
 * Personal data rights: download everything held about me; delete my account.
 * What each feature holds, exports and erases is its own PersonalDataProvider.
 */
@Injectable()
export class AccountService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly people: PeopleRepository,
    private readonly personalData: PersonalDataRegistry,
    private readonly audit: AuditService,
  ) {}

  private personId(actor: Actor): string {
    return authorize(canOnIdentity('identity.manage-own-account', { actor })).id;
  }

  /** Everything the platform holds about me, one part per feature, in one JSON document (GDPR art. 15 and 20). */
  async export(actor: Actor): Promise<Record<string, unknown>> {
    const id = this.personId(actor);
    if (!(await this.people.findActor(id))) throw ProblemException.unauthorized('Votre compte n’existe plus.');
    return {
      exportedAt: new Date().toISOString(),
      about: 'Toutes les données que Sésame détient sur vous, par partie de la plateforme. / All the data Sésame holds about you, by part of the platform.',
      ...(await this.personalData.exportAll(id)),
    };
  }

  /**
   * Deletes my account in one transaction: every feature erases what
   * identifies me, sessions end. My row stays, shown as "Compte
   * supprimé" ("Deleted account"), so my contributions remain and my supports and ballots still count.
   */
  async delete(actor: Actor): Promise<void> {
    const id = this.personId(actor);
    await this.prisma.$transaction(async (tx) => {
      // The same lock as revoking an admin: the last admin cannot leave, even when two go at once.
      const admins = await this.people.lockAdmins(tx);
      if (leavesNoAdmin(admins, id)) throw lastAdmin();
      await this.personalData.eraseAll(tx, id);
      await this.audit.record(tx, { actorId: id, action: 'person.deleted', subjectType: 'person', subjectId: id, data: {} });
    });
  }
}
