import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';

import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';
import { fetchAdvisoryPanel } from '@/features/advisory-panel/queries';
import { requirePerson } from '@/features/identity/session';
import { DossierView } from '@/features/recommendations/components/Dossier';
import {
  DiscussionSection,
  DismissSection,
  HearingsSection,
  OpinionDraftSection,
  RecommendationsSection,
  RefreshDossierForm,
  SessionsSection,
} from '@/features/recommendations/components/ReferralSections';
import { StepDone } from '@/features/recommendations/components/StepDone';
import { doneKey, doneMessage } from '@/features/recommendations/done';
import { recommendationLabels } from '@/features/recommendations/labels';
import { opinionPath, referralPath, WORKSPACE_PATH } from '@/features/recommendations/paths';
import { fetchDiscussion, fetchReferral } from '@/features/recommendations/queries';
import styles from '@/features/recommendations/components/recommendations.module.css';

type Props = { params: Promise<{ reference: string }>; searchParams: Promise<{ saisie?: string; fait?: string; n?: string; t?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const referral = await fetchReferral((await params).reference);
  const t = await getTranslations('Recommendations.referral');
  return { title: referral ? t('metaTitle', { title: referral.title }) : t('title') };
}

/**
 * A referral in the panel's workspace: the question and its dossier, the
 * sessions (attendance, quorum), the hearings, the recommendations, the
 * members-only discussion and the opinion being prepared.
 */
export default async function ReferralPage({ params, searchParams }: Props) {
  const { reference } = await params;
  await requirePerson(referralPath(reference));
  const referral = await fetchReferral(reference);
  if (!referral) notFound();
  const [t, labels, posts, panel, query] = await Promise.all([
    getTranslations('Recommendations.referral'),
    recommendationLabels(),
    fetchDiscussion(reference),
    fetchAdvisoryPanel(),
    searchParams,
  ]);
  const members = panel.members.filter((member) => member.state === 'active');
  const done = await doneMessage(query, { reference: referral.reference });
  return (
    <>
      {done ? <StepDone key={doneKey(query)}>{done}</StepDone> : null}
      <p>
        <Link href={WORKSPACE_PATH}>{t('back')}</Link>
      </p>
      <PageHeader title={<span lang="fr">{referral.title}</span>} lead={t('lead', { reference: referral.reference, source: labels.source(referral.source), state: labels.referralState(referral.state) })}>
        {query.saisie ? (
          <p className="banner banner--ok" role="status">
            {t('created', { reference: referral.reference })}
          </p>
        ) : null}
        <h2>{t('question')}</h2>
        <p className="prose" lang="fr">
          {referral.question}
        </p>
        {referral.dismissedReason ? (
          <p className="notice">
            {t('dismissed')} <span lang="fr">{referral.dismissedReason}</span>
          </p>
        ) : null}
        {referral.opinion ? (
          <p>
            <Link href={opinionPath(referral.opinion)}>{t('opinion', { number: referral.opinion })}</Link>
          </p>
        ) : null}
      </PageHeader>
      <nav aria-labelledby="sommaire">
        <h2 id="sommaire" className="visually-hidden">
          {t('contents')}
        </h2>
        <ul className={styles.inlineList}>
          <li>
            <a href="#dossier">{t('dossierTitle')}</a>
          </li>
          <li>
            <a href="#seances">{t('sessions')}</a>
          </li>
          <li>
            <a href="#auditions">{t('hearings')}</a>
          </li>
          <li>
            <a href="#recommandations">{t('recommendations')}</a>
          </li>
          {referral.viewer.can['recommendations.discuss'].allowed ? (
            <li>
              <a href="#discussion">{t('discussion')}</a>
            </li>
          ) : null}
        </ul>
      </nav>
      <section className="section" aria-labelledby="dossier">
        <h2 id="dossier">{t('dossierTitle')}</h2>
        <DossierView dossier={referral.dossier} labels={labels} />
        <RefreshDossierForm referral={referral} />
      </section>
      <SessionsSection referral={referral} members={members} labels={labels} />
      <HearingsSection referral={referral} labels={labels} />
      <RecommendationsSection referral={referral} labels={labels} />
      <DiscussionSection referral={referral} posts={posts} labels={labels} />
      <OpinionDraftSection referral={referral} />
      <DismissSection referral={referral} />
    </>
  );
}
