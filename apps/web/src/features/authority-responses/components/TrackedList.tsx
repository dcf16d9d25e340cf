import type { AuthorityResponseRecord } from '@sesame/domain';
import { getTranslations } from 'next-intl/server';

import { Link } from '@/components/ui/Link';
import { TableScroll } from '@/components/ui/TableScroll';
import { getDateWords } from '@/i18n/dates';

import { trackingPath } from '../paths';

/**
 * The answers the town tracks (accepted, even in part), for its work area:
 * each recommendation with its actions' average progress, the next progress
 * report's date and whether it is late, and the panel's verification; each
 * links to its tracking page.
 */
export async function TrackedList({ records }: { records: AuthorityResponseRecord[] }) {
  const [t, block, dates] = [await getTranslations('AuthorityResponses.tracked'), await getTranslations('AuthorityResponses.block'), await getDateWords()];
  return (
    <section className="section" aria-labelledby="suivi">
      <h2 id="suivi">{t('title')}</h2>
      <p className="prose">{t('lead')}</p>
      {records.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <TableScroll captionId="suivi-legende">
          <table className="data-table">
            <caption id="suivi-legende">{t('caption', { count: records.length })}</caption>
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
    </section>
  );
}
