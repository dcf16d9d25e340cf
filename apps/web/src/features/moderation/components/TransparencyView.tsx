import { getLocale, getTranslations } from 'next-intl/server';

import { TableScroll } from '@/components/ui/TableScroll';

import type { ModerationLabels } from '../labels';
import type { Transparency } from '../queries';
import styles from './moderation.module.css';

/**
 * The transparency figures: decisions per reason and per kind (plain
 * tables, a bar beside each count for a glance), automatic vs human, the
 * median time to a moderator's decision, appeals and reversals.
 */
export async function TransparencyView({ figures, labels, policy }: { figures: Transparency; labels: ModerationLabels; policy?: readonly { code: string; description: string }[] }) {
  const t = await getTranslations('Moderation.transparency');
  const number = new Intl.NumberFormat((await getLocale()) === 'en' ? 'en-GB' : 'fr-FR', { maximumFractionDigits: 1 });
  const widest = Math.max(1, ...figures.byReason.map((row) => row.count), ...figures.byDecision.map((row) => row.count));
  const bar = (count: number) => <span className={styles.bar} style={{ width: `${Math.round((count / widest) * 100)}%` }} aria-hidden="true" />;
  return (
    <>
      <ul className={styles.figures}>
        <li>
          <span className={styles.figure}>{number.format(figures.decisions)}</span> {t('decisions', { count: figures.decisions })}
        </li>
        <li>
          <span className={styles.figure}>{number.format(figures.automatic)}</span> {t('automatic', { count: figures.automatic })}
        </li>
        <li>
          <span className={styles.figure}>{number.format(figures.human)}</span> {t('human', { count: figures.human })}
        </li>
        <li>
          <span className={styles.figure}>{figures.medianHoursToDecision === null ? '—' : number.format(figures.medianHoursToDecision)}</span>{' '}
          {figures.medianHoursToDecision === null ? t('medianNone') : t('median', { count: figures.medianHoursToDecision })}
        </li>
      </ul>

      <h2 id="par-motif">{t('byReasonTitle')}</h2>
      {figures.byReason.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <TableScroll captionId="tableau-motifs">
          <table className="data-table">
            <caption id="tableau-motifs">{t('byReasonCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reason')}</th>
                <th scope="col">{t('count')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('share')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {figures.byReason.map((row) => {
                const reason = policy ? labels.reason(row.code, policy) : labels.reason(row.code);
                return (
                  <tr key={row.code}>
                    <th scope="row">
                      <span lang={reason.lang}>{reason.text}</span>
                    </th>
                    <td>{number.format(row.count)}</td>
                    <td className={styles.barCell}>{bar(row.count)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}

      <h2 id="par-decision">{t('byDecisionTitle')}</h2>
      {figures.byDecision.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <TableScroll captionId="tableau-decisions">
          <table className="data-table">
            <caption id="tableau-decisions">{t('byDecisionCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('decision')}</th>
                <th scope="col">{t('count')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('share')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {figures.byDecision.map((row) => (
                <tr key={row.decision}>
                  <th scope="row">{labels.decision(row.decision)}</th>
                  <td>{number.format(row.count)}</td>
                  <td className={styles.barCell}>{bar(row.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}

      <h2 id="appels">{t('appealsTitle')}</h2>
      <dl className={styles.facts}>
        <dt>{t('appealsFiled')}</dt>
        <dd>{number.format(figures.appeals.filed)}</dd>
        <dt>{t('appealsPending')}</dt>
        <dd>{number.format(figures.appeals.pending)}</dd>
        <dt>{t('appealsUpheld')}</dt>
        <dd>{number.format(figures.appeals.upheld)}</dd>
        <dt>{t('appealsReversed')}</dt>
        <dd>{number.format(figures.appeals.reversed)}</dd>
      </dl>
    </>
  );
}
