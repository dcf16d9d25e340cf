import type { ProposalDto } from '@sesame/domain';
import { getFormatter, getTranslations } from 'next-intl/server';

import { timeZone } from '@/i18n/config';

import { proposalLabels } from '../labels';
import styles from './proposals.module.css';

/** The proposal's steps, oldest first: state, date, reason, and who decided. */
export async function Timeline({ proposal }: { proposal: ProposalDto }) {
  const [t, labels, format] = [await getTranslations('Proposals.timeline'), proposalLabels(await getTranslations('Proposals.labels')), await getFormatter()];
  return (
    <section aria-labelledby="historique">
      <h2 id="historique">{t('title')}</h2>
      {proposal.timeline.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <ol className={styles.timeline}>
          {proposal.timeline.map((event, index) => {
            const at = new Date(event.at);
            return (
              <li key={`${event.at}-${index}`}>
                <p>
                  <strong>{labels.event(event.state)}</strong>
                  {' — '}
                  <time dateTime={event.at}>{Number.isNaN(at.getTime()) ? event.at : format.dateTime(at, { dateStyle: 'long', timeStyle: 'short', timeZone })}</time>
                </p>
                {event.reason ? <p className="prewrap">{t('reason', { reason: event.reason })}</p> : null}
                <p className={styles.muted}>{event.by ? t('by', { name: event.by }) : t('automatic')}</p>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
