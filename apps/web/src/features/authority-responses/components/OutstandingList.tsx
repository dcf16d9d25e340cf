import type { OutstandingResponsesDto } from '@sesame/domain';
import { getTranslations } from 'next-intl/server';

import { Link } from '@/components/ui/Link';
import { TableScroll } from '@/components/ui/TableScroll';
import { getDateWords } from '@/i18n/dates';

const opinionPage = (opinion: string, reference: string) => `/comite/avis/${opinion}#${reference}`;

/** The schedule of outstanding answers, as parliaments publish it: overdue first, with days overdue; then late progress reports. */
export async function OutstandingList({ list }: { list: OutstandingResponsesDto }) {
  const [t, dates] = [await getTranslations('AuthorityResponses.outstanding'), await getDateWords()];
  return (
    <>
      <section className="section" aria-labelledby="reponses-attendues">
        <h2 id="reponses-attendues">{t('responsesTitle')}</h2>
        {list.responses.length === 0 ? (
          <p>{t('responsesEmpty')}</p>
        ) : (
          <TableScroll captionId="reponses-attendues-legende">
            <table className="data-table">
              <caption id="reponses-attendues-legende">{t('responsesCaption', { overdue: list.overdue, awaiting: list.awaiting })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('recommendation')}</th>
                  <th scope="col">{t('opinion')}</th>
                  <th scope="col">{t('dueAt')}</th>
                  <th scope="col">{t('lateness')}</th>
                </tr>
              </thead>
              <tbody>
                {list.responses.map((r) => (
                  <tr key={r.reference}>
                    <th scope="row">
                      <Link href={opinionPage(r.opinion, r.reference)}>
                        {r.reference} <span lang="fr">« {r.title} »</span>
                      </Link>
                    </th>
                    <td>{t('opinionNumber', { number: r.opinion })}</td>
                    <td>{dates.date(r.dueAt)}</td>
                    <td>{r.overdue ? <strong>{t('daysOverdue', { count: r.daysOverdue })}</strong> : t('daysLeft', { count: r.daysLeft })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
      <section className="section" aria-labelledby="points-en-retard">
        <h2 id="points-en-retard">{t('reportsTitle')}</h2>
        <p className="prose">{t('reportsLead')}</p>
        {list.progressReports.length === 0 ? (
          <p>{t('reportsEmpty')}</p>
        ) : (
          <ul>
            {list.progressReports.map((r) => (
              <li key={`${r.reference}-${r.number}`}>
                <Link href={opinionPage(r.opinion, r.reference)}>
                  {r.reference} <span lang="fr">« {r.title} »</span>
                </Link>{' '}
                — {t('reportLate', { number: r.number, date: dates.date(r.dueAt), count: r.daysOverdue })}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
