import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';

import { ApiLink } from '@/components/ui/ApiLink';
import { FollowButton } from '@/components/ui/FollowButton';
import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';
import { toggleOpinionFollow } from '@/features/recommendations/actions';
import { ProcedureSection, PublishedItem } from '@/features/recommendations/components/OpinionSections';
import styles from '@/features/recommendations/components/recommendations.module.css';
import { StepDone } from '@/features/recommendations/components/StepDone';
import { doneKey, doneMessage } from '@/features/recommendations/done';
import { recommendationLabels } from '@/features/recommendations/labels';
import { OPINIONS_FEED, OPINIONS_PATH, opinionJson, opinionPdf, opinionVoteEvents } from '@/features/recommendations/paths';
import { fetchOpinion } from '@/features/recommendations/queries';

type Props = { params: Promise<{ number: string }>; searchParams: Promise<{ fait?: string; n?: string; t?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { number } = await params;
  const [opinion, t] = await Promise.all([fetchOpinion(number), getTranslations('Recommendations.opinion')]);
  if (!opinion) return { title: t('title') };
  return {
    title: `${t('label', { number })} — ${opinion.title}`,
    alternates: {
      types: {
        'application/atom+xml': [{ url: OPINIONS_FEED, title: t('atom') }],
        'application/json': [{ url: opinionJson(number), title: t('json') }],
        'application/pdf': [{ url: opinionPdf(number), title: t('pdf') }],
      },
    },
  };
}

/** A published opinion: context, procedure, analysis, recommendations and how each was decided, dissents; its PDF, JSON and feed. */
export default async function OpinionPage({ params, searchParams }: Props) {
  const { number } = await params;
  const opinion = await fetchOpinion(number);
  if (!opinion || opinion.state !== 'published') notFound();
  const [t, labels, query] = await Promise.all([getTranslations('Recommendations.opinion'), recommendationLabels(), searchParams]);
  // Only the publication leads here with a confirmation (`?fait=published`).
  const done = query.fait === 'published' ? await doneMessage(query) : null;
  return (
    <>
      {done ? <StepDone key={doneKey(query)}>{done}</StepDone> : null}
      <p>
        <Link href={OPINIONS_PATH}>{t('back')}</Link>
      </p>
      <PageHeader
        title={
          <>
            {t('label', { number })}
            {/* Heard as « AVIS n° 2026-001 — Les capteurs… », seen on two lines. */}
            <span className="visually-hidden"> — </span>
            <br />
            <span lang="fr">{opinion.title}</span>
          </>
        }
        lead={t('lead', { date: opinion.publishedAt ? labels.date(opinion.publishedAt) : '—', count: opinion.items.length })}
      >
        {opinion.responseDueAt ? <p>{t('due', { date: labels.date(opinion.responseDueAt), days: opinion.responseDeadlineDays })}</p> : null}
        <ul className={styles.inlineList} aria-label={t('formats')}>
          {opinion.links.pdf ? (
            <li>
              <ApiLink href={opinionPdf(number)}>{t('pdf')}</ApiLink>
            </li>
          ) : null}
          <li>
            <ApiLink href={opinionJson(number)}>{t('json')}</ApiLink>
          </li>
          {opinion.links.voteEvents ? (
            <li>
              <ApiLink href={opinionVoteEvents(number)}>{t('voteEvents')}</ApiLink>
            </li>
          ) : null}
          <li>
            <ApiLink href={OPINIONS_FEED}>{t('atom')}</ApiLink>
          </li>
        </ul>
        {opinion.viewer.can['recommendations.follow-opinion'].allowed ? (
          <FollowButton action={toggleOpinionFollow} reference={number} following={opinion.following} labels={{ follow: t('follow'), unfollow: t('unfollow') }} />
        ) : (
          <p>
            <Link href={`/connexion?retour=${encodeURIComponent(`${OPINIONS_PATH}/${number}`)}`}>{t('signInToFollow')}</Link>
          </p>
        )}
        <p>{t('followers', { count: opinion.followers })}</p>
      </PageHeader>
      <section className="section" aria-labelledby="contexte">
        <h2 id="contexte">{t('context')}</h2>
        <div className={styles.text} lang="fr">
          {opinion.context}
        </div>
      </section>
      <ProcedureSection opinion={opinion} labels={labels} />
      <section className="section" aria-labelledby="analyse">
        <h2 id="analyse">{t('analysis')}</h2>
        <div className={styles.text} lang="fr">
          {opinion.analysis}
        </div>
      </section>
      <section className="section" aria-labelledby="recommandations">
        <h2 id="recommandations">{t('recommendations')}</h2>
        <div className={styles.list}>
          {opinion.items.map((item) => (
            <PublishedItem key={item.reference} item={item} labels={labels} />
          ))}
        </div>
      </section>
    </>
  );
}
