import type { PanelDrawReport } from '@sesame/domain';
import { getLocale, getTranslations } from 'next-intl/server';

import { TableScroll } from '@/components/ui/TableScroll';
import { Content } from '@/i18n/content';

import { count, percent } from '../labels';
import styles from './advisory-panel.module.css';

type QuotaRow = PanelDrawReport['quotaTable'][number];

/** Chart geometry, in the SVG's own units (it scales to its box). */
const WIDTH = 400;
const LEFT = 8;
const RIGHT = 392;
const ROW = 46;
const TOP = 8;

/**
 * The quota table as a chart: for each category value, the band from its
 * minimum to its maximum, the number the lottery gives on average (dashed)
 * and, once drawn, the number drawn (a solid bar). The table that follows
 * holds the same figures.
 */
async function QuotaChart({ rows, panelSize, tableId }: { rows: QuotaRow[]; panelSize: number; tableId: string }) {
  const [t, locale] = [await getTranslations('AdvisoryPanelDraw.report'), await getLocale()];
  const scale = (value: number) => LEFT + ((RIGHT - LEFT) * Math.min(value, panelSize)) / Math.max(panelSize, 1);
  const height = TOP + rows.length * ROW + 24;
  const anyDrawn = rows.some((row) => row.drawn !== null);
  return (
    <figure>
      <svg className={`${styles.chart} ${styles.chartNarrow}`} viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby="quotas-graphique-titre quotas-graphique-texte">
        <title id="quotas-graphique-titre">{t('quotaChartTitle')}</title>
        <desc id="quotas-graphique-texte">{t('quotaChartDesc', { table: tableId })}</desc>
        {rows.map((row, i) => {
          const y = TOP + i * ROW;
          const barY = y + 20;
          return (
            <g key={`${row.category}-${row.value}`}>
              <text x={LEFT} y={y + 13} fontSize="14" lang="fr">
                {`${row.category} : ${row.value}`}
              </text>
              <rect x={LEFT} y={barY} width={RIGHT - LEFT} height={16} fill="#ffffff" stroke="#6b7280" strokeWidth="1" />
              <rect x={scale(row.min)} y={barY} width={Math.max(scale(row.max) - scale(row.min), 2)} height={16} fill="#e8eef9" stroke="#1f4fa3" strokeWidth="2" />
              {row.drawn !== null ? <rect x={LEFT} y={barY + 4} width={Math.max(scale(row.drawn) - LEFT, 1)} height={8} fill="#0f6b35" /> : null}
              <line x1={scale(row.expected)} x2={scale(row.expected)} y1={barY - 3} y2={barY + 19} stroke="#16181d" strokeWidth="2" strokeDasharray="3 2" />
            </g>
          );
        })}
        <text x={LEFT} y={height - 6} fontSize="13">
          0
        </text>
        <text x={RIGHT} y={height - 6} fontSize="13" textAnchor="end">
          {count(panelSize, locale)}
        </text>
      </svg>
      <figcaption>
        <ul className={styles.chartLegend}>
          <li>
            <span className={`${styles.swatch} ${styles.swatchRange}`} aria-hidden="true" />
            {t('legendRange')}
          </li>
          <li>
            <span className={`${styles.swatch} ${styles.swatchExpected}`} aria-hidden="true" />
            {t('legendExpected')}
          </li>
          {anyDrawn ? (
            <li>
              <span className={`${styles.swatch} ${styles.swatchDrawn}`} aria-hidden="true" />
              {t('legendDrawn')}
            </li>
          ) : null}
        </ul>
      </figcaption>
    </figure>
  );
}

/**
 * Each volunteer's selection probability, lowest to highest, as a line; the
 * minimum and the average (panel size ÷ pool size) as horizontal lines.
 */
