import { Injectable } from '@nestjs/common';
import { RESPONSE_DECISION_NAMES_FR, type AuthorityResponseRecord } from '@sesame/domain';
import type { AtomFeed } from '../open-data/atom';
import { openDataController, type OpenDataset } from '../open-data/open-data.controller';
import { AuthorityResponsesService } from './authority-responses.service';

/**
 * The authority's answers and their tracking as open data:
 * /open-data/authority-responses.json (one record per published
 * recommendation, answered or not, with its actions, progress reports and
 * the panel's marks), .csv (one row per recommendation) and .atom (answers
 * and reports).
 */
@Injectable()
export class AuthorityResponsesOpenData implements OpenDataset<AuthorityResponseRecord> {
  constructor(private readonly responses: AuthorityResponsesService) {}

  records(): Promise<AuthorityResponseRecord[]> {
    return this.responses.openData();
  }

  about(): object {
    return {
      fields: {
        status: 'awaiting (before the due date) | overdue (past it, unanswered) | answered | unanswered (the answer window closed a year after publication)',
        daysOverdue: 'whole days past the due date: today for an unanswered recommendation, at the time of the answer for an answered one',
        'progressReports[].verification': 'null until a panel member checks it; verified true = « vérifié par le comité »',
        nextProgressReport: 'the next report expected: 3 months after the answer, then every 6 months',
      },
    };
  }

  table(records: AuthorityResponseRecord[]): string[][] {
    const header = ['recommendation', 'opinion', 'title', 'status', 'due_at', 'days_overdue', 'decision', 'responded_at', 'actions', 'average_progress', 'progress_reports', 'verified_reports', 'next_report_due', 'score'];
    return [
      header,
      ...records.map((r) => [
        r.recommendation.reference,
        r.recommendation.opinion,
        r.recommendation.title,
        r.status,
        r.dueAt,
        String(r.daysOverdue),
        r.response?.decision ?? '',
        r.response?.respondedAt ?? '',
        String(r.actions.length),
        r.actions.length ? String(Math.round(r.actions.reduce((sum, a) => sum + a.progress, 0) / r.actions.length)) : '',
        String(r.progressReports.length),
        String(r.progressReports.filter((p) => p.verification?.verified).length),
        r.nextProgressReport?.dueAt ?? '',
        r.evaluation ? String(r.evaluation.score) : '',
      ]),
    ];
  }

  async feed(): Promise<AtomFeed> {
    const records = await this.records();
    return {
      title: 'Sésame — réponses de la ville aux recommandations du comité',
      description: 'Chaque réponse de la ville à une recommandation du comité citoyen, et chaque point d’étape de sa mise en œuvre.',
      page: '/comite/reponses-attendues',
      entries: records.flatMap((r) => {
        const link = `/comite/avis/${r.recommendation.opinion}#${r.recommendation.reference}`;
        if (!r.response) return [];
        return [
          {
            id: `${link}-reponse`,
            title: `${r.recommendation.reference} « ${r.recommendation.title} » : ${RESPONSE_DECISION_NAMES_FR[r.response.decision]}`,
            link,
            date: new Date(r.response.respondedAt),
            description: r.response.justification || r.response.commitments,
          },
          ...r.progressReports.map((p) => ({ id: `${link}-point-${p.number}`, title: `${r.recommendation.reference} : point d’étape n° ${p.number}`, link, date: new Date(p.submittedAt), description: p.body })),
        ];
      }),
    };
  }
}

export const AuthorityResponsesOpenDataController = openDataController({ name: 'authority-responses', csvFilename: 'sesame-reponses-ville.csv' }, AuthorityResponsesOpenData);
