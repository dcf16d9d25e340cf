import { Injectable } from '@nestjs/common';
import { identityPolicy, type Actor } from '@sesame/domain';
import { AuditService } from '../audit/audit.service';
import { contentOf } from '../audit/audit.repository';
import { ProblemException } from '../common/problem.exception';
import { PrismaService } from '../prisma/prisma.service';
import { PeopleRepository } from './people.repository';

/** Personal data rights: download everything held about me; delete my account. */
@Injectable()
export class AccountService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly people: PeopleRepository,
    private readonly audit: AuditService,
  ) {}

  private personId(actor: Actor): string {
    if (!identityPolicy.manageOwnAccount(actor)) throw ProblemException.unauthorized('Connectez-vous pour continuer.');
    return actor!.id;
  }

  /** Everything the platform holds about me, in one JSON document (GDPR art. 15 and 20). */
  async export(actor: Actor): Promise<Record<string, unknown>> {
    const id = this.personId(actor);
    const [person, codes, entries] = await Promise.all([this.people.exportData(id), this.people.usedInvitationCodes(id), this.people.auditEntriesAbout(id)]);
    if (!person) throw ProblemException.unauthorized('Votre compte n’existe plus.');
    return {
      exportedAt: new Date().toISOString(),
      about: 'Toutes les données que Sésame détient sur vous. / All the data Sésame holds about you.',
      account: {
        id: person.id,
        pseudonym: person.pseudonym,
        email: person.email,
        locale: person.locale,
        neighbourhood: person.neighbourhood?.name ?? null,
        createdAt: person.createdAt.toISOString(),
        lastSignInAt: person.lastSignInAt?.toISOString() ?? null,
        roles: person.roles.map((r) => r.role),
      },
      residentVerification: person.verification && {
        neighbourhood: person.verification.neighbourhood.name,
        method: person.verification.method,
        verifiedAt: person.verification.verifiedAt.toISOString(),
      },
      invitationCodesUsed: codes.map((code) => ({ endsWith: code.hint, batch: code.batch.label, neighbourhood: code.batch.neighbourhood.name, usedAt: code.usedAt?.toISOString() ?? null })),
      emailLinks: person.signInLinks.map((link) => ({
        purpose: link.purpose,
        createdAt: link.createdAt.toISOString(),
        expiresAt: link.expiresAt.toISOString(),
        usedAt: link.usedAt?.toISOString() ?? null,
      })),
      followedDataUses: person.dataUseFollows.map((f) => ({ reference: f.dataUse.reference, title: f.dataUse.title, since: f.createdAt.toISOString() })),
      proposals: person.proposals.map((p) => ({ ...p, createdAt: p.createdAt.toISOString(), submittedAt: p.submittedAt?.toISOString() ?? null })),
      supports: person.proposalSupports.map((s) => ({ proposal: s.proposal.reference, title: s.proposal.title, at: s.createdAt.toISOString() })),
      followedProposals: person.proposalFollows.map((f) => ({ reference: f.proposal.reference, since: f.createdAt.toISOString() })),
      // Restricted entries included: they are about me.
      auditLog: entries.map((entry) => ({ ...contentOf(entry), hash: entry.hash })),
    };
  }

  /**
   * Deletes my account: personal fields erased, roles, verification and links
   * removed, every session ended. The row stays, shown as "Participant
   * supprimé", so my contributions remain and my supports and ballots still count.
   */
  async delete(actor: Actor): Promise<void> {
    const id = this.personId(actor);
    await this.prisma.$transaction(async (tx) => {
      await this.people.erase(tx, id);
      await this.audit.record(tx, { actorId: id, action: 'person.deleted', subjectType: 'person', subjectId: id, data: {} });
    });
  }
}
