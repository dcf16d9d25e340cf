import type { AnsweredResponsesPage } from '@sesame/domain';
import { getTranslations } from 'next-intl/server';

import { Link } from '@/components/ui/Link';
import { Pagination } from '@/components/ui/Pagination';
import { TableScroll } from '@/components/ui/TableScroll';
import { getDateWords } from '@/i18n/dates';

import { trackingPath } from '../paths';

/**
 * The answers the town tracks (accepted, even in part), for its work area:
 * each recommendation with its actions' average progress, the next progress
 * report's date and whether it is late, and the panel's verification; each
 * links to its tracking page.
 */
export async function TrackedList({ tracked, hrefAt }: { tracked: AnsweredResponsesPage; hrefAt: (page: number) => string }) {
  const [t, block, dates] = [await getTranslations('AuthorityResponses.tracked'), await getTranslations('AuthorityResponses.block'), await getDateWords()];
  const records = tracked.items;
  const totalPages = Math.max(1, Math.ceil(tracked.total / tracked.pageSize));
  return (
    <section className="section" aria-labelledby="suivi">
      <h2 id="suivi">{t('title')}</h2>
      <p className="prose">{t('lead')}</p>
      {tracked.total === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <TableScroll captionId="suivi-legende">
          <table className="data-table">
            <caption id="suivi-legende">{t('caption', { count: tracked.total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('recommendation')}</th>
                <th scope="col">{t('decision')}</th>
                <th scope="col">{t('actions')}</th>
                <th scope="col">{t('nextReport')}</th>
                <th scope="col">{t('reports')}</th>
              </tr>
            </thead>
            <tbody>
              {records.map((record) => {
                const { reference, title } = record.recommendation;
                const next = record.nextProgressReport;
                const average = record.actions.length ? Math.round(record.actions.reduce((sum, a) => sum + a.progress, 0) / record.actions.length) : null;
                const verified = record.progressReports.filter((r) => r.verification?.verified).length;
                return (
                  <tr key={reference} data-testid="tracked-response">
                    <th scope="row">
                      <Link href={trackingPath(reference)}>
                        {reference} <span lang="fr">« {title} »</span>
                      </Link>
                    </th>
                    <td>{record.response ? block(`decision.${record.response.decision}`) : '—'}</td>
                    <td>{average === null ? t('noAction') : t('actionsSummary', { count: record.actions.length, progress: average })}</td>
                    <td>
                      {next ? (
                        next.overdue ? (
                          <strong>{t('late', { number: next.number, date: dates.date(next.dueAt), count: next.daysOverdue })}</strong>
                        ) : (
                          t('due', { number: next.number, date: dates.date(next.dueAt) })
                        )
                      ) : (
                        '—'
                      )}
                    </td>
                    <td>{t('reportsSummary', { count: record.progressReports.length, verified })}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
      {totalPages > 1 || tracked.page > 1 ? (
        <Pagination
          page={tracked.page}
          totalPages={totalPages}
          hrefAt={hrefAt}
          texts={{ label: t('paginationLabel'), previous: t('previous'), next: t('next'), status: t('pageStatus', { page: tracked.page, totalPages }) }}
        />
      ) : null}
    </section>
  );
}
