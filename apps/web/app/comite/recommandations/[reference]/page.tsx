import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';

import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';
import { PublicResponse } from '@/features/authority-responses/components/RecommendationResponse';
import { VoteTally } from '@/features/recommendations/components/VoteTally';
import styles from '@/features/recommendations/components/recommendations.module.css';
import { recommendationLabels } from '@/features/recommendations/labels';
import { OPINIONS_PATH, opinionPath } from '@/features/recommendations/paths';
import { fetchRecommendation } from '@/features/recommendations/queries';

type Props = { params: Promise<{ reference: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const item = await fetchRecommendation((await params).reference);
  const t = await getTranslations('Recommendations.public');
  return { title: item && item.state === 'published' ? t('metaTitle', { title: item.title }) : t('title') };
}

/**
 * A published recommendation on its own: its text, the opinion it belongs
 * to, how it was adopted (counts per seat type) and its dissents. The city's
 * answer and its follow-up come from the authority's responses.
 */
export default async function PublicRecommendationPage({ params }: Props) {
  const { reference } = await params;
  const item = await fetchRecommendation(reference);
  if (!item || item.state !== 'published') notFound();
  const [t, labels] = await Promise.all([getTranslations('Recommendations.public'), recommendationLabels()]);
  const adopting = item.votes.filter((vote) => vote.subject === 'recommendation' && vote.state === 'closed').at(-1);
  return (
    <>
      <p>
        <Link href={item.opinion ? opinionPath(item.opinion) : OPINIONS_PATH}>{item.opinion ? t('backToOpinion', { number: item.opinion }) : t('back')}</Link>
      </p>
      <PageHeader title={<span lang="fr">{item.title}</span>} lead={t('lead', { reference: item.reference, position: item.position ?? 0, number: item.opinion ?? '' })} />
      <section className="section" aria-labelledby="texte">
        <h2 id="texte">{t('text')}</h2>
        <div className={styles.text} lang="fr">
          {item.body}
        </div>
        <p>{t('facts', { version: item.version, rapporteur: item.rapporteur.displayName, date: item.adoptedAt ? labels.date(item.adoptedAt) : '—' })}</p>
      </section>
      {adopting ? (
        <section className="section" aria-labelledby="decision">
          <h2 id="decision">{t('howDecided')}</h2>
          <VoteTally tally={adopting.tally} withheld={adopting.withheld} closed labels={labels} id="vote-adoption" />
        </section>
      ) : null}
      <section className="section" aria-labelledby="opinions-divergentes">
        <h2 id="opinions-divergentes">{t('dissents')}</h2>
        {item.dissents.length === 0 ? (
          <p>{t('noDissent')}</p>
        ) : (
          item.dissents.map((dissent) => (
            <blockquote key={dissent.id}>
              <div className={styles.text} lang="fr">
                {dissent.body}
              </div>
              <p>— {dissent.anonymous ? t('anonymous', { count: dissent.signatures }) : dissent.signatories.map((member) => member.displayName).join(', ')}</p>
            </blockquote>
          ))
        )}
      </section>
      <PublicResponse reference={item.reference} />
    </>
  );
}
