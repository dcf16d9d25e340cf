import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';

import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';
import { PanelResponse } from '@/features/authority-responses/components/RecommendationResponse';
import { requirePerson } from '@/features/identity/session';
import {
  AmendmentsSection,
  DissentsSection,
  EditDraftSection,
  RapporteurSteps,
  VersionsSection,
  VotesSection,
} from '@/features/recommendations/components/RecommendationSections';
import styles from '@/features/recommendations/components/recommendations.module.css';
import { StepDone } from '@/features/recommendations/components/StepDone';
import { doneKey, doneMessage } from '@/features/recommendations/done';
import { recommendationLabels } from '@/features/recommendations/labels';
import { draftPath, opinionPath, publicRecommendationPath, referralPath } from '@/features/recommendations/paths';
import { fetchDiff, fetchRecommendation, fetchVersions, fetchWorkspace } from '@/features/recommendations/queries';

type Props = { params: Promise<{ reference: string }>; searchParams: Promise<{ de?: string; a?: string; fait?: string; n?: string; t?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const item = await fetchRecommendation((await params).reference);
  const t = await getTranslations('Recommendations.item');
  return { title: item ? t('metaTitle', { title: item.title }) : t('title') };
}

/**
 * A recommendation in the panel's workspace: its text, its versions and the
 * diff between two, its amendments, its votes, its dissenting opinions, and
 * the rapporteur's steps.
 */
export default async function DraftRecommendationPage({ params, searchParams }: Props) {
  const { reference } = await params;
  await requirePerson(draftPath(reference));
  const item = await fetchRecommendation(reference);
  if (!item) notFound();
  const [t, labels, versions, workspace, query] = await Promise.all([getTranslations('Recommendations.item'), recommendationLabels(), fetchVersions(reference), fetchWorkspace(), searchParams]);
  const latest = versions.at(-1)?.version ?? item.version;
  const to = Number(query.a) || latest;
  const from = Number(query.de) || Math.max(1, to - 1);
  const diff = versions.length > 1 && from !== to ? await fetchDiff(reference, from, to) : null;
  const seat = workspace?.seat ?? null;
  const done = await doneMessage(query);
  return (
    <>
      {done ? <StepDone key={doneKey(query)}>{done}</StepDone> : null}
      <p>
        <Link href={referralPath(item.referral)}>{t('back', { reference: item.referral })}</Link>
      </p>
      <PageHeader
        title={<span lang="fr">{item.title}</span>}
        lead={t('lead', { reference: item.reference, state: labels.state(item.state), version: item.version, rapporteur: item.rapporteur.displayName })}
      >
        {item.opinion ? (
          <p>
            <Link href={opinionPath(item.opinion)}>{t('inOpinion', { number: item.opinion })}</Link> · <Link href={publicRecommendationPath(item.reference)}>{t('publicPage')}</Link>
          </p>
        ) : null}
      </PageHeader>
      <section className="section" aria-labelledby="texte">
        <h2 id="texte">{t('text', { version: item.version })}</h2>
        <div className={styles.text} lang="fr" data-testid="recommendation-text">
          {item.body}
        </div>
      </section>
      <RapporteurSteps item={item} seat={seat} />
      <EditDraftSection item={item} />
      <VersionsSection item={item} versions={versions} diff={diff} from={from} to={to} />
      <AmendmentsSection item={item} seat={seat} labels={labels} />
      <VotesSection item={item} seat={seat} labels={labels} />
      <DissentsSection item={item} seat={seat} labels={labels} />
      {item.state === 'published' ? <PanelResponse reference={item.reference} /> : null}
    </>
  );
}
