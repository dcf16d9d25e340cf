import type { ProposalDto } from '@sesame/domain';
import { getTranslations } from 'next-intl/server';

import { fr, person } from '@/i18n/content';
import { getDateWords } from '@/i18n/dates';

import { proposalLabels } from '../labels';
import styles from './proposals.module.css';

/** The proposal's steps, oldest first: state, date, reason, and who decided. */
export async function Timeline({ proposal }: { proposal: ProposalDto }) {
  const [t, labels, dates, people] = [await getTranslations('Proposals.timeline'), proposalLabels(await getTranslations('Proposals.labels')), await getDateWords(), await getTranslations('People')];
  return (
    <section aria-labelledby="historique">
      <h2 id="historique">{t('title')}</h2>
      {proposal.timeline.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <ol className={styles.timeline}>
          {proposal.timeline.map((event, index) => {
            return (
              <li key={`${event.at}-${index}`}>
                <p>
                  <strong>{labels.event(event.state)}</strong>
                  {' — '}
                  <time dateTime={event.at}>{dates.dateTime(event.at)}</time>
                </p>
                {event.reason ? <p className="prewrap">{t.rich('reason', { reason: event.reason, fr })}</p> : null}
                <p className={styles.muted}>{event.by ? t.rich('by', person('name', event.by, people('deletedAccount'))) : t('automatic')}</p>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
