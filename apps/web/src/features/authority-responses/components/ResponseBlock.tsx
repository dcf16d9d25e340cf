import type { AuthorityResponseRecord } from '@sesame/domain';
import { getTranslations } from 'next-intl/server';

import { getDateWords } from '@/i18n/dates';

import styles from './authority-responses.module.css';

type Props = {
  view: AuthorityResponseRecord;
  /** The heading level of the block's title (the page around it decides). */
  headingLevel?: 2 | 3 | 4;
  /** The id of a heading naming the recommendation, when several blocks share a page: each region's name then says which it is. */
  alsoNamedBy?: string;
};

/**
 * The authority's answer to one recommendation, and its implementation
 * tracking, in public — for a recommendation's page to embed
 * (`fetchAuthorityResponse(reference)` then `<ResponseBlock view={…} />`):
 * the deadline and the days overdue, the decision with its justification,
 * commitments and timeline, the actions with their progress, the progress
 * reports (« vérifié par le comité » or not), the next report due, the
 * panel's score and follow-up group, the public review.
 */
export async function ResponseBlock({ view, headingLevel = 2, alsoNamedBy }: Props) {
  const [t, dates] = [await getTranslations('AuthorityResponses.block'), await getDateWords()];
  const H = `h${headingLevel}` as const;
  const Sub = `h${headingLevel + 1}` as 'h3' | 'h4' | 'h5';
  const id = `reponse-${view.recommendation.reference}`;
  const response = view.response;
  return (
    <section className="section" aria-labelledby={alsoNamedBy ? `${id} ${alsoNamedBy}` : id}>
      <H id={id}>{t('title')}</H>
      {!response ? (
        <p className={view.status === 'awaiting' ? undefined : 'callout'}>
          {view.status === 'awaiting'
            ? t('awaiting', { date: dates.date(view.dueAt), count: view.daysLeft })
            : view.status === 'overdue'
              ? t('overdue', { date: dates.date(view.dueAt), count: view.daysOverdue })
              : t('unanswered', { date: dates.date(view.dueAt) })}
        </p>
      ) : (
        <>
          <p>
            <strong>{t(`decision.${response.decision}`)}</strong> — {t('respondedAt', { date: dates.date(response.respondedAt) })}
            {response.daysLate > 0 ? <> {t('late', { count: response.daysLate })}</> : null}
          </p>
          <dl>
            {response.justification ? (
              <>
                <dt>{t('justification')}</dt>
                <dd lang="fr" className="prewrap">
                  {response.justification}
                </dd>
              </>
            ) : null}
            {response.commitments ? (
              <>
                <dt>{t('commitments')}</dt>
                <dd lang="fr" className="prewrap">
                  {response.commitments}
                </dd>
              </>
            ) : null}
            {response.timeline ? (
              <>
                <dt>{t('timeline')}</dt>
                <dd lang="fr" className="prewrap">
                  {response.timeline}
                </dd>
              </>
            ) : null}
          </dl>
        </>
      )}

      {view.actions.length > 0 ? (
        <>
          <Sub>{t('actionsTitle')}</Sub>
          <ul className={styles.plainList}>
            {view.actions.map((a) => (
              <li key={a.number} className={styles.action} data-testid="public-action">
                <p>
                  <strong lang="fr">{a.title}</strong>
                  <br />
                  <span lang="fr">{a.owner}</span> — {t(`status.${a.status}`)}
                  {a.dueOn ? <> — {t('dueOn', { date: dates.day(a.dueOn) })}</> : null}
                </p>
                <p className={styles.progress}>
                  <progress max={100} value={a.progress} aria-label={t('progressOf', { number: a.number })}>
                    {a.progress} %
                  </progress>{' '}
                  <span aria-hidden="true">{a.progress} %</span>
                </p>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {view.progressReports.length > 0 || view.nextProgressReport ? (
        <>
          <Sub>{t('reportsTitle')}</Sub>
          {view.nextProgressReport ? (
            <p className={view.nextProgressReport.overdue ? 'callout' : undefined}>
              {view.nextProgressReport.overdue
                ? t('nextReportLate', { number: view.nextProgressReport.number, date: dates.date(view.nextProgressReport.dueAt), count: view.nextProgressReport.daysOverdue })
                : t('nextReport', { number: view.nextProgressReport.number, date: dates.date(view.nextProgressReport.dueAt) })}
            </p>
          ) : null}
          {view.progressReports.length > 0 ? (
          <ol className={styles.plainList}>
            {view.progressReports.map((r) => (
              <li key={r.number} className={styles.report} data-testid="public-report">
                <p>
                  {t('reportOf', { number: r.number, date: dates.date(r.submittedAt) })}{' '}
                  <strong>{r.verification === null ? t('notChecked') : r.verification.verified ? t('verified') : t('notVerified')}</strong>
                  {r.late ? <> {t('reportLate', { date: dates.date(r.dueAt) })}</> : null}
                </p>
                <p lang="fr" className="prewrap">
                  {r.body}
                </p>
                {r.verification ? (
                  <p>
                    {t('checkedBy', { name: r.verification.by, date: dates.date(r.verification.at) })}
                    {r.verification.note ? (
                      <>
                        {' '}
                        {t('panelNote')} <span lang="fr">{r.verification.note}</span>
                      </>
                    ) : null}
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
          ) : null}
        </>
      ) : null}

      {view.evaluation ? (
        <>
          <Sub>{t('evaluationTitle')}</Sub>
          <p>
            <strong>{t('score', { score: view.evaluation.score })}</strong> — {t('evaluatedAt', { date: dates.date(view.evaluation.publishedAt) })}
          </p>
          <p lang="fr" className="prewrap">
            {view.evaluation.evaluation}
          </p>
        </>
      ) : null}
      {view.followUpGroup.length > 0 ? (
        <p>
          {t('followUpGroup')} <span lang="fr">{view.followUpGroup.map((m) => m.displayName).join(', ')}</span>
        </p>
      ) : null}
      {view.review ? <p>{view.review.state === 'due' ? t('reviewDue', { date: dates.date(view.review.dueAt) }) : t('reviewScheduled', { date: dates.date(view.review.dueAt) })}</p> : null}
    </section>
  );
}
