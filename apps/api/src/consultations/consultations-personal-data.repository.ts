import { Injectable } from '@nestjs/common';
import { ProvidesPersonalData, type PersonalDataProvider } from '../personal-data/personal-data.provider';
import { PrismaService, type PrismaTransaction } from '../prisma/prisma.service';

/**
 * The person's part in consultations: THAT they took part (never what they
 * chose: ballots hold no person, so there is nothing to export or erase
 * there), their questions and supports, and what they did as organizer or
 * polling-station officer.
 */
@ProvidesPersonalData()
@Injectable()
export class ConsultationsPersonalDataRepository implements PersonalDataProvider {
  readonly feature = 'consultations';
  readonly tables = ['consultations', 'consultation_events', 'consultation_hearings', 'consultation_questions', 'consultation_question_supports', 'consultation_participations', 'consultation_paper_counts'];
  readonly kept = [
    { table: 'consultation_participations', reason: 'Taking part is the double-vote guard and counts in the published turnout; it is never published one by one, and never says what was voted.' },
    { table: 'consultation_questions', reason: 'Questions were public and may have been answered on record: they stay, attributed to "Compte supprimé".' },
    { table: 'consultation_question_supports', reason: 'Supports keep counting toward the questions\' published ranking; they are never published one by one.' },
    { table: 'consultations', reason: 'Organizers\' consultations are public records (account id only).' },
    { table: 'consultation_events', reason: 'A consultation\'s public timeline keeps who moved it (account id only).' },
    { table: 'consultation_hearings', reason: 'Published hearings keep who published them (account id only).' },
    { table: 'consultation_paper_counts', reason: 'A polling station\'s count record keeps who entered it and who confirmed it (account ids only).' },
  ];

  constructor(private readonly prisma: PrismaService) {}

  async export(personId: string): Promise<Record<string, unknown>> {
    const [participations, questions, supports, organized] = await Promise.all([
      this.prisma.consultationParticipation.findMany({ where: { personId }, select: { channel: true, consultation: { select: { reference: true } } }, orderBy: { consultation: { voteOpensAt: 'asc' } } }),
      this.prisma.consultationQuestion.findMany({ where: { authorId: personId }, select: { body: true, state: true, createdAt: true, consultation: { select: { reference: true } } }, orderBy: { createdAt: 'asc' } }),
      this.prisma.consultationQuestionSupport.findMany({ where: { personId }, select: { createdAt: true, question: { select: { id: true, consultation: { select: { reference: true } } } } }, orderBy: { createdAt: 'asc' } }),
      this.prisma.consultation.findMany({ where: { createdById: personId }, select: { reference: true, title: true, createdAt: true }, orderBy: { createdAt: 'asc' } }),
    ]);
    return {
      participations: participations.map((p) => ({ consultation: p.consultation.reference, channel: p.channel })),
      questions: questions.map((q) => ({ consultation: q.consultation.reference, body: q.body, state: q.state, at: q.createdAt.toISOString() })),
      questionSupports: supports.map((s) => ({ consultation: s.question.consultation.reference, question: s.question.id, at: s.createdAt.toISOString() })),
      consultationsPrepared: organized.map((c) => ({ reference: c.reference, title: c.title, at: c.createdAt.toISOString() })),
    };
  }

  /** Everything stays (see `kept`): public records by account id only, and participations that never say what was voted. */
  async erase(_tx: PrismaTransaction, _personId: string): Promise<void> {}
}
