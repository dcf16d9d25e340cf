import { Injectable } from '@nestjs/common';
import { ProvidesPersonalData, type PersonalDataProvider } from '../personal-data/personal-data.provider';
import { PrismaService, type PrismaTransaction } from '../prisma/prisma.service';

/** The person's proposals, supports and follows, and the timeline entries they caused. */
@ProvidesPersonalData()
@Injectable()
export class ProposalsPersonalDataRepository implements PersonalDataProvider {
  readonly feature = 'proposals';
  readonly tables = ['proposals', 'proposal_supports', 'proposal_follows', 'proposal_events'];
  readonly kept = [
    {
      table: 'proposals',
      reason: 'Submitted proposals were public: they stay, attributed to "Compte supprimé" (unsubmitted drafts are deleted).',
    },
    {
      table: 'proposal_supports',
      reason: 'Supports keep counting toward thresholds already reached or still open; they are never published one by one.',
    },
    {
      table: 'proposal_events',
      reason: 'A proposal\'s public timeline keeps who moved it (account id only, shown as "Compte supprimé").',
    },
  ];

  constructor(private readonly prisma: PrismaService) {}

  async export(personId: string): Promise<Record<string, unknown>> {
    const proposals = await this.prisma.proposal.findMany({
      where: { authorId: personId },
      select: { reference: true, state: true, title: true, body: true, why: true, expectedEffect: true, createdAt: true, submittedAt: true },
      orderBy: { createdAt: 'asc' },
    });
    const supports = await this.prisma.proposalSupport.findMany({ where: { personId }, select: { createdAt: true, proposal: { select: { reference: true, title: true } } }, orderBy: { createdAt: 'asc' } });
    const follows = await this.prisma.proposalFollow.findMany({ where: { personId }, select: { createdAt: true, proposal: { select: { reference: true } } }, orderBy: { createdAt: 'asc' } });
    const events = await this.prisma.proposalEvent.findMany({ where: { actorId: personId }, select: { state: true, reason: true, createdAt: true, proposal: { select: { reference: true } } }, orderBy: { createdAt: 'asc' } });
    return {
      proposals: proposals.map((p) => ({ ...p, createdAt: p.createdAt.toISOString(), submittedAt: p.submittedAt?.toISOString() ?? null })),
      supports: supports.map((s) => ({ proposal: s.proposal.reference, title: s.proposal.title, at: s.createdAt.toISOString() })),
      followedProposals: follows.map((f) => ({ reference: f.proposal.reference, since: f.createdAt.toISOString() })),
      timelineEntries: events.map((e) => ({ proposal: e.proposal.reference, state: e.state, reason: e.reason, at: e.createdAt.toISOString() })),
    };
  }

  /** Deletes unsubmitted drafts (never public) and follows; the rest stays (see `kept`). */
  async erase(tx: PrismaTransaction, personId: string): Promise<void> {
    await tx.proposal.deleteMany({ where: { authorId: personId, submittedAt: null } });
    await tx.proposalFollow.deleteMany({ where: { personId } });
  }
}
