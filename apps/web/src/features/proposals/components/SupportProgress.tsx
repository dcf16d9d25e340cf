import { daysLeft, type ProposalSummary } from '@sesame/domain';
import { getTranslations } from 'next-intl/server';

import { getDateWords } from '@/i18n/dates';

import { now } from '../queries';
import styles from './proposals.module.css';

type Props = {
  proposal: Pick<ProposalSummary, 'reference' | 'state' | 'supports' | 'threshold' | 'collectingUntil'>;
  /** The card says « 12 soutiens sur 50 », the proposal page « 12 soutiens sur 50 nécessaires ». */
  variant: 'card' | 'page';
};

/**
 * Supports toward the threshold: a native <progress> (a progress bar to
 * assistive technologies) named by the visible sentence, which also says it
 * in words; then the days left to support.
 */
export async function SupportProgress({ proposal, variant }: Props) {
  const [t, dates] = [await getTranslations('Proposals.support'), await getDateWords()];
  const { supports, threshold, state, collectingUntil } = proposal;
  if (threshold === null) {
    if (state === 'submitted') return <p className={styles.muted}>{t('notYet')}</p>;
    return supports > 0 ? <p>{t('countOnly', { supports })}</p> : null;
  }
  const sentence = variant === 'page' ? t('countNeeded', { supports, threshold }) : t('count', { supports, threshold });
  const labelId = `soutiens-${variant}-${proposal.reference}`;
  const until = collectingUntil ? new Date(collectingUntil) : null;
  const days = until && !Number.isNaN(until.getTime()) ? daysLeft(until, now()) : null;
  let deadline = null;
  if (days !== null && until) {
    deadline =
      state === 'admissible' && days > 0 ? (
        <p>
          {t('daysLeft', { days })}{' '}
          <span className={styles.muted}>
            (<time dateTime={collectingUntil!}>{t('until', { date: dates.date(until) })}</time>)
          </span>
        </p>
      ) : (
        <p>{t('closed')}</p>
      );
  }
  return (
    <div className={styles.progress}>
      <p id={labelId}>
        <strong>{sentence}</strong>
      </p>
      <progress className={styles.bar} aria-labelledby={labelId} value={Math.min(supports, threshold)} max={threshold}>
        {sentence}
      </progress>
      {deadline}
    </div>
  );
}
