import { getTranslations } from 'next-intl/server';

import { Link } from '@/components/ui/Link';

import { threadPath } from '../paths';
import { fetchProposalDeliberation } from '../queries';
import styles from './deliberations.module.css';

/** On a proposal's page: « Débat », its counts and the way in — nothing when the proposal has no deliberation. */
export async function DebateLink({ reference }: { reference: string }) {
  const space = await fetchProposalDeliberation(reference);
  if (!space) return null;
  const t = await getTranslations('Deliberations.proposalLink');
  return (
    <section aria-labelledby="debat" className={styles.debateLink}>
      <h2 id="debat">{t('title')}</h2>
      <p>{t('counts', { online: space.counts.online, workshop: space.counts.workshop })}</p>
      <p>
        <Link href={threadPath(reference)}>{t('link')}</Link>
      </p>
    </section>
  );
}
