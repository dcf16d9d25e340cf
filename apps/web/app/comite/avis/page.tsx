import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { ApiLink } from '@/components/ui/ApiLink';
import { EmptyState } from '@/components/ui/EmptyState';
import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';
import styles from '@/features/recommendations/components/recommendations.module.css';
import { recommendationLabels } from '@/features/recommendations/labels';
import { OPINIONS_FEED, opinionPath } from '@/features/recommendations/paths';
import { fetchOpinions } from '@/features/recommendations/queries';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Recommendations.opinions');
  return { title: t('metaTitle'), alternates: { types: { 'application/atom+xml': [{ url: OPINIONS_FEED, title: t('atom') }] } } };
}

/** The panel's published opinions, newest first, with the date by which the city must answer. */
export default async function OpinionsPage() {
  const [t, o, labels, opinions] = await Promise.all([getTranslations('Recommendations.opinions'), getTranslations('Recommendations.opinion'), recommendationLabels(), fetchOpinions()]);
  const published = opinions.filter((opinion) => opinion.state === 'published' && opinion.number);
  return (
    <>
      <PageHeader title={t('title')} lead={t('lead')}>
        <p>
          <Link href="/comite">{t('panel')}</Link> · <ApiLink href={OPINIONS_FEED}>{t('atom')}</ApiLink>
        </p>
      </PageHeader>
      {published.length === 0 ? (
        <EmptyState title={t('emptyTitle')}>
          <p>{t('empty')}</p>
        </EmptyState>
      ) : (
        <ul className={styles.list}>
          {published.map((opinion) => (
            <li key={opinion.number} className={styles.item} data-testid="opinion">
              <h2>
                <Link href={opinionPath(opinion.number!)}>
                  {o('label', { number: opinion.number! })} — <span lang="fr">{opinion.title}</span>
                </Link>
              </h2>
              <p>
                {opinion.publishedAt ? t('published', { date: labels.date(opinion.publishedAt) }) : null} · {t('recommendations', { count: opinion.recommendations })}
                {opinion.responseDueAt ? ` · ${t('due', { date: labels.date(opinion.responseDueAt) })}` : null}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
