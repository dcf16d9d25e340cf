import { Injectable } from '@nestjs/common';
import { ProvidesPersonalData, type PersonalDataProvider } from '../personal-data/personal-data.provider';
import { PrismaService, type PrismaTransaction } from '../prisma/prisma.service';

const VOTE_WORD: Record<number, string> = { 1: 'agree', [-1]: 'disagree', 0: 'pass' };

/** The person's statements and votes in opinion maps, and their decisions on statements as moderator. */
@ProvidesPersonalData()
@Injectable()
export class OpinionMapPersonalDataRepository implements PersonalDataProvider {
  readonly feature = 'opinion-map';
  readonly tables = ['opinion_participants', 'statements'];
  readonly kept = [{ table: 'statements', reason: 'Statements decided by a moderator keep the moderator’s account id (never shown); the author’s id is removed.' }];

  constructor(private readonly prisma: PrismaService) {}

  async export(personId: string): Promise<Record<string, unknown>> {
    const [statements, participants, decided] = await Promise.all([
      this.prisma.statement.findMany({ where: { authorId: personId }, select: { deliberationId: true, number: true, text: true, state: true, seeded: true, meta: true, rejectionCode: true, createdAt: true }, orderBy: { createdAt: 'asc' } }),
      this.prisma.opinionParticipant.findMany({ where: { personId }, select: { deliberationId: true, number: true, votes: { select: { vote: true, votedAt: true, statement: { select: { number: true } } }, orderBy: { votedAt: 'asc' } } }, orderBy: { createdAt: 'asc' } }),
      this.prisma.statement.findMany({ where: { decidedById: personId }, select: { deliberationId: true, number: true, state: true, meta: true, decidedAt: true }, orderBy: { decidedAt: 'asc' } }),
    ]);
    return {
      statements: statements.map((s) => ({ ...s, createdAt: s.createdAt.toISOString() })),
      participations: participants.map((p) => ({ deliberation: p.deliberationId, participantNumber: p.number, votes: p.votes.map((v) => ({ statement: v.statement.number, vote: VOTE_WORD[v.vote] ?? String(v.vote), at: v.votedAt.toISOString() })) })),
      statementDecisionsTaken: decided.map((d) => ({ ...d, decidedAt: d.decidedAt?.toISOString() ?? null })),
    };
  }

  /** The votes stay, anonymously (the participant keeps its number, without the person); statements lose their author. */
  async erase(tx: PrismaTransaction, personId: string): Promise<void> {
    await tx.opinionParticipant.updateMany({ where: { personId }, data: { personId: null } });
    await tx.statement.updateMany({ where: { authorId: personId }, data: { authorId: null } });
  }
}
