import { Injectable } from '@nestjs/common';
import { ProvidesPersonalData, type PersonalDataProvider } from '../personal-data/personal-data.provider';
import { PrismaService, type PrismaTransaction } from '../prisma/prisma.service';

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** The person's contributions, marks, reports, the decisions about them, their appeals and suspensions, and what they did as moderator, facilitator or organizer. */
@ProvidesPersonalData()
@Injectable()
export class DeliberationsPersonalDataRepository implements PersonalDataProvider {
  readonly feature = 'deliberations';
  readonly tables = [
    'deliberations',
    'deliberation_rule_versions',
    'contributions',
    'contribution_revisions',
    'contribution_helpful_marks',
    'contribution_reports',
    'moderation_decisions',
    'moderation_appeals',
    'deliberation_suspensions',
    'deliberation_charter_acceptances',
  ];
  readonly kept = [
    { table: 'deliberations', reason: 'A deliberation space is public: it keeps the account id of the organizer who opened it (shown as "Compte supprimé").' },
    { table: 'deliberation_rule_versions', reason: 'Published rules are public and never change silently: each version keeps who published it (account id only).' },
    { table: 'contributions', reason: 'Contributions were public and others replied to them: they stay, attributed to "Compte supprimé".' },
    { table: 'contribution_revisions', reason: 'The texts an edit replaced stay for moderators, tied to an account id only, like the contribution itself.' },
    { table: 'contribution_reports', reason: 'Reports count toward the automatic hiding threshold and the moderation history; they are never published one by one.' },
    { table: 'moderation_decisions', reason: 'Statements of reasons are public and chained in the audit log (account ids only, never shown with a name).' },
    { table: 'moderation_appeals', reason: 'Appeals and their outcomes are part of the public moderation log (account ids only).' },
  ];

  constructor(private readonly prisma: PrismaService) {}

  async export(personId: string): Promise<Record<string, unknown>> {
    const [contributions, helpfulMarks, reports, decisionsAboutYou, decisionsTaken, appeals, suspensions, charter, spacesOpened, workshopEntries] = await Promise.all([
      this.prisma.contribution.findMany({ where: { authorId: personId }, select: { id: true, deliberationId: true, stance: true, state: true, body: true, edited: true, createdAt: true }, orderBy: { createdAt: 'asc' } }),
      this.prisma.contributionHelpfulMark.findMany({ where: { personId }, select: { contributionId: true, createdAt: true }, orderBy: { createdAt: 'asc' } }),
      this.prisma.contributionReport.findMany({ where: { reporterPersonId: personId }, select: { contributionId: true, reasonCode: true, law: true, explanation: true, createdAt: true }, orderBy: { createdAt: 'asc' } }),
      this.prisma.moderationDecision.findMany({ where: { subjectPersonId: personId }, select: { id: true, decision: true, facts: true, createdAt: true }, orderBy: { createdAt: 'asc' } }),
      this.prisma.moderationDecision.findMany({ where: { decidedById: personId }, select: { id: true, decision: true, facts: true, createdAt: true }, orderBy: { createdAt: 'asc' } }),
      this.prisma.moderationAppeal.findMany({ where: { OR: [{ appellantPersonId: personId }, { decidedById: personId }] }, select: { decisionId: true, explanation: true, outcome: true, createdAt: true }, orderBy: { createdAt: 'asc' } }),
      this.prisma.deliberationSuspension.findMany({ where: { personId }, select: { until: true, createdAt: true }, orderBy: { createdAt: 'asc' } }),
      this.prisma.deliberationCharterAcceptance.findUnique({ where: { personId }, select: { acceptedAt: true } }),
      this.prisma.deliberation.findMany({ where: { openedById: personId }, select: { subjectReference: true, createdAt: true } }),
      this.prisma.contribution.findMany({ where: { recordedById: personId }, select: { id: true, deliberationId: true, createdAt: true } }),
    ]);
    const revisions = await this.prisma.contributionRevision.count({ where: { editedById: personId } });
    const rules = await this.prisma.deliberationRuleVersion.findMany({ where: { publishedById: personId }, select: { deliberationId: true, version: true, publishedAt: true } });
    return {
      contributions: contributions.map((c) => ({ ...c, createdAt: iso(c.createdAt) })),
      helpfulMarks: helpfulMarks.map((m) => ({ contribution: m.contributionId, at: iso(m.createdAt) })),
      reports: reports.map((r) => ({ contribution: r.contributionId, reasonCode: r.reasonCode, law: r.law, explanation: r.explanation, at: iso(r.createdAt) })),
      moderationDecisionsAboutYou: decisionsAboutYou.map((d) => ({ ...d, createdAt: iso(d.createdAt) })),
      moderationDecisionsTaken: decisionsTaken.map((d) => ({ ...d, createdAt: iso(d.createdAt) })),
      appeals: appeals.map((a) => ({ decision: a.decisionId, explanation: a.explanation, outcome: a.outcome, at: iso(a.createdAt) })),
      suspensions: suspensions.map((s) => ({ until: iso(s.until), at: iso(s.createdAt) })),
      charterAcceptedAt: iso(charter?.acceptedAt ?? null),
      deliberationsOpened: spacesOpened.map((s) => ({ subject: s.subjectReference, at: iso(s.createdAt) })),
      rulesPublished: rules.map((r) => ({ deliberation: r.deliberationId, version: r.version, at: iso(r.publishedAt) })),
      workshopContributionsRecorded: workshopEntries.map((w) => ({ contribution: w.id, deliberation: w.deliberationId, at: iso(w.createdAt) })),
      textsReplacedByYourEdits: revisions,
    };
  }

  /** Helpful marks (the counts stay), suspensions, the charter and the recorder of workshop entries go; the rest stays (see `kept`). */
  async erase(tx: PrismaTransaction, personId: string): Promise<void> {
    await tx.contributionHelpfulMark.deleteMany({ where: { personId } });
    await tx.deliberationSuspension.deleteMany({ where: { personId } });
    await tx.deliberationCharterAcceptance.deleteMany({ where: { personId } });
    await tx.contribution.updateMany({ where: { recordedById: personId }, data: { recordedById: null } });
  }
}
