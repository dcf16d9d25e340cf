import type { ProposalSummary } from '@sesame/domain';
import { getTranslations } from 'next-intl/server';

import { Link } from '@/components/ui/Link';
import listing from '@/components/ui/listing.module.css';
import { Content, fr, person } from '@/i18n/content';

import { proposalLabels } from '../labels';
import styles from './proposals.module.css';
import { StateBadge } from './StateBadge';
import { SupportProgress } from './SupportProgress';

/** One proposal of the list: its title links to it (the whole card is the target). */
export async function ProposalCard({ item }: { item: ProposalSummary }) {
  const [t, labelsT, people] = [await getTranslations('Proposals.card'), await getTranslations('Proposals.labels'), await getTranslations('People')];
  const labels = proposalLabels(labelsT);
  return (
    <article className="card">
      <h3 className={listing.cardTitle}>
        <Link href={`/propositions/${item.reference}`} className="card__link">
          {item.title ? <Content>{item.title}</Content> : labelsT('untitled')}
        </Link>
      </h3>
      <p>
        <StateBadge state={item.state} /> <span>{t('kind', { kind: labels.kind(item.kind) })}</span>
      </p>
      {item.dataUse || item.unlistedDataUse ? <p className={styles.cardLine}>{item.dataUse ? t.rich('dataUse', { title: item.dataUse.title, fr }) : t('unlisted')}</p> : null}
      {item.neighbourhood ? <p className={styles.cardLine}>{t.rich('neighbourhood', { name: item.neighbourhood.name, fr })}</p> : null}
      <SupportProgress proposal={item} variant="card" />
      <p className={listing.cardMeta}>
        {t('reference', { reference: item.reference })} · {t.rich('author', person('author', item.author, people('deletedAccount')))}
      </p>
    </article>
  );
}
