import { MAJORITY_JUDGMENT_GRADES_EN, type ConsultationDto, type ConsultationResultsDto } from '@sesame/domain';
import { getLocale, getTranslations } from 'next-intl/server';

import { ApiLink } from '@/components/ui/ApiLink';
import { fr } from '@/i18n/content';
import { getDateWords } from '@/i18n/dates';

import styles from './consultations.module.css';
import { TurnoutSection } from './Sections';

const GRADE_CLASSES = [styles.g0, styles.g1, styles.g2, styles.g3, styles.g4, styles.g5];

/**
 * The results after the close: the winner, each option's line (votes, or for
 * majority judgment the merit profile drawn as stacked bars with the median
 * marked, and the majority grade with its gauge), the explanation in plain
 * French, turnout, paper ballots from polling stations shown as such, and the
 * ballot list to re-tally.
 */
export async function ResultsView({ consultation, results }: { consultation: ConsultationDto; results: ConsultationResultsDto }) {
  const t = await getTranslations('Consultation.results');
  const locale = await getLocale();
  const words = await getDateWords();
  const grades = results.grades ? (locale === 'en' && results.grades.length === 6 ? [...MAJORITY_JUDGMENT_GRADES_EN] : results.grades) : null;
  const answerLabel = (id: string, label: string) => (results.method === 'yes_no_abstain' ? t(`answers.${id as 'yes' | 'no' | 'abstain'}`) : label);
  const winner = results.options.find((o) => o.id === results.winner);
  const totalVotes = results.options.reduce((sum, o) => sum + (o.votes ?? 0), 0);
  return (
    <>
      <section aria-labelledby="gagnant">
        <h2 id="gagnant">{t('outcome')}</h2>
        <p data-testid="winner">
          {winner ? (results.method === 'yes_no_abstain' && (winner.id === 'yes' || winner.id === 'no') ? t(winner.id === 'yes' ? 'yesWins' : 'noWins') : t.rich('winner', { option: answerLabel(winner.id, winner.label), fr })) : t('noWinner')} {results.quorum.percent > 0 ? (results.quorum.reached ? t('quorumReached', { percent: results.quorum.percent }) : t('quorumMissed', { percent: results.quorum.percent })) : null}
        </p>
        <p className={styles.meta}>
          {t('closedOn', { date: words.day(results.closedOn) })} · {t('ballots', { online: results.ballots.online, paper: results.ballots.paper, blank: results.ballots.blankOrInvalid })}
        </p>
      </section>

      <section aria-labelledby="detail">
        <h2 id="detail">{t('detailTitle')}</h2>
        {grades ? (
          <>
            <p>{t('profileLead')}</p>
            <ul className={styles.legend} aria-label={t('legend')}>
              {grades.map((g, i) => (
                <li key={g}>
                  <span className={`${styles.swatch} ${GRADE_CLASSES[i]}`} aria-hidden="true" />
                  {g}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <ol className={styles.list}>
          {results.options.map((o) => {
            const total = (o.profile ?? []).reduce((a, b) => a + b, 0);
            return (
              <li key={o.id} className={styles.card} data-testid="option-result">
                <h3>
                  {t('rank', { rank: o.rank })} <span lang="fr">{answerLabel(o.id, o.label)}</span>
                </h3>
                {o.profile && grades ? (
                  <>
                    <p>
                      {t('majorityGrade', { grade: grades[o.majorityGrade ?? 0] ?? '' })}
                      {/* In words, not « + » / « − » (review M9); a decimal comma in French (review L3). */}
                      {o.gauge ? ` ${t(o.gauge.sign === '+' ? 'gaugePlus' : 'gaugeMinus', { size: locale === 'fr' ? o.gauge.size.replace('.', ',') : o.gauge.size })}` : null}
                    </p>
                    {/* The bar is a picture of the table below it, which screen readers read instead. */}
                    <div className={styles.profile} aria-hidden="true">
                      {o.profile.map((count, i) => (
                        <span key={i} className={GRADE_CLASSES[i]} style={{ width: total === 0 ? 0 : `${(count / total) * 100}%` }} />
                      ))}
                      <span className={styles.median} />
                    </div>
                    {/* One row per grade (review M8): readable at 320 px without breaking a grade's name. */}
                    <table className={styles.profileTable}>
                      <caption className="visually-hidden">{t.rich('profileCaption', { option: o.label, fr })}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t('gradeColumn')}</th>
                          <th scope="col">{t('countColumn')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {o.profile.map((count, i) => (
                          <tr key={i}>
                            <th scope="row">{grades[i]}</th>
                            <td>{count}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </>
                ) : (
                  <>
                    <p>
                      {t('votes', { count: o.votes ?? 0 })}
                      {o.paperVotes ? ` · ${t('paperVotes', { count: o.paperVotes })}` : null}
                    </p>
                    <div className={styles.bar} aria-hidden="true" style={{ width: totalVotes === 0 ? 0 : `${((o.votes ?? 0) / totalVotes) * 100}%` }} />
                  </>
                )}
              </li>
            );
          })}
        </ol>
      </section>

      <section aria-labelledby="explication">
        <h2 id="explication">{t('explanationTitle')}</h2>
        {locale !== 'fr' ? <p>{t('explanationInFrench')}</p> : null}
        <div lang="fr" data-testid="explanation">
          {results.explanation.map((paragraph, i) => (
            <p key={i}>{paragraph}</p>
          ))}
        </div>
      </section>

      <TurnoutSection turnout={results.turnout} />

      <section aria-labelledby="bureaux">
        <h2 id="bureaux">{t('stationsTitle')}</h2>
        {results.paperCounts.length === 0 ? <p>{t('noStations')}</p> : null}
        <ul className={styles.list}>
          {results.paperCounts.map((p) => (
            <li key={p.id} className={styles.card} data-testid="paper-count">
              <h3 lang="fr">{p.stationName}</h3>
              <p>{t('paperCount', { ballots: p.ballots, blank: p.blankOrInvalid })}</p>
              {p.counts.answers === null && p.counts.options === null && p.counts.grades === null ? <p className={styles.meta}>{t('smallStation', { threshold: results.turnout.fewerThan })}</p> : null}
              <p className={styles.meta}>
                {t.rich('countRecord', { place: p.place, date: words.dateTime(p.countedAt), officers: p.officers.join(', '), enteredBy: p.enteredBy, fr })}
              </p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="liste">
        <h2 id="liste">{t('listTitle')}</h2>
        <p>{t('listLead', { ballots: results.ballotList.ballots })}</p>
        <p>
          <ApiLink href={results.ballotList.url as `/api/v1/${string}`}>{t('listLink')}</ApiLink>
        </p>
        <p>
          {t('sha256')} <code className={styles.key}>{results.ballotList.sha256}</code>
        </p>
        <p>{t('retally')}</p>
        <pre className={styles.key}>
          <code>npm run consultation:retally -- {`<${t('urlPlaceholder')}>`}</code>
        </pre>
        <p className={styles.hint}>{t('retallyHint', { reference: consultation.reference })}</p>
      </section>
    </>
  );
}