async function ProbabilityChart({ report, tableId }: { report: PanelDrawReport; tableId: string }) {
  const [t, locale] = [await getTranslations('AdvisoryPanelDraw.report'), await getLocale()];
  const sorted = report.probabilities.map((p) => p.probability).sort((a, b) => a - b);
  const top = Math.max(...sorted, 0.01);
  const height = 200;
  const [x0, x1, y0, y1] = [48, 392, 12, 176];
  const x = (i: number) => x0 + ((x1 - x0) * i) / Math.max(sorted.length - 1, 1);
  const y = (p: number) => y1 - ((y1 - y0) * p) / top;
  const points = sorted.map((p, i) => `${x(i).toFixed(1)},${y(p).toFixed(1)}`).join(' ');
  const average = report.panelSize / Math.max(report.poolSize, 1);
  return (
    <figure>
      <svg className={`${styles.chart} ${styles.chartNarrow}`} viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby="probabilites-graphique-titre probabilites-graphique-texte">
        <title id="probabilites-graphique-titre">{t('probabilityChartTitle')}</title>
        <desc id="probabilites-graphique-texte">
          {t('probabilityChartDesc', { minimum: percent(report.minimum, locale), maximum: percent(top, locale), average: percent(average, locale), table: tableId })}
        </desc>
        <line x1={x0} x2={x0} y1={y0} y2={y1} stroke="#6b7280" />
        <line x1={x0} x2={x1} y1={y1} y2={y1} stroke="#6b7280" />
        <text x={x0 - 4} y={y(top) + 5} fontSize="12" textAnchor="end">
          {percent(top, locale, 0)}
        </text>
        <text x={x0 - 4} y={y1} fontSize="12" textAnchor="end">
          {percent(0, locale, 0)}
        </text>
        <line x1={x0} x2={x1} y1={y(average)} y2={y(average)} stroke="#16181d" strokeDasharray="4 3" />
        <line x1={x0} x2={x1} y1={y(report.minimum)} y2={y(report.minimum)} stroke="#a4161a" strokeWidth="1.5" />
        <polyline points={points} fill="none" stroke="#1f4fa3" strokeWidth="2.5" />
        <text x={x1} y={height - 6} fontSize="12" textAnchor="end">
          {t('probabilityAxis', { count: report.poolSize })}
        </text>
      </svg>
      <figcaption>
        <ul className={styles.chartLegend}>
          <li>
            <span className={`${styles.swatch} ${styles.swatchLine}`} aria-hidden="true" />
            {t('legendProbability')}
          </li>
          <li>
            <span className={`${styles.swatch} ${styles.swatchMinimum}`} aria-hidden="true" />
            {t('legendMinimum', { minimum: percent(report.minimum, locale) })}
          </li>
          <li>
            <span className={`${styles.swatch} ${styles.swatchExpected}`} aria-hidden="true" />
            {t('legendAverage', { average: percent(average, locale) })}
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}

/**
 * The published report, in the reader's language: the key figures, the quota
 * table (target vs drawn) with its chart, each volunteer's selection
 * probability (pseudonymous ids) with its chart.
 */
export async function DrawReport({ report }: { report: PanelDrawReport }) {
  const [t, locale] = [await getTranslations('AdvisoryPanelDraw.report'), await getLocale()];
  const drawn = report.drawnPanel !== null;
  return (
    <>
      <ul className={styles.figures}>
        <li>
          <span className={styles.figure}>{percent(report.minimum, locale)}</span> {t('minimum')}
        </li>
        <li>
          <span className={styles.figure}>{percent(report.lotteryMinimum, locale)}</span> {t('lotteryMinimum')}
        </li>
        <li>
          <span className={styles.figure}>{count(report.poolSize, locale)}</span> {t('poolSize')}
        </li>
        <li>
          <span className={styles.figure}>{count(report.panelSize, locale)}</span> {t('panelSize')}
        </li>
      </ul>
      <p className="prose">{t('minimumExplained', { minimum: percent(report.minimum, locale), deviation: percent(report.maxDeviation, locale, 2) })}</p>

      <h3 id="quotas-titre">{t('quotasTitle')}</h3>
      <p className="prose">{t('quotasLead')}</p>
      <QuotaChart rows={report.quotaTable} panelSize={report.panelSize} tableId={t('quotaCaption')} />
      <TableScroll captionId="quotas-tableau">
        <table className="data-table">
          <caption id="quotas-tableau">{t('quotaCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('category')}</th>
              <th scope="col">{t('value')}</th>
              <th scope="col">{t('min')}</th>
              <th scope="col">{t('max')}</th>
              <th scope="col">{t('volunteers')}</th>
              <th scope="col">{t('expected')}</th>
              <th scope="col">{t('drawn')}</th>
            </tr>
          </thead>
          <tbody>
            {report.quotaTable.map((row) => (
              <tr key={`${row.category}-${row.value}`}>
                <td>
                  <Content>{row.category}</Content>
                </td>
                <td>
                  <Content>{row.value}</Content>
                </td>
                <td>{row.min}</td>
                <td>{row.max}</td>
                <td>{row.volunteers}</td>
                <td>{new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 2 }).format(row.expected)}</td>
                <td>{row.drawn ?? t('notYet')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>

      <h3 id="probabilites-titre">{t('probabilitiesTitle')}</h3>
      <p className="prose">{t('probabilitiesLead')}</p>
      <ProbabilityChart report={report} tableId={t('probabilityCaption')} />
      <details className={styles.details}>
        <summary>{t('probabilityTable', { count: report.probabilities.length })}</summary>
        <TableScroll captionId="probabilites-tableau">
          <table className="data-table">
            <caption id="probabilites-tableau">{t('probabilityCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('volunteer')}</th>
                <th scope="col">{t('probability')}</th>
                <th scope="col">{t('lottery')}</th>
                {drawn ? <th scope="col">{t('drawnColumn')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {report.probabilities.map((row) => (
                <tr key={row.id}>
                  <th scope="row" className={styles.mono}>
                    {row.id}
                  </th>
                  <td>{percent(row.probability, locale, 2)}</td>
                  <td>{percent(row.lottery, locale, 1)}</td>
                  {drawn ? <td>{row.drawn ? t('yes') : t('no')}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </details>
    </>
  );
}
